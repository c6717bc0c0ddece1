package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// direction says whether a type is used in an operation input or output,
// which only matters for streaming blobs.
type direction uint8

const (
	inNested direction = iota // inside the types package
	inInput                   // a member of an operation input
	inOutput                  // a member of an operation output
)

// memberType returns the Go type of a member's field (or of a collection's
// elements): its target's type, a pointer when mem.Pointer asks for one and
// the type is not nilable already.
//
// Example output: *string, []types.Thing, map[string]*int32, io.Reader
func (g *gen) memberType(mem *ir.Member, d direction) *jen.Statement {
	t := g.target(mem)
	base := g.shapeType(t, d)
	if mem.Pointer && !nilableType(t) {
		return jen.Op("*").Add(base)
	}
	return base
}

// shapeType returns the Go type of a value of shape t, without pointer.
func (g *gen) shapeType(t *ir.Shape, d direction) *jen.Statement {
	switch t.Type {
	case ir.BlobType:
		if t.Traits.Streaming {
			if d == inOutput {
				return jen.Qual("io", "ReadCloser")
			}
			return jen.Qual("io", "Reader")
		}
		return jen.Index().Byte()
	case ir.BooleanType:
		return jen.Bool()
	case ir.ByteType:
		return jen.Int8()
	case ir.ShortType:
		return jen.Int16()
	case ir.IntegerType:
		return jen.Int32()
	case ir.LongType:
		return jen.Int64()
	case ir.FloatType:
		return jen.Float32()
	case ir.DoubleType:
		return jen.Float64()
	case ir.BigIntegerType:
		return jen.Op("*").Qual("math/big", "Int")
	case ir.BigDecimalType:
		return jen.Op("*").Qual("math/big", "Float")
	case ir.TimestampType:
		return jen.Qual("time", "Time")
	case ir.DocumentType:
		return jen.Qual(g.documentPath(), "Interface")
	case ir.EnumType, ir.IntEnumType:
		if t.GoPackage == ir.TypesPackage && t.GoName != "" {
			return jen.Qual(g.typesPath(), t.GoName)
		}
		if t.Type == ir.EnumType {
			return jen.String()
		}
		return jen.Int32()
	case ir.ListType, ir.SetType:
		if len(t.Members) == 0 {
			g.errs.Addf(t.Pos, t.ID, "list has no member")
			return jen.Index().Any()
		}
		return jen.Index().Add(g.memberType(t.Members[0], d))
	case ir.MapType:
		v := t.Member("value")
		if v == nil {
			g.errs.Addf(t.Pos, t.ID, "map has no value member")
			return jen.Map(jen.String()).Any()
		}
		return jen.Map(jen.String()).Add(g.memberType(v, d))
	case ir.StructureType, ir.UnionType:
		if t.ID == ir.UnitID {
			return jen.Struct()
		}
		if t.GoPackage != ir.TypesPackage || t.GoName == "" {
			g.errs.Addf(t.Pos, t.ID, "%s has no Go type name in the types package", t.Type)
			return jen.Any()
		}
		return jen.Qual(g.typesPath(), t.GoName)
	}
	return jen.String()
}

// nilableType reports whether the Go type of shape t can be nil without a
// pointer: slices, maps, interfaces, streams and big numbers.
func nilableType(t *ir.Shape) bool {
	switch t.Type {
	case ir.BlobType, ir.ListType, ir.SetType, ir.MapType, ir.UnionType, ir.DocumentType,
		ir.BigIntegerType, ir.BigDecimalType:
		return true
	}
	return false
}

// nilable reports whether a member's field can be nil.
func (g *gen) nilable(mem *ir.Member) bool { return mem.Pointer || nilableType(g.target(mem)) }

// fieldDoc returns the field declaration of mem preceded by its doc comment
// and a blank line (when documented), as the SDK lays out struct fields.
//
// Example output:
//
//	// The name of the cluster.
//	//
//	// This member is required.
//	ClusterName *string
func (g *gen) field(mem *ir.Member, d direction) []jen.Code {
	var out []jen.Code
	if doc := docComment(mem.Doc); doc != nil {
		out = append(out, jen.Line())
		out = append(out, doc...)
	}
	return append(out, jen.Id(mem.GoName).Add(g.memberType(mem, d)))
}
