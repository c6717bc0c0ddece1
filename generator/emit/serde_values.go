package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// Timestamp formats of Smithy's timestampFormat trait.
const (
	tsEpoch    = "epoch-seconds"
	tsDateTime = "date-time"
	tsHTTPDate = "http-date"
)

// timestampFormat returns the format of a timestamp member: the member's
// timestampFormat trait, else its target's, else def (the location's
// default).
func timestampFormat(mem *ir.Member, t *ir.Shape, def string) string {
	if mem != nil && mem.Traits.TimestampFormat != "" {
		return mem.Traits.TimestampFormat
	}
	if t.Traits.TimestampFormat != "" {
		return t.Traits.TimestampFormat
	}
	return def
}

// valuePtr reports whether the Go value of mem (a field or collection
// element) is a pointer to its target's type.
func valuePtr(mem *ir.Member, t *ir.Shape) bool { return mem.Pointer && !nilableType(t) }

// namedEnum reports whether t is an enum or intEnum with a named Go type.
func namedEnum(t *ir.Shape) bool {
	return (t.Type == ir.EnumType || t.Type == ir.IntEnumType) && t.GoPackage == ir.TypesPackage && t.GoName != ""
}

// isStream reports whether t is a streaming blob, whose Go type is a
// reader: it can only be an httpPayload (the bindings pass rejects it
// elsewhere), so JSON codecs leave it out (written as null, skipped when
// read) rather than emit code that does not compile.
func isStream(t *ir.Shape) bool { return t.Type == ir.BlobType && t.Traits.Streaming }

// isUnit reports whether t is the unit shape (a union variant without a
// value).
func isUnit(t *ir.Shape) bool { return t.ID == ir.UnitID }

// encodeValue returns the statements writing the value held in v (a field
// or element of mem's Go type, pointer or not) to the JSON writer w. Nil
// checks are the caller's.
//
// Example output: w.String(*v.Arn)   serde.EncodeCredentials(w, v.Credentials)
func (s *serdeGen) encodeValue(v *jen.Statement, mem *ir.Member, t *ir.Shape) jen.Code {
	w := jen.Id("w")
	if isStream(t) {
		return w.Dot("Null").Call()
	}
	if isUnit(t) {
		return w.Clone().Dot("BeginObject").Call().Line().Id("w").Dot("EndObject").Call()
	}
	ptr := valuePtr(mem, t)
	if t.Type == ir.StructureType {
		arg := v.Clone()
		if !ptr {
			arg = jen.Op("&").Add(v.Clone())
		}
		return s.encodeFunc(t.ID).Call(w, arg)
	}
	val := v.Clone()
	if ptr {
		val = jen.Op("*").Add(v.Clone())
	}
	return s.encodeDirect(val, mem, t)
}

// encodeDirect returns the statement writing val to the JSON writer w: a
// value of shape t (with the traits of mem, which may be nil) that is not a
// structure, not behind a pointer (aggregates as the Go types hold them).
// The client's serializers (encodeValue) and the mock's encoders use it.
//
// Example output: w.String(v)   w.EpochSeconds(v)   serde.EncodeTags(w, v)
func (s *serdeGen) encodeDirect(val jen.Code, mem *ir.Member, t *ir.Shape) *jen.Statement {
	w := jen.Id("w")
	switch t.Type {
	case ir.UnionType, ir.ListType, ir.SetType, ir.MapType:
		return s.encodeFunc(t.ID).Call(w, val)
	case ir.BlobType:
		return w.Dot("Blob").Call(val)
	case ir.BooleanType:
		return w.Dot("Bool").Call(val)
	case ir.StringType:
		return w.Dot("String").Call(val)
	case ir.EnumType:
		if namedEnum(t) {
			return w.Dot("String").Call(jen.String().Call(val))
		}
		return w.Dot("String").Call(val)
	case ir.ByteType, ir.ShortType, ir.IntegerType, ir.IntEnumType:
		return w.Dot("Int64").Call(jen.Int64().Call(val))
	case ir.LongType:
		return w.Dot("Int64").Call(val)
	case ir.FloatType:
		return w.Dot("Float32").Call(val)
	case ir.DoubleType:
		return w.Dot("Float64").Call(val)
	case ir.BigIntegerType:
		return w.Dot("BigInt").Call(val)
	case ir.BigDecimalType:
		return w.Dot("BigFloat").Call(val)
	case ir.TimestampType:
		switch timestampFormat(mem, t, tsEpoch) {
		case tsDateTime:
			return w.Dot("DateTime").Call(val)
		case tsHTTPDate:
			return w.Dot("HTTPDate").Call(val)
		}
		return w.Dot("EpochSeconds").Call(val)
	case ir.DocumentType:
		return jen.Qual(s.serdePath(), "DocumentEncode").Call(w, val)
	}
	return w.Dot("String").Call(val)
}

