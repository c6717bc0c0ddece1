// Package sensitivetest holds the checks of the generated sensitive_test.go
// files: a value of a type that holds @sensitive members, filled with
// Marker in those members, must not show Marker through any fmt verb, any
// log/slog handler, its error message or a request log.
//
// It imports testing and is imported only by generated _test.go files.
package sensitivetest

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
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
}

// views returns v itself, a pointer to it, and v inside a slice, a slice
// of pointers, a map, an anonymous struct and an interface slice.
func views[T any](v T) []view {
	return []view{
		{"value", v},
		{"pointer", &v},
		{"slice", []T{v}},
		{"pointer slice", []*T{&v}},
		{"map", map[string]T{"k": v}},
		{"struct field", struct{ Field T }{v}},
		{"any slice", []any{v}},
	}
}

// CheckValue checks that v holds Marker and that no fmt verb and no slog
// handler (text and JSON) shows it, for v and for v nested in pointers,
// slices, maps and structs. When *T has a Validate method (an operation
// input), its error must not show Marker either.
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
	return holds(reflect.ValueOf(v), 0)
}

// maxDepth bounds the walk of HoldsMarker (the generated values are small,
// but a recursive type could be cyclic).
const maxDepth = 32

func holds(v reflect.Value, depth int) bool {
	if !v.IsValid() || depth > maxDepth {
		return false
	}
	switch v.Kind() {
	case reflect.String:
		return strings.Contains(v.String(), Marker)
	case reflect.Pointer, reflect.Interface:
		return !v.IsNil() && holds(v.Elem(), depth+1)
	case reflect.Struct:
		for i := range v.NumField() {
			if holds(v.Field(i), depth+1) {
				return true
			}
		}
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			b := make([]byte, v.Len())
			for i := range b {
				b[i] = byte(v.Index(i).Uint())
			}
			return bytes.Contains(b, []byte(Marker))
		}
		for i := range v.Len() {
			if holds(v.Index(i), depth+1) {
				return true
			}
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			if holds(iter.Key(), depth+1) || holds(iter.Value(), depth+1) {
				return true
			}
		}
	}
	return false
}
