package emit

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// emitCodecs renders internal/serde/serde.go: the JSON codec of every shape
// in s.codecs (see the comment at the top of serde_emit.go).
func (s *serdeGen) emitCodecs() (File, error) {
	f := s.newFile(s.serdePath(), "serde")
	f.PackageComment("Package serde holds the restJson1 JSON codecs of the service's shapes:")
	f.PackageComment("Encode<Name> writes one value with an awsrt.JSONWriter, Decode<Name> reads")
	f.PackageComment("one with an awsrt.Decoder (null gives the zero value). <Name> is the types")
	f.PackageComment("name of a structure or union, or the shape name of a list or map (with \"_\"")
	f.PackageComment("suffixes against clashes). The client and the mock server share them.")
	if s.hasDocuments() {
		s.genDocumentHelpers(f)
	}
	for _, sh := range s.codecs {
		switch sh.Type {
		case ir.StructureType:
			s.genStructEncoder(f, sh)
			s.genStructDecoder(f, sh)
		case ir.UnionType:
			s.genUnionEncoder(f, sh)
			s.genUnionDecoder(f, sh)
		case ir.ListType, ir.SetType:
			s.genListEncoder(f, sh)
			s.genListDecoder(f, sh)
		case ir.MapType:
			s.genMapEncoder(f, sh)
			s.genMapDecoder(f, sh)
		}
	}
	if len(s.codecs) == 0 && !s.hasDocuments() {
		f.Comment("Codecs is the number of shape codecs in this package (none for this service).")
		f.Const().Id("Codecs").Op("=").Lit(0)
	}
	return render("internal/serde/serde.go", f)
}

// hasDocuments reports whether the model has a document shape.
func (s *serdeGen) hasDocuments() bool {
	for _, sh := range s.m.Shapes() {
		if sh.Type == ir.DocumentType {
			return true
		}
	}
	return false
}

// genDocumentHelpers declares DocumentEncode and DocumentDecode.
func (s *serdeGen) genDocumentHelpers(f *jen.File) {
	w, d := jen.Id("w"), jen.Id("d")
	docType := jen.Qual(s.documentPath(), "Interface")
	f.Comment("DocumentEncode writes a document value; a nil document, and one that fails")
	f.Comment("to marshal, are written as null.")
	f.Func().Id("DocumentEncode").Params(jen.Id("w").Op("*").Add(s.rt("JSONWriter")), jen.Id("v").Add(docType)).Block(
		jen.If(jen.Id("v").Op("==").Nil()).Block(w.Clone().Dot("Null").Call(), jen.Return()),
		jen.List(jen.Id("b"), jen.Err()).Op(":=").Id("v").Dot("MarshalSmithyDocument").Call(),
		jen.If(jen.Err().Op("!=").Nil().Op("||").Len(jen.Id("b")).Op("==").Lit(0)).Block(jen.Id("w").Dot("Null").Call(), jen.Return()),
		jen.Id("w").Dot("Raw").Call(jen.Id("b")),
	)
	f.Comment("DocumentDecode reads one JSON value as a document.")
	f.Func().Id("DocumentDecode").Params(jen.Id("d").Op("*").Add(s.rt("Decoder"))).Params(docType.Clone(), jen.Error()).Block(
		jen.List(jen.Id("raw"), jen.Err()).Op(":=").Add(d).Dot("Raw").Call(),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Return(jen.Qual(s.documentPath(), "FromJSON").Call(jen.Index().Byte().Parens(jen.Id("raw")))),
	)
}

// codecGoType returns the Go type an Encode/Decode function of sh takes or
// returns: *types.X for structures, types.X for unions, the slice or map
// type for lists and maps.
func (s *serdeGen) codecGoType(sh *ir.Shape) *jen.Statement {
	if sh.Type == ir.StructureType {
		return jen.Op("*").Qual(s.typesPath(), sh.GoName)
	}
	return s.shapeType(sh, inNested)
}

