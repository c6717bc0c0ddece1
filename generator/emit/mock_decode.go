package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// genDecoders renders decode.go: for every operation, the function that
// reads its input from a request (labels, query, headers, prefix headers,
// then the payload or the JSON body), and the JSON body reader.
func (m *mock) genDecoders(f *jen.File) {
	m.schema = newStrictSchema(m)
	for _, op := range m.m.Operations {
		m.genDecodeInput(f, op)
	}
	if !m.schema.empty() {
		m.schema.render(f)
	}
}

// genDecodeInput renders decode<Op>Input and, when op has body members,
// decode<Op>InputBody.
//
// Example output:
//
//	func decodeAssumeRoleForPodIdentityInput(req *mockrt.Request) (*eksauth.AssumeRoleForPodIdentityInput, error) {
//		in := &eksauth.AssumeRoleForPodIdentityInput{}
//		{
//			v, err := mockrt.Value[string](req.Labels[0])
//			if err != nil {
//				return nil, fmt.Errorf("label clusterName: %w", err)
//			}
//			in.ClusterName = mockrt.Ptr(v)
//		}
//		if err := decodeAssumeRoleForPodIdentityInputBody(req.Body, in); err != nil {
//			return nil, err
//		}
//		return in, nil
//	}
func (m *mock) genDecodeInput(f *jen.File, op *ir.Shape) {
	name := "decode" + inputName(op)
	members := m.opMembers(op.Input)
	// Smithy: a server populates the default of every member the request
	// leaves out; decoding overwrites what the request holds.
	defaults := m.sd.defaultFields(members, func(mem *ir.Member) string { return mem.GoName }, inInput)
	body := []jen.Code{jen.Id("in").Op(":=").Op("&").Add(m.svc(inputName(op))).Values(defaults)}
	var bodyMembers []*ir.Member
	for _, mem := range members {
		t := m.target(mem)
		dst := jen.Id("in").Dot(mem.GoName)
		switch mem.Binding {
		case ir.BindLabel:
			idx, ok := labelIndex(op, mem)
			if !ok {
				continue // not in the URI pattern: it cannot be bound
			}
			body = append(body, m.parseInto(dst, mem, t, timestampFormat(mem, t, tsDateTime),
				jen.Id("req").Dot("Labels").Index(jen.Lit(idx)), "label "+mem.BindingName))
		case ir.BindQuery:
			body = append(body, m.decodeQuery(dst, mem, t))
		case ir.BindQueryParams:
			body = append(body, m.decodeQueryParams(dst, mem, t))
		case ir.BindHeader:
			body = append(body, m.decodeHeader(dst, mem, t))
		case ir.BindPrefixHeaders:
			body = append(body, m.decodePrefixHeaders(dst, mem, t))
		case ir.BindPayload:
			body = append(body, m.decodePayload(dst, mem, t))
		case ir.BindBody:
			bodyMembers = append(bodyMembers, mem)
		}
	}
	if len(bodyMembers) > 0 {
		body = append(body, jen.If(jen.Err().Op(":=").Id(name+"Body").Call(jen.Id("req").Dot("Body"), jen.Id("in")), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Nil(), jen.Err()),
		))
	}
	body = append(body, jen.Return(jen.Id("in"), jen.Nil()))
	f.Comment(name + " reads the " + inputName(op) + " of a request.")
	f.Func().Id(name).Params(jen.Id("req").Op("*").Add(m.rt("Request"))).Params(jen.Op("*").Add(m.svc(inputName(op))), jen.Error()).Block(body...)
	if len(bodyMembers) > 0 {
		m.genDecodeBody(f, name+"Body", inputName(op), bodyMembers, m.schema.bodyNode(bodyMembers))
	}
}

// labelIndex returns the index of mem's label among the labels of op's
// URI, and whether it is there.
func labelIndex(op *ir.Shape, mem *ir.Member) (int, bool) {
	i := 0
	if op.Traits.HTTP != nil {
		for _, s := range op.Traits.HTTP.Path {
			if s.Label == "" {
				continue
			}
			if s.Label == mem.BindingName {
				return i, true
			}
			i++
		}
	}
	return 0, false
}

