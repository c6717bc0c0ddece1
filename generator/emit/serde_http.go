package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// textValue returns the expression of a value (val, not a pointer) of shape
// t as the text sent in a label, query string or header: tsDefault is the
// location's default timestamp format; media says that a string is
// base64-encoded (a header string with @mediaType).
//
// Example output: strconv.FormatInt(int64(v), 10)   awsrt.FormatHTTPDate(v)
func (s *serdeGen) textValue(val jen.Code, mem *ir.Member, t *ir.Shape, tsDefault string, media bool) jen.Code {
	return formatText(s.rt, val, t, timestampFormat(mem, t, tsDefault), media)
}

// formatText returns the expression of a value (val, not a pointer) of shape
// t as text for a label, query string or header, for the client's
// serializers and the mock's encoders alike: format is the timestamp
// format, media says that a string is base64-encoded, and awsrt qualifies
// the names of the awsrt runtime package.
func formatText(awsrt func(string) *jen.Statement, val jen.Code, t *ir.Shape, format string, media bool) jen.Code {
	switch t.Type {
	case ir.StringType:
		if media {
			return awsrt("Base64String").Call(val)
		}
		return val
	case ir.EnumType:
		if namedEnum(t) {
			return jen.String().Call(val)
		}
		return val
	case ir.BooleanType:
		return jen.Qual("strconv", "FormatBool").Call(val)
	case ir.ByteType, ir.ShortType, ir.IntegerType, ir.IntEnumType:
		return jen.Qual("strconv", "FormatInt").Call(jen.Int64().Call(val), jen.Lit(10))
	case ir.LongType:
		return jen.Qual("strconv", "FormatInt").Call(val, jen.Lit(10))
	case ir.FloatType:
		return awsrt("FormatFloat").Call(jen.Float64().Call(val), jen.Lit(32))
	case ir.DoubleType:
		return awsrt("FormatFloat").Call(val, jen.Lit(64))
	case ir.BigIntegerType:
		return jen.Add(val).Dot("String").Call()
	case ir.BigDecimalType:
		return awsrt("FormatBigFloat").Call(val)
	case ir.TimestampType:
		switch format {
		case tsEpoch:
			return awsrt("FormatEpochSecondsString").Call(val)
		case tsHTTPDate:
			return awsrt("FormatHTTPDate").Call(val)
		}
		return awsrt("FormatDateTime").Call(val)
	case ir.BlobType:
		return awsrt("Base64").Call(val)
	}
	return jen.Qual("fmt", "Sprint").Call(val)
}

// parseText returns the call parsing header text (the variable named by
// src) into a value of shape t, as a (value, error) pair, and conv, which
// turns that value into the Go type of t. call is nil for strings and
// enums, which need no parsing.
func (s *serdeGen) parseText(src string, mem *ir.Member, t *ir.Shape, media bool) (call jen.Code, conv func(jen.Code) jen.Code) {
	v := jen.Id(src)
	conv = func(c jen.Code) jen.Code { return c }
	typed := func(goType *jen.Statement) func(jen.Code) jen.Code {
		return func(c jen.Code) jen.Code { return goType.Clone().Call(c) }
	}
	parseInt := func(bits int) jen.Code { return jen.Qual("strconv", "ParseInt").Call(v, jen.Lit(10), jen.Lit(bits)) }
	switch t.Type {
	case ir.StringType:
		if media {
			return s.rt("DecodeBase64String").Call(v), conv
		}
	case ir.EnumType:
		if namedEnum(t) {
			conv = typed(jen.Qual(s.typesPath(), t.GoName))
		}
	case ir.BooleanType:
		return jen.Qual("strconv", "ParseBool").Call(v), conv
	case ir.ByteType:
		return parseInt(8), typed(jen.Int8())
	case ir.ShortType:
		return parseInt(16), typed(jen.Int16())
	case ir.IntegerType:
		return parseInt(32), typed(jen.Int32())
	case ir.IntEnumType:
		if namedEnum(t) {
			return parseInt(32), typed(jen.Qual(s.typesPath(), t.GoName))
		}
		return parseInt(32), typed(jen.Int32())
	case ir.LongType:
		return parseInt(64), conv
	case ir.FloatType:
		return s.rt("ParseFloat").Call(v, jen.Lit(32)), typed(jen.Float32())
	case ir.DoubleType:
		return s.rt("ParseFloat").Call(v, jen.Lit(64)), conv
	case ir.BigIntegerType:
		return s.rt("ParseBigInt").Call(v), conv
	case ir.BigDecimalType:
		return s.rt("ParseBigFloat").Call(v), conv
	case ir.TimestampType:
		switch timestampFormat(mem, t, tsHTTPDate) {
		case tsEpoch:
			return s.rt("ParseEpochSecondsString").Call(v), conv
		case tsDateTime:
			return s.rt("ParseDateTime").Call(v), conv
		}
		return s.rt("ParseHTTPDate").Call(v), conv
	case ir.BlobType:
		return jen.Qual("encoding/base64", "StdEncoding").Dot("DecodeString").Call(v), conv
	}
	// Strings and enums need no parsing.
	return nil, conv
}

// parseStmts returns the statements declaring x, the value of header text
// src parsed by call (see parseText; src itself when call is nil), and
// returning onErr(err) when it does not parse.
func parseStmts(src string, call jen.Code, onErr []jen.Code) []jen.Code {
	if call == nil {
		return []jen.Code{jen.Id("x").Op(":=").Id(src)}
	}
	return []jen.Code{
		jen.List(jen.Id("x"), jen.Err()).Op(":=").Add(call),
		jen.If(jen.Err().Op("!=").Nil()).Block(onErr...),
	}
}

// mediaString reports whether a header member is a string with @mediaType
// (sent base64-encoded).
func mediaString(mem *ir.Member, t *ir.Shape) bool {
	return t.Type == ir.StringType && (t.Traits.MediaType != "" || mem.Traits.MediaType != "")
}
