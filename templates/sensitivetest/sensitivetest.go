// Package sensitivetest holds the checks of the generated sensitive_test.go
// files: a value of a type that holds @sensitive members, filled with
// Marker in those members, must not show Marker through any fmt verb, any
// log/slog handler, its error message or a request log; and encoding/json
// must show it unchanged, as it would the AWS SDK for Go v2's type.
//
// slog's JSON handler is checked only for the values it resolves the
// generated LogValue methods of: the value, a pointer to it, and either in a
// group. A bare slice, map or anonymous struct of them is encoded by that
// handler with encoding/json, which the generated types leave alone.
//
// It imports testing and is imported only by generated _test.go files.
package sensitivetest

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// Marker is the value the generated tests put in every sensitive member.
const Marker = "SENSITIVE-MARKER-7f3a91"

// Verbs are the fmt verbs every value is printed with.
var Verbs = []string{"%v", "%+v", "%#v", "%s", "%q"}

// Ptr returns a pointer to v.
func Ptr[T any](v T) *T { return &v }

// Forms returns the ways Marker can show in text: as is, its bytes as fmt
// prints a []byte with %v, %#v and %x, and base64 (encoding/json's form of
// a []byte).
func Forms() []string {
	b := []byte(Marker)
	return []string{
		Marker,
		strings.Trim(fmt.Sprint(b), "[]"),
		strings.TrimSuffix(strings.TrimPrefix(fmt.Sprintf("%#v", b), "[]byte{"), "}"),
		hex.EncodeToString(b),
		base64.StdEncoding.EncodeToString(b),
	}
}

// Leak returns the first form of Marker found in s, or "".
func Leak(s string) string {
	for _, f := range Forms() {
		if strings.Contains(s, f) {
			return f
		}
	}
	return ""
}

// CheckText reports an error when s (described by what) shows Marker.
func CheckText(t testing.TB, what, s string) {
	t.Helper()
	if f := Leak(s); f != "" {
		t.Errorf("%s shows the sensitive value (%q): %s", what, f, s)
	}
}

// view is one way of passing a value to fmt or slog.
type view struct {
	name  string
	value any
	// resolved says slog calls the value's LogValue method itself, so
	// that even its JSON handler redacts it.
	resolved bool
}

// views returns v itself, a pointer to it, and v inside a slice, a slice
// of pointers, a map, an anonymous struct and an interface slice.
func views[T any](v T) []view {
	return []view{
		{"value", v, true},
		{"pointer", &v, true},
		{"slice", []T{v}, false},
		{"pointer slice", []*T{&v}, false},
		{"map", map[string]T{"k": v}, false},
		{"struct field", struct{ Field T }{v}, false},
		{"any slice", []any{v}, false},
	}
}

// CheckValue checks that v holds Marker and that no fmt verb and no slog
// handler shows it, for v and for v nested in pointers, slices, maps and
// structs (slog's JSON handler: for v and a pointer to it only, see the
// package doc). When *T has a Validate method (an operation input), its
// error must not show Marker either.
func CheckValue[T any](t testing.TB, v T) {
	t.Helper()
	if !HoldsMarker(v) {
		t.Fatalf("the test value %T holds no marker: the test would prove nothing", v)
	}
	for _, vw := range views(v) {
		for _, verb := range Verbs {
			CheckText(t, fmt.Sprintf("%s of %T with %s", vw.name, v, verb), fmt.Sprintf(verb, vw.value))
		}
		for _, format := range []string{"text", "json"} {
			if format == "json" && !vw.resolved {
				continue
			}
			var buf bytes.Buffer
			Logger(format, &buf).Info("value", "v", vw.value)
			Logger(format, &buf).Info("value", slog.Group("g", slog.Any("v", vw.value)))
			CheckText(t, fmt.Sprintf("slog %s handler with a %s of %T", format, vw.name, v), buf.String())
		}
	}
	if val, ok := any(&v).(interface{ Validate() error }); ok {
		if err := val.Validate(); err != nil {
			CheckText(t, fmt.Sprintf("Validate error of %T", v), err.Error())
		}
	}
	if err, ok := any(&v).(error); ok {
		CheckError(t, err)
	}
}

