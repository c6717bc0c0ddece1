package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// fillMode says which members of a value a sensitive test sets.
type fillMode uint8

const (
	// fillRequired sets required members and labels, with plain values
	// ("x", 1, ...), so that a client sends the value.
	fillRequired fillMode = iota
	// fillSensitive sets the sensitive members (with the marker), the
	// members whose values hold sensitive members, and required members.
	fillSensitive
	// fillAll sets every member it can, strings, enums and blobs to the
	// marker: the value of a sensitive member or shape.
	fillAll
)

// stValue is a Go expression built for a sensitive test.
type stValue struct {
	code   jen.Code
	marked bool // the value holds the marker
}

// stBuilder builds the values of the sensitive tests.
type stBuilder struct {
	g *gen
	// validEnums fills enums with their first value even for fillAll, so
	// that a server validating the input accepts it.
	validEnums bool
}

// maxFillDepth bounds the nesting of test values (shapes may be recursive).
const maxFillDepth = 6

// marker is the expression of the marker string.
func (b stBuilder) marker() *jen.Statement {
	return jen.Qual(b.g.internalPath("sensitivetest"), "Marker")
}

// structValue returns a composite literal of type typ setting members of a
// structure for mode. nameOf gives a member's Go field name.
func (b stBuilder) structValue(typ *jen.Statement, members []*ir.Member, mode fillMode, d direction, depth int, nameOf func(*ir.Member) string) stValue {
	dict := jen.Dict{}
	marked := false
	for _, mem := range members {
		sub, ok := b.memberMode(mem, mode)
		if !ok {
			continue
		}
		v, ok := b.memberValue(mem, sub, d, depth+1)
		if !ok || sub == fillSensitive && !v.marked {
			continue
		}
		dict[jen.Id(nameOf(mem))] = v.code
		marked = marked || v.marked
	}
	return stValue{code: typ.Values(dict), marked: marked}
}

// memberMode returns the mode a member of a value filled with mode is
// filled with, or false when the member stays unset.
func (b stBuilder) memberMode(mem *ir.Member, mode fillMode) (fillMode, bool) {
	switch {
	case mode == fillAll || b.g.memberSensitive(mem):
		return fillAll, true
	case mode == fillSensitive && b.g.sensitive[mem.Target]:
		return fillSensitive, true
	case mem.Traits.Required || mem.Binding == ir.BindLabel:
		return fillRequired, true
	}
	return fillRequired, false
}

// memberValue returns the value of a member's Go field for mode: the
// target's value, behind a pointer when the field is one.
func (b stBuilder) memberValue(mem *ir.Member, mode fillMode, d direction, depth int) (stValue, bool) {
	t := b.g.target(mem)
	v, ok := b.shapeValue(t, mode, d, depth)
	if !ok {
		return v, false
	}
	if mem.Pointer && !nilableType(t) {
		v.code = jen.Qual(b.g.internalPath("sensitivetest"), "Ptr").Call(v.code)
	}
	return v, true
}

