package emit

import (
	"encoding/base64"
	"encoding/json"
	"strconv"
	"time"

	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// Default values (smithy.api#default) in JSON bodies: a client serializes
// the default of an unset member, and a decoder starts from a value with
// every default set, so that a member missing from the body has its
// default (Smithy's "client/server populates default values").

// memberDefault returns the default node of mem, and whether it has a
// non-null one.
func memberDefault(mem *ir.Member) (ir.Node, bool) {
	d := mem.Traits.Default
	if d == nil || d.IsNull() {
		return ir.Node{}, false
	}
	return *d, true
}

// defaultJSON returns the JSON text of mem's default value as a body
// carries it (blobs as the model's base64 text, timestamps in the member's
// format), and whether mem has a non-null default that can be written.
func (s *serdeGen) defaultJSON(mem *ir.Member, t *ir.Shape) (string, bool) {
	d, ok := memberDefault(mem)
	if !ok || isStream(t) {
		return "", false
	}
	if t.Type == ir.TimestampType {
		tm, ok := defaultTime(d)
		if !ok {
			s.errs.Addf(d.Pos, mem.ID, "default: want epoch seconds or a date-time for a timestamp")
			return "", false
		}
		switch timestampFormat(mem, t, tsEpoch) {
		case tsDateTime:
			return strconv.Quote(tm.Format("2006-01-02T15:04:05.999999999Z07:00")), true
		case tsHTTPDate:
			return strconv.Quote(tm.Format("Mon, 02 Jan 2006 15:04:05 GMT")), true
		}
		return strconv.FormatFloat(float64(tm.UnixNano())/1e9, 'f', -1, 64), true
	}
	return nodeJSON(d), true
}

// nodeJSON returns the JSON text of a node.
func nodeJSON(n ir.Node) string {
	switch n.Kind {
	case ir.BoolNode:
		return strconv.FormatBool(n.Bool)
	case ir.NumberNode:
		return n.Str
	case ir.StringNode:
		b, _ := json.Marshal(n.Str)
		return string(b)
	case ir.ArrayNode:
		out := "["
		for i, it := range n.Items {
			if i > 0 {
				out += ","
			}
			out += nodeJSON(it)
		}
		return out + "]"
	case ir.ObjectNode:
		out := "{"
		for i, f := range n.Fields {
			if i > 0 {
				out += ","
			}
			k, _ := json.Marshal(f.Key)
			out += string(k) + ":" + nodeJSON(f.Value)
		}
		return out + "}"
	}
	return "null"
}

// defaultTime reads a timestamp default: epoch seconds or an RFC 3339 text.
func defaultTime(n ir.Node) (time.Time, bool) {
	switch n.Kind {
	case ir.NumberNode:
		sec, nsec, ok := epochParts(n)
		return time.Unix(sec, nsec).UTC(), ok
	case ir.StringNode:
		tm, err := time.Parse(time.RFC3339Nano, n.Str)
		return tm.UTC(), err == nil
	}
	return time.Time{}, false
}

// defaultFields returns the fields of a struct literal holding the default
// of every member of members that has a non-zero one and no @clientOptional
// (Go values, pointers where the field is one), keyed by field name(mem).
//
// Example output: Greeting: aws.String("hi"), DefaultEnum: types.TestEnum("FOO")
func (s *serdeGen) defaultFields(members []*ir.Member, name func(*ir.Member) string, d direction) jen.Dict {
	fields := jen.Dict{}
	for _, mem := range members {
		dv, ok := memberDefault(mem)
		t := s.target(mem)
		if !ok || isStream(t) || mem.Traits.ClientOptional {
			continue
		}
		if !valuePtr(mem, t) && !nilableType(t) && isZeroDefault(dv) {
			continue
		}
		node, ok := goDefaultNode(t, dv)
		if !ok {
			s.errs.Addf(dv.Pos, mem.ID, "default: %s value does not fit %s", dv.Kind, t.Type)
			continue
		}
		pv := protoVal{g: s.gen, d: d, inlinePtr: true}
		code := pv.member(mem, node)
		if err := pv.errs.Err(); err != nil {
			s.errs = append(s.errs, asErrorList(err)...)
			continue
		}
		fields[jen.Id(name(mem))] = code
	}
	return fields
}

// isZeroDefault reports whether a default is the zero value of its Go type
// (false, 0, "").
func isZeroDefault(n ir.Node) bool {
	switch n.Kind {
	case ir.BoolNode:
		return !n.Bool
	case ir.StringNode:
		return n.Str == ""
	case ir.NumberNode:
		f, ok := n.Float64()
		return ok && f == 0
	}
	return false
}

// goDefaultNode returns a default as protoVal reads params: blobs decoded
// from base64, timestamps as epoch seconds.
func goDefaultNode(t *ir.Shape, n ir.Node) (ir.Node, bool) {
	switch t.Type {
	case ir.BlobType:
		b, err := base64.StdEncoding.DecodeString(n.Str)
		if n.Kind != ir.StringNode || err != nil {
			return n, false
		}
		return ir.Node{Kind: ir.StringNode, Str: string(b), Pos: n.Pos}, true
	case ir.TimestampType:
		tm, ok := defaultTime(n)
		if !ok {
			return n, false
		}
		text := strconv.FormatInt(tm.Unix(), 10)
		if ns := tm.Nanosecond(); ns != 0 {
			text = strconv.FormatFloat(float64(tm.UnixNano())/1e9, 'f', -1, 64)
		}
		return ir.Node{Kind: ir.NumberNode, Str: text, Pos: n.Pos}, true
	}
	return n, true
}
