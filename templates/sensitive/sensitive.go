// Package sensitive keeps the values of Smithy @sensitive members out of fmt
// and log/slog output. The generated types that hold sensitive data,
// directly or through nested types, implement fmt.Formatter and
// slog.LogValuer with Format and LogValue, printing Text in place of every
// sensitive value.
//
// encoding/json is left alone: json.Marshal of a generated value gives the
// same bytes as the AWS SDK for Go v2's type would, secrets included, so
// that a program caching credentials as JSON keeps working. The limit this
// implies: slog's JSON handler resolves LogValue only for the value it is
// handed (or a pointer to it); a bare slice, map or anonymous struct of
// sensitive values handed to slog.Any is not a slog.LogValuer, and the JSON
// handler encodes it with encoding/json, secrets included. Log the
// enclosing generated input or output, or each element, instead: LogValue
// walks the slices and maps inside a generated type (see Value). slog's text
// handler formats such a collection with fmt, which calls Format, so it
// redacts it.
package sensitive

import (
	"fmt"
	"io"
	"log/slog"
	"reflect"
	"slices"
	"strconv"
)

// Text replaces a sensitive value in output; it is the AWS SDKs' wording.
const Text = "*** Sensitive Information Redacted ***"

// Field is one field of a struct being formatted.
type Field struct {
	Name   string
	Value  any
	Redact bool // print Text instead of Value
}

// Format writes fields the way fmt prints a struct for verb: "{a b}" for
// %v, "{A:a B:b}" for %+v and "pkg.T{A:a, B:b}" for %#v (typeName is
// "pkg.T"), each value formatted with the same verb and flags, and Text for
// every redacted field.
func Format(f fmt.State, verb rune, typeName string, fields []Field) {
	sharp := verb == 'v' && f.Flag('#')
	named := sharp || verb == 'v' && f.Flag('+')
	if sharp {
		io.WriteString(f, typeName)
	}
	io.WriteString(f, "{")
	directive := fmt.FormatString(f, verb)
	for i, fl := range fields {
		if i > 0 {
			if sharp {
				io.WriteString(f, ", ")
			} else {
				io.WriteString(f, " ")
			}
		}
		if named {
			io.WriteString(f, fl.Name)
			io.WriteString(f, ":")
		}
		if fl.Redact {
			writeText(f, sharp || verb == 'q')
			continue
		}
		fmt.Fprintf(f, directive, fl.Value)
	}
	io.WriteString(f, "}")
}

// FormatRedacted writes Text alone, for a value whose whole shape is
// sensitive; quoted for %q and %#v.
func FormatRedacted(f fmt.State, verb rune) {
	writeText(f, verb == 'q' || verb == 'v' && f.Flag('#'))
}

func writeText(w io.Writer, quoted bool) {
	if quoted {
		io.WriteString(w, strconv.Quote(Text))
		return
	}
	io.WriteString(w, Text)
}

// LogValue returns fields as a slog group, with Text for every redacted
// field and Value for the others.
func LogValue(fields []Field) slog.Value {
	attrs := make([]slog.Attr, len(fields))
	for i, fl := range fields {
		if fl.Redact {
			attrs[i] = slog.String(fl.Name, Text)
		} else {
			attrs[i] = slog.Attr{Key: fl.Name, Value: Value(fl.Value)}
		}
	}
	return slog.GroupValue(attrs...)
}

var logValuerType = reflect.TypeFor[slog.LogValuer]()

// Value returns the slog value of v: v itself when it is a slog.LogValuer
// (the handler resolves it), the pointed-to value of a non-nil pointer,
// and a group (keys "0", "1", ... or the sorted map keys) for a slice or map
// that may hold LogValuers, so that a JSON handler never marshals (with
// encoding/json, which does not redact) a sensitive struct nested in a
// collection field of a logged generated type. A nil pointer is a nil value.
func Value(v any) slog.Value {
	if v == nil {
		return slog.AnyValue(nil)
	}
	if _, ok := v.(slog.LogValuer); ok {
		rv := reflect.ValueOf(v)
		if rv.Kind() == reflect.Pointer && rv.IsNil() {
			return slog.AnyValue(nil)
		}
		return slog.AnyValue(v)
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Pointer, reflect.Interface:
		if rv.IsNil() {
			return slog.AnyValue(nil)
		}
		return Value(rv.Elem().Interface())
	case reflect.Slice, reflect.Array:
		if !mayLogValue(rv.Type().Elem()) {
			return slog.AnyValue(v)
		}
		attrs := make([]slog.Attr, rv.Len())
		for i := range attrs {
			attrs[i] = slog.Attr{Key: strconv.Itoa(i), Value: Value(rv.Index(i).Interface())}
		}
		return slog.GroupValue(attrs...)
	case reflect.Map:
		if !mayLogValue(rv.Type().Elem()) || rv.Type().Key().Kind() != reflect.String {
			return slog.AnyValue(v)
		}
		keys := rv.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int {
			switch {
			case a.String() < b.String():
				return -1
			case a.String() > b.String():
				return 1
			}
			return 0
		})
		attrs := make([]slog.Attr, len(keys))
		for i, k := range keys {
			attrs[i] = slog.Attr{Key: k.String(), Value: Value(rv.MapIndex(k).Interface())}
		}
		return slog.GroupValue(attrs...)
	}
	return slog.AnyValue(v)
}

// mayLogValue reports whether a value of type t may hold a slog.LogValuer.
func mayLogValue(t reflect.Type) bool {
	for {
		switch {
		case t.Implements(logValuerType):
			return true
		case t.Kind() == reflect.Interface:
			return true
		case t.Kind() == reflect.Pointer, t.Kind() == reflect.Slice, t.Kind() == reflect.Array, t.Kind() == reflect.Map:
			t = t.Elem()
		default:
			return false
		}
	}
}
