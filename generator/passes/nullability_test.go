package passes

import (
	"testing"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

func TestDeriveNullability(t *testing.T) {
	def := func(n ir.Node) ir.Trait { return hTrait(ir.TraitDefault, n) }
	ann := func(id ir.ShapeID) ir.Trait { return hTrait(id, hAnn()) }
	tests := []struct {
		name      string
		container ir.ShapeType
		sparse    bool
		member    string // for maps: "key" or "value"
		target    string
		traits    []ir.Trait
		want      bool
	}{
		{"string", ir.StructureType, false, "m", "smithy.api#String", nil, true},
		{"required string", ir.StructureType, false, "m", "smithy.api#String", []ir.Trait{ann(ir.TraitRequired)}, true},
		{"string with default", ir.StructureType, false, "m", "smithy.api#String", []ir.Trait{def(hStr(""))}, true},
		{"boolean", ir.StructureType, false, "m", "smithy.api#Boolean", nil, true},
		{"boolean default false", ir.StructureType, false, "m", "smithy.api#Boolean", []ir.Trait{def(hBool(false))}, false},
		{"boolean default true", ir.StructureType, false, "m", "smithy.api#Boolean", []ir.Trait{def(hBool(true))}, true},
		{"boolean default null", ir.StructureType, false, "m", "smithy.api#Boolean", []ir.Trait{def(ir.Node{})}, true},
		{"integer default 0", ir.StructureType, false, "m", "smithy.api#Integer", []ir.Trait{def(hNum("0"))}, false},
		{"integer default 5", ir.StructureType, false, "m", "smithy.api#Integer", []ir.Trait{def(hNum("5"))}, true},
		{"integer default 0 clientOptional", ir.StructureType, false, "m", "smithy.api#Integer", []ir.Trait{def(hNum("0")), ann(ir.TraitClientOptional)}, true},
		{"integer default 0 addedDefault", ir.StructureType, false, "m", "smithy.api#Integer", []ir.Trait{def(hNum("0")), ann("smithy.api#addedDefault")}, true},
		{"long default 0 required", ir.StructureType, false, "m", "smithy.api#Long", []ir.Trait{def(hNum("0")), ann(ir.TraitRequired)}, false},
		{"double default 0.0", ir.StructureType, false, "m", "smithy.api#Double", []ir.Trait{def(hNum("0.0"))}, false},
		{"byte, short, float default 0", ir.StructureType, false, "m", "smithy.api#Float", []ir.Trait{def(hNum("0"))}, false},
		{"PrimitiveInteger without member default", ir.StructureType, false, "m", "smithy.api#PrimitiveInteger", nil, false},
		{"PrimitiveBoolean with null member default", ir.StructureType, false, "m", "smithy.api#PrimitiveBoolean", []ir.Trait{def(ir.Node{})}, true},
		{"bigInteger default 0", ir.StructureType, false, "m", "smithy.api#BigInteger", []ir.Trait{def(hNum("0"))}, true},
		{"bigDecimal", ir.StructureType, false, "m", "smithy.api#BigDecimal", nil, true},
		{"timestamp", ir.StructureType, false, "m", "smithy.api#Timestamp", nil, true},
		{"structure", ir.StructureType, false, "m", "ns#Struct", nil, true},
		{"blob", ir.StructureType, false, "m", "smithy.api#Blob", nil, false},
		{"streaming blob", ir.StructureType, false, "m", "ns#Stream", nil, false},
		{"document", ir.StructureType, false, "m", "smithy.api#Document", nil, false},
		{"list", ir.StructureType, false, "m", "ns#List", nil, false},
		{"map", ir.StructureType, false, "m", "ns#Map", nil, false},
		{"union", ir.StructureType, false, "m", "ns#Union", nil, false},
		{"enum", ir.StructureType, false, "m", "ns#Enum", nil, false},
		{"intEnum default 0", ir.StructureType, false, "m", "ns#IntEnum", []ir.Trait{def(hNum("0"))}, false},
		{"intEnum", ir.StructureType, false, "m", "ns#IntEnum", nil, false},
		{"legacy enum string", ir.StructureType, false, "m", "ns#LegacyEnum", nil, false},
		{"union member string", ir.UnionType, false, "m", "smithy.api#String", nil, false},
		{"union member structure", ir.UnionType, false, "m", "ns#Struct", nil, false},
		{"list of strings", ir.ListType, false, "member", "smithy.api#String", nil, false},
		{"sparse list of strings", ir.ListType, true, "member", "smithy.api#String", nil, true},
		{"sparse list of structures", ir.ListType, true, "member", "ns#Struct", nil, true},
		{"sparse list of lists", ir.ListType, true, "member", "ns#List", nil, false},
		{"sparse list of enums", ir.ListType, true, "member", "ns#Enum", nil, false},
		{"set of strings", ir.SetType, true, "member", "smithy.api#String", nil, false},
		{"map value", ir.MapType, false, "value", "smithy.api#Integer", nil, false},
		{"sparse map value", ir.MapType, true, "value", "smithy.api#Integer", nil, true},
		{"sparse map key", ir.MapType, true, "key", "smithy.api#String", nil, false},
		{"sparse map of blobs", ir.MapType, true, "value", "smithy.api#Blob", nil, false},
		{"enum member", ir.EnumType, false, "A", "smithy.api#Unit", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := hShape("ns#C", tt.container, hMember(tt.member, tt.target, tt.traits...))
			if tt.sparse {
				c.Traits.Raw = append(c.Traits.Raw, ann(ir.TraitSparse))
			}
			m := hModel(t, c,
				hStruct("ns#Struct"),
				hWith(hShape("ns#Stream", ir.BlobType), ann(ir.TraitStreaming)),
				hShape("ns#List", ir.ListType, hMember("member", "smithy.api#String")),
				hShape("ns#Map", ir.MapType, hMember("key", "smithy.api#String"), hMember("value", "smithy.api#String")),
				hShape("ns#Union", ir.UnionType, hMember("a", "smithy.api#String")),
				hShape("ns#Enum", ir.EnumType, hMember("A", "smithy.api#Unit")),
				hShape("ns#IntEnum", ir.IntEnumType, hMember("A", "smithy.api#Unit", hTrait(ir.TraitEnumValue, hNum("0")))),
				hWith(hShape("ns#LegacyEnum", ir.StringType), hTrait(ir.TraitEnum, hArr(hObj("value", hStr("a"))))),
			)
			if err := hRun(m, decodeTraits, deriveNullability); err != nil {
				t.Fatal(err)
			}
			if got := c.Members[0].Pointer; got != tt.want {
				t.Errorf("Pointer = %v, want %v", got, tt.want)
			}
		})
	}
}