// CheckJSON checks that json.Marshal of v gives the same bytes as of plain,
// v converted to a type with the same fields and no methods (what the AWS
// SDK for Go v2's type would give), that those bytes show every Marker v
// holds, and that they decode into a T that encodes to the same bytes
// again. The decoding step is skipped for a T encoding/json cannot decode
// (one holding a union or document interface, as the SDK's types do).
func CheckJSON[T, P any](t testing.TB, v T, plain P) {
	t.Helper()
	got, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("json.Marshal(%T): %v", v, err)
	}
	want, err := json.Marshal(plain)
	if err != nil {
		t.Fatalf("json.Marshal(%T): %v", plain, err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("json.Marshal(%T) differs from the type without methods:\ngot  %s\nwant %s", v, got, want)
	}
	if n, shown := MarkerCount(v), jsonMarkers(got); shown < n {
		t.Errorf("json.Marshal(%T) shows %d of the %d sensitive values: %s", v, shown, n, got)
	}
	var back T
	if err := json.Unmarshal(got, &back); err != nil {
		return
	}
	again, err := json.Marshal(back)
	if err != nil {
		t.Fatalf("json.Marshal of the decoded %T: %v", v, err)
	}
	if !bytes.Equal(again, got) {
		t.Errorf("%T does not round-trip through encoding/json:\nfirst  %s\nsecond %s", v, got, again)
	}
}

// jsonMarkers counts the markers in encoding/json output: as is in strings
// and keys, base64-encoded for a []byte holding exactly Marker.
func jsonMarkers(b []byte) int {
	return bytes.Count(b, []byte(Marker)) + bytes.Count(b, []byte(base64.StdEncoding.EncodeToString([]byte(Marker))))
}

// CheckError checks that neither err's message, nor err wrapped, printed
// with any verb or logged shows Marker.
func CheckError(t testing.TB, err error) {
	t.Helper()
	CheckText(t, fmt.Sprintf("error message of %T", err), err.Error())
	wrapped := fmt.Errorf("operation failed: %w", err)
	CheckText(t, fmt.Sprintf("wrapped error message of %T", err), wrapped.Error())
	for _, verb := range Verbs {
		CheckText(t, fmt.Sprintf("error %T with %s", err, verb), fmt.Sprintf(verb, err))
	}
	for _, format := range []string{"text", "json"} {
		var buf bytes.Buffer
		Logger(format, &buf).Error("call failed", "err", err, "wrapped", wrapped)
		CheckText(t, fmt.Sprintf("slog %s handler with error %T", format, err), buf.String())
	}
}

// Logger returns a logger writing to w with slog's text handler, or its
// JSON handler when format is "json".
func Logger(format string, w interface{ Write([]byte) (int, error) }) *slog.Logger {
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, nil))
	}
	return slog.New(slog.NewTextHandler(w, nil))
}

// Buffer is a bytes.Buffer safe for concurrent use, for a server's log.
type Buffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

// Write appends p.
func (b *Buffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// String returns what was written.
func (b *Buffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// HoldsMarker reports whether v holds Marker in a string or byte slice,
// looking through pointers, interfaces, structs (unexported fields too),
// slices, arrays and maps.
func HoldsMarker(v any) bool {
	return MarkerCount(v) > 0
}

// MarkerCount returns how many times Marker occurs in the strings and byte
// slices v holds, looking where HoldsMarker does.
func MarkerCount(v any) int {
	return count(reflect.ValueOf(v), 0)
}

// maxDepth bounds the walk of MarkerCount (the generated values are small,
// but a recursive type could be cyclic).
const maxDepth = 32

func count(v reflect.Value, depth int) int {
	if !v.IsValid() || depth > maxDepth {
		return 0
	}
	n := 0
	switch v.Kind() {
	case reflect.String:
		n = strings.Count(v.String(), Marker)
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			n = count(v.Elem(), depth+1)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			n += count(v.Field(i), depth+1)
		}
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			b := make([]byte, v.Len())
			for i := range b {
				b[i] = byte(v.Index(i).Uint())
			}
			return bytes.Count(b, []byte(Marker))
		}
		for i := range v.Len() {
			n += count(v.Index(i), depth+1)
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			n += count(iter.Key(), depth+1) + count(iter.Value(), depth+1)
		}
	}
	return n
}
