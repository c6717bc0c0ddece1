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
// value type of shape t, for a header or query value.
func (m *mock) formatString(t *ir.Shape, format string, v jen.Code) *jen.Statement {
	switch t.Type {
	case ir.EnumType:
		return jen.String().Call(v)
	case ir.BooleanType:
		return jen.Qual("strconv", "FormatBool").Call(v)
	case ir.ByteType, ir.ShortType, ir.IntegerType, ir.LongType, ir.IntEnumType:
		return jen.Qual("strconv", "FormatInt").Call(jen.Int64().Call(v), jen.Lit(10))
	case ir.FloatType:
		return m.rt("FormatFloat").Call(jen.Float64().Call(v), jen.Lit(32))
	case ir.DoubleType:
		return m.rt("FormatFloat").Call(v, jen.Lit(64))
	case ir.BigIntegerType:
		return jen.Add(v).Dot("String").Call()
	case ir.BigDecimalType:
		return m.rt("FormatBigFloat").Call(v)
	case ir.BlobType:
		return m.rt("FormatBlob").Call(v)
	case ir.TimestampType:
		switch format {
		case tsHTTPDate:
			return m.awsrt("FormatHTTPDate").Call(v)
		case tsEpoch:
			return m.rt("FormatEpochSeconds").Call(v)
		}
		return m.awsrt("FormatDateTime").Call(v)
	}
	return jen.Add(v)
}

// decodeJSON returns an expression of type (T, error) that reads a value of
// shape t (with the traits of mem, which may be nil) from the Decoder d;
// T is the Go type of a member targeting t without its pointer.
func (m *mock) decodeJSON(mem *ir.Member, t *ir.Shape) *jen.Statement {
	d := jen.Id("d")
	switch t.Type {
	case ir.StringType:
		return d.Dot("String").Call()
	case ir.EnumType:
		return m.rt("DecodeString").Types(m.shapeType(t, inInput)).Call(d)
	case ir.BooleanType:
		return d.Dot("Bool").Call()
	case ir.ByteType, ir.ShortType, ir.IntegerType, ir.LongType, ir.IntEnumType:
		return m.rt("DecodeInt").Types(m.shapeType(t, inInput)).Call(d)
	case ir.FloatType:
		return d.Dot("Float32").Call()
	case ir.DoubleType:
		return d.Dot("Float64").Call()
	case ir.BigIntegerType:
		return m.rt("DecodeBigInt").Call(d)
	case ir.BigDecimalType:
		return m.rt("DecodeBigFloat").Call(d)
	case ir.BlobType:
		return d.Dot("Blob").Call()
	case ir.DocumentType:
		return m.rt("DecodeDocument").Call(d)
	case ir.TimestampType:
		switch timestampFormat(mem, t, tsEpoch) {
		case tsHTTPDate:
			return d.Dot("HTTPDate").Call()
		case tsDateTime:
			return d.Dot("DateTime").Call()
		}
		return d.Dot("EpochSeconds").Call()
	}
	return m.sd.decodeFunc(t.ID).Call(d)
}

// encodeJSON returns a statement writing v, a value of shape t (with the
// traits of mem, which may be nil), to the JSONWriter w. v has the member's
// Go type without its pointer, except for aggregates, which are passed to
// serde as the member holds them.
func (m *mock) encodeJSON(mem *ir.Member, t *ir.Shape, v jen.Code) *jen.Statement {
	w := jen.Id("w")
	switch t.Type {
	case ir.StringType:
		return w.Dot("String").Call(v)
	case ir.EnumType:
		return w.Dot("String").Call(jen.String().Call(v))
	case ir.BooleanType:
		return w.Dot("Bool").Call(v)
	case ir.ByteType, ir.ShortType, ir.IntegerType, ir.LongType, ir.IntEnumType:
		return w.Dot("Int64").Call(jen.Int64().Call(v))
	case ir.FloatType:
		return w.Dot("Float32").Call(v)
	case ir.DoubleType:
		return w.Dot("Float64").Call(v)
	case ir.BigIntegerType:
		return w.Dot("Raw").Call(jen.Index().Byte().Call(jen.Add(v).Dot("String").Call()))
	case ir.BigDecimalType:
		return w.Dot("Raw").Call(jen.Index().Byte().Call(m.rt("FormatBigFloat").Call(v)))
	case ir.BlobType:
		return w.Dot("Blob").Call(v)
	case ir.DocumentType:
		return m.rt("EncodeDocument").Call(w, v)
	case ir.TimestampType:
		switch timestampFormat(mem, t, tsEpoch) {
		case tsHTTPDate:
			return w.Dot("HTTPDate").Call(v)
		case tsDateTime:
			return w.Dot("DateTime").Call(v)
		}
		return w.Dot("EpochSeconds").Call(v)
	}
	return m.sd.encodeFunc(t.ID).Call(w, v)
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
