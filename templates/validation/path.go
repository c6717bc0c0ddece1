package validation

import (
	"strconv"
	"strings"
)

// SegmentKind says what a path segment names.
type SegmentKind uint8

// The kinds of path segment.
const (
	MemberSegment SegmentKind = iota // a structure or union member
	IndexSegment                     // an index into a list
	KeySegment                       // a key of a map
)

// Segment is one step of the path from an operation input to a value.
type Segment struct {
	Kind SegmentKind
	// Name is the Go field name of a member, or the key of a map entry.
	Name string
	// Wire is the member's name in the model, used in server paths.
	Wire string
	// Index is the list index of an IndexSegment.
	Index int
}

// ClientPath renders a path the way the AWS SDK for Go v2 names a field in
// an InvalidParamsError: members joined with ".", list indexes as "[0]" and
// map keys quoted, as in `Items[0].Tags["env"]`.
func ClientPath(path []Segment) string {
	var b strings.Builder
	for i, s := range path {
		switch s.Kind {
		case MemberSegment:
			if i > 0 {
				b.WriteByte('.')
			}
			b.WriteString(s.Name)
		case IndexSegment:
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.Index))
			b.WriteByte(']')
		case KeySegment:
			b.WriteByte('[')
			b.WriteString(strconv.Quote(s.Name))
			b.WriteByte(']')
		}
	}
	return b.String()
}

// ServerPath renders a path as the JSON Pointer (RFC 6901) that Smithy's
// ValidationException uses: "/" before each member name (as written in the
// model), list index and map key, with "~" and "/" escaped as "~0" and "~1".
// The empty path is "/".
func ServerPath(path []Segment) string {
	if len(path) == 0 {
		return "/"
	}
	var b strings.Builder
	for _, s := range path {
		b.WriteByte('/')
		switch s.Kind {
		case MemberSegment:
			b.WriteString(escapePointer(s.Wire))
		case IndexSegment:
			b.WriteString(strconv.Itoa(s.Index))
		case KeySegment:
			b.WriteString(escapePointer(s.Name))
		}
	}
	return b.String()
}

var pointerEscaper = strings.NewReplacer("~", "~0", "/", "~1")

func escapePointer(s string) string { return pointerEscaper.Replace(s) }
