package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/emit/internal/httpheader"
	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// emitDeserializers renders deserializers.go: deserializeOp<Op> and
// deserializeOpError<Op> for every operation, and deserializeError<Name>
// for every error shape.
func (s *serdeGen) emitDeserializers() (File, error) {
	f := s.newServiceFile()
	for _, op := range s.m.Operations {
		s.genDeserializer(f, op)
		s.genOpErrorDeserializer(f, op)
	}
	for _, e := range s.errorShapes() {
		s.genErrorDeserializer(f, e)
	}
	return render("deserializers.go", f)
}

// genDeserializer declares deserializeOp<Op>: headers, response code, then
// the payload or the JSON body (empty or "{}" both fine; unknown members
// skipped; nothing required).
//
// Example output:
//
//	// deserializeOpAssumeRoleForPodIdentity decodes the response of AssumeRoleForPodIdentity.
//	func deserializeOpAssumeRoleForPodIdentity(resp *http.Response, body []byte) (*AssumeRoleForPodIdentityOutput, error) {
//		out := &AssumeRoleForPodIdentityOutput{}
//		d := awsrt.NewOwnedDecoder(body)
//		if !d.Empty() && !d.ReadNull() {
//			... key loop ...
//			if err := d.End(); err != nil {
//				return nil, err
//			}
//		}
//		return out, nil
//	}
func (s *serdeGen) genDeserializer(f *jen.File, op *ir.Shape) {
	members := s.opMembers(op.Output)
	body := []jen.Code{jen.Id("out").Op(":=").Op("&").Id(outputName(op)).Values(
		s.defaultFields(members, func(mem *ir.Member) string { return mem.GoName }, inOutput))}
	body = append(body, s.deserializeHTTP("out", members, retNil)...)
	body = append(body, s.deserializeBody("out", nil, members, inOutput, retNil)...)
	body = append(body, jen.Return(jen.Id("out"), jen.Nil()))
	f.Comment("deserializeOp" + op.GoName + " decodes the response of " + op.GoName + ".")
	f.Func().Id("deserializeOp"+op.GoName).Params(
		jen.Id("resp").Op("*").Qual("net/http", "Response"), jen.Id("body").Index().Byte(),
	).Params(jen.Op("*").Id(outputName(op)), jen.Error()).Block(body...)
}

// deserializeBody returns the statements reading the payload member, or
// else the JSON body members, into the structure held in recv.
func (s *serdeGen) deserializeBody(recv string, sh *ir.Shape, members []*ir.Member, d direction, ret func(jen.Code) []jen.Code) []jen.Code {
	if p := bound(members, ir.BindPayload); len(p) > 0 {
		return s.deserializePayload(recv, p[0], d, ret)
	}
	var bodyMembers []*ir.Member
	for _, mem := range members {
		if responseBody(mem) {
			bodyMembers = append(bodyMembers, mem)
		}
	}
	if len(bodyMembers) == 0 {
		return nil
	}
	loop := s.decodeMembers(recv, sh, bodyMembers, ret)
	loop = append(loop, jen.If(jen.Err().Op(":=").Id("d").Dot("End").Call(), jen.Err().Op("!=").Nil()).Block(ret(jen.Err())...))
	return []jen.Code{
		jen.Id("d").Op(":=").Add(s.rt("NewOwnedDecoder")).Call(jen.Id("body")),
		jen.If(jen.Op("!").Id("d").Dot("Empty").Call().Op("&&").Op("!").Id("d").Dot("ReadNull").Call()).Block(loop...),
	}
}

// deserializePayload returns the statements binding the whole body to an
// httpPayload member: JSON for structures, unions and documents; the bytes
// of a string or blob (a stream reads them). An empty body leaves the
// member unset.
func (s *serdeGen) deserializePayload(recv string, mem *ir.Member, d direction, ret func(jen.Code) []jen.Code) []jen.Code {
	t := s.target(mem)
	field := jen.Id(recv).Dot(mem.GoName)
	var set []jen.Code
	switch t.Type {
	case ir.StructureType, ir.UnionType, ir.DocumentType:
		set = append([]jen.Code{jen.Id("d").Op(":=").Add(s.rt("NewOwnedDecoder")).Call(jen.Id("body"))},
			s.decodeValue(mem, t, jen.Lit(mem.JSONName), ret, func(val jen.Code) jen.Code {
				return field.Clone().Op("=").Add(val)
			})...)
		set = append(set, jen.If(jen.Err().Op(":=").Id("d").Dot("End").Call(), jen.Err().Op("!=").Nil()).Block(ret(jen.Err())...))
	case ir.BlobType:
		if t.Traits.Streaming {
			set = []jen.Code{field.Clone().Op("=").Qual("io", "NopCloser").Call(jen.Qual("bytes", "NewReader").Call(jen.Id("body")))}
			if d == inOutput {
				return set
			}
			set = []jen.Code{field.Clone().Op("=").Qual("bytes", "NewReader").Call(jen.Id("body"))}
		} else {
			set = []jen.Code{field.Clone().Op("=").Id("body")}
		}
	case ir.EnumType:
		set = []jen.Code{field.Clone().Op("=").Add(s.textConv(t, jen.String().Call(jen.Id("body"))))}
	default:
		set = []jen.Code{
			jen.Id("x").Op(":=").String().Call(jen.Id("body")),
			field.Clone().Op("=").Op("&").Id("x"),
		}
		if !valuePtr(mem, t) {
			set = []jen.Code{field.Clone().Op("=").String().Call(jen.Id("body"))}
		}
	}
	return []jen.Code{jen.If(jen.Len(jen.Id("body")).Op(">").Lit(0)).Block(set...)}
}