// encodeSig starts "func Encode<Name>(w *awsrt.JSONWriter, v T)" with its
// doc comment.
func (s *serdeGen) encodeSig(f *jen.File, sh *ir.Shape, what string) *jen.Statement {
	name := "Encode" + s.names[sh.ID]
	f.Comment(name + " writes " + what + " " + string(sh.ID) + " as JSON.")
	return f.Func().Id(name).Params(jen.Id("w").Op("*").Add(s.rt("JSONWriter")), jen.Id("v").Add(s.codecGoType(sh)))
}

// decodeSig starts "func Decode<Name>(d *awsrt.Decoder) (T, error)" with
// its doc comment.
func (s *serdeGen) decodeSig(f *jen.File, sh *ir.Shape, what string) *jen.Statement {
	name := "Decode" + s.names[sh.ID]
	f.Comment(name + " reads " + what + " " + string(sh.ID) + " from JSON; null gives nil.")
	return f.Func().Id(name).Params(jen.Id("d").Op("*").Add(s.rt("Decoder"))).Params(s.codecGoType(sh), jen.Error())
}

// codecMembers returns the members a structure codec covers: all of them,
// or only the body members of an error structure.
func codecMembers(sh *ir.Shape) []*ir.Member {
	if sh.Traits.Error == "" {
		return sh.Members
	}
	var out []*ir.Member
	for _, mem := range sh.Members {
		if responseBody(mem) {
			out = append(out, mem)
		}
	}
	return out
}

// fieldName returns the Go field of mem in its structure: an error's
// message member is always Message.
func fieldName(sh *ir.Shape, mem *ir.Member) string {
	if sh != nil && sh.Traits.Error != "" && messageMember(sh) == mem {
		return "Message"
	}
	return mem.GoName
}

// encodeMembers returns the statements writing the members of the
// structure held in recv (a pointer) as object keys, skipping nil and zero
// values as the SDK does. In a structure sh that is not an operation input
// (nil for the top level of an input), a member with a default and without
// @clientOptional is always written: its default when unset (Smithy's
// defaults are populated below the top level of an input only).
//
// Example output:
//
//	if v.Arn != nil {
//		w.Key("arn")
//		w.String(*v.Arn)
//	}
func (s *serdeGen) encodeMembers(recv string, sh *ir.Shape, members []*ir.Member) []jen.Code {
	var out []jen.Code
	for _, mem := range members {
		t := s.target(mem)
		if isStream(t) {
			continue
		}
		field := jen.Id(recv).Dot(fieldName(sh, mem))
		stmts := []jen.Code{jen.Id("w").Dot("Key").Call(jen.Lit(mem.JSONName)), s.encodeValue(field, mem, t)}
		cond := zeroCheck(field, mem, t)
		def, hasDefault := "", false
		if sh != nil && !sh.Traits.Input && !mem.Traits.ClientOptional {
			def, hasDefault = s.defaultJSON(mem, t)
		}
		switch {
		case hasDefault && cond != nil:
			out = append(out, jen.If(cond).Block(stmts...).Else().Block(
				jen.Id("w").Dot("Key").Call(jen.Lit(mem.JSONName)),
				jen.Id("w").Dot("Raw").Call(jen.Index().Byte().Call(jen.Lit(def))),
			))
		case cond != nil && !hasDefault:
			out = append(out, jen.If(cond).Block(stmts...))
		default:
			out = append(out, stmts...)
		}
	}
	return out
}

