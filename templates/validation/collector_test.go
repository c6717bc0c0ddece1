package validation

import (
	"strings"
	"testing"
)

// TestRedactedKey checks that an entry of a map with sensitive keys is named
// by RedactedKey in both path forms and in the error.
func TestRedactedKey(t *testing.T) {
	var c Collector
	c.Enter("Notes", "notes")
	c.EnterRedactedKey()
	c.Required("Text", "text")
	c.Leave()
	c.EnterKey("plain")
	c.Pattern("^a$")
	c.Leave()
	c.Leave()

	v := c.Violations()
	if len(v) != 2 {
		t.Fatalf("got %d violations, want 2", len(v))
	}
	if got, want := ClientPath(v[0].Path), `Notes["`+RedactedKey+`"].Text`; got != want {
		t.Errorf("ClientPath = %s, want %s", got, want)
	}
	if got, want := ServerPath(v[0].Path), "/notes/"+RedactedKey+"/text"; got != want {
		t.Errorf("ServerPath = %s, want %s", got, want)
	}
	if got, want := ClientPath(v[1].Path), `Notes["plain"]`; got != want {
		t.Errorf("ClientPath of a plain key = %s, want %s", got, want)
	}
	err := c.Err("OpenVaultInput")
	if err == nil || !strings.Contains(err.Error(), `Notes["`+RedactedKey+`"].Text`) {
		t.Errorf("Err() = %v, want the redacted path", err)
	}
}
