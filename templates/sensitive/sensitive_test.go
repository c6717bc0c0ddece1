package sensitive

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"
)

type secret struct {
	User  *string
	Token *string
}

func (s secret) fields() []Field {
	return []Field{{Name: "User", Value: s.User}, {Name: "Token", Value: s.Token, Redact: true}}
}

func (s secret) Format(f fmt.State, verb rune) { Format(f, verb, "sensitive.secret", s.fields()) }
func (s secret) LogValue() slog.Value          { return LogValue(s.fields()) }

type whole struct{ Key string }

func (whole) Format(f fmt.State, verb rune) { FormatRedacted(f, verb) }
func (whole) LogValue() slog.Value          { return slog.StringValue(Text) }

type outer struct {
	Name    string
	Secrets []secret
	ByName  map[string]*secret
	W       whole
}

func (o outer) fields() []Field {
	return []Field{{Name: "Name", Value: o.Name}, {Name: "Secrets", Value: o.Secrets}, {Name: "ByName", Value: o.ByName}, {Name: "W", Value: o.W}}
}

func (o outer) Format(f fmt.State, verb rune) { Format(f, verb, "sensitive.outer", o.fields()) }
func (o outer) LogValue() slog.Value          { return LogValue(o.fields()) }

func strp(s string) *string { return &s }

func TestFormat(t *testing.T) {
	s := secret{User: nil, Token: strp("hunter2")}
	tests := []struct{ format, want string }{
		{"%v", "{<nil> " + Text + "}"},
		{"%+v", "{User:<nil> Token:" + Text + "}"},
		{"%#v", `sensitive.secret{User:(*string)(nil), Token:"` + Text + `"}`},
		{"%s", "{%!s(*string=<nil>) " + Text + "}"},
		{"%q", `{%!q(*string=<nil>) "` + Text + `"}`},
	}
	for _, tt := range tests {
		for _, v := range []any{s, &s} {
			if got := fmt.Sprintf(tt.format, v); got != tt.want {
				t.Errorf("Sprintf(%q, %T) = %q, want %q", tt.format, v, got, tt.want)
			}
		}
	}
	if got := fmt.Sprintf("%v|%#v|%q", whole{"k"}, whole{"k"}, whole{"k"}); got != Text+`|"`+Text+`"|"`+Text+`"` {
		t.Errorf("FormatRedacted: %s", got)
	}
}

func TestNestedNeverLeaks(t *testing.T) {
	o := outer{Name: "n", Secrets: []secret{{User: strp("u"), Token: strp("hunter2")}},
		ByName: map[string]*secret{"a": {Token: strp("hunter2")}, "b": nil}, W: whole{"hunter2"}}
	for _, format := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%d"} {
		if got := fmt.Sprintf(format, o); strings.Contains(got, "hunter2") {
			t.Errorf("Sprintf(%q) leaks: %s", format, got)
		}
	}
	var buf bytes.Buffer
	for _, h := range []slog.Handler{slog.NewJSONHandler(&buf, nil), slog.NewTextHandler(&buf, nil)} {
		slog.New(h).Info("msg", "o", o, "p", &o)
	}
	if strings.Contains(buf.String(), "hunter2") {
		t.Errorf("slog leaks: %s", buf.String())
	}
	if !strings.Contains(buf.String(), Text) || !strings.Contains(buf.String(), `"User":"u"`) {
		t.Errorf("slog output lacks the redacted or plain values: %s", buf.String())
	}
	var m map[string]any
	line, _, _ := strings.Cut(buf.String(), "\n")
	if err := json.Unmarshal([]byte(line), &m); err != nil {
		t.Fatalf("JSON handler output is not JSON: %v", err)
	}
}