// parseInto returns a block that parses the string s into dst, a field of
// mem's Go type; where names the value in errors.
func (m *mock) parseInto(dst *jen.Statement, mem *ir.Member, t *ir.Shape, format string, s jen.Code, where string) jen.Code {
	return jen.Block(
		jen.List(jen.Id("v"), jen.Err()).Op(":=").Add(m.parseString(t, format, s)),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Qual("fmt", "Errorf").Call(jen.Lit(where+": %w"), jen.Err()))),
		dst.Clone().Op("=").Add(m.stored(mem, jen.Id("v"))),
	)
}

// stored returns the value to store in a field (or element) of mem's Go
// type given v, a value of its value type.
func (m *mock) stored(mem *ir.Member, v jen.Code) jen.Code {
	if m.fieldPtr(mem) {
		return m.rt("Ptr").Call(v)
	}
	return v
}

// parseList returns a block that parses every string of items into dst,
// a list field of mem's Go type (list shape t).
func (m *mock) parseList(dst *jen.Statement, t *ir.Shape, items jen.Code, def, where string) jen.Code {
	if len(t.Members) == 0 {
		return jen.Null()
	}
	elem := t.Members[0]
	et := m.target(elem)
	return jen.Block(
		jen.Id("items").Op(":=").Add(items),
		jen.Id("list").Op(":=").Make(jen.Index().Add(m.memberType(elem, inInput)), jen.Lit(0), jen.Len(jen.Id("items"))),
		jen.For(jen.List(jen.Id("_"), jen.Id("s")).Op(":=").Range().Id("items")).Block(
			jen.List(jen.Id("v"), jen.Err()).Op(":=").Add(m.parseString(et, timestampFormat(elem, et, def), jen.Id("s"))),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Qual("fmt", "Errorf").Call(jen.Lit(where+": %w"), jen.Err()))),
			jen.Id("list").Op("=").Append(jen.Id("list"), m.stored(elem, jen.Id("v"))),
		),
		dst.Clone().Op("=").Id("list"),
	)
}

// decodeQuery reads an httpQuery member: the first value, or all of them
// for a list.
func (m *mock) decodeQuery(dst *jen.Statement, mem *ir.Member, t *ir.Shape) jen.Code {
	vs := jen.Id("req").Dot("Query").Call().Index(jen.Lit(mem.BindingName))
	where := "query " + mem.BindingName
	if t.Type.IsCollection() {
		return jen.If(jen.Len(vs.Clone()).Op(">").Lit(0)).Block(m.parseList(dst, t, vs.Clone(), tsDateTime, where))
	}
	return jen.If(jen.Id("vs").Op(":=").Add(vs), jen.Len(jen.Id("vs")).Op(">").Lit(0)).Block(
		m.parseInto(dst, mem, t, timestampFormat(mem, t, tsDateTime), jen.Id("vs").Index(jen.Lit(0)), where))
}

// decodeQueryParams reads an httpQueryParams map: every query parameter,
// including those an httpQuery member binds too (Smithy's
// RestJsonServersPutAllQueryParamsInMap).
func (m *mock) decodeQueryParams(dst *jen.Statement, mem *ir.Member, t *ir.Shape) jen.Code {
	val := t.Member("value")
	if t.Type != ir.MapType || val == nil {
		return jen.Null()
	}
	vt := m.target(val)
	item := jen.Id("params").Index(jen.Id("k"))
	var store jen.Code
	if vt.Type.IsCollection() {
		store = m.parseList(item, vt, jen.Id("vs"), tsDateTime, "query params")
	} else {
		store = m.parseInto(item, val, vt, timestampFormat(val, vt, tsDateTime), jen.Id("vs").Index(jen.Lit(0)), "query params")
	}
	return jen.Block(
		jen.Id("params").Op(":=").Add(m.memberType(mem, inInput)).Values(),
		jen.For(jen.List(jen.Id("k"), jen.Id("vs")).Op(":=").Range().Id("req").Dot("Query").Call()).Block(
			jen.If(jen.Len(jen.Id("vs")).Op("==").Lit(0)).Block(jen.Continue()),
			store,
		),
		jen.If(jen.Len(jen.Id("params")).Op(">").Lit(0)).Block(dst.Clone().Op("=").Id("params")),
	)
}

