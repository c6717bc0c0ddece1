package sensitive

import (
	"fmt"
	"io"
	"strconv"
)

// formatterFunc adapts a Format method to fmt.Formatter.
type formatterFunc func(fmt.State, rune)

// Format calls fn.
func (fn formatterFunc) Format(f fmt.State, verb rune) { fn(f, verb) }

// String returns what format prints for %v; a generated String method passes
// its own Format method.
func String(format func(fmt.State, rune)) string {
	return fmt.Sprintf("%v", formatterFunc(format))
}

// GoString returns what format prints for %#v; a generated GoString method
// passes its own Format method.
func GoString(format func(fmt.State, rune)) string {
	return fmt.Sprintf("%#v", formatterFunc(format))
}

// FormatError formats an error type that holds sensitive members: for %v
// and %s it writes msg (the result of its Error method, which holds no
// sensitive value), for %q msg quoted, and for other verbs and flags the
// fields as Format does.
func FormatError(f fmt.State, verb rune, msg, typeName string, fields []Field) {
	switch {
	case verb == 's', verb == 'v' && !f.Flag('+') && !f.Flag('#'):
		io.WriteString(f, msg)
	case verb == 'q':
		io.WriteString(f, strconv.Quote(msg))
	default:
		Format(f, verb, typeName, fields)
	}
}
