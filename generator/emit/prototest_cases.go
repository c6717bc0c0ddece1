package emit

import (
	"slices"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// Sides of a protocol test case (the appliesTo values).
const (
	sideClient = "client"
	sideServer = "server"
)

// protoCase is one case of a smithy.test#httpRequestTests or
// smithy.test#httpResponseTests trait, its fields decoded. Absent lists are
// nil; HasBody, HasCode say whether body and code were given.
type protoCase struct {
	ID            string
	Pos           ir.Pos
	Protocol      string
	AppliesTo     string // "", "client" or "server"
	Method        string // requests
	URI           string // requests
	Host          string // requests
	ResolvedHost  string // requests
	Code          int    // responses
	HasCode       bool
	QueryParams   []string
	ForbidQuery   []string
	RequireQuery  []string
	Headers       []ir.Field // name → string value, in document order
	ForbidHeaders []string
	RequireHdrs   []string
	Body          string
	HasBody       bool
	BodyMediaType string
	Params        ir.Node // null when absent
	Raw           ir.Node // the whole case
}

// protoCases returns the cases of the test trait (ir.TraitHTTPRequestTests
// or ir.TraitHTTPResponseTests) of shape s (an operation, or an error
// structure for response tests) that are for the restJson1 protocol and
// apply to side ("client" or "server"), in model order. Malformed cases
// (ir.TraitHTTPMalformedTests) have another form: read them from Raw.
func (g *gen) protoCases(s *ir.Shape, trait ir.ShapeID, side string) []protoCase {
	tr, ok := s.Traits.Get(trait)
	if !ok || tr.Value.Kind != ir.ArrayNode {
		return nil
	}
	var out []protoCase
	for _, n := range tr.Value.Items {
		c := decodeProtoCase(n)
		if c.Protocol != string(ir.TraitRestJSON1) || c.ID == "" {
			continue
		}
		if c.AppliesTo != "" && c.AppliesTo != side {
			continue
		}
		out = append(out, c)
	}
	return out
}

// decodeProtoCase reads the fields of one request or response case.
func decodeProtoCase(n ir.Node) protoCase {
	c := protoCase{Pos: n.Pos, Raw: n}
	c.ID = nodeStr(n, "id")
	c.Protocol = nodeStr(n, "protocol")
	c.AppliesTo = nodeStr(n, "appliesTo")
	c.Method = nodeStr(n, "method")
	c.URI = nodeStr(n, "uri")
	c.Host = nodeStr(n, "host")
	c.ResolvedHost = nodeStr(n, "resolvedHost")
	if v, ok := n.Get("code"); ok {
		code, _ := v.Int64()
		c.Code, c.HasCode = int(code), true
	}
	c.QueryParams = nodeStrings(n, "queryParams")
	c.ForbidQuery = nodeStrings(n, "forbidQueryParams")
	c.RequireQuery = nodeStrings(n, "requireQueryParams")
	if v, ok := n.Get("headers"); ok && v.Kind == ir.ObjectNode {
		c.Headers = slices.Clone(v.Fields)
	}
	c.ForbidHeaders = nodeStrings(n, "forbidHeaders")
	c.RequireHdrs = nodeStrings(n, "requireHeaders")
	if v, ok := n.Get("body"); ok {
		c.Body, c.HasBody = v.Str, true
	}
	c.BodyMediaType = nodeStr(n, "bodyMediaType")
	c.Params, _ = n.Get("params")
	return c
}

// protoEventStream reports whether op streams events (a member of its input
// or output targets a union with the streaming trait): its protocol tests
// are out of scope and not emitted.
func (g *gen) protoEventStream(op *ir.Shape) bool {
	for _, id := range []ir.ShapeID{op.Input, op.Output} {
		for _, mem := range g.opMembers(id) {
			if t := g.m.Target(mem); t != nil && t.Type == ir.UnionType && t.Traits.Streaming {
				return true
			}
		}
	}
	return false
}

// protoErrorOperation returns the first operation (in shape-ID order, event
// streams left out) that can return error shape e, or nil: the client runs
// e's response tests through it.
func (g *gen) protoErrorOperation(e *ir.Shape) *ir.Shape {
	service := g.m.Service != nil && slices.Contains(g.m.Service.Errors, e.ID)
	for _, op := range g.m.Operations {
		if g.protoEventStream(op) {
			continue
		}
		if service || slices.Contains(op.Errors, e.ID) {
			return op
		}
	}
	return nil
}

// protoErrorCase is a response case of an error shape and the operation
// the case is run through.
type protoErrorCase struct {
	Op, Err *ir.Shape
	Case    protoCase
}

// protoErrorCases returns the response cases of the error shapes errs that
// apply to side, in order, each with the operation that runs it (see
// protoErrorOperation); an error no operation returns has none.
func (g *gen) protoErrorCases(errs []*ir.Shape, side string) []protoErrorCase {
	var out []protoErrorCase
	for _, e := range errs {
		cases := g.protoCases(e, ir.TraitHTTPResponseTests, side)
		if len(cases) == 0 {
			continue
		}
		op := g.protoErrorOperation(e)
		if op == nil {
			continue
		}
		for _, c := range cases {
			out = append(out, protoErrorCase{Op: op, Err: e, Case: c})
		}
	}
	return out
}
