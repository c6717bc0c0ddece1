package mockrt

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"time"

	"github.com/eksauthgen/eksauthgen/templates/awsrt"
)

// The strict checks of a request body. The generated JSON decoders are
// shared with the client, which must be lenient (it skips nulls in a
// non-sparse list, keeps an unknown union variant, accepts any RFC 3339
// offset); a server must refuse such input with a SerializationException.
// Before decoding, the handler walks the body with a Schema that describes
// only the parts of the input these rules apply to.

// NodeKind is the kind of a Schema node.
type NodeKind uint8

// The kinds of Schema nodes.
const (
	// NodeAny is a value with no strict rule: skipped.
	NodeAny NodeKind = iota
	// NodeStruct is an object whose listed members are checked.
	NodeStruct
	// NodeUnion is an object that must set exactly one known member.
	NodeUnion
	// NodeList is an array; a null element is refused unless Sparse.
	NodeList
	// NodeMap is an object; a null value is refused unless Sparse.
	NodeMap
	// NodeDateTime is a timestamp in the date-time format: an RFC 3339
	// string in UTC ("Z"), with optional fractional seconds.
	NodeDateTime
)

// Schema is the table of nodes describing request bodies; node 0 must be
// NodeAny. Nodes refer to each other by index, so recursive shapes are
// described by cycles.
type Schema []SchemaNode

// SchemaNode describes one JSON value.
type SchemaNode struct {
	Kind    NodeKind
	Sparse  bool           // NodeList, NodeMap: null elements allowed
	Elem    int            // NodeList, NodeMap: the node of the elements
	Members []SchemaMember // NodeStruct, NodeUnion: sorted by Key
}

// SchemaMember is a member of a structure or union node, by JSON key.
type SchemaMember struct {
	Key  string
	Node int
}

// Check walks body, a JSON value described by node root, and returns the
// first violation of a strict rule, or of JSON syntax. An empty body
// passes.
func (s Schema) Check(body []byte, root int) error {
	d := awsrt.NewDecoder(body)
	if d.Empty() {
		return nil
	}
	if err := s.check(d, root, ""); err != nil {
		return err
	}
	return d.End()
}

// member returns the node of key in n, and whether n has it.
func (n *SchemaNode) member(key string) (int, bool) {
	i := sort.Search(len(n.Members), func(i int) bool { return n.Members[i].Key >= key })
	if i < len(n.Members) && n.Members[i].Key == key {
		return n.Members[i].Node, true
	}
	return 0, false
}

// check checks the next value of d against node i; path names it in errors.
// A value of another JSON type than the node's is skipped: the decoder
// reports it.
func (s Schema) check(d *awsrt.Decoder, i int, path string) error {
	if i <= 0 || i >= len(s) {
		return d.Skip()
	}
	n := &s[i]
	switch {
	case n.Kind == NodeDateTime && d.Peek() == awsrt.KindString:
		v, err := d.String()
		if err != nil {
			return err
		}
		if _, err := ParseDateTime(v); err != nil {
			return fmt.Errorf("%s: %w", where(path), err)
		}
		return nil
	case (n.Kind == NodeStruct || n.Kind == NodeUnion || n.Kind == NodeMap) && d.Peek() == awsrt.KindObject:
		return s.checkObject(d, n, path)
	case n.Kind == NodeList && d.Peek() == awsrt.KindArray:
		if err := d.BeginArray(); err != nil {
			return err
		}
		for idx := 0; ; idx++ {
			ok, err := d.NextElement()
			if err != nil || !ok {
				return err
			}
			p := path + "/" + strconv.Itoa(idx)
			if d.ReadNull() {
				if !n.Sparse {
					return fmt.Errorf("%s: null element in a list that is not sparse", where(p))
				}
				continue
			}
			if err := s.check(d, n.Elem, p); err != nil {
				return err
			}
		}
	}
	return d.Skip()
}

// checkObject checks a structure, union or map object.
func (s Schema) checkObject(d *awsrt.Decoder, n *SchemaNode, path string) error {
	if err := d.BeginObject(); err != nil {
		return err
	}
	set := 0
	for {
		key, ok, err := d.NextKey()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		p := path + "/" + key
		if d.ReadNull() {
			if n.Kind == NodeMap && !n.Sparse {
				return fmt.Errorf("%s: null value in a map that is not sparse", where(p))
			}
			continue
		}
		child := n.Elem
		if n.Kind != NodeMap {
			var known bool
			child, known = n.member(key)
			if n.Kind == NodeUnion && key != "__type" {
				if !known {
					return fmt.Errorf("%s: unknown union member %q", where(path), key)
				}
				if set++; set > 1 {
					return fmt.Errorf("%s: more than one union member set", where(path))
				}
			}
		}
		if err := s.check(d, child, p); err != nil {
			return err
		}
	}
	if n.Kind == NodeUnion && set == 0 {
		return fmt.Errorf("%s: no union member set", where(path))
	}
	return nil
}

// where names a body path in an error.
func where(path string) string {
	if path == "" {
		return "body"
	}
	return "body " + path
}

// errDateTime is the error of a malformed date-time timestamp.
var errDateTime = errors.New("want an RFC 3339 date-time in UTC, such as 1985-04-12T23:20:50.52Z")

// ParseDateTime parses a timestamp in the date-time format as a server
// must: YYYY-MM-DDThh:mm:ss, optional fractional seconds, then "Z"
// (offsets and other ISO 8601 forms are refused).
func ParseDateTime(s string) (time.Time, error) {
	const base = len("2006-01-02T15:04:05")
	ok := len(s) > base && s[len(s)-1] == 'Z'
	for i := 0; ok && i < base; i++ {
		c := s[i]
		switch i {
		case 4, 7:
			ok = c == '-'
		case 10:
			ok = c == 'T'
		case 13, 16:
			ok = c == ':'
		default:
			ok = c >= '0' && c <= '9'
		}
	}
	if ok && len(s) > base+1 {
		frac := s[base : len(s)-1]
		ok = len(frac) > 1 && frac[0] == '.'
		for i := 1; ok && i < len(frac); i++ {
			ok = frac[i] >= '0' && frac[i] <= '9'
		}
	}
	if !ok {
		return time.Time{}, fmt.Errorf("invalid timestamp %q: %w", s, errDateTime)
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("invalid timestamp %q: %w", s, errDateTime)
	}
	return t, nil
}

// EmptyObject reports whether body is an empty JSON object ("{}", white
// space allowed).
func EmptyObject(body []byte) bool {
	d := awsrt.NewDecoder(body)
	if d.BeginObject() != nil {
		return false
	}
	_, ok, err := d.NextKey()
	return err == nil && !ok && d.End() == nil
}