// decodeMembers returns the statements reading the members of an object
// into the structure held in recv: a key loop with one case per member
// (plus "message"/"Message" for an error's message), unknown keys and
// nulls skipped. On error they return ret(err).
func (s *serdeGen) decodeMembers(recv string, sh *ir.Shape, members []*ir.Member, ret func(err jen.Code) []jen.Code) []jen.Code {
	var cases []jen.Code
	keys := map[string]bool{}
	for _, mem := range members {
		keys[mem.JSONName] = true
	}
	for _, mem := range members {
		t := s.target(mem)
		if isStream(t) {
			continue
		}
		field := jen.Id(recv).Dot(fieldName(sh, mem))
		match := []jen.Code{jen.Lit(mem.JSONName)}
		if fieldName(sh, mem) == "Message" && sh != nil && sh.Traits.Error != "" {
			for _, alt := range []string{"message", "Message"} {
				if !keys[alt] {
					keys[alt] = true
					match = append(match, jen.Lit(alt))
				}
			}
		}
		cases = append(cases, jen.Case(match...).Block(
			s.decodeValue(mem, t, jen.Lit(mem.JSONName), ret, func(val jen.Code) jen.Code {
				return field.Clone().Op("=").Add(val)
			})...,
		))
	}
	if sh != nil && sh.Traits.Error != "" && messageMember(sh) == nil {
		var match []jen.Code
		for _, alt := range []string{"message", "Message"} {
			if !keys[alt] {
				match = append(match, jen.Lit(alt))
			}
		}
		if len(match) > 0 {
			cases = append(cases, jen.Case(match...).Block(
				jen.List(jen.Id("x"), jen.Err()).Op(":=").Id("d").Dot("String").Call(),
				jen.If(jen.Err().Op("!=").Nil()).Block(ret(s.rt("WrapPath").Call(jen.Lit("message"), jen.Err()))...),
				jen.Id(recv).Dot("Message").Op("=").Id("d").Dot("StringPtr").Call(jen.Id("x")),
			))
		}
	}
	cases = append(cases, jen.Default().Block(
		jen.If(jen.Err().Op(":=").Id("d").Dot("Skip").Call(), jen.Err().Op("!=").Nil()).Block(ret(jen.Err())...),
	))
	return []jen.Code{
		jen.If(jen.Err().Op(":=").Id("d").Dot("BeginObject").Call(), jen.Err().Op("!=").Nil()).Block(ret(jen.Err())...),
		jen.For().Block(
			jen.List(jen.Id("key"), jen.Id("ok"), jen.Err()).Op(":=").Id("d").Dot("NextKey").Call(),
			jen.If(jen.Err().Op("!=").Nil()).Block(ret(jen.Err())...),
			jen.If(jen.Op("!").Id("ok")).Block(jen.Break()),
			jen.If(jen.Id("d").Dot("ReadNull").Call()).Block(jen.Continue()),
			jen.Switch(jen.Id("key")).Block(cases...),
		),
	}
}

// retNil returns "return nil, err".
func retNil(err jen.Code) []jen.Code { return []jen.Code{jen.Return(jen.Nil(), err)} }

// genStructEncoder declares the encoder of a structure.
//
// Example output:
//
//	// EncodeAssumedRoleUser writes structure com.amazonaws.eksauth#AssumedRoleUser as JSON.
//	func EncodeAssumedRoleUser(w *awsrt.JSONWriter, v *types.AssumedRoleUser) {
//		if v == nil {
//			w.Null()
//			return
//		}
//		w.BeginObject()
//		if v.Arn != nil {
//			w.Key("arn")
//			w.String(*v.Arn)
//		}
//		w.EndObject()
//	}
func (s *serdeGen) genStructEncoder(f *jen.File, sh *ir.Shape) {
	body := []jen.Code{
		jen.If(jen.Id("v").Op("==").Nil()).Block(jen.Id("w").Dot("Null").Call(), jen.Return()),
		jen.Id("w").Dot("BeginObject").Call(),
	}
	body = append(body, s.encodeMembers("v", sh, codecMembers(sh))...)
	body = append(body, jen.Id("w").Dot("EndObject").Call())
	s.encodeSig(f, sh, "structure").Block(body...)
}