// shapeValue returns a value of shape t's Go type for mode; false when it
// has none (streams, documents, too deep).
func (b stBuilder) shapeValue(t *ir.Shape, mode fillMode, d direction, depth int) (stValue, bool) {
	if depth > maxFillDepth {
		return stValue{}, false
	}
	if t.Traits.Sensitive && mode == fillSensitive {
		mode = fillAll
	}
	typ := b.g.shapeType(t, d)
	all := mode == fillAll
	switch t.Type {
	case ir.StringType:
		if all {
			return stValue{code: b.marker(), marked: true}, true
		}
		return stValue{code: jen.Lit("x")}, true
	case ir.EnumType:
		if all && !b.validEnums {
			return stValue{code: typ.Call(b.marker()), marked: true}, true
		}
		if len(t.Members) == 0 {
			return stValue{}, false
		}
		_, s := b.g.enumValue(t, t.Members[0])
		return stValue{code: typ.Call(jen.Lit(s))}, true
	case ir.IntEnumType:
		if len(t.Members) == 0 {
			return stValue{}, false
		}
		v, _ := b.g.enumValue(t, t.Members[0])
		return stValue{code: typ.Call(v)}, true
	case ir.BlobType:
		if t.Traits.Streaming {
			return stValue{}, false
		}
		if all {
			return stValue{code: jen.Index().Byte().Call(b.marker()), marked: true}, true
		}
		return stValue{code: jen.Index().Byte().Call(jen.Lit("x"))}, true
	case ir.BooleanType:
		return stValue{code: jen.True()}, true
	case ir.ByteType, ir.ShortType, ir.IntegerType, ir.LongType, ir.FloatType, ir.DoubleType:
		return stValue{code: typ.Call(jen.Lit(1))}, true
	case ir.BigIntegerType:
		return stValue{code: jen.Qual("math/big", "NewInt").Call(jen.Lit(1))}, true
	case ir.BigDecimalType:
		return stValue{code: jen.Qual("math/big", "NewFloat").Call(jen.Lit(1))}, true
	case ir.TimestampType:
		return stValue{code: jen.Qual("time", "Unix").Call(jen.Lit(1700000000), jen.Lit(0)).Dot("UTC").Call()}, true
	case ir.ListType, ir.SetType:
		return b.listValue(t, typ, mode, d, depth)
	case ir.MapType:
		return b.mapValue(t, typ, mode, d, depth)
	case ir.StructureType:
		if t.ID == ir.UnitID || t.Traits.Streaming {
			return stValue{}, false
		}
		return b.structValue(typ, t.Members, mode, d, depth, func(m *ir.Member) string { return m.GoName }), true
	case ir.UnionType:
		return b.unionValue(t, mode, d, depth)
	}
	return stValue{}, false
}

// listValue returns a list of one element for mode (an empty list when the
// element cannot be filled or, for fillRequired, need not be).
func (b stBuilder) listValue(t *ir.Shape, typ *jen.Statement, mode fillMode, d direction, depth int) (stValue, bool) {
	if len(t.Members) == 0 {
		return stValue{}, false
	}
	elem := t.Members[0]
	sub, ok := b.memberMode(elem, mode)
	if !ok || mode == fillRequired {
		return stValue{code: typ.Values()}, true
	}
	v, ok := b.memberValue(elem, sub, d, depth+1)
	if !ok {
		return stValue{code: typ.Values()}, true
	}
	return stValue{code: typ.Values(v.code), marked: v.marked}, true
}

// mapValue returns a map of one entry for mode, keyed by the marker for
// fillAll (map keys of a sensitive map are sensitive too).
func (b stBuilder) mapValue(t *ir.Shape, typ *jen.Statement, mode fillMode, d direction, depth int) (stValue, bool) {
	val := t.Member("value")
	if val == nil || mode == fillRequired {
		return stValue{code: typ.Values()}, true
	}
	key, keyMarked := jen.Code(jen.Lit("k")), false
	if mode == fillAll {
		key, keyMarked = b.marker(), true
	}
	sub, ok := b.memberMode(val, mode)
	var v stValue
	if ok {
		v, ok = b.memberValue(val, sub, d, depth+1)
	}
	if !ok {
		if !keyMarked {
			return stValue{code: typ.Values()}, true
		}
		v.code = jen.Op("*").New(b.g.memberType(val, d))
	}
	return stValue{code: typ.Values(jen.Dict{key: v.code}), marked: keyMarked || v.marked}, true
}

// unionValue returns a pointer to a variant: for fillSensitive the first
// variant leading to sensitive data, else the first that can be filled.
func (b stBuilder) unionValue(u *ir.Shape, mode fillMode, d direction, depth int) (stValue, bool) {
	if u.Traits.Streaming {
		return stValue{}, false
	}
	for _, mem := range u.Members {
		sub := mode
		if mode == fillSensitive {
			switch {
			case b.g.memberSensitive(mem) || u.Traits.Sensitive:
				sub = fillAll
			case b.g.sensitive[mem.Target]:
			default:
				continue
			}
		}
		v, ok := b.memberValue(mem, sub, d, depth+1)
		if !ok || sub != fillRequired && !v.marked {
			continue
		}
		return stValue{code: jen.Op("&").Qual(b.g.typesPath(), mem.UnionVariant).Values(jen.Dict{jen.Id("Value"): v.code}), marked: v.marked}, true
	}
	return stValue{}, false
}
