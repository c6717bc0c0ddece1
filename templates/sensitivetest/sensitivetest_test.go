package sensitivetest

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"
)

// recorder is a testing.TB that records failures instead of failing.
type recorder struct {
	testing.TB
	errs  []string
	fatal bool
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}
func (r *recorder) Fatalf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
	r.fatal = true
}

// plain has no redaction at all.
type plain struct{ Secret string }

// fmtOnly redacts for fmt but is no slog.LogValuer: the JSON handler
// encodes it with encoding/json.
type fmtOnly struct{ Secret string }

func (fmtOnly) Format(f fmt.State, verb rune) { fmt.Fprint(f, "{redacted}") }

// full redacts for fmt and slog, as the generated types do.
type full struct{ Secret []byte }

func (full) Format(f fmt.State, verb rune) { fmt.Fprint(f, "{redacted}") }
func (full) LogValue() slog.Value          { return slog.StringValue("redacted") }

// jsonRedacting also redacts for encoding/json, unlike the AWS SDK's types.
type jsonRedacting struct{ Secret []byte }

func (jsonRedacting) MarshalJSON() ([]byte, error) { return []byte(`{"Secret":"redacted"}`), nil }

// dropping loses its secret in encoding/json through a struct tag.
type dropping struct {
	Name   string
	Secret string `json:"-"`
}

// oneWay encodes as JSON that does not decode back to the same value.
type oneWay struct{ N int }

func (o oneWay) MarshalJSON() ([]byte, error) { return []byte(fmt.Sprintf(`{"N":%d}`, o.N+1)), nil }
func (o *oneWay) UnmarshalJSON(b []byte) error {
	var v struct{ N int }
	err := json.Unmarshal(b, &v)
	o.N = v.N
	return err
}

// plainBytes is full and jsonRedacting without methods.
type plainBytes struct{ Secret []byte }

// leakyErr shows its secret in Error.
type leakyErr struct{ Secret string }

func (e *leakyErr) Error() string { return "failed: " + e.Secret }

func TestCheckValue(t *testing.T) {
	tests := []struct {
		name  string
		check func(tb testing.TB)
		want  []string // substrings of the expected failures; none for a pass
	}{
		{"plain struct leaks", func(tb testing.TB) { CheckValue(tb, plain{Secret: Marker}) }, []string{"value of sensitivetest.plain with %+v"}},
		{"no LogValue with the JSON handler", func(tb testing.TB) { CheckValue(tb, fmtOnly{Secret: Marker}) }, []string{"slog json handler with a value"}},
		{"fully redacted", func(tb testing.TB) { CheckValue(tb, full{Secret: []byte(Marker)}) }, nil},
		{"no marker", func(tb testing.TB) { CheckValue(tb, full{Secret: []byte("x")}) }, []string{"holds no marker"}},
		{"leaky error", func(tb testing.TB) { CheckError(tb, &leakyErr{Secret: Marker}) }, []string{"error message of *sensitivetest.leakyErr"}},
		{"clean error", func(tb testing.TB) { CheckError(tb, &leakyErr{Secret: "x"}) }, nil},
		{"json unchanged", func(tb testing.TB) { CheckJSON(tb, full{Secret: []byte(Marker)}, plainBytes{Secret: []byte(Marker)}) }, nil},
		{"json redacted", func(tb testing.TB) {
			CheckJSON(tb, jsonRedacting{Secret: []byte(Marker)}, plainBytes{Secret: []byte(Marker)})
		}, []string{"differs from the type without methods", "shows 0 of the 1 sensitive values"}},
		{"json drops a member", func(tb testing.TB) {
			CheckJSON(tb, dropping{Name: "n", Secret: Marker}, dropping{Name: "n", Secret: Marker})
		}, []string{"shows 0 of the 1"}},
		{"json one way", func(tb testing.TB) { CheckJSON(tb, oneWay{N: 1}, struct{ N int }{2}) }, []string{"does not round-trip"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &recorder{TB: t}
			tt.check(r)
			if len(tt.want) == 0 && len(r.errs) > 0 {
				t.Errorf("unexpected failures:\n%s", strings.Join(r.errs, "\n"))
			}
			all := strings.Join(r.errs, "\n")
			for _, w := range tt.want {
				if !strings.Contains(all, w) {
					t.Errorf("no failure mentions %q; got:\n%s", w, all)
				}
			}
		})
	}
}

func TestLeakForms(t *testing.T) {
	b := []byte(Marker)
	for _, s := range []string{Marker, fmt.Sprint(b), fmt.Sprintf("%#v", b), fmt.Sprintf("%x", b), "eyJ" + fmt.Sprintf("%s", Forms()[4])} {
		if Leak(s) == "" {
			t.Errorf("Leak(%q) found nothing", s)
		}
	}
	if f := Leak("SENSITIVE-MARKER"); f != "" {
		t.Errorf("Leak found %q in a prefix of the marker", f)
	}
}

func TestHoldsMarker(t *testing.T) {
	type inner struct{ b []byte }
	type outer struct {
		m map[string]any
		p *inner
	}
	for _, tt := range []struct {
		v    any
		want bool
	}{
		{Marker, true},
		{outer{p: &inner{b: []byte("x" + Marker)}}, true},
		{outer{m: map[string]any{Marker: 1}}, true},
		{outer{m: map[string]any{"k": []string{"a", Marker}}}, true},
		{outer{m: map[string]any{"k": nil}}, false},
		{[]byte("none"), false},
	} {
		if got := HoldsMarker(tt.v); got != tt.want {
			t.Errorf("HoldsMarker(%#v) = %v, want %v", tt.v, got, tt.want)
		}
	}
}

func TestMarkerCount(t *testing.T) {
	for _, tt := range []struct {
		v    any
		want int
	}{
		{Marker + Marker, 2},
		{map[string][]byte{Marker: []byte(Marker)}, 2},
		{[]*string{Ptr(Marker), nil, Ptr("x")}, 1},
		{struct{ A, B any }{Marker, []any{Marker}}, 2},
		{"x", 0},
	} {
		if got := MarkerCount(tt.v); got != tt.want {
			t.Errorf("MarkerCount(%#v) = %d, want %d", tt.v, got, tt.want)
		}
	}
}

func TestBuffer(t *testing.T) {
	var b Buffer
	Logger("json", &b).Info("x", "k", "v")
	if !strings.Contains(b.String(), `"k":"v"`) {
		t.Errorf("log %q", b.String())
	}
}