// textConv converts a string expression to an enum's Go type.
func (s *serdeGen) textConv(t *ir.Shape, v jen.Code) jen.Code {
	if namedEnum(t) {
		return jen.Qual(s.typesPath(), t.GoName).Call(v)
	}
	return v
}

// deserializeHTTP returns the statements binding the httpHeader,
// httpPrefixHeaders and httpResponseCode members of a response into the
// structure held in recv. A malformed header is an error naming it.
func (s *serdeGen) deserializeHTTP(recv string, members []*ir.Member, ret func(jen.Code) []jen.Code) []jen.Code {
	var out []jen.Code
	hdrErr := func(name string) []jen.Code {
		return ret(jen.Qual("fmt", "Errorf").Call(jen.Lit("failed to decode header "+name+": %w"), jen.Err()))
	}
	for _, mem := range members {
		t := s.target(mem)
		field := jen.Id(recv).Dot(mem.GoName)
		switch mem.Binding {
		case ir.BindResponseCode:
			if valuePtr(mem, t) {
				out = append(out, jen.Id("sc").Op(":=").Int32().Call(jen.Id("resp").Dot("StatusCode")), field.Clone().Op("=").Op("&").Id("sc"))
			} else {
				out = append(out, field.Clone().Op("=").Int32().Call(jen.Id("resp").Dot("StatusCode")))
			}
		case ir.BindHeader:
			key := httpheader.CanonicalKey(mem.BindingName)
			if t.Type.IsCollection() {
				em := t.Members[0]
				et := s.target(em)
				split := "SplitHeaderListValues"
				if et.Type == ir.TimestampType && timestampFormat(em, et, tsHTTPDate) == tsHTTPDate {
					split = "SplitHTTPDateTimestampHeaderListValues"
				}
				call, conv := s.parseText("p", em, et, mediaString(em, et))
				elem := conv(jen.Id("x"))
				if valuePtr(em, et) {
					elem = jen.Op("&").Id("x")
				}
				out = append(out, jen.If(jen.Id("hv").Op(":=").Id("resp").Dot("Header").Dot("Values").Call(jen.Lit(key)), jen.Len(jen.Id("hv")).Op(">").Lit(0)).Block(
					jen.List(jen.Id("parts"), jen.Err()).Op(":=").Qual(smithyHTTPPath, split).Call(jen.Id("hv")),
					jen.If(jen.Err().Op("!=").Nil()).Block(hdrErr(mem.BindingName)...),
					field.Clone().Op("=").Make(s.memberType(mem, inOutput), jen.Lit(0), jen.Len(jen.Id("parts"))),
					jen.For(jen.List(jen.Id("_"), jen.Id("p")).Op(":=").Range().Id("parts")).Block(
						append(parseStmts("p", call, hdrErr(mem.BindingName)),
							field.Clone().Op("=").Append(field.Clone(), elem))...,
					),
				))
				continue
			}
			call, conv := s.parseText("hv", mem, t, mediaString(mem, t))
			store := field.Clone().Op("=").Add(conv(jen.Id("x")))
			if valuePtr(mem, t) {
				if isIdentityConv(t, mem) {
					store = field.Clone().Op("=").Op("&").Id("x")
				} else {
					store = jen.Block(jen.Id("y").Op(":=").Add(conv(jen.Id("x"))), field.Clone().Op("=").Op("&").Id("y"))
				}
			}
			out = append(out, jen.If(jen.Id("hv").Op(":=").Id("resp").Dot("Header").Dot("Get").Call(jen.Lit(key)), jen.Id("hv").Op("!=").Lit("")).Block(
				append(parseStmts("hv", call, hdrErr(mem.BindingName)), store)...,
			))
		case ir.BindPrefixHeaders:
			vm := t.Member("value")
			if t.Type != ir.MapType || vm == nil {
				continue
			}
			vt := s.target(vm)
			val := s.textConv(vt, jen.Id("vs").Index(jen.Lit(0)))
			if valuePtr(vm, vt) {
				val = jen.Op("&").Id("vs").Index(jen.Lit(0))
			}
			prefix := mem.BindingName
			out = append(out, jen.For(jen.List(jen.Id("k"), jen.Id("vs")).Op(":=").Range().Id("resp").Dot("Header")).Block(
				jen.If(jen.Len(jen.Id("vs")).Op("==").Lit(0).Op("||").Len(jen.Id("k")).Op("<").Lit(len(prefix)).Op("||").
					Op("!").Qual("strings", "EqualFold").Call(jen.Id("k").Index(jen.Empty(), jen.Lit(len(prefix))), jen.Lit(prefix))).Block(jen.Continue()),
				jen.If(field.Clone().Op("==").Nil()).Block(field.Clone().Op("=").Make(s.memberType(mem, inOutput))),
				field.Clone().Index(jen.Qual("strings", "ToLower").Call(jen.Id("k").Index(jen.Lit(len(prefix)), jen.Empty()))).Op("=").Add(val),
			))
		}
	}
	return out
}

