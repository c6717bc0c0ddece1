package prototest

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"strings"
)

// Query checks a raw query string against a test case: every "key=value"
// of want (encoded as on the wire) must be there, as many times as listed;
// no key of forbid may be there; every key of require must be there.
// Percent-escapes are compared case-insensitively.
func Query(rawQuery string, want, forbid, require []string) error {
	got := map[string]int{}
	keys := map[string]bool{}
	if rawQuery != "" {
		for _, p := range strings.Split(rawQuery, "&") {
			got[normalizeEscapes(p)]++
			k, _, _ := strings.Cut(p, "=")
			keys[normalizeEscapes(k)] = true
		}
	}
	var errs []error
	for _, p := range want {
		n := normalizeEscapes(p)
		if got[n] == 0 {
			errs = append(errs, fmt.Errorf("query: want %s in %q", p, rawQuery))
			continue
		}
		got[n]--
	}
	for _, k := range forbid {
		if keys[normalizeEscapes(k)] {
			errs = append(errs, fmt.Errorf("query: forbidden key %s in %q", k, rawQuery))
		}
	}
	for _, k := range require {
		if !keys[normalizeEscapes(k)] {
			errs = append(errs, fmt.Errorf("query: required key %s missing from %q", k, rawQuery))
		}
	}
	return errors.Join(errs...)
}

// normalizeEscapes upper-cases the hex digits of percent-escapes.
func normalizeEscapes(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	b := []byte(s)
	for i := 0; i+2 < len(b); i++ {
		if b[i] == '%' {
			b[i+1] = upper(b[i+1])
			b[i+2] = upper(b[i+2])
			i += 2
		}
	}
	return string(b)
}

// upper upper-cases a hex digit.
func upper(c byte) byte {
	if c >= 'a' && c <= 'f' {
		return c - 'a' + 'A'
	}
	return c
}

// Header is one expected header of a test case.
type Header struct {
	Name, Value string // the header's name (any case) and its expected value
}

// Headers checks a header set against a test case: each of want must be
// there with that value (several values of one header joined with ", "),
// no name of forbid may be there and every name of require must be.
func Headers(h http.Header, want []Header, forbid, require []string) error {
	var errs []error
	for _, w := range want {
		vs := h.Values(w.Name)
		if len(vs) == 0 {
			errs = append(errs, fmt.Errorf("header %s: missing, want %q", w.Name, w.Value))
			continue
		}
		if got := strings.Join(vs, ", "); got != w.Value {
			errs = append(errs, fmt.Errorf("header %s: want %q, got %q", w.Name, w.Value, got))
		}
	}
	for _, name := range forbid {
		if vs := h.Values(name); len(vs) > 0 {
			errs = append(errs, fmt.Errorf("header %s: forbidden, got %q", name, strings.Join(vs, ", ")))
		}
	}
	for _, name := range require {
		if len(h.Values(name)) == 0 {
			errs = append(errs, fmt.Errorf("header %s: required, missing", name))
		}
	}
	return errors.Join(errs...)
}

// Body compares a message body with a test case's: as JSON when the media
// type is JSON (application/json or a +json type), else byte for byte.
func Body(mediaType string, want, got []byte) error {
	if isJSON(mediaType) {
		if err := JSONEqual(want, got); err != nil {
			return fmt.Errorf("body: %w", err)
		}
		return nil
	}
	if !bytes.Equal(want, got) {
		return fmt.Errorf("body: want %q, got %q", want, got)
	}
	return nil
}

// isJSON reports whether a media type is JSON: application/json or a
// +json type.
func isJSON(mediaType string) bool {
	mt, _, err := mime.ParseMediaType(mediaType)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(mediaType))
	}
	return mt == "application/json" || strings.HasSuffix(mt, "+json")
}
