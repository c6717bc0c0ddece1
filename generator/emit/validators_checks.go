package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// enumMessageValues returns the values of an enum or intEnum listed in a
// validation message: all values in model order but the @internal ones
// (ir.TraitInternal).
func (v *vgen) enumMessageValues(e *ir.Shape) []jen.Code {
	var out []jen.Code
	for _, mem := range e.Members {
		if mem.Traits.Has(ir.TraitInternal) {
			continue
		}
		lit, _ := v.enumValue(e, mem)
		out = append(out, lit)
	}
	return out
}

// enumCheck returns the membership check of an enum, intEnum or legacy-enum
// string value; rawKey says val is a plain string (a map key).
//
// Example output:
//
//	if !isKnownSize(v.Size) {
//		c.Enum("small", "large")
//	}
func (v *vgen) enumCheck(t *ir.Shape, val *jen.Statement, rawKey bool) []jen.Code {
	switch {
	case t.Type == ir.EnumType || t.Type == ir.IntEnumType:
		if !v.enums[t.ID] {
			v.enums[t.ID] = true
			v.enumOrder = append(v.enumOrder, t)
		}
		arg := val
		if rawKey && t.GoPackage == ir.TypesPackage && t.GoName != "" {
			arg = jen.Qual(v.typesPath(), t.GoName).Call(val)
		}
		report := "Enum"
		if t.Type == ir.IntEnumType {
			report = "IntEnum"
		}
		return []jen.Code{jen.If(jen.Op("!").Id(isKnownName(t)).Call(arg)).Block(
			collector().Dot(report).Call(v.enumMessageValues(t)...))}
	}
	return nil
}

// isKnownName names the membership function of an enum or intEnum.
func isKnownName(e *ir.Shape) string {
	if e.GoName != "" {
		return "isKnown" + e.GoName
	}
	return "isKnown" + e.ID.Name()
}

// genEnumChecks declares the membership function of every enum and intEnum
// that the validators use, in order of first use.
//
// Example output:
//
//	// isKnownSize reports whether v is one of the values of Size.
//	func isKnownSize(v types.Size) bool {
//		switch v {
//		case "small", "large":
//			return true
//		}
//		return false
//	}
func (v *vgen) genEnumChecks() {
	for _, e := range v.enumOrder {
		var all []jen.Code
		for _, mem := range e.Members {
			lit, _ := v.enumValue(e, mem)
			all = append(all, lit)
		}
		name := isKnownName(e)
		v.f.Commentf("%s reports whether v is one of the values of %s.", name, e.ID.Name())
		body := []jen.Code{jen.Return(jen.False())}
		if len(all) > 0 {
			body = append([]jen.Code{jen.Switch(jen.Id("v")).Block(jen.Case(all...).Block(jen.Return(jen.True())))}, body...)
		}
		v.f.Func().Id(name).Params(jen.Id("v").Add(v.shapeType(e, inNested))).Bool().Block(body...)
	}
}

// rangeCheck returns the range check of a number. Integers are compared
// with the bounds rounded inward, floats with the bounds rounded to the
// float's precision (NaN is out of any range), big numbers exactly.
//
// Example output:
//
//	if x := *v.Count; x < 2 || x > 8 {
//		c.Range("2", "8")
//	}
func (v *vgen) rangeCheck(mem *ir.Member, t *ir.Shape, cons constraints, val *jen.Statement) []jen.Code {
	b := cons.rng
	if b == nil {
		return nil
	}
	report := collector().Dot("Range").Call(jen.Lit(boundText(b.Min)), jen.Lit(boundText(b.Max)))
	x := jen.Id("x")
	switch t.Type {
	case ir.FloatType, ir.DoubleType:
		min, hasMin := v.floatBound(b.Min, t.Type, mem.Pos, mem.ID)
		max, hasMax := v.floatBound(b.Max, t.Type, mem.Pos, mem.ID)
		var in *jen.Statement
		if hasMin {
			in = x.Clone().Op(">=").Lit(min)
		}
		if hasMax {
			c := x.Clone().Op("<=").Lit(max)
			if in == nil {
				in = c
			} else {
				in = in.Op("&&").Add(c)
			}
		}
		if in == nil {
			return nil
		}
		return []jen.Code{jen.If(x.Clone().Op(":=").Float64().Call(val), jen.Op("!").Parens(in)).Block(report)}
	case ir.BigIntegerType, ir.BigDecimalType:
		fn := "InRangeBigInt"
		if t.Type == ir.BigDecimalType {
			fn = "InRangeBigFloat"
		}
		return []jen.Code{jen.If(jen.Op("!").Add(validationCall(v, fn, val, jen.Lit(boundText(b.Min)), jen.Lit(boundText(b.Max))))).Block(report)}
	}
	min, max := v.intRange(b, t.Type, mem.Pos, mem.ID)
	if min.never || max.never {
		return []jen.Code{report}
	}
	var out *jen.Statement
	if min.present {
		out = x.Clone().Op("<").Lit(int(min.value))
	}
	if max.present {
		c := x.Clone().Op(">").Lit(int(max.value))
		if out == nil {
			out = c
		} else {
			out = out.Op("||").Add(c)
		}
	}
	if out == nil {
		return nil
	}
	return []jen.Code{jen.If(x.Clone().Op(":=").Add(val), out).Block(report)}
}

// uniqueCall returns the uniqueness test of a list: validation.Unique for
// comparable scalars, UniqueTimes for timestamps, UniqueDeep otherwise.
func (v *vgen) uniqueCall(t *ir.Shape, list *jen.Statement) *jen.Statement {
	elem := t.Members[0]
	et := v.target(elem)
	switch {
	case v.isPtr(elem) || nilableType(et):
		return validationCall(v, "UniqueDeep", list)
	case et.Type == ir.TimestampType:
		return validationCall(v, "UniqueTimes", list)
	case et.Type == ir.StructureType:
		return validationCall(v, "UniqueDeep", list)
	}
	return validationCall(v, "Unique", list)
}