// decodeCall returns the call reading one non-null value of shape t from
// the decoder d (a (value, error) pair), and conv, which turns that value
// into the target's Go type (identity for most types).
func (s *serdeGen) decodeCall(mem *ir.Member, t *ir.Shape) (call *jen.Statement, conv func(jen.Code) jen.Code) {
	d := jen.Id("d")
	conv = func(c jen.Code) jen.Code { return c }
	switch t.Type {
	case ir.StructureType, ir.UnionType, ir.ListType, ir.SetType, ir.MapType:
		return s.decodeFunc(t.ID).Call(d), conv
	case ir.BlobType:
		return d.Dot("Blob").Call(), conv
	case ir.BooleanType:
		return d.Dot("Bool").Call(), conv
	case ir.ByteType:
		return d.Dot("Int8").Call(), conv
	case ir.ShortType:
		return d.Dot("Int16").Call(), conv
	case ir.IntegerType:
		return d.Dot("Int32").Call(), conv
	case ir.IntEnumType:
		if namedEnum(t) {
			conv = func(c jen.Code) jen.Code { return jen.Qual(s.typesPath(), t.GoName).Call(c) }
		}
		return d.Dot("Int32").Call(), conv
	case ir.LongType:
		return d.Dot("Int64").Call(), conv
	case ir.FloatType:
		return d.Dot("Float32").Call(), conv
	case ir.DoubleType:
		return d.Dot("Float64").Call(), conv
	case ir.BigIntegerType:
		return d.Dot("BigInt").Call(), conv
	case ir.BigDecimalType:
		return d.Dot("BigFloat").Call(), conv
	case ir.TimestampType:
		switch timestampFormat(mem, t, tsEpoch) {
		case tsDateTime:
			return d.Dot("DateTime").Call(), conv
		case tsHTTPDate:
			return d.Dot("HTTPDate").Call(), conv
		}
		return d.Dot("EpochSeconds").Call(), conv
	case ir.DocumentType:
		return jen.Qual(s.serdePath(), "DocumentDecode").Call(d), conv
	case ir.EnumType:
		if namedEnum(t) {
			conv = func(c jen.Code) jen.Code { return jen.Qual(s.typesPath(), t.GoName).Call(c) }
		}
	}
	return d.Dot("String").Call(), conv
}

// decodeValue returns the statements that read one non-null value of mem's
// target and store it with store (given the expression of the Go value,
// pointer or not as mem's Go type is). On error they return ret(err),
// where err is wrapped in the path segment seg.
//
// Example output:
//
//	x, err := d.String()
//	if err != nil {
//		return nil, awsrt.WrapPath("arn", err)
//	}
//	v.Arn = &x
func (s *serdeGen) decodeValue(mem *ir.Member, t *ir.Shape, seg jen.Code, ret func(err jen.Code) []jen.Code, store func(val jen.Code) jen.Code) []jen.Code {
	wrapped := s.rt("WrapPath").Call(seg, jen.Err())
	skip := jen.If(jen.Err().Op(":=").Id("d").Dot("Skip").Call(), jen.Err().Op("!=").Nil()).Block(ret(jen.Err())...)
	if isStream(t) {
		return []jen.Code{skip}
	}
	if isUnit(t) {
		return []jen.Code{skip, store(jen.Struct().Values())}
	}
	if t.Type == ir.StructureType && !valuePtr(mem, t) {
		// A list element or map value (structure members are pointers):
		// decoded in place, without a pointer of its own.
		return []jen.Code{
			jen.Var().Id("x").Qual(s.typesPath(), t.GoName),
			jen.If(jen.Err().Op(":=").Id(s.decodeIntoName(t.ID)).Call(jen.Id("d"), jen.Op("&").Id("x")), jen.Err().Op("!=").Nil()).Block(ret(wrapped)...),
			store(jen.Id("x")),
		}
	}
	call, conv := s.decodeCall(mem, t)
	out := []jen.Code{
		jen.List(jen.Id("x"), jen.Err()).Op(":=").Add(call),
		jen.If(jen.Err().Op("!=").Nil()).Block(ret(wrapped)...),
	}
	switch {
	case t.Type == ir.StructureType:
		out = append(out, store(jen.Id("x")))
	case valuePtr(mem, t): // scalars only: enums are never pointers
		out = append(out, store(ptrTo(t, jen.Id("x"))))
	default:
		out = append(out, store(conv(jen.Id("x"))))
	}
	return out
}

// ptrMethods are the Decoder methods that return a pointer to a decoded
// scalar, taken from a block shared with other members (one allocation per
// block rather than per member).
var ptrMethods = map[ir.ShapeType]string{
	ir.StringType:    "StringPtr",
	ir.TimestampType: "TimePtr",
	ir.IntegerType:   "Int32Ptr",
	ir.LongType:      "Int64Ptr",
	ir.BooleanType:   "BoolPtr",
	ir.DoubleType:    "Float64Ptr",
}

// ptrTo returns a pointer to the decoded scalar x of shape t: from the
// decoder d's blocks where it has one for t's Go type, else &x.
//
// Example output: d.StringPtr(x)
func ptrTo(t *ir.Shape, x *jen.Statement) *jen.Statement {
	if m, ok := ptrMethods[t.Type]; ok {
		return jen.Id("d").Dot(m).Call(x)
	}
	return jen.Op("&").Add(x)
}

// zeroCheck returns the condition under which a struct field v of mem's Go
// type is written: not nil for pointers and nilable types, not the zero
// value for the value types the SDK also skips (false, 0, "").
func zeroCheck(v *jen.Statement, mem *ir.Member, t *ir.Shape) *jen.Statement {
	if valuePtr(mem, t) || nilableType(t) {
		return v.Clone().Op("!=").Nil()
	}
	switch t.Type {
	case ir.BooleanType:
		return v.Clone()
	case ir.StringType, ir.EnumType:
		return jen.Len(v.Clone()).Op(">").Lit(0)
	case ir.TimestampType:
		return jen.Op("!").Add(v.Clone()).Dot("IsZero").Call()
	case ir.StructureType:
		return nil
	}
	return v.Clone().Op("!=").Lit(0)
}
