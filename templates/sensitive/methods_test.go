package sensitive

import (
	"fmt"
	"testing"
)

type secretErr struct{ Message, Token string }

func (e *secretErr) Error() string { return "Code: " + e.Message }

func (e secretErr) Format(f fmt.State, verb rune) {
	FormatError(f, verb, e.Error(), "sensitive.secretErr", []Field{{Name: "Message", Value: e.Message}, {Name: "Token", Value: e.Token, Redact: true}})
}

func TestMethods(t *testing.T) {
	s := secret{Token: strp("hunter2")}
	if got, want := String(s.Format), "{<nil> "+Text+"}"; got != want {
		t.Errorf("String = %q, want %q", got, want)
	}
	if got, want := GoString(s.Format), `sensitive.secret{User:(*string)(nil), Token:"`+Text+`"}`; got != want {
		t.Errorf("GoString = %q, want %q", got, want)
	}
	var err error = &secretErr{Message: "m", Token: "hunter2"}
	tests := []struct{ format, want string }{
		{"%v", "Code: m"}, {"%s", "Code: m"}, {"%q", `"Code: m"`},
		{"%+v", "{Message:m Token:" + Text + "}"},
	}
	for _, tt := range tests {
		if got := fmt.Sprintf(tt.format, err); got != tt.want {
			t.Errorf("Sprintf(%q) = %q, want %q", tt.format, got, tt.want)
		}
	}
}
