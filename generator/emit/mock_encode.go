package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// genEncoders renders encode.go: for every operation the function that
// writes its output as a response, and for every modeled error the function
// that writes it, with encodeError choosing among them.
func (m *mock) genEncoders(f *jen.File) {
	for _, op := range m.m.Operations {
		m.genEncodeOutput(f, op)
	}
	m.genEncodeError(f)
	for _, e := range m.errors {
		m.genEncodeErrorShape(f, e)
	}
}

// genEncodeOutput renders encode<Op>Output.
//
// Example output:
//
//	func encodeAssumeRoleForPodIdentityOutput(out *eksauth.AssumeRoleForPodIdentityOutput) *mockrt.Response {
//		if out == nil {
//			out = &eksauth.AssumeRoleForPodIdentityOutput{}
//		}
//		resp := &mockrt.Response{Header: http.Header{}, Status: 200}
//		w := &awsrt.JSONWriter{}
//		w.BeginObject()
//		if out.Subject != nil {
//			w.Key("subject")
//			serde.EncodeSubject(w, out.Subject)
//		}
//		w.EndObject()
//		resp.Header.Set("Content-Type", "application/json")
//		resp.Body = w.Bytes()
//		return resp
//	}
func (m *mock) genEncodeOutput(f *jen.File, op *ir.Shape) {
	name := "encode" + outputName(op)
	out := jen.Id("out")
	code := 200
	if op.Traits.HTTP != nil && op.Traits.HTTP.Code != 0 {
		code = op.Traits.HTTP.Code
	}
	body := []jen.Code{
		jen.If(out.Clone().Op("==").Nil()).Block(out.Clone().Op("=").Op("&").Add(m.svc(outputName(op))).Values()),
		jen.Id("resp").Op(":=").Op("&").Add(m.rt("Response")).Values(jen.Dict{
			jen.Id("Status"): jen.Lit(code),
			jen.Id("Header"): m.httpQ("Header").Values(),
		}),
	}
	var bodyMembers []*ir.Member
	var payload *ir.Member
	for _, mem := range m.opMembers(op.Output) {
		t := m.target(mem)
		src := out.Clone().Dot(mem.GoName)
		switch {
		case mem.Binding == ir.BindResponseCode:
			if m.fieldPtr(mem) {
				body = append(body, jen.If(src.Clone().Op("!=").Nil()).Block(jen.Id("resp").Dot("Status").Op("=").Int().Call(jen.Op("*").Add(src))))
			} else {
				body = append(body, jen.If(src.Clone().Op("!=").Lit(0)).Block(jen.Id("resp").Dot("Status").Op("=").Int().Call(src)))
			}
		case mem.Binding == ir.BindHeader:
			body = append(body, m.encodeHeader(jen.Id("resp").Dot("Header"), src, mem, t))
		case mem.Binding == ir.BindPrefixHeaders:
			body = append(body, m.encodePrefixHeaders(jen.Id("resp").Dot("Header"), src, mem, t))
		case mem.Binding == ir.BindPayload:
			payload = mem
		case responseBody(mem):
			bodyMembers = append(bodyMembers, mem)
		}
	}
	switch {
	case op.Output == "" || op.Output == ir.UnitID:
		// No output: no body.
	case payload != nil:
		body = append(body, m.encodePayload(out.Clone().Dot(payload.GoName), payload, m.target(payload)))
	default:
		body = append(body, jen.Id("w").Op(":=").Op("&").Add(m.awsrt("JSONWriter")).Values(), jen.Id("w").Dot("BeginObject").Call())
		for _, mem := range bodyMembers {
			body = append(body, m.encodeMember(out.Clone().Dot(mem.GoName), mem))
		}
		body = append(body,
			jen.Id("w").Dot("EndObject").Call(),
			jen.Id("resp").Dot("Header").Dot("Set").Call(jen.Lit("Content-Type"), jen.Lit("application/json")),
			jen.Id("resp").Dot("Body").Op("=").Id("w").Dot("Bytes").Call(),
		)
	}
	body = append(body, jen.Return(jen.Id("resp")))
	f.Comment(name + " writes a " + outputName(op) + " as a response.")
	f.Func().Id(name).Params(out.Clone().Op("*").Add(m.svc(outputName(op)))).Op("*").Add(m.rt("Response")).Block(body...)
}

