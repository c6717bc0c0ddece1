package passes

import "github.com/eksauthgen/eksauthgen/generator/ir"

// preludeShape is one shape of the Smithy 2.0 prelude (namespace smithy.api)
// that a model may target.
type preludeShape struct {
	name string
	typ  ir.ShapeType
	// zero is the value of the smithy.api#default trait of the Primitive*
	// shapes: "false" for PrimitiveBoolean, "0" for the numbers; "" for none.
	zero string
}

// preludeShapes lists the prelude's simple shapes and Unit, in the order of
// the Smithy prelude model. It is read only.
var preludeShapes = [...]preludeShape{
	{"String", ir.StringType, ""},
	{"Blob", ir.BlobType, ""},
	{"BigInteger", ir.BigIntegerType, ""},
	{"BigDecimal", ir.BigDecimalType, ""},
	{"Timestamp", ir.TimestampType, ""},
	{"Document", ir.DocumentType, ""},
	{"Boolean", ir.BooleanType, ""},
	{"Byte", ir.ByteType, ""},
	{"Short", ir.ShortType, ""},
	{"Integer", ir.IntegerType, ""},
	{"Long", ir.LongType, ""},
	{"Float", ir.FloatType, ""},
	{"Double", ir.DoubleType, ""},
	{"PrimitiveBoolean", ir.BooleanType, "false"},
	{"PrimitiveByte", ir.ByteType, "0"},
	{"PrimitiveShort", ir.ShortType, "0"},
	{"PrimitiveInteger", ir.IntegerType, "0"},
	{"PrimitiveLong", ir.LongType, "0"},
	{"PrimitiveFloat", ir.FloatType, "0"},
	{"PrimitiveDouble", ir.DoubleType, "0"},
	{"Unit", ir.StructureType, ""},
}

// addPrelude adds the shapes of the Smithy 2.0 prelude that models target:
// String, Blob, BigInteger, BigDecimal, Timestamp, Document, Boolean, Byte,
// Short, Integer, Long, Float, Double, the Primitive* shapes (with a
// smithy.api#default trait of false or 0) and Unit (a structure with the
// smithy.api#unitType trait). Prelude trait definitions are not shapes of the
// IR and are not added.
//
// Needs: nothing (it runs first).
//
// Guarantees: every shape above is in m; a shape the model itself defines
// with the same ID is kept as it is. Prelude shapes have a zero Pos. Never
// fails.
func addPrelude(m *ir.Model) error {
	for _, p := range preludeShapes {
		id := ir.ShapeID(ir.PreludeNamespace + "#" + p.name)
		if m.Shape(id) != nil {
			continue
		}
		s := &ir.Shape{ID: id, Type: p.typ}
		switch {
		case p.zero == "false":
			s.Traits.Raw = []ir.Trait{{ID: ir.TraitDefault, Value: ir.Node{Kind: ir.BoolNode}}}
		case p.zero != "":
			s.Traits.Raw = []ir.Trait{{ID: ir.TraitDefault, Value: ir.Node{Kind: ir.NumberNode, Str: p.zero}}}
		case id == ir.UnitID:
			s.Traits.Raw = []ir.Trait{{ID: ir.TraitUnitType, Value: ir.Node{Kind: ir.ObjectNode}}}
		}
		m.Add(s)
	}
	return nil
}
