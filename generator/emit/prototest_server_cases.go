package emit

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// Reading smithy.test cases for the server-side protocol tests: the
// request and response of a case as plain Go data, and the expansion of
// httpMalformedRequestTests' testParameters.

// protoHeader is one header of a test case.
type protoHeader struct{ Name, Value string }

// protoMessage is the HTTP part of a test case, request or response.
type protoMessage struct {
	Method       string
	URI          string
	Host         string
	Query        []string
	Headers      []protoHeader // sorted by name
	Forbid       []string
	Require      []string
	Code         int
	HasBody      bool
	Body         string
	MediaType    string
	MessageRegex string
}

// malformedCase is one httpMalformedRequestTests case after expansion.
type malformedCase struct {
	Name     string // the case ID, with "_<n>" for an expanded case
	Request  protoMessage
	Response protoMessage
	Pos      ir.Pos
}

// nodeStr returns the string member key of an object node, or "".
func nodeStr(n ir.Node, key string) string {
	v, ok := n.Get(key)
	if !ok || v.Kind != ir.StringNode {
		return ""
	}
	return v.Str
}

// nodeStrings returns the string items of the array member key: nil when
// there is no such array, an empty list when it is empty.
func nodeStrings(n ir.Node, key string) []string {
	v, ok := n.Get(key)
	if !ok || v.Kind != ir.ArrayNode {
		return nil
	}
	out := make([]string, 0, len(v.Items))
	for _, it := range v.Items {
		if it.Kind == ir.StringNode {
			out = append(out, it.Str)
		}
	}
	return out
}

// nodeHeaders returns the headers map member key, sorted by name.
func nodeHeaders(n ir.Node, key string) []protoHeader {
	v, _ := n.Get(key)
	var out []protoHeader
	for _, f := range v.Fields {
		if f.Value.Kind == ir.StringNode {
			out = append(out, protoHeader{Name: f.Key, Value: f.Value.Str})
		}
	}
	slices.SortFunc(out, func(a, b protoHeader) int { return cmp.Compare(a.Name, b.Name) })
	return out
}

// readMessage reads the common members of a request or response node.
func readMessage(n ir.Node) protoMessage {
	msg := protoMessage{
		Method:  nodeStr(n, "method"),
		URI:     nodeStr(n, "uri"),
		Host:    nodeStr(n, "host"),
		Query:   nodeStrings(n, "queryParams"),
		Headers: nodeHeaders(n, "headers"),
		Forbid:  nodeStrings(n, "forbidHeaders"),
		Require: nodeStrings(n, "requireHeaders"),
	}
	if code, ok := n.Get("code"); ok {
		if v, ok := code.Int64(); ok {
			msg.Code = int(v)
		}
	}
	if b, ok := n.Get("body"); ok && b.Kind == ir.StringNode {
		msg.HasBody = true
		msg.Body = b.Str
		msg.MediaType = nodeStr(n, "bodyMediaType")
	}
	return msg
}

// readMalformed reads an httpMalformedRequestTests case and expands its
// testParameters: one case per index of the parameter lists (which must
// all have the same length), named <id>_<n> from 1; every string of the
// request and response is interpolated. Without testParameters the case
// is interpolated with no parameters (see interpolateParams).
func readMalformed(op *ir.Shape, c protoCase) ([]malformedCase, *ir.Error) {
	req, _ := c.Raw.Get("request")
	resp, _ := c.Raw.Get("response")
	base := malformedCase{Name: c.ID, Request: readMessage(req), Response: readMessage(resp), Pos: c.Pos}
	if b, ok := resp.Get("body"); ok {
		base.Response.MediaType = nodeStr(b, "mediaType")
		if a, ok := b.Get("assertion"); ok {
			if s, ok := a.Get("contents"); ok && s.Kind == ir.StringNode {
				base.Response.HasBody = true
				base.Response.Body = s.Str
			}
			base.Response.MessageRegex = nodeStr(a, "messageRegex")
		} else {
			base.Response.HasBody = false
		}
	}
	params, n, err := testParameters(c.Raw)
	if err != nil {
		return nil, ir.Errorf(c.Pos, op.ID, "test case %s: %v", c.ID, err)
	}
	if n == 0 {
		one, err := base.interpolate(nil)
		if err != nil {
			return nil, ir.Errorf(c.Pos, op.ID, "test case %s: %v", c.ID, err)
		}
		return []malformedCase{one}, nil
	}
	out := make([]malformedCase, 0, n)
	for i := range n {
		vals := map[string]string{}
		for k, vs := range params {
			vals[k] = vs[i]
		}
		one, err := base.interpolate(vals)
		if err != nil {
			return nil, ir.Errorf(c.Pos, op.ID, "test case %s: %v", c.ID, err)
		}
		one.Name = fmt.Sprintf("%s_%d", c.ID, i+1)
		out = append(out, one)
	}
	return out, nil
}

