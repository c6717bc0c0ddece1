package passes

import (
	"math/big"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// deriveNullability sets Member.Pointer where the AWS SDK for Go v2 declares
// a pointer (*T) field or collection element.
//
// The rule is smithy-go's GoPointableIndex.isMemberPointable with the check
// mode the SDK uses, NullableIndex.CheckMode.CLIENT_ZERO_VALUE_V1_NO_INPUT:
//
//   - A member whose target is a blob (streaming or not), list, set, map,
//     union, document, enum, intEnum or string with the legacy enum trait
//     is never a pointer (those Go types are values, nilable already, or
//     interfaces).
//   - A structure member targeting anything else (string, boolean, number,
//     bigInteger, bigDecimal, timestamp, structure) is a pointer, unless it
//     has a default trait whose value is the Smithy 1.0 zero value of its
//     target (false for a boolean, 0 for byte, short, integer, long, float
//     and double) and has neither the clientOptional nor the addedDefault
//     trait. So @required alone, or a non-zero default (true, 5, ""), still
//     gives a pointer, and the @input trait changes nothing ("NO_INPUT"). A
//     member with no default trait of its own takes its target's (as
//     Smithy's 1.0 to 2.0 upgrade does for members targeting
//     PrimitiveInteger and the like).
//   - A list member or map value targeting such a shape is a pointer only
//     in a @sparse list or map.
//   - Union, set and enum members, and map keys, are never pointers.
//
// Needs: the traits pass (Default, ClientOptional, Sparse, Streaming
// decoded), the legacyenums pass and the service pass (the shapes kept).
//
// Guarantees: Member.Pointer is set on every member of every shape as
// above. Never fails.
func deriveNullability(m *ir.Model) error {
	for _, s := range m.Shapes() {
		for _, mem := range s.Members {
			mem.Pointer = memberPointable(m, s, mem)
		}
	}
	return nil
}

// memberPointable reports whether member mem of container s is a pointer.
func memberPointable(m *ir.Model, s *ir.Shape, mem *ir.Member) bool {
	t := m.Target(mem)
	if t == nil || !pointableTarget(t) {
		return false
	}
	switch s.Type {
	case ir.StructureType:
		if mem.Traits.ClientOptional || mem.Traits.Has("smithy.api#addedDefault") {
			return true
		}
		def := mem.Traits.Default
		if def == nil {
			def = t.Traits.Default
		}
		return !isV1ZeroDefault(def, t.Type)
	case ir.ListType:
		return s.Traits.Sparse
	case ir.MapType:
		return mem.Name == "value" && s.Traits.Sparse
	}
	return false
}

// pointableTarget reports whether a member targeting t can be a pointer at
// all: not for Go types that are values, nilable or interfaces already.
func pointableTarget(t *ir.Shape) bool {
	switch t.Type {
	case ir.BlobType, ir.ListType, ir.SetType, ir.MapType, ir.UnionType, ir.DocumentType,
		ir.EnumType, ir.IntEnumType:
		return false
	case ir.StringType:
		return !t.Traits.Has(ir.TraitEnum)
	}
	return true
}

// isV1ZeroDefault reports whether def is the Smithy 1.0 zero value of a
// target of type typ: false for booleans, 0 for byte, short, integer, long,
// float, double (and intEnum). A nil or null default is not.
func isV1ZeroDefault(def *ir.Node, typ ir.ShapeType) bool {
	if def == nil {
		return false
	}
	switch typ {
	case ir.BooleanType:
		return def.Kind == ir.BoolNode && !def.Bool
	case ir.ByteType, ir.ShortType, ir.IntegerType, ir.IntEnumType, ir.LongType, ir.FloatType, ir.DoubleType:
		if def.Kind != ir.NumberNode {
			return false
		}
		f, ok := new(big.Float).SetString(def.Str)
		return ok && f.Sign() == 0
	}
	return false
}
