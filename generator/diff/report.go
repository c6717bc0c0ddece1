package diff

import (
	"encoding/json"
	"fmt"
	"io"
)

// Counts returns the number of breaking and compatible changes.
func Counts(cs []Change) (breaking, compatible int) {
	for _, c := range cs {
		if c.Severity == Breaking {
			breaking++
		} else {
			compatible++
		}
	}
	return breaking, compatible
}

// WriteText writes changes (as sorted by Compare) for people: a heading per
// severity, one line per change ("kind  id  goName: detail"), then the line
// "N breaking, M compatible".
func WriteText(w io.Writer, cs []Change) error {
	var last Severity
	for _, c := range cs {
		if c.Severity != last {
			if _, err := fmt.Fprintf(w, "%s:\n", c.Severity); err != nil {
				return err
			}
			last = c.Severity
		}
		target := c.ID
		if c.GoName != "" {
			target += " (" + c.GoName + ")"
		}
		if _, err := fmt.Fprintf(w, "  %-26s %s: %s\n", c.Kind, target, c.Detail); err != nil {
			return err
		}
	}
	b, m := Counts(cs)
	_, err := fmt.Fprintf(w, "%d breaking, %d compatible\n", b, m)
	return err
}

// WriteJSON writes changes as an indented JSON array of
// {kind, severity, id, goName, detail} objects ("[]" when there are none).
func WriteJSON(w io.Writer, cs []Change) error {
	if cs == nil {
		cs = []Change{}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(cs)
}