// testParameters returns the testParameters of a case and the common length
// of its lists (0 when there are none).
func testParameters(c ir.Node) (map[string][]string, int, error) {
	tp, ok := c.Get("testParameters")
	if !ok || len(tp.Fields) == 0 {
		return nil, 0, nil
	}
	params := map[string][]string{}
	n := -1
	for _, f := range tp.Fields {
		var vs []string
		for _, it := range f.Value.Items {
			if it.Kind != ir.StringNode {
				return nil, 0, fmt.Errorf("testParameters %s: want strings, got %s", f.Key, it.Kind)
			}
			vs = append(vs, it.Str)
		}
		if n >= 0 && len(vs) != n {
			return nil, 0, fmt.Errorf("testParameters %s: %d values, others have %d", f.Key, len(vs), n)
		}
		n = len(vs)
		params[f.Key] = vs
	}
	return params, n, nil
}

// interpolate returns a copy of c with every string interpolated.
func (c malformedCase) interpolate(vals map[string]string) (malformedCase, error) {
	var firstErr error
	in := func(s string) string {
		out, err := interpolateParams(s, vals)
		if err != nil && firstErr == nil {
			firstErr = err
		}
		return out
	}
	msg := func(m protoMessage) protoMessage {
		m.Method, m.URI, m.Host, m.Body, m.MessageRegex = in(m.Method), in(m.URI), in(m.Host), in(m.Body), in(m.MessageRegex)
		m.Query = slices.Clone(m.Query)
		for i := range m.Query {
			m.Query[i] = in(m.Query[i])
		}
		m.Headers = slices.Clone(m.Headers)
		for i := range m.Headers {
			m.Headers[i].Value = in(m.Headers[i].Value)
		}
		return m
	}
	c.Request, c.Response = msg(c.Request), msg(c.Response)
	return c, firstErr
}

// interpolateParams expands the placeholders of s as Smithy's code writer
// does for testParameters: "$$" is a dollar sign, "$name:L" the value of
// name as is and "$name:S" the value as a quoted string literal. With nil
// vals (a case without testParameters, which Smithy does not interpolate)
// only "$$" is collapsed: the suite writes "$$" for "$" in such cases too
// (RestJsonMalformedPatternReDOSString), and a placeholder is kept as
// written (RestJsonQueryTimestampDefaultRejectsUTCOffsets).
func interpolateParams(s string, vals map[string]string) (string, error) {
	if !strings.Contains(s, "$") {
		return s, nil
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '$' {
			b.WriteByte(s[i])
			continue
		}
		if i+1 < len(s) && s[i+1] == '$' {
			b.WriteByte('$')
			i++
			continue
		}
		j := i + 1
		for j < len(s) && (s[j] == '_' || s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || j > i+1 && s[j] >= '0' && s[j] <= '9') {
			j++
		}
		if vals == nil {
			b.WriteByte('$')
			continue
		}
		if j == i+1 || j+1 >= len(s) || s[j] != ':' {
			return s, fmt.Errorf("bad placeholder at %q", s[i:])
		}
		name, format := s[i+1:j], s[j+1]
		v, ok := vals[name]
		if !ok {
			return s, fmt.Errorf("no test parameter %q", name)
		}
		switch format {
		case 'L':
			b.WriteString(v)
		case 'S':
			b.WriteString(quoteLiteral(v))
		default:
			return s, fmt.Errorf("unknown placeholder format %q in $%s:%c", format, name, format)
		}
		i = j + 1
	}
	return b.String(), nil
}

// quoteLiteral quotes s as a double-quoted literal valid in JSON: quotes,
// backslashes and control characters escaped, other characters kept.
func quoteLiteral(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == utf8.RuneError:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