// decodeHeader reads an httpHeader member; a list is split on commas.
func (m *mock) decodeHeader(dst *jen.Statement, mem *ir.Member, t *ir.Shape) jen.Code {
	name := jen.Lit(mem.BindingName)
	where := "header " + mem.BindingName
	if t.Type.IsCollection() && len(t.Members) > 0 {
		elem := t.Members[0]
		et := m.target(elem)
		httpDates := et.Type == ir.TimestampType && timestampFormat(elem, et, tsHTTPDate) == tsHTTPDate
		joined := jen.Qual("strings", "Join").Call(jen.Id("req").Dot("HTTP").Dot("Header").Dot("Values").Call(name), jen.Lit(","))
		return jen.If(jen.Id("h").Op(":=").Add(joined), jen.Id("h").Op("!=").Lit("")).Block(
			m.parseList(dst, t, m.rt("SplitList").Call(jen.Id("h"), jen.Lit(httpDates)), tsHTTPDate, where))
	}
	if t.Type.IsAggregate() {
		return jen.Null()
	}
	hv := jen.Id("h")
	if t.Type == ir.StringType && t.Traits.MediaType != "" {
		// A string with a media type travels base64-encoded in a header.
		return jen.If(jen.Id("h").Op(":=").Id("req").Dot("HTTP").Dot("Header").Dot("Get").Call(name), jen.Id("h").Op("!=").Lit("")).Block(
			jen.List(jen.Id("b"), jen.Err()).Op(":=").Add(m.rt("ParseBlob")).Call(jen.Id("h")),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Qual("fmt", "Errorf").Call(jen.Lit(where+": %w"), jen.Err()))),
			dst.Clone().Op("=").Add(m.stored(mem, jen.String().Call(jen.Id("b")))),
		)
	}
	return jen.If(jen.Id("h").Op(":=").Id("req").Dot("HTTP").Dot("Header").Dot("Get").Call(name), jen.Id("h").Op("!=").Lit("")).Block(
		m.parseInto(dst, mem, t, timestampFormat(mem, t, tsHTTPDate), hv, where))
}

// decodePrefixHeaders reads an httpPrefixHeaders map: every header whose
// name starts with the prefix (case-insensitively), keyed by the rest of
// its name in lower case (header names are case-insensitive, and Go's
// server canonicalizes them).
func (m *mock) decodePrefixHeaders(dst *jen.Statement, mem *ir.Member, t *ir.Shape) jen.Code {
	val := t.Member("value")
	if t.Type != ir.MapType || val == nil {
		return jen.Null()
	}
	vt := m.target(val)
	prefix := mem.BindingName
	item := jen.Id("headers").Index(jen.Qual("strings", "ToLower").Call(jen.Id("k").Index(jen.Lit(len(prefix)), jen.Empty())))
	var store jen.Code
	if vt.Type.IsCollection() {
		store = m.parseList(item, vt, m.rt("SplitList").Call(jen.Qual("strings", "Join").Call(jen.Id("vs"), jen.Lit(",")), jen.False()), tsHTTPDate, "header "+prefix)
	} else {
		store = m.parseInto(item, val, vt, timestampFormat(val, vt, tsHTTPDate), jen.Qual("strings", "Join").Call(jen.Id("vs"), jen.Lit(",")), "header "+prefix)
	}
	return jen.Block(
		jen.Id("headers").Op(":=").Add(m.memberType(mem, inInput)).Values(),
		jen.For(jen.List(jen.Id("k"), jen.Id("vs")).Op(":=").Range().Id("req").Dot("HTTP").Dot("Header")).Block(
			jen.If(jen.Len(jen.Id("k")).Op("<").Lit(len(prefix)).Op("||").Op("!").Qual("strings", "EqualFold").Call(jen.Id("k").Index(jen.Empty(), jen.Lit(len(prefix))), jen.Lit(prefix))).Block(jen.Continue()),
			store,
		),
		jen.If(jen.Len(jen.Id("headers")).Op(">").Lit(0)).Block(dst.Clone().Op("=").Id("headers")),
	)
}

