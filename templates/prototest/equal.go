package prototest

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"math/big"
	"reflect"
	"time"
)

// documentMarshaler is a Smithy document value.
type documentMarshaler interface {
	MarshalSmithyDocument() ([]byte, error)
}

var (
	timeType     = reflect.TypeFor[time.Time]()
	bigIntType   = reflect.TypeFor[*big.Int]()
	bigFloatType = reflect.TypeFor[*big.Float]()
)

// Equal compares want and got, values of the same generated type, and
// describes the first difference (nil when equal). It ignores unexported
// fields and the ResultMetadata and ErrorCodeOverride fields; compares
// times with time.Time.Equal, big numbers by value, NaN equal to NaN,
// documents by their JSON, and readers by the bytes they hold (reading
// them; a nil reader holds none); a nil slice or map equals an empty one.
func Equal(want, got any) error {
	return equal(reflect.ValueOf(want), reflect.ValueOf(got), "value")
}

// equal is Equal on reflected values, path naming them in messages.
func equal(w, g reflect.Value, path string) error {
	if !w.IsValid() || !g.IsValid() {
		if w.IsValid() != g.IsValid() && !isNil(w) && !isNil(g) {
			return fmt.Errorf("%s: want %s, got %s", path, show(w), show(g))
		}
		if isNil(w) != isNil(g) {
			return fmt.Errorf("%s: want %s, got %s", path, show(w), show(g))
		}
		return nil
	}
	if w.Type() != g.Type() {
		return fmt.Errorf("%s: want type %s, got %s", path, w.Type(), g.Type())
	}
	switch w.Type() {
	case timeType:
		wt, gt := w.Interface().(time.Time), g.Interface().(time.Time)
		if !wt.Equal(gt) {
			return fmt.Errorf("%s: want %s, got %s", path, wt.Format(time.RFC3339Nano), gt.Format(time.RFC3339Nano))
		}
		return nil
	case bigIntType, bigFloatType:
		return equalBig(w, g, path)
	}
	if w.Kind() == reflect.Interface && (isReader(w) || isReader(g)) {
		wr, _ := w.Interface().(io.Reader)
		gr, _ := g.Interface().(io.Reader)
		return equalReaders(wr, gr, path)
	}
	if w.Kind() == reflect.Interface || (w.Kind() == reflect.Pointer && w.CanInterface()) {
		if done, err := equalSpecial(w, g, path); done {
			return err
		}
	}
	switch w.Kind() {
	case reflect.Interface, reflect.Pointer:
		if done, err := compareNil(w, g, path); done {
			return err
		}
		return equal(w.Elem(), g.Elem(), path)
	case reflect.Struct:
		for i := range w.NumField() {
			f := w.Type().Field(i)
			if !f.IsExported() || f.Name == "ResultMetadata" || f.Name == "ErrorCodeOverride" {
				continue
			}
			if err := equal(w.Field(i), g.Field(i), path+"."+f.Name); err != nil {
				return err
			}
		}
		return nil
	case reflect.Slice, reflect.Array:
		if w.Len() != g.Len() {
			return fmt.Errorf("%s: want %d elements, got %d", path, w.Len(), g.Len())
		}
		for i := range w.Len() {
			if err := equal(w.Index(i), g.Index(i), fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
		return nil
	case reflect.Map:
		if w.Len() != g.Len() {
			return fmt.Errorf("%s: want %d entries, got %d", path, w.Len(), g.Len())
		}
		iter := w.MapRange()
		for iter.Next() {
			k := iter.Key()
			gv := g.MapIndex(k)
			kp := fmt.Sprintf("%s[%v]", path, k)
			if !gv.IsValid() {
				return fmt.Errorf("%s: missing", kp)
			}
			if err := equal(iter.Value(), gv, kp); err != nil {
				return err
			}
		}
		return nil
	case reflect.Float32, reflect.Float64:
		wf, gf := w.Float(), g.Float()
		if math.IsNaN(wf) && math.IsNaN(gf) {
			return nil
		}
		if wf != gf {
			return fmt.Errorf("%s: want %v, got %v", path, wf, gf)
		}
		return nil
	}
	if !w.CanInterface() || !reflect.DeepEqual(w.Interface(), g.Interface()) {
		return fmt.Errorf("%s: want %s, got %s", path, show(w), show(g))
	}
	return nil
}

// equalSpecial compares documents (by JSON) and readers (by content); done
// is false for other values.
func equalSpecial(w, g reflect.Value, path string) (done bool, err error) {
	wi, gi := w.Interface(), g.Interface()
	if wd, ok := wi.(documentMarshaler); ok {
		gd, _ := gi.(documentMarshaler)
		return true, equalDocuments(wd, gd, path)
	}
	if wr, ok := wi.(io.Reader); ok {
		gr, _ := gi.(io.Reader)
		return true, equalReaders(wr, gr, path)
	}
	return false, nil
}

// equalDocuments compares two documents by their JSON (nil is null).
func equalDocuments(w, g documentMarshaler, path string) error {
	wb, gb, err := bothBytes(w, g, documentJSON, "marshal", path)
	if err != nil {
		return err
	}
	if err := JSONEqual(wb, gb); err != nil {
		return fmt.Errorf("%s: document: %w", path, err)
	}
	return nil
}

// equalReaders compares what two readers hold, reading them.
func equalReaders(w, g io.Reader, path string) error {
	wb, gb, err := bothBytes(w, g, readAll, "read", path)
	if err != nil {
		return err
	}
	if !bytes.Equal(wb, gb) {
		return fmt.Errorf("%s: want stream %q, got %q", path, wb, gb)
	}
	return nil
}

// bothBytes applies load to want then got; an error names the step (verb)
// and the side that failed.
func bothBytes[T any](w, g T, load func(T) ([]byte, error), verb, path string) (wb, gb []byte, err error) {
	if wb, err = load(w); err != nil {
		return nil, nil, fmt.Errorf("%s: %s want: %w", path, verb, err)
	}
	if gb, err = load(g); err != nil {
		return nil, nil, fmt.Errorf("%s: %s got: %w", path, verb, err)
	}
	return wb, gb, nil
}

// documentJSON returns the JSON of a document, null for a nil one.
func documentJSON(d documentMarshaler) ([]byte, error) {
	if d == nil || reflect.ValueOf(d).IsNil() {
		return []byte("null"), nil
	}
	return d.MarshalSmithyDocument()
}

// readAll returns what r holds, nothing for a nil reader.
func readAll(r io.Reader) ([]byte, error) {
	if r == nil || reflect.ValueOf(r).Kind() == reflect.Pointer && reflect.ValueOf(r).IsNil() {
		return nil, nil
	}
	return io.ReadAll(r)
}

// equalBig compares two *big.Int or two *big.Float by value.
func equalBig(w, g reflect.Value, path string) error {
	if done, err := compareNil(w, g, path); done {
		return err
	}
	var c int
	switch wv := w.Interface().(type) {
	case *big.Int:
		c = wv.Cmp(g.Interface().(*big.Int))
	case *big.Float:
		c = wv.Cmp(g.Interface().(*big.Float))
	}
	if c != 0 {
		return fmt.Errorf("%s: want %v, got %v", path, w.Interface(), g.Interface())
	}
	return nil
}

// isReader reports whether v holds a non-nil io.Reader.
func isReader(v reflect.Value) bool {
	if !v.CanInterface() || v.IsNil() {
		return false
	}
	_, ok := v.Interface().(io.Reader)
	return ok
}

// isNil reports whether v is invalid or a nil pointer, interface, slice or
// map; an empty slice or map counts as nil.
func isNil(v reflect.Value) bool {
	if !v.IsValid() {
		return true
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		return v.IsNil()
	case reflect.Slice, reflect.Map:
		return v.Len() == 0
	}
	return false
}

// show formats a value for a message.
func show(v reflect.Value) string {
	if !v.IsValid() {
		return "nil"
	}
	if v.Kind() == reflect.Pointer && !v.IsNil() {
		v = v.Elem()
	}
	if !v.CanInterface() {
		return v.Type().String()
	}
	return fmt.Sprintf("%#v", v.Interface())
}

// compareNil compares two values of a nilable kind when either is nil:
// done says whether it did, err is the difference (nil when both are nil).
func compareNil(w, g reflect.Value, path string) (done bool, err error) {
	if !w.IsNil() && !g.IsNil() {
		return false, nil
	}
	if w.IsNil() != g.IsNil() {
		return true, fmt.Errorf("%s: want %s, got %s", path, show(w), show(g))
	}
	return true, nil
}
