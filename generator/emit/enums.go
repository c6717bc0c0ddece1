package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// emitEnums renders types/enums.go when the types package has enums or
// intEnums.
func emitEnums(g *gen) ([]File, error) {
	enums := append(g.typeShapes(ir.EnumType), g.typeShapes(ir.IntEnumType)...)
	if len(enums) == 0 {
		return nil, nil
	}
	f := g.newFile(g.typesPath(), "types")
	for _, e := range enums {
		g.genEnum(f, e)
	}
	file, err := render("types/enums.go", f)
	return []File{file}, err
}

// enumValue returns the value of an enum or intEnum member as Go literal
// code and as text: the enumValue trait, else (enum only) the member name.
func (g *gen) enumValue(e *ir.Shape, mem *ir.Member) (jen.Code, string) {
	v := mem.Traits.EnumValue
	if e.Type == ir.IntEnumType {
		if v == nil {
			g.errs.Addf(mem.Pos, mem.ID, "intEnum member has no enumValue")
			return jen.Lit(0), "0"
		}
		n, ok := v.Int64()
		if !ok {
			g.errs.Addf(v.Pos, mem.ID, "want an integer enumValue, got %s %q", v.Kind, v.Str)
		}
		return jen.Lit(int(n)), v.Str
	}
	if v == nil {
		return jen.Lit(mem.Name), mem.Name
	}
	if v.Kind != ir.StringNode {
		g.errs.Addf(v.Pos, mem.ID, "want a string enumValue, got %s", v.Kind)
	}
	return jen.Lit(v.Str), v.Str
}

// genEnum declares an enum as a named string type (an intEnum as a named
// int32) with one constant per member and a Values method listing the
// values in model order.
//
// Example output:
//
//	// A size.
//	type Size string
//
//	// Enum values for Size
//	const (
//		SizeSmall Size = "small"
//		SizeLarge Size = "large"
//	)
//
//	// Values returns all known values for Size. Note that this can be expanded
//	// in the future, and so it is only as up to date as the client.
//	//
//	// The ordering of this slice is not guaranteed to be stable across updates.
//	func (Size) Values() []Size {
//		return []Size{
//			"small",
//			"large",
//		}
//	}
func (g *gen) genEnum(f *jen.File, e *ir.Shape) {
	addDoc(f, e.Doc)
	if e.Type == ir.IntEnumType {
		f.Type().Id(e.GoName).Int32()
	} else {
		f.Type().Id(e.GoName).String()
	}
	var consts, values []jen.Code
	for _, mem := range e.Members {
		lit, _ := g.enumValue(e, mem)
		consts = append(consts, docComment(mem.Doc)...)
		consts = append(consts, jen.Id(mem.GoName).Id(e.GoName).Op("=").Add(lit))
		values = append(values, lit)
	}
	if len(consts) > 0 {
		f.Comment("Enum values for " + e.GoName)
		f.Const().Defs(consts...)
	}
	f.Comment("Values returns all known values for " + e.GoName + ". Note that this can be")
	f.Comment("expanded in the future, and so it is only as up to date as the client.")
	f.Comment("//")
	f.Comment("The ordering of this slice is not guaranteed to be stable across updates.")
	f.Func().Params(jen.Id(e.GoName)).Id("Values").Params().Index().Id(e.GoName).Block(
		jen.Return(jen.Index().Id(e.GoName).ValuesFunc(func(gr *jen.Group) {
			for _, v := range values {
				gr.Add(v)
			}
		})),
	)
}