// genStructDecoder declares the decoder of a structure, DecodeX, and the
// function it calls, decodeXInto, which reads a non-null object into a
// structure the caller holds: list elements and map values are decoded in
// place with it rather than through a pointer of their own.
//
// Example output:
//
//	func DecodeAssumedRoleUser(d *awsrt.Decoder) (*types.AssumedRoleUser, error) {
//		if d.ReadNull() {
//			return nil, nil
//		}
//		v := &types.AssumedRoleUser{}
//		if err := decodeAssumedRoleUserInto(d, v); err != nil {
//			return nil, err
//		}
//		return v, nil
//	}
//
//	func decodeAssumedRoleUserInto(d *awsrt.Decoder, v *types.AssumedRoleUser) error {
//		if err := d.BeginObject(); err != nil {
//			return err
//		}
//		for { ... switch key { case "arn": ... default: d.Skip() } }
//		return nil
//	}
func (s *serdeGen) genStructDecoder(f *jen.File, sh *ir.Shape) {
	into := s.decodeIntoName(sh.ID)
	body := []jen.Code{
		jen.If(jen.Id("d").Dot("ReadNull").Call()).Block(jen.Return(jen.Nil(), jen.Nil())),
		jen.Id("v").Op(":=").Op("&").Qual(s.typesPath(), sh.GoName).Values(),
		jen.If(jen.Err().Op(":=").Id(into).Call(jen.Id("d"), jen.Id("v")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Return(jen.Id("v"), jen.Nil()),
	}
	s.decodeSig(f, sh, "structure").Block(body...)

	var intoBody []jen.Code
	if defaults := s.defaultFields(codecMembers(sh), func(mem *ir.Member) string { return fieldName(sh, mem) }, inNested); len(defaults) > 0 {
		intoBody = append(intoBody, jen.Op("*").Id("v").Op("=").Qual(s.typesPath(), sh.GoName).Values(defaults))
	}
	intoBody = append(intoBody, s.decodeMembers("v", sh, codecMembers(sh), retErr)...)
	intoBody = append(intoBody, jen.Return(jen.Nil()))
	f.Comment(into + " reads a non-null structure " + string(sh.ID))
	f.Comment("from JSON into v, which holds the zero value (its defaults are set first).")
	f.Func().Id(into).Params(jen.Id("d").Op("*").Add(s.rt("Decoder")), jen.Id("v").Op("*").Qual(s.typesPath(), sh.GoName)).Error().Block(intoBody...)
}

// retErr returns "return err".
func retErr(err jen.Code) []jen.Code { return []jen.Code{jen.Return(err)} }

// genUnionEncoder declares the encoder of a union: an object with the one
// key of the variant held; nil is null, an unknown variant an empty object.
//
// Example output:
//
//	func EncodeValue(w *awsrt.JSONWriter, v types.Value) {
//		if v == nil {
//			w.Null()
//			return
//		}
//		w.BeginObject()
//		switch uv := v.(type) {
//		case *types.ValueMemberName:
//			w.Key("name")
//			w.String(uv.Value)
//		}
//		w.EndObject()
//	}
func (s *serdeGen) genUnionEncoder(f *jen.File, sh *ir.Shape) {
	var cases []jen.Code
	usesValue := false
	for _, mem := range sh.Members {
		t := s.target(mem)
		if !isUnit(t) {
			usesValue = true
		}
		cases = append(cases, jen.Case(jen.Op("*").Qual(s.typesPath(), mem.UnionVariant)).Block(
			jen.Id("w").Dot("Key").Call(jen.Lit(mem.JSONName)),
			s.encodeValue(jen.Id("uv").Dot("Value"), mem, t),
		))
	}
	sw := jen.Switch(jen.Id("v").Assert(jen.Type()))
	if usesValue {
		sw = jen.Switch(jen.Id("uv").Op(":=").Id("v").Assert(jen.Type()))
	}
	body := []jen.Code{
		jen.If(jen.Id("v").Op("==").Nil()).Block(jen.Id("w").Dot("Null").Call(), jen.Return()),
		jen.Id("w").Dot("BeginObject").Call(),
	}
	if len(cases) > 0 {
		body = append(body, sw.Block(cases...))
	}
	body = append(body, jen.Id("w").Dot("EndObject").Call())
	s.encodeSig(f, sh, "union").Block(body...)
}

// genUnionDecoder declares the decoder of a union: the first non-null key
// other than "__type" chooses the variant (an unknown key gives
// *types.UnknownUnionMember); later keys are skipped.
func (s *serdeGen) genUnionDecoder(f *jen.File, sh *ir.Shape) {
	var cases []jen.Code
	for _, mem := range sh.Members {
		t := s.target(mem)
		variant := mem.UnionVariant
		cases = append(cases, jen.Case(jen.Lit(mem.JSONName)).Block(
			s.decodeValue(mem, t, jen.Lit(mem.JSONName), retNil, func(val jen.Code) jen.Code {
				return jen.Id("uv").Op("=").Op("&").Qual(s.typesPath(), variant).Values(jen.Dict{jen.Id("Value"): val})
			})...,
		))
	}
	cases = append(cases, jen.Default().Block(
		jen.If(jen.Err().Op(":=").Id("d").Dot("Skip").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Id("uv").Op("=").Op("&").Qual(s.typesPath(), "UnknownUnionMember").Values(jen.Dict{jen.Id("Tag"): jen.Id("key")}),
	))
	body := []jen.Code{
		jen.If(jen.Id("d").Dot("ReadNull").Call()).Block(jen.Return(jen.Nil(), jen.Nil())),
		jen.If(jen.Err().Op(":=").Id("d").Dot("BeginObject").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Var().Id("uv").Qual(s.typesPath(), sh.GoName),
		jen.For().Block(
			jen.List(jen.Id("key"), jen.Id("ok"), jen.Err()).Op(":=").Id("d").Dot("NextKey").Call(),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
			jen.If(jen.Op("!").Id("ok")).Block(jen.Break()),
			jen.If(jen.Id("uv").Op("!=").Nil().Op("||").Id("key").Op("==").Lit("__type")).Block(
				jen.If(jen.Err().Op(":=").Id("d").Dot("Skip").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
				jen.Continue(),
			),
			jen.If(jen.Id("d").Dot("ReadNull").Call()).Block(jen.Continue()),
			jen.Switch(jen.Id("key")).Block(cases...),
		),
		jen.Return(jen.Id("uv"), jen.Nil()),
	}
	s.decodeSig(f, sh, "union").Block(body...)
}

// elemNilable reports whether a collection element of mem's Go type can be
// nil (and so be written as null).
func elemNilable(mem *ir.Member, t *ir.Shape) bool { return valuePtr(mem, t) || nilableType(t) }

// genListEncoder declares the encoder of a list or set.
//
// Example output:
//
//	func EncodeNames(w *awsrt.JSONWriter, v []string) {
//		w.BeginArray()
//		for i := range v {
//			w.Element()
//			w.String(v[i])
//		}
//		w.EndArray()
//	}
func (s *serdeGen) genListEncoder(f *jen.File, sh *ir.Shape) {
	mem := sh.Members[0]
	t := s.target(mem)
	elem := jen.Id("v").Index(jen.Id("i"))
	loop := []jen.Code{jen.Id("w").Dot("Element").Call()}
	if sh.Traits.Sparse && elemNilable(mem, t) {
		loop = append(loop, jen.If(elem.Clone().Op("==").Nil()).Block(jen.Id("w").Dot("Null").Call(), jen.Continue()))
	}
	loop = append(loop, s.encodeValue(elem, mem, t))
	s.encodeSig(f, sh, strings.ToLower(sh.Type.String())).Block(
		jen.Id("w").Dot("BeginArray").Call(),
		jen.For(jen.Id("i").Op(":=").Range().Id("v")).Block(loop...),
		jen.Id("w").Dot("EndArray").Call(),
	)
}

// genListDecoder declares the decoder of a list or set: null elements are
// kept (as nil or the zero value) in a sparse list and skipped otherwise.
func (s *serdeGen) genListDecoder(f *jen.File, sh *ir.Shape) {
	mem := sh.Members[0]
	t := s.target(mem)
	var onNull []jen.Code
	if sh.Traits.Sparse {
		if elemNilable(mem, t) {
			onNull = append(onNull, jen.Id("v").Op("=").Append(jen.Id("v"), jen.Nil()))
		} else {
			onNull = append(onNull, jen.Var().Id("zero").Add(s.memberType(mem, inNested)), jen.Id("v").Op("=").Append(jen.Id("v"), jen.Id("zero")))
		}
	}
	onNull = append(onNull, jen.Continue())
	nullCheck := jen.If(jen.Id("d").Dot("ReadNull").Call()).Block(onNull...)
	loop := []jen.Code{
		jen.List(jen.Id("ok"), jen.Err()).Op(":=").Id("d").Dot("NextElement").Call(),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.If(jen.Op("!").Id("ok")).Block(jen.Break()),
		nullCheck,
	}
	loop = append(loop, s.decodeValue(mem, t, s.rt("IndexSeg").Call(jen.Id("i")), retNil, func(val jen.Code) jen.Code {
		return jen.Id("v").Op("=").Append(jen.Id("v"), val)
	})...)
	s.decodeSig(f, sh, strings.ToLower(sh.Type.String())).Block(
		jen.If(jen.Id("d").Dot("ReadNull").Call()).Block(jen.Return(jen.Nil(), jen.Nil())),
		jen.If(jen.Err().Op(":=").Id("d").Dot("BeginArray").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Id("v").Op(":=").Add(s.codecGoType(sh)).Values(),
		jen.For(jen.Id("i").Op(":=").Lit(0), jen.Empty(), jen.Id("i").Op("++")).Block(loop...),
		jen.Return(jen.Id("v"), jen.Nil()),
	)
}

// genMapEncoder declares the encoder of a map; keys are written sorted, so
// that a request body does not depend on map iteration order.
//
// Example output:
//
//	func EncodeTags(w *awsrt.JSONWriter, v map[string]string) {
//		w.BeginObject()
//		for _, k := range slices.Sorted(maps.Keys(v)) {
//			w.Key(k)
//			w.String(v[k])
//		}
//		w.EndObject()
//	}
func (s *serdeGen) genMapEncoder(f *jen.File, sh *ir.Shape) {
	mem := sh.Member("value")
	if mem == nil {
		return
	}
	t := s.target(mem)
	elem := jen.Id("e")
	loop := []jen.Code{
		jen.Id("e").Op(":=").Id("v").Index(jen.Id("k")),
		jen.Id("w").Dot("Key").Call(jen.Id("k")),
	}
	if sh.Traits.Sparse && elemNilable(mem, t) {
		loop = append(loop, jen.If(elem.Clone().Op("==").Nil()).Block(jen.Id("w").Dot("Null").Call(), jen.Continue()))
	}
	loop = append(loop, s.encodeValue(elem, mem, t))
	s.encodeSig(f, sh, "map").Block(
		jen.Id("w").Dot("BeginObject").Call(),
		jen.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Qual("slices", "Sorted").Call(jen.Qual("maps", "Keys").Call(jen.Id("v")))).Block(loop...),
		jen.Id("w").Dot("EndObject").Call(),
	)
}

// genMapDecoder declares the decoder of a map: null values are kept in a
// sparse map and skipped otherwise.
func (s *serdeGen) genMapDecoder(f *jen.File, sh *ir.Shape) {
	mem := sh.Member("value")
	if mem == nil {
		return
	}
	t := s.target(mem)
	var onNull []jen.Code
	if sh.Traits.Sparse {
		if elemNilable(mem, t) {
			onNull = append(onNull, jen.Id("v").Index(jen.Id("key")).Op("=").Nil())
		} else {
			onNull = append(onNull, jen.Var().Id("zero").Add(s.memberType(mem, inNested)), jen.Id("v").Index(jen.Id("key")).Op("=").Id("zero"))
		}
	}
	onNull = append(onNull, jen.Continue())
	loop := []jen.Code{
		jen.List(jen.Id("key"), jen.Id("ok"), jen.Err()).Op(":=").Id("d").Dot("NextKey").Call(),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.If(jen.Op("!").Id("ok")).Block(jen.Break()),
		jen.If(jen.Id("d").Dot("ReadNull").Call()).Block(onNull...),
	}
	loop = append(loop, s.decodeValue(mem, t, jen.Id("key"), retNil, func(val jen.Code) jen.Code {
		return jen.Id("v").Index(jen.Id("key")).Op("=").Add(val)
	})...)
	s.decodeSig(f, sh, "map").Block(
		jen.If(jen.Id("d").Dot("ReadNull").Call()).Block(jen.Return(jen.Nil(), jen.Nil())),
		jen.If(jen.Err().Op(":=").Id("d").Dot("BeginObject").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Id("v").Op(":=").Add(s.codecGoType(sh)).Values(),
		jen.For().Block(loop...),
		jen.Return(jen.Id("v"), jen.Nil()),
	)
}
