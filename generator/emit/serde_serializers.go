package emit

import (
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/emit/internal/httpheader"
	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// emitSerializers renders serializers.go: serializeOp<Op> for every
// operation.
func (s *serdeGen) emitSerializers() (File, error) {
	f := s.newServiceFile()
	for _, op := range s.m.Operations {
		s.genSerializer(f, op)
	}
	return render("serializers.go", f)
}

// bound returns the members of a structure with binding b.
func bound(members []*ir.Member, b ir.Binding) []*ir.Member {
	var out []*ir.Member
	for _, mem := range members {
		if mem.Binding == b {
			out = append(out, mem)
		}
	}
	return out
}

// errEmpty returns `return fmt.Errorf("input member X must not be empty")`.
func errEmpty(what, name string) jen.Code {
	return jen.Return(jen.Qual("fmt", "Errorf").Call(jen.Lit(what + " " + name + " must not be empty")))
}

// genSerializer declares serializeOp<Op>, which builds the awsrt.Request of
// one call (in a Request the caller holds, so that it can live on the
// caller's stack): idempotency token, path with escaped labels, query
// string, headers, host prefix, then the payload or JSON body.
//
// Example output:
//
//	// serializeOpAssumeRoleForPodIdentity builds the HTTP request of AssumeRoleForPodIdentity.
//	func serializeOpAssumeRoleForPodIdentity(in *AssumeRoleForPodIdentityInput, req *awsrt.Request) error {
//		if in.ClusterName == nil || len(*in.ClusterName) == 0 {
//			return fmt.Errorf("input member clusterName must not be empty")
//		}
//		*req = awsrt.Request{Method: "POST", Path: "/clusters/" + awsrt.EscapeLabel(*in.ClusterName, false) + "/assume-role-for-pod-identity"}
//		w := &awsrt.JSONWriter{}
//		w.Grow(...)
//		w.BeginObject()
//		if in.Token != nil {
//			w.Key("token")
//			w.String(*in.Token)
//		}
//		w.EndObject()
//		req.Body = w.Bytes()
//		req.ContentType = "application/json"
//		return nil
//	}
func (s *serdeGen) genSerializer(f *jen.File, op *ir.Shape) {
	members := s.opMembers(op.Input)
	h := op.Traits.HTTP
	if h == nil {
		h = &ir.HTTP{Method: "POST", Path: []ir.URISegment{{Literal: ""}}}
	}
	var body []jen.Code
	for _, mem := range members {
		if mem.Traits.IdempotencyToken && s.target(mem).Type == ir.StringType && mem.Pointer {
			body = append(body, jen.If(jen.Id("in").Dot(mem.GoName).Op("==").Nil()).Block(
				jen.List(jen.Id("tok"), jen.Err()).Op(":=").Add(s.rt("NewUUID")).Call(),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
				jen.Id("cp").Op(":=").Op("*").Id("in"),
				jen.Id("cp").Dot(mem.GoName).Op("=").Op("&").Id("tok"),
				jen.Id("in").Op("=").Op("&").Id("cp"),
			))
		}
	}
	path, checks := s.pathExpr(op, h, members)
	body = append(body, checks...)
	body = append(body, jen.Op("*").Id("req").Op("=").Add(s.rt("Request")).Values(jen.Dict{
		jen.Id("Method"): jen.Lit(h.Method),
		jen.Id("Path"):   path,
	}))
	body = append(body, s.serializeQuery(h, members)...)
	body = append(body, s.serializeHeaders(members)...)
	body = append(body, s.serializeHostPrefix(op, members)...)
	if p := bound(members, ir.BindPayload); len(p) > 0 {
		body = append(body, s.serializePayload(p[0])...)
	} else if b := bound(members, ir.BindBody); len(b) > 0 {
		body = append(body, s.serializeBody(b)...)
	}
	body = append(body, s.serializeContentType(members)...)
	body = append(body, s.serializeBodyEncoding(op, members)...)
	body = append(body, jen.Return(jen.Nil()))
	f.Comment("serializeOp" + op.GoName + " builds the HTTP request of " + op.GoName + " in req.")
	f.Func().Id("serializeOp"+op.GoName).Params(
		jen.Id("in").Op("*").Id(inputName(op)), jen.Id("req").Op("*").Add(s.rt("Request")),
	).Error().Block(body...)
}

// fieldValue returns the expression of a member's value, dereferenced when
// its Go field is a pointer.
func (s *serdeGen) fieldValue(recv string, mem *ir.Member) *jen.Statement {
	v := jen.Id(recv).Dot(mem.GoName)
	if valuePtr(mem, s.target(mem)) {
		return jen.Op("*").Add(v)
	}
	return v
}

// requiredCheck returns the check that a label or host label member is
// set: not nil, and not empty for a string.
func (s *serdeGen) requiredCheck(mem *ir.Member, what string) []jen.Code {
	t := s.target(mem)
	field := jen.Id("in").Dot(mem.GoName)
	var cond *jen.Statement
	switch {
	case valuePtr(mem, t) && t.Type == ir.StringType:
		cond = field.Clone().Op("==").Nil().Op("||").Len(jen.Op("*").Add(field.Clone())).Op("==").Lit(0)
	case valuePtr(mem, t):
		cond = field.Clone().Op("==").Nil()
	case t.Type == ir.StringType || t.Type == ir.EnumType:
		cond = jen.Len(field.Clone()).Op("==").Lit(0)
	}
	if cond == nil {
		return nil
	}
	return []jen.Code{jen.If(cond).Block(errEmpty(what, mem.Name))}
}

// pathExpr returns the expression of the request path (literal parts and
// escaped labels joined) and the checks that the labels are set.
func (s *serdeGen) pathExpr(op *ir.Shape, h *ir.HTTP, members []*ir.Member) (jen.Code, []jen.Code) {
	var parts []jen.Code
	var checks []jen.Code
	lit := ""
	for _, seg := range h.Path {
		lit += "/"
		if seg.Label == "" {
			lit += seg.Literal
			continue
		}
		var mem *ir.Member
		for _, m := range members {
			if m.Binding == ir.BindLabel && m.BindingName == seg.Label {
				mem = m
			}
		}
		if mem == nil {
			s.errs.Addf(op.Pos, op.ID, "no input member for label {%s}", seg.Label)
			continue
		}
		if lit != "" {
			parts = append(parts, jen.Lit(lit))
			lit = ""
		}
		checks = append(checks, s.requiredCheck(mem, "input member")...)
		t := s.target(mem)
		parts = append(parts, s.rt("EscapeLabel").Call(s.textValue(s.fieldValue("in", mem), mem, t, tsDateTime, false), jen.Lit(seg.Greedy)))
	}
	if lit != "" || len(parts) == 0 {
		if lit == "" {
			lit = "/"
		}
		parts = append(parts, jen.Lit(lit))
	}
	expr := jen.Add(parts[0])
	for _, p := range parts[1:] {
		expr = expr.Op("+").Add(p)
	}
	return expr, checks
}

// serializeQuery returns the statements setting req.RawQuery: the URI's
// literal query as written, then httpQuery members (lists repeat the key),
// then httpQueryParams entries whose key is not set yet (by a member or the
// literal query), collected in an awsrt.Query.
func (s *serdeGen) serializeQuery(h *ir.HTTP, members []*ir.Member) []jen.Code {
	query := bound(members, ir.BindQuery)
	params := bound(members, ir.BindQueryParams)
	_, literal, _ := strings.Cut(h.URI, "?")
	if len(query) == 0 && len(params) == 0 {
		if literal == "" {
			return nil
		}
		return []jen.Code{jen.Id("req").Dot("RawQuery").Op("=").Lit(literal)}
	}
	q := jen.Id("q")
	out := []jen.Code{jen.Var().Id("q").Add(s.rt("Query")), q.Clone().Dot("Grow").Call(jen.Lit(len(query) + len(params)))}
	for _, mem := range query {
		t := s.target(mem)
		field := jen.Id("in").Dot(mem.GoName)
		if t.Type.IsCollection() {
			em := t.Members[0]
			et := s.target(em)
			loop, ev := loopElem("e", em, et)
			loop = append(loop, q.Clone().Dot("Add").Call(jen.Lit(mem.BindingName), s.textValue(ev, em, et, tsDateTime, false)))
			out = append(out, jen.For(jen.List(jen.Id("_"), jen.Id("e")).Op(":=").Range().Add(field)).Block(loop...))
			continue
		}
		set := q.Clone().Dot("Add").Call(jen.Lit(mem.BindingName), s.textValue(s.fieldValue("in", mem), mem, t, tsDateTime, false))
		if cond := zeroCheck(field, mem, t); cond != nil {
			out = append(out, jen.If(cond).Block(set))
		} else {
			out = append(out, set)
		}
	}
	for _, mem := range params {
		t := s.target(mem)
		vm := t.Member("value")
		if t.Type != ir.MapType || vm == nil {
			continue
		}
		vt := s.target(vm)
		taken := q.Clone().Dot("Has").Call(jen.Id("k"))
		for _, lq := range h.Query {
			taken = taken.Op("||").Id("k").Op("==").Lit(lq.Key)
		}
		loop := []jen.Code{
			jen.If(taken).Block(jen.Continue()),
		}
		if vt.Type.IsCollection() {
			em := vt.Members[0]
			et := s.target(em)
			inner, ev := loopElem("x", em, et)
			inner = append(inner, q.Clone().Dot("Add").Call(jen.Id("k"), s.textValue(ev, em, et, tsDateTime, false)))
			loop = append(loop, jen.For(jen.List(jen.Id("_"), jen.Id("x")).Op(":=").Range().Id("e")).Block(inner...))
		} else {
			guard, ev := loopElem("e", vm, vt)
			loop = append(loop, guard...)
			loop = append(loop, q.Clone().Dot("Add").Call(jen.Id("k"), s.textValue(ev, vm, vt, tsDateTime, false)))
		}
		out = append(out, jen.For(jen.List(jen.Id("k"), jen.Id("e")).Op(":=").Range().Id("in").Dot(mem.GoName)).Block(loop...))
	}
	return append(out, jen.Id("req").Dot("RawQuery").Op("=").Add(q).Dot("Encode").Call(jen.Lit(literal)))
}

// serializeHeaders returns the statements filling req.Header from
// httpPrefixHeaders maps, then httpHeader members (which win over a prefix
// header of the same name): lists joined with ", " (string items quoted
// when needed), empty strings and empty lists sent as empty headers, unset
// members not sent.
func (s *serdeGen) serializeHeaders(members []*ir.Member) []jen.Code {
	headers := bound(members, ir.BindHeader)
	prefix := bound(members, ir.BindPrefixHeaders)
	if len(headers) == 0 && len(prefix) == 0 {
		return nil
	}
	hdr := jen.Id("h")
	out := []jen.Code{hdr.Clone().Op(":=").Make(jen.Qual("net/http", "Header"), jen.Lit(len(headers)))}
	for _, mem := range prefix {
		t := s.target(mem)
		vm := t.Member("value")
		if t.Type != ir.MapType || vm == nil {
			continue
		}
		vt := s.target(vm)
		loop, ev := loopElem("e", vm, vt)
		text := s.textValue(ev, vm, vt, tsHTTPDate, false)
		loop = append(loop, hdr.Clone().Dot("Set").Call(jen.Lit(mem.BindingName).Op("+").Id("k"), text))
		out = append(out, jen.For(jen.List(jen.Id("k"), jen.Id("e")).Op(":=").Range().Id("in").Dot(mem.GoName)).Block(loop...))
	}
	for _, mem := range headers {
		t := s.target(mem)
		field := jen.Id("in").Dot(mem.GoName)
		key := httpheader.CanonicalKey(mem.BindingName)
		if t.Type.IsCollection() {
			em := t.Members[0]
			et := s.target(em)
			loop, ev := loopElem("e", em, et)
			text := s.textValue(ev, em, et, tsHTTPDate, mediaString(em, et))
			if et.Type == ir.StringType || et.Type == ir.EnumType {
				text = s.rt("QuoteHeaderListItem").Call(text)
			}
			loop = append(loop, jen.Id("vs").Op("=").Append(jen.Id("vs"), text))
			out = append(out, jen.If(field.Clone().Op("!=").Nil()).Block(
				jen.Id("vs").Op(":=").Make(jen.Index().String(), jen.Lit(0), jen.Len(field.Clone())),
				jen.For(jen.List(jen.Id("_"), jen.Id("e")).Op(":=").Range().Add(field.Clone())).Block(loop...),
				hdr.Clone().Index(jen.Lit(key)).Op("=").Index().String().Values(jen.Qual("strings", "Join").Call(jen.Id("vs"), jen.Lit(", "))),
			))
			continue
		}
		set := hdr.Clone().Index(jen.Lit(key)).Op("=").Index().String().Values(
			s.textValue(s.fieldValue("in", mem), mem, t, tsHTTPDate, mediaString(mem, t)))
		if cond := zeroCheck(field, mem, t); cond != nil {
			out = append(out, jen.If(cond).Block(set))
		} else {
			out = append(out, set)
		}
	}
	return append(out, jen.Id("req").Dot("Header").Op("=").Add(hdr))
}

// serializeHostPrefix returns the statements setting req.HostPrefix from
// the operation's @endpoint hostPrefix, its {labels} replaced by the
// @hostLabel members (which must be set).
func (s *serdeGen) serializeHostPrefix(op *ir.Shape, members []*ir.Member) []jen.Code {
	if !op.Traits.HasEndpoint || op.Traits.HostPrefix == "" {
		return nil
	}
	var out, parts []jen.Code
	rest := op.Traits.HostPrefix
	for rest != "" {
		i := strings.IndexByte(rest, '{')
		j := strings.IndexByte(rest, '}')
		if i < 0 || j < i {
			parts = append(parts, jen.Lit(rest))
			break
		}
		if i > 0 {
			parts = append(parts, jen.Lit(rest[:i]))
		}
		name := rest[i+1 : j]
		rest = rest[j+1:]
		var mem *ir.Member
		for _, m := range members {
			if m.Name == name && m.Traits.HostLabel {
				mem = m
			}
		}
		if mem == nil {
			s.errs.Addf(op.Pos, op.ID, "hostPrefix label {%s} has no @hostLabel input member", name)
			continue
		}
		out = append(out, s.requiredCheck(mem, "host label member")...)
		parts = append(parts, s.textValue(s.fieldValue("in", mem), mem, s.target(mem), tsDateTime, false))
	}
	if len(parts) == 0 {
		return out
	}
	expr := jen.Add(parts[0])
	for _, p := range parts[1:] {
		expr = expr.Op("+").Add(p)
	}
	return append(out, jen.Id("req").Dot("HostPrefix").Op("=").Add(expr))
}

// payloadContentType returns the Content-Type of an httpPayload member:
// its @mediaType, else by target type.
func payloadContentType(mem *ir.Member, t *ir.Shape) string {
	switch {
	case mem.Traits.MediaType != "":
		return mem.Traits.MediaType
	case t.Traits.MediaType != "":
		return t.Traits.MediaType
	case t.Type == ir.BlobType:
		return "application/octet-stream"
	case t.Type == ir.StringType || t.Type == ir.EnumType:
		return "text/plain"
	}
	return "application/json"
}

// serializePayload returns the statements setting the body from an
// httpPayload member: JSON for structures, unions and documents, the raw
// bytes of a string or blob (a stream is read whole). An unset payload
// sends no body, except a structure's, sent as {}.
func (s *serdeGen) serializePayload(mem *ir.Member) []jen.Code {
	t := s.target(mem)
	field := jen.Id("in").Dot(mem.GoName)
	ct := jen.Id("req").Dot("ContentType").Op("=").Lit(payloadContentType(mem, t))
	var set []jen.Code
	switch t.Type {
	case ir.StructureType:
		// An unset structure payload is sent as an empty object.
		return []jen.Code{
			jen.If(field.Clone().Op("!=").Nil()).Block(
				jen.Id("w").Op(":=").Op("&").Add(s.rt("JSONWriter")).Values(),
				jen.Id("w").Dot("Grow").Call(jen.Lit(512)),
				s.encodeValue(field.Clone(), mem, t),
				jen.Id("req").Dot("Body").Op("=").Id("w").Dot("Bytes").Call(),
			).Else().Block(
				jen.Id("req").Dot("Body").Op("=").Index().Byte().Call(jen.Lit("{}")),
			),
			ct,
		}
	case ir.UnionType, ir.DocumentType:
		set = []jen.Code{
			jen.Id("w").Op(":=").Op("&").Add(s.rt("JSONWriter")).Values(),
			jen.Id("w").Dot("Grow").Call(jen.Lit(512)),
			s.encodeValue(field.Clone(), mem, t),
			jen.Id("req").Dot("Body").Op("=").Id("w").Dot("Bytes").Call(),
		}
	case ir.BlobType:
		if t.Traits.Streaming {
			set = []jen.Code{
				jen.List(jen.Id("b"), jen.Err()).Op(":=").Qual("io", "ReadAll").Call(field.Clone()),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
				jen.Id("req").Dot("Body").Op("=").Id("b"),
			}
		} else {
			set = []jen.Code{jen.Id("req").Dot("Body").Op("=").Add(field.Clone())}
		}
	default:
		set = []jen.Code{jen.Id("req").Dot("Body").Op("=").Index().Byte().Parens(s.textValue(s.fieldValue("in", mem), mem, t, tsEpoch, false))}
	}
	set = append(set, ct)
	if cond := zeroCheck(field, mem, t); cond != nil {
		return []jen.Code{jen.If(cond).Block(set...)}
	}
	return set
}

// serializeBody returns the statements writing the JSON body of the body
// members: "{}" even when none is set.
func (s *serdeGen) serializeBody(members []*ir.Member) []jen.Code {
	size := 2
	var grow []jen.Code
	for _, mem := range members {
		size += len(mem.JSONName) + 6 // "name":"" and a comma
		t := s.target(mem)
		if t.Type == ir.StringType && valuePtr(mem, t) {
			grow = append(grow, jen.If(jen.Id("in").Dot(mem.GoName).Op("!=").Nil()).Block(
				jen.Id("n").Op("+=").Len(jen.Op("*").Id("in").Dot(mem.GoName)),
			))
		} else {
			size += 16
		}
	}
	out := []jen.Code{jen.Id("w").Op(":=").Op("&").Add(s.rt("JSONWriter")).Values()}
	if len(grow) > 0 {
		out = append(out, jen.Id("n").Op(":=").Lit(size))
		out = append(out, grow...)
		out = append(out, jen.Id("w").Dot("Grow").Call(jen.Id("n")))
	} else {
		out = append(out, jen.Id("w").Dot("Grow").Call(jen.Lit(size)))
	}
	out = append(out, jen.Id("w").Dot("BeginObject").Call())
	out = append(out, s.encodeMembers("in", nil, members)...)
	return append(out,
		jen.Id("w").Dot("EndObject").Call(),
		jen.Id("req").Dot("Body").Op("=").Id("w").Dot("Bytes").Call(),
		jen.Id("req").Dot("ContentType").Op("=").Lit("application/json"),
	)
}

// serializeContentType returns, when an httpHeader member binds
// Content-Type, the statement letting its value (when set) replace the
// payload's default content type.
func (s *serdeGen) serializeContentType(members []*ir.Member) []jen.Code {
	for _, mem := range bound(members, ir.BindHeader) {
		if strings.EqualFold(mem.BindingName, "Content-Type") {
			return []jen.Code{jen.If(
				jen.Id("v").Op(":=").Id("req").Dot("Header").Dot("Get").Call(jen.Lit("Content-Type")),
				jen.Id("v").Op("!=").Lit(""),
			).Block(jen.Id("req").Dot("ContentType").Op("=").Id("v"))}
		}
	}
	return nil
}

// serializeBodyEncoding returns the statements that compress the body of
// an operation with @requestCompression (gzip, once the body reaches
// awsrt.MinCompressSize bytes; Content-Encoding gets "gzip" appended) and
// set Content-MD5 for @httpChecksumRequired (of the body as sent).
func (s *serdeGen) serializeBodyEncoding(op *ir.Shape, members []*ir.Member) []jen.Code {
	var out []jen.Code
	if slices.Contains(op.Traits.RequestCompression, "gzip") {
		streaming := false
		for _, mem := range bound(members, ir.BindPayload) {
			streaming = streaming || isStream(s.target(mem))
		}
		if !streaming {
			out = append(out, jen.If(jen.Err().Op(":=").Add(s.rt("GzipBody")).Call(jen.Id("req")), jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Err()),
			))
		}
	}
	if op.Traits.HTTPChecksumRequired {
		out = append(out, s.rt("SetContentMD5").Call(jen.Id("req")))
	}
	return out
}

// loopElem returns the value of range variable name over elements of
// member mem (target t): *name after a guard that skips nil elements when
// they are pointers, else name and no guard.
func loopElem(name string, mem *ir.Member, t *ir.Shape) (guard []jen.Code, v *jen.Statement) {
	if valuePtr(mem, t) {
		return []jen.Code{jen.If(jen.Id(name).Op("==").Nil()).Block(jen.Continue())}, jen.Op("*").Id(name)
	}
	return nil, jen.Id(name)
}
