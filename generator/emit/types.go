package emit

import (
	"cmp"
	"slices"

	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// typeShapes returns the shapes of type typ that get a named type in the
// types package, sorted by Go name (prelude shapes and mixins excluded).
func (g *gen) typeShapes(typ ir.ShapeType) []*ir.Shape {
	var out []*ir.Shape
	for _, s := range g.m.Shapes() {
		if s.Type == typ && s.GoPackage == ir.TypesPackage && s.GoName != "" && !s.IsMixin && !s.ID.IsPrelude() {
			out = append(out, s)
		}
	}
	slices.SortStableFunc(out, func(a, b *ir.Shape) int { return cmp.Compare(a.GoName, b.GoName) })
	return out
}

// structures returns the structures of the types package, errors excluded.
func (g *gen) structures() []*ir.Shape {
	return slices.DeleteFunc(g.typeShapes(ir.StructureType), func(s *ir.Shape) bool { return s.Traits.Error != "" })
}

// emitTypes renders types/types.go: the structures and unions of the types
// package, and the noSmithyDocumentSerde marker.
func emitTypes(g *gen) ([]File, error) {
	f := g.newFile(g.typesPath(), "types")
	for _, s := range g.structures() {
		g.genStruct(f, s)
	}
	g.genUnions(f)
	genNoSerde(f)
	file, err := render("types/types.go", f)
	return []File{file}, err
}

// genStruct declares the structure s of the types package.
//
// Example output:
//
//	// An object with the permanent IAM role identity.
//	type AssumedRoleUser struct {
//
//		// The ARN of the IAM role.
//		//
//		// This member is required.
//		Arn *string
//
//		noSmithyDocumentSerde
//	}
func (g *gen) genStruct(f *jen.File, s *ir.Shape) {
	addDoc(f, s.Doc)
	var fields []jen.Code
	for _, mem := range s.Members {
		fields = append(fields, g.field(mem, inNested)...)
	}
	fields = append(fields, jen.Line(), jen.Id("noSmithyDocumentSerde"))
	f.Type().Id(s.GoName).Struct(fields...)
}

// genNoSerde declares the marker embedded in every generated struct so that
// smithy-go's document codec refuses to marshal it, as in the SDK.
//
// Example output:
//
//	type noSmithyDocumentSerde = smithydocument.NoSerde
func genNoSerde(f *jen.File) {
	f.Comment("noSmithyDocumentSerde marks generated structs as not marshalable as Smithy documents.")
	f.Type().Id("noSmithyDocumentSerde").Op("=").Qual(smithyDocumentPath, "NoSerde")
}
