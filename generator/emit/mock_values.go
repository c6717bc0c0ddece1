package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// parseString returns an expression of type (T, error) that converts the
// string s (a label, query or header value) into the value type T of shape t.
func (m *mock) parseString(t *ir.Shape, format string, s jen.Code) *jen.Statement {
	switch t.Type {
	case ir.StringType:
		return m.rt("Value").Types(jen.String()).Call(s)
	case ir.EnumType:
		return m.rt("Value").Types(m.shapeType(t, inInput)).Call(s)
	case ir.BooleanType:
		return m.rt("ParseBool").Call(s)
	case ir.ByteType, ir.ShortType, ir.IntegerType, ir.LongType, ir.IntEnumType:
		return m.rt("ParseInt").Types(m.shapeType(t, inInput)).Call(s)
	case ir.FloatType:
		return m.rt("ParseFloat32").Call(s)
	case ir.DoubleType:
		return m.rt("ParseFloat64").Call(s)
	case ir.BigIntegerType:
		return m.rt("ParseBigInt").Call(s)
	case ir.BigDecimalType:
		return m.rt("ParseBigFloat").Call(s)
	case ir.BlobType:
		return m.rt("ParseBlob").Call(s)
	case ir.TimestampType:
		switch format {
		case tsHTTPDate:
			return m.rt("ParseHTTPDate").Call(s)
		case tsEpoch:
			return m.rt("ParseEpochSeconds").Call(s)
		}
		return m.rt("ParseDateTime").Call(s)
	}
	return m.rt("Value").Types(jen.String()).Call(s)
}

// formatString returns a string expression formatting v, a value of the
// value type of shape t, for a header or query value: the client's text
// form of the value (formatText), so that the mock answers what the SDK
// would send.
func (m *mock) formatString(t *ir.Shape, format string, v jen.Code) *jen.Statement {
	return jen.Add(formatText(m.awsrt, v, t, format, false))
}

// decodeJSON returns an expression of type (T, error) that reads a value of
// shape t (with the traits of mem, which may be nil) from the Decoder d;
// T is the Go type of a member targeting t without its pointer. Enums go
// through mockrt's typed helpers; every other type is read as the client's
// deserializers read it (decodeCall), whose value already has that Go type.
func (m *mock) decodeJSON(mem *ir.Member, t *ir.Shape) *jen.Statement {
	d := jen.Id("d")
	switch t.Type {
	case ir.EnumType:
		return m.rt("DecodeString").Types(m.shapeType(t, inInput)).Call(d)
	case ir.IntEnumType:
		return m.rt("DecodeInt").Types(m.shapeType(t, inInput)).Call(d)
	}
	call, _ := m.sd.decodeCall(mem, t)
	return call
}

// encodeJSON returns a statement writing v, a value of shape t (with the
// traits of mem, which may be nil), to the JSONWriter w, as the client's
// serializers write it. v has the member's Go type without its pointer,
// except for aggregates, which are passed as the member holds them (a
// structure as a pointer).
func (m *mock) encodeJSON(mem *ir.Member, t *ir.Shape, v jen.Code) *jen.Statement {
	if t.Type == ir.StructureType {
		return m.sd.encodeFunc(t.ID).Call(jen.Id("w"), v)
	}
	return m.sd.encodeDirect(v, mem, t)
}

// isAggregate reports whether values of t go through the serde package.
func isAggregate(t *ir.Shape) bool { return t.Type.IsAggregate() && t.ID != ir.UnitID }

// fieldPtr reports whether a member's field is a pointer to its value type
// (so that a decoded value must be addressed and an encoded one
// dereferenced).
func (m *mock) fieldPtr(mem *ir.Member) bool {
	t := m.target(mem)
	return mem.Pointer && !nilableType(t) && !isAggregate(t)
}