// decodePayload reads an httpPayload member from the whole body. A
// structure or union payload that is an empty JSON object is
// left unset, as Smithy's RestJsonHttpWithEmptyStructurePayload expects.
func (m *mock) decodePayload(dst *jen.Statement, mem *ir.Member, t *ir.Shape) jen.Code {
	b := jen.Id("req").Dot("Body")
	nonEmpty := jen.Len(b.Clone()).Op(">").Lit(0)
	switch t.Type {
	case ir.BlobType:
		if t.Traits.Streaming {
			return dst.Clone().Op("=").Qual("bytes", "NewReader").Call(b)
		}
		return jen.If(nonEmpty).Block(dst.Clone().Op("=").Add(b))
	case ir.StringType, ir.EnumType:
		return jen.If(nonEmpty).Block(dst.Clone().Op("=").Add(m.stored(mem, m.shapeType(t, inInput).Call(jen.String().Call(b)))))
	}
	if t.Type != ir.DocumentType {
		nonEmpty = jen.Len(b.Clone()).Op(">").Lit(0).Op("&&").Op("!").Add(m.rt("EmptyObject")).Call(b.Clone())
	}
	var check []jen.Code
	if root := m.schema.shapeNode(t); root != schemaAny {
		check = append(check, jen.If(jen.Err().Op(":=").Id("bodySchema").Dot("Check").Call(b.Clone(), jen.Lit(root)), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Nil(), jen.Err())))
	}
	return jen.If(nonEmpty).Block(append(check,
		jen.Id("d").Op(":=").Add(m.awsrt("NewDecoder")).Call(b),
		jen.List(jen.Id("v"), jen.Err()).Op(":=").Add(m.decodeJSON(mem, t)),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.If(jen.Err().Op(":=").Id("d").Dot("End").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		m.storeDecoded(dst, mem, t),
	)...)
}

// storeDecoded stores v, as decodeJSON returned it, into dst, a field of
// mem's Go type.
func (m *mock) storeDecoded(dst *jen.Statement, mem *ir.Member, t *ir.Shape) jen.Code {
	if t.Type == ir.StructureType && !mem.Pointer {
		return jen.If(jen.Id("v").Op("!=").Nil()).Block(dst.Clone().Op("=").Op("*").Id("v"))
	}
	return dst.Clone().Op("=").Add(m.stored(mem, jen.Id("v")))
}

// genDecodeBody renders the reader of an input's JSON body members.
//
// Example output:
//
//	func decodeAssumeRoleForPodIdentityInputBody(body []byte, in *eksauth.AssumeRoleForPodIdentityInput) error {
//		d := awsrt.NewDecoder(body)
//		if d.Empty() {
//			return nil
//		}
//		if err := d.BeginObject(); err != nil {
//			return err
//		}
//		for {
//			key, ok, err := d.NextKey()
//			...
//			switch key {
//			case "token":
//				v, err := d.String()
//				if err != nil {
//					return fmt.Errorf("token: %w", err)
//				}
//				in.Token = mockrt.Ptr(v)
//			default:
//				if err := d.Skip(); err != nil {
//					return err
//				}
//			}
//		}
//		return d.End()
//	}
func (m *mock) genDecodeBody(f *jen.File, name, typ string, members []*ir.Member, root int) {
	var cases []jen.Code
	for _, mem := range members {
		t := m.target(mem)
		cases = append(cases, jen.Case(jen.Lit(mem.JSONName)).Block(
			jen.List(jen.Id("v"), jen.Err()).Op(":=").Add(m.decodeJSON(mem, t)),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Qual("fmt", "Errorf").Call(jen.Lit(mem.JSONName+": %w"), jen.Err()))),
			m.storeDecoded(jen.Id("in").Dot(mem.GoName), mem, t),
		))
	}
	cases = append(cases, jen.Default().Block(
		jen.If(jen.Err().Op(":=").Id("d").Dot("Skip").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
	))
	var body []jen.Code
	if root != schemaAny {
		body = append(body, jen.If(jen.Err().Op(":=").Id("bodySchema").Dot("Check").Call(jen.Id("body"), jen.Lit(root)), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Err())))
	}
	f.Comment(name + " reads the JSON body members of a " + typ + ".")
	f.Func().Id(name).Params(jen.Id("body").Index().Byte(), jen.Id("in").Op("*").Add(m.svc(typ))).Error().Block(append(body,
		jen.Id("d").Op(":=").Add(m.awsrt("NewDecoder")).Call(jen.Id("body")),
		jen.If(jen.Id("d").Dot("Empty").Call()).Block(jen.Return(jen.Nil())),
		jen.If(jen.Err().Op(":=").Id("d").Dot("BeginObject").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.For().Block(
			jen.List(jen.Id("key"), jen.Id("ok"), jen.Err()).Op(":=").Id("d").Dot("NextKey").Call(),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			jen.If(jen.Op("!").Id("ok")).Block(jen.Break()),
			jen.If(jen.Id("d").Dot("ReadNull").Call()).Block(jen.Continue()),
			jen.Switch(jen.Id("key")).Block(cases...),
		),
		jen.Return(jen.Id("d").Dot("End").Call()),
	)...)
}