// encodeMember returns the statement writing a body member held in src
// (a field of mem's Go type) as a key and value of the JSON object being
// written to w; members that are nil are left out.
func (m *mock) encodeMember(src *jen.Statement, mem *ir.Member) jen.Code {
	t := m.target(mem)
	v := src.Clone()
	if m.fieldPtr(mem) {
		v = jen.Op("*").Add(src.Clone())
	}
	if t.Type == ir.StructureType && !mem.Pointer {
		v = jen.Op("&").Add(src.Clone())
	}
	write := []jen.Code{jen.Id("w").Dot("Key").Call(jen.Lit(mem.JSONName)), m.encodeJSON(mem, t, v)}
	var set *jen.Statement // the member is set; nil when always written
	switch {
	case m.nilable(mem):
		set = src.Clone().Op("!=").Nil()
	case t.Type == ir.EnumType || t.Type == ir.IntEnumType:
		set = zeroCheck(src, mem, t) // a value enum is unset when zero
	}
	if set == nil {
		return jen.Block(write...)
	}
	stmt := jen.If(set).Block(write...)
	if def, ok := m.sd.defaultJSON(mem, t); ok && !mem.Traits.ClientOptional {
		// Smithy: a server populates the default of an unset member.
		stmt.Else().Block(jen.Id("w").Dot("Key").Call(jen.Lit(mem.JSONName)), jen.Id("w").Dot("Raw").Call(jen.Index().Byte().Call(jen.Lit(def))))
	}
	return stmt
}

// encodeHeader returns the statement setting header mem.BindingName of h
// from src, a field of mem's Go type; an empty string or a non-nil empty
// list is sent as an empty header (Smithy's RestJsonNullAndEmptyHeaders).
func (m *mock) encodeHeader(h, src *jen.Statement, mem *ir.Member, t *ir.Shape) jen.Code {
	name := jen.Lit(mem.BindingName)
	if t.Type.IsCollection() && len(t.Members) > 0 {
		elem := t.Members[0]
		et := m.target(elem)
		format := timestampFormat(elem, et, tsHTTPDate)
		loop := []jen.Code{}
		v := jen.Id("v")
		if m.fieldPtr(elem) {
			loop = append(loop, jen.If(jen.Id("v").Op("==").Nil()).Block(jen.Continue()))
			v = jen.Op("*").Id("v")
		}
		loop = append(loop, jen.Id("items").Op("=").Append(jen.Id("items"), m.formatString(et, format, v)))
		join := m.rt("JoinList").Call(jen.Id("items"))
		if et.Type == ir.TimestampType && format == tsHTTPDate {
			join = jen.Qual("strings", "Join").Call(jen.Id("items"), jen.Lit(", "))
		}
		return jen.If(src.Clone().Op("!=").Nil()).Block(
			jen.Id("items").Op(":=").Make(jen.Index().String(), jen.Lit(0), jen.Len(src.Clone())),
			jen.For(jen.List(jen.Id("_"), jen.Id("v")).Op(":=").Range().Add(src.Clone())).Block(loop...),
			h.Clone().Dot("Set").Call(name, join),
		)
	}
	if t.Type.IsAggregate() {
		return jen.Null()
	}
	v := src.Clone()
	if m.fieldPtr(mem) {
		v = jen.Op("*").Add(src.Clone())
	}
	val := m.formatString(t, timestampFormat(mem, t, tsHTTPDate), v)
	if t.Type == ir.StringType && t.Traits.MediaType != "" {
		val = m.rt("FormatBlob").Call(jen.Index().Byte().Call(v))
	}
	set := h.Clone().Dot("Set").Call(name, val)
	if m.nilable(mem) {
		return jen.If(src.Clone().Op("!=").Nil()).Block(set)
	}
	return set
}

// encodePrefixHeaders returns the statement setting one header per entry
// of the map src, named by the prefix and the key.
func (m *mock) encodePrefixHeaders(h, src *jen.Statement, mem *ir.Member, t *ir.Shape) jen.Code {
	val := t.Member("value")
	if t.Type != ir.MapType || val == nil || m.target(val).Type.IsAggregate() {
		return jen.Null()
	}
	vt := m.target(val)
	var loop []jen.Code
	v := jen.Id("v")
	if m.fieldPtr(val) {
		loop = append(loop, jen.If(jen.Id("v").Op("==").Nil()).Block(jen.Continue()))
		v = jen.Op("*").Id("v")
	}
	loop = append(loop, h.Clone().Dot("Set").Call(jen.Lit(mem.BindingName).Op("+").Id("k"), m.formatString(vt, timestampFormat(val, vt, tsHTTPDate), v)))
	return jen.For(jen.List(jen.Id("k"), jen.Id("v")).Op(":=").Range().Add(src)).Block(loop...)
}

