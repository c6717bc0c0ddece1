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

// TestJSONUnchanged checks that the redacting methods leave encoding/json
// alone: a value marshals as the same struct without methods would, secret
// included, as the AWS SDK for Go v2's types do.
func TestJSONUnchanged(t *testing.T) {
	type plainSecret struct{ User, Token *string }
	s := secret{User: strp("u"), Token: strp("hunter2")}
	got, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	want, err := json.Marshal(plainSecret(s))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) || !bytes.Contains(got, []byte("hunter2")) {
		t.Errorf("json.Marshal = %s, want %s", got, want)
	}
}

// TestSlogLimits pins down the documented limit of LogValue: slog's JSON
// handler resolves a LogValuer it is handed, and one nested in a logged
// LogValuer's fields, but encodes a bare slice of them with encoding/json;
// the text handler formats the slice with fmt, which calls Format.
func TestSlogLimits(t *testing.T) {
	s := secret{Token: strp("hunter2")}
	tests := []struct {
		name  string
		h     func(*bytes.Buffer) slog.Handler
		value any
		leaks bool
	}{
		{"json value", func(b *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(b, nil) }, s, false},
		{"json pointer", func(b *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(b, nil) }, &s, false},
		{"json slice inside a LogValuer", func(b *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(b, nil) }, outer{Secrets: []secret{s}}, false},
		{"json bare slice", func(b *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(b, nil) }, []secret{s}, true},
		{"text bare slice", func(b *bytes.Buffer) slog.Handler { return slog.NewTextHandler(b, nil) }, []secret{s}, false},
		{"text map", func(b *bytes.Buffer) slog.Handler { return slog.NewTextHandler(b, nil) }, map[string]secret{"k": s}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			slog.New(tt.h(&buf)).Info("m", "v", tt.value)
			if got := strings.Contains(buf.String(), "hunter2"); got != tt.leaks {
				t.Errorf("shows the secret: %v, want %v: %s", got, tt.leaks, buf.String())
			}
		})
	}
}