// isIdentityConv reports whether parsing a header of shape t gives a value
// of its Go type directly (no conversion needed).
func isIdentityConv(t *ir.Shape, mem *ir.Member) bool {
	switch t.Type {
	case ir.ByteType, ir.ShortType, ir.IntegerType, ir.FloatType, ir.IntEnumType:
		return false
	case ir.EnumType:
		return !namedEnum(t)
	}
	return true
}

// genOpErrorDeserializer declares deserializeOpError<Op>, the ErrorDecoder
// of an operation: the modeled error whose shape name equals code (ignoring
// case), among the operation's and the service's errors, or nil.
//
// Example output:
//
//	func deserializeOpErrorAssumeRoleForPodIdentity(code string, resp *http.Response, body []byte) error {
//		switch {
//		case strings.EqualFold(code, "AccessDeniedException"):
//			return deserializeErrorAccessDeniedException(resp, body)
//		}
//		return nil
//	}
func (s *serdeGen) genOpErrorDeserializer(f *jen.File, op *ir.Shape) {
	var cases []jen.Code
	for _, e := range s.opErrors(op) {
		cases = append(cases, jen.Case(jen.Qual("strings", "EqualFold").Call(jen.Id("code"), jen.Lit(e.ID.Name()))).Block(
			jen.Return(jen.Id("deserializeError"+e.GoName).Call(jen.Id("resp"), jen.Id("body"))),
		))
	}
	var body []jen.Code
	if len(cases) > 0 {
		body = append(body, jen.Switch().Block(cases...))
	}
	body = append(body, jen.Return(jen.Nil()))
	f.Comment("deserializeOpError" + op.GoName + " returns the modeled error of " + op.GoName + " named by code, or nil.")
	f.Func().Id("deserializeOpError"+op.GoName).Params(
		jen.Id("code").String(), jen.Id("resp").Op("*").Qual("net/http", "Response"), jen.Id("body").Index().Byte(),
	).Error().Block(body...)
}

// genErrorDeserializer declares deserializeError<Name>: the error's body
// members through its serde codec (or its httpPayload member), then its
// header and response code members. A body that cannot be decoded gives a smithy.DeserializationError.
func (s *serdeGen) genErrorDeserializer(f *jen.File, e *ir.Shape) {
	ret := func(err jen.Code) []jen.Code {
		return []jen.Code{jen.Return(s.rt("DeserializationError").Call(jen.Id("body"), err))}
	}
	var body []jen.Code
	if p := bound(e.Members, ir.BindPayload); len(p) > 0 {
		body = append(body, jen.Id("v").Op(":=").Op("&").Qual(s.typesPath(), e.GoName).Values())
		body = append(body, s.deserializePayload("v", p[0], inOutput, ret)...)
	} else {
		body = append(body,
			jen.Id("d").Op(":=").Add(s.rt("NewOwnedDecoder")).Call(jen.Id("body")),
			jen.Id("v").Op(":=").Op("&").Qual(s.typesPath(), e.GoName).Values(),
			jen.If(jen.Op("!").Id("d").Dot("Empty").Call()).Block(
				jen.List(jen.Id("x"), jen.Err()).Op(":=").Add(s.decodeFunc(e.ID)).Call(jen.Id("d")),
				jen.If(jen.Err().Op("!=").Nil()).Block(ret(jen.Err())...),
				jen.If(jen.Id("x").Op("!=").Nil()).Block(jen.Id("v").Op("=").Id("x")),
			),
		)
	}
	body = append(body, s.deserializeHTTP("v", e.Members, ret)...)
	body = append(body, jen.Return(jen.Id("v")))
	f.Comment("deserializeError" + e.GoName + " decodes the " + e.ID.Name() + " error.")
	f.Func().Id("deserializeError"+e.GoName).Params(
		jen.Id("resp").Op("*").Qual("net/http", "Response"), jen.Id("body").Index().Byte(),
	).Error().Block(body...)
}
