package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// unionMarker is the name of the unexported method that seals union u.
func unionMarker(u *ir.Shape) string { return "is" + u.GoName }

// genUnions declares every union of the types package, then
// UnknownUnionMember (once, when there is a union).
func (g *gen) genUnions(f *jen.File) {
	unions := g.typeShapes(ir.UnionType)
	for _, u := range unions {
		g.genUnion(f, u)
	}
	if len(unions) > 0 {
		genUnknownUnionMember(f, unions)
	}
}

// genUnion declares a union as a sealed interface and one struct per
// variant.
//
// Example output:
//
//	// A value.
//	//
//	// The following types satisfy this interface:
//	//
//	//	ValueMemberName
//	type Value interface {
//		isValue()
//	}
//
//	// A name.
//	type ValueMemberName struct {
//		Value string
//
//		noSmithyDocumentSerde
//	}
//
//	func (*ValueMemberName) isValue() {}
func (g *gen) genUnion(f *jen.File, u *ir.Shape) {
	addDoc(f, u.Doc)
	if u.Doc != "" {
		f.Comment("//")
	}
	f.Comment("The following types satisfy this interface:")
	f.Comment("//")
	for _, mem := range u.Members {
		f.Comment("//\t" + mem.UnionVariant)
	}
	f.Type().Id(u.GoName).Interface(jen.Id(unionMarker(u)).Params())
	for _, mem := range u.Members {
		addDoc(f, mem.Doc)
		f.Type().Id(mem.UnionVariant).Struct(
			jen.Id("Value").Add(g.memberType(mem, inNested)),
			jen.Line(),
			jen.Id("noSmithyDocumentSerde"),
		)
		f.Func().Params(jen.Op("*").Id(mem.UnionVariant)).Id(unionMarker(u)).Params().Block()
	}
}

// genUnknownUnionMember declares the variant that holds a union member
// unknown to the client, and makes it satisfy every union.
//
// Example output:
//
//	// UnknownUnionMember is returned when a union member is returned over the
//	// wire, but has an unknown tag.
//	type UnknownUnionMember struct {
//		Tag   string
//		Value []byte
//
//		noSmithyDocumentSerde
//	}
//
//	func (*UnknownUnionMember) isValue() {}
func genUnknownUnionMember(f *jen.File, unions []*ir.Shape) {
	f.Comment("UnknownUnionMember is returned when a union member is returned over the")
	f.Comment("wire, but has an unknown tag.")
	f.Type().Id("UnknownUnionMember").Struct(
		jen.Id("Tag").String(),
		jen.Id("Value").Index().Byte(),
		jen.Line(),
		jen.Id("noSmithyDocumentSerde"),
	)
	for _, u := range unions {
		f.Func().Params(jen.Op("*").Id("UnknownUnionMember")).Id(unionMarker(u)).Params().Block()
	}
}