// encodePayload returns the statements writing an httpPayload member as the
// whole body, with its Content-Type.
func (m *mock) encodePayload(src *jen.Statement, mem *ir.Member, t *ir.Shape) jen.Code {
	ct := jen.Id("resp").Dot("Header").Dot("Set").Call(jen.Lit("Content-Type"), jen.Lit(payloadMediaType(t)))
	b := jen.Id("resp").Dot("Body")
	switch t.Type {
	case ir.BlobType:
		if t.Traits.Streaming {
			return jen.If(src.Clone().Op("!=").Nil()).Block(
				jen.List(jen.Id("data"), jen.Err()).Op(":=").Qual("io", "ReadAll").Call(src.Clone()),
				jen.Id("_").Op("=").Add(src.Clone()).Dot("Close").Call(),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(m.rt("Failure").Call(jen.Err()))),
				b.Clone().Op("=").Id("data"),
				ct,
			)
		}
		return jen.If(src.Clone().Op("!=").Nil()).Block(b.Clone().Op("=").Add(src), ct)
	case ir.StringType, ir.EnumType:
		v := src.Clone()
		if m.fieldPtr(mem) {
			v = jen.Op("*").Add(src.Clone())
		}
		write := []jen.Code{b.Clone().Op("=").Index().Byte().Call(v), ct}
		if m.nilable(mem) {
			return jen.If(src.Clone().Op("!=").Nil()).Block(write...)
		}
		return jen.Block(write...)
	}
	v := src.Clone()
	if t.Type == ir.StructureType && !mem.Pointer {
		v = jen.Op("&").Add(src.Clone())
	}
	write := []jen.Code{
		jen.Id("w").Op(":=").Op("&").Add(m.awsrt("JSONWriter")).Values(),
		m.encodeJSON(mem, t, v),
		b.Clone().Op("=").Id("w").Dot("Bytes").Call(),
		ct,
	}
	if m.nilable(mem) {
		return jen.If(src.Clone().Op("!=").Nil()).Block(write...)
	}
	return jen.Block(write...)
}

// genEncodeError renders encodeError, which finds the modeled error in an
// error's chain (errors.As) and writes it.
//
// Example output:
//
//	func encodeError(err error) *mockrt.Response {
//		if e := (*types.AccessDeniedException)(nil); errors.As(err, &e) {
//			return writeAccessDeniedException(e)
//		}
//		return nil
//	}
func (m *mock) genEncodeError(f *jen.File) {
	var body []jen.Code
	for _, e := range m.errors {
		body = append(body, jen.If(
			jen.Id("e").Op(":=").Parens(jen.Op("*").Add(m.types(e.GoName))).Call(jen.Nil()),
			jen.Qual("errors", "As").Call(jen.Err(), jen.Op("&").Id("e")),
		).Block(jen.Return(jen.Id("write"+e.GoName).Call(jen.Id("e")))))
	}
	body = append(body, jen.Return(jen.Nil()))
	f.Comment("encodeError writes the modeled error found in err's chain, or returns nil")
	f.Comment("when there is none.")
	f.Func().Id("encodeError").Params(jen.Err().Error()).Op("*").Add(m.rt("Response")).Block(body...)
}

// genEncodeErrorShape renders the writer of one modeled error: its status,
// X-Amzn-ErrorType, header members and JSON body (through serde).
func (m *mock) genEncodeErrorShape(f *jen.File, e *ir.Shape) {
	body := []jen.Code{jen.Id("h").Op(":=").Add(m.httpQ("Header")).Values()}
	msg := messageMember(e)
	for _, mem := range e.Members {
		if mem == msg {
			continue
		}
		t := m.target(mem)
		src := jen.Id("e").Dot(mem.GoName)
		switch mem.Binding {
		case ir.BindHeader:
			body = append(body, m.encodeHeader(jen.Id("h"), src, mem, t))
		case ir.BindPrefixHeaders:
			body = append(body, m.encodePrefixHeaders(jen.Id("h"), src, mem, t))
		}
	}
	body = append(body,
		jen.Id("w").Op(":=").Op("&").Add(m.awsrt("JSONWriter")).Values(),
		m.sd.encodeFunc(e.ID).Call(jen.Id("w"), jen.Id("e")),
		jen.Return(m.rt("ModeledError").Call(jen.Lit(errorStatus(e)), jen.Id("e").Dot("ErrorCode").Call(), jen.Id("h"), jen.Id("w").Dot("Bytes").Call())),
	)
	f.Comment("write" + e.GoName + " writes a " + e.GoName + " as a response.")
	f.Func().Id("write" + e.GoName).Params(jen.Id("e").Op("*").Add(m.types(e.GoName))).Op("*").Add(m.rt("Response")).Block(body...)
}
