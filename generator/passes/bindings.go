package passes

import (
	"strings"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// deriveBindings works out where every member goes in a JSON document and
// in an HTTP message (Smithy "HTTP bindings"), and checks that the bindings
// are consistent.
//
// Needs: the traits pass (typed http-binding traits) and the service pass
// (m.Operations, m.Service, pruned shapes).
//
// Guarantees:
//   - Every member of every shape has JSONName: its jsonName trait, else
//     its name.
//   - Every operation with an http trait has HTTP.Path (the path split on
//     "/": literals, {label} and {label+} greedy; a trailing "/" gives a
//     last literal "") and HTTP.Query (the literal "k" or "k=v" parts after
//     "?"), and HTTP.Code (200 unless the model says otherwise).
//   - The members of a structure used as an operation input (a request)
//     are bound by httpLabel (BindingName: the member name), httpQuery (the
//     key), httpQueryParams, httpHeader (the header name), httpPrefixHeaders
//     (the prefix) or httpPayload; those of an output or error (a response)
//     by httpHeader, httpPrefixHeaders, httpPayload or httpResponseCode.
//     Binding traits that do not apply to the role are ignored, as Smithy
//     says; every other member, and every member of any other shape, is
//     BindBody. A structure that is both an input and an output or error is
//     bound as an input.
//
// Errors (the main rules of the spec's http, httpLabel, httpPayload and
// httpHeader sections): a URI that does not start with "/" or has "#", an
// empty segment, "." or "..", a label that does not span a whole segment,
// a label in the query string, a repeated label, more than one greedy
// label or a label after a greedy one; a URI label without an input member
// bound to it, or an httpLabel member without its URI label; a label member
// that is not required or does not target a string, number, boolean or
// timestamp (a string for a greedy label); a member with several binding
// traits; more than one httpPayload member, or body members beside one;
// two headers with the same name (ignoring case), more than one
// httpPrefixHeaders, a header starting with that prefix; a repeated query
// key; an operation of a restJson1 service without the http trait.
func deriveBindings(m *ir.Model) error {
	var errs ir.ErrorList
	for _, s := range m.Shapes() {
		for _, mem := range s.Members {
			mem.JSONName = mem.Name
			if mem.Traits.JSONName != "" {
				mem.JSONName = mem.Traits.JSONName
			}
			mem.Binding, mem.BindingName = ir.BindBody, ""
		}
	}
	roles := messageRoles(m)
	for _, s := range m.Shapes() {
		if r, ok := roles[s.ID]; ok && s.Type == ir.StructureType {
			bindMembers(m, s, r == requestRole, &errs)
		}
	}
	for _, op := range m.Operations {
		if op.Traits.HTTP == nil {
			if m.Service != nil && m.Service.Traits.RestJSON1 {
				errs.Addf(op.Pos, op.ID, "missing the %s trait, which every operation of a restJson1 service needs", ir.TraitHTTP)
			}
			continue
		}
		parseURI(op, &errs)
		checkLabels(m, op, &errs)
	}
	return errs.Err()
}

// messageRole says which HTTP message a structure is the top level of.
type messageRole uint8

const (
	requestRole  messageRole = iota + 1 // an operation input
	responseRole                        // an operation output or error
)

// messageRoles finds the structures that are operation inputs (requests),
// outputs or errors (responses); inputs win.
func messageRoles(m *ir.Model) map[ir.ShapeID]messageRole {
	roles := make(map[ir.ShapeID]messageRole)
	response := func(id ir.ShapeID) {
		if id != "" && roles[id] == 0 {
			roles[id] = responseRole
		}
	}
	for _, op := range m.Operations {
		if op.Input != "" {
			roles[op.Input] = requestRole
		}
	}
	for _, op := range m.Operations {
		response(op.Output)
		for _, e := range op.Errors {
			response(e)
		}
	}
	if m.Service != nil {
		for _, e := range m.Service.Errors {
			response(e)
		}
	}
	return roles
}

// bindingTraits lists the http-binding traits a member has, by binding.
func bindingTraits(t *ir.Traits) []ir.Binding {
	var bs []ir.Binding
	add := func(has bool, b ir.Binding) {
		if has {
			bs = append(bs, b)
		}
	}
	add(t.HTTPLabel, ir.BindLabel)
	add(t.HTTPQuery != "", ir.BindQuery)
	add(t.HTTPQueryParams, ir.BindQueryParams)
	add(t.HTTPHeader != "", ir.BindHeader)
	add(t.HTTPPrefixHeaders != nil, ir.BindPrefixHeaders)
	add(t.HTTPPayload, ir.BindPayload)
	add(t.HTTPResponseCode, ir.BindResponseCode)
	return bs
}

// bindMembers sets the bindings of the members of a top-level request or
// response structure and checks them.
func bindMembers(m *ir.Model, s *ir.Shape, request bool, errs *ir.ErrorList) {
	var payload *ir.Member
	var prefix *ir.Member
	headers := make(map[string]*ir.Member)
	queries := make(map[string]*ir.Member)
	for _, mem := range s.Members {
		t := &mem.Traits
		if bs := bindingTraits(t); len(bs) > 1 {
			errs.Addf(mem.Pos, mem.ID, "bound to several HTTP locations (%s and %s); a member has at most one", bs[0], bs[1])
		}
		switch {
		case request && t.HTTPLabel:
			mem.Binding, mem.BindingName = ir.BindLabel, mem.Name
		case request && t.HTTPQuery != "":
			mem.Binding, mem.BindingName = ir.BindQuery, t.HTTPQuery
			if other := queries[t.HTTPQuery]; other != nil {
				errs.Addf(mem.Pos, mem.ID, "httpQuery %q is also the key of %s", t.HTTPQuery, other.ID)
			}
			queries[t.HTTPQuery] = mem
		case request && t.HTTPQueryParams:
			mem.Binding = ir.BindQueryParams
		case t.HTTPHeader != "":
			mem.Binding, mem.BindingName = ir.BindHeader, t.HTTPHeader
			key := strings.ToLower(t.HTTPHeader)
			if other := headers[key]; other != nil {
				errs.Addf(mem.Pos, mem.ID, "httpHeader %q is also the header of %s (header names are case-insensitive)", t.HTTPHeader, other.ID)
			}
			headers[key] = mem
		case t.HTTPPrefixHeaders != nil:
			mem.Binding, mem.BindingName = ir.BindPrefixHeaders, *t.HTTPPrefixHeaders
			if prefix != nil {
				errs.Addf(mem.Pos, mem.ID, "httpPrefixHeaders: %s has it already; a structure has at most one", prefix.ID)
			} else {
				prefix = mem
			}
		case t.HTTPPayload:
			mem.Binding = ir.BindPayload
			if payload != nil {
				errs.Addf(mem.Pos, mem.ID, "httpPayload: %s has it already; a structure has at most one", payload.ID)
			} else {
				payload = mem
			}
		case !request && t.HTTPResponseCode:
			mem.Binding = ir.BindResponseCode
		}
		checkBindingTarget(m, mem, errs)
	}
	if payload != nil {
		for _, mem := range s.Members {
			if mem.Binding == ir.BindBody {
				errs.Addf(mem.Pos, mem.ID, "in the body beside httpPayload member %s: bind it to the URI, query or headers", payload.Name)
			}
		}
	}
	if prefix != nil && prefix.BindingName != "" {
		for _, mem := range s.Members {
			if mem.Binding == ir.BindHeader && hasPrefixFold(mem.BindingName, prefix.BindingName) {
				errs.Addf(mem.Pos, mem.ID, "httpHeader %q starts with the httpPrefixHeaders prefix %q of %s", mem.BindingName, prefix.BindingName, prefix.ID)
			}
		}
	}
}

// checkBindingTarget checks the shape type a bound member targets.
func checkBindingTarget(m *ir.Model, mem *ir.Member, errs *ir.ErrorList) {
	t := m.Target(mem)
	if t == nil {
		return
	}
	switch mem.Binding {
	case ir.BindHeader, ir.BindQuery:
		if !scalarBindable(t.Type) && !(t.Type.IsCollection() && listOfScalars(m, t)) {
			errs.Addf(mem.Pos, mem.ID, "%s: targets %s %s, want a string, number, boolean, timestamp or a list of them", mem.Binding, article(t.Type.String()), t.Type)
		}
	case ir.BindPrefixHeaders, ir.BindQueryParams:
		if t.Type != ir.MapType {
			errs.Addf(mem.Pos, mem.ID, "%s: targets %s %s, want a map", mem.Binding, article(t.Type.String()), t.Type)
		}
	case ir.BindResponseCode:
		if t.Type != ir.IntegerType {
			errs.Addf(mem.Pos, mem.ID, "%s: targets %s %s, want an integer", mem.Binding, article(t.Type.String()), t.Type)
		}
	}
}

// scalarBindable reports whether a shape of type t can be written in a
// label, query value or header: strings, numbers, booleans and timestamps
// (enums included).
func scalarBindable(t ir.ShapeType) bool {
	switch t {
	case ir.StringType, ir.EnumType, ir.IntEnumType, ir.BooleanType, ir.TimestampType:
		return true
	}
	return t.IsNumber()
}

// listOfScalars reports whether list shape l has scalarBindable elements.
func listOfScalars(m *ir.Model, l *ir.Shape) bool {
	if len(l.Members) == 0 {
		return false
	}
	e := m.Target(l.Members[0])
	return e != nil && scalarBindable(e.Type)
}

// hasPrefixFold reports whether s starts with prefix, ignoring ASCII case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
