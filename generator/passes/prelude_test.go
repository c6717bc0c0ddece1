package passes

import (
	"testing"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

func TestAddPrelude(t *testing.T) {
	m := &ir.Model{}
	own := &ir.Shape{ID: "smithy.api#Long", Type: ir.LongType, Pos: hPos(7)}
	m.Add(own)
	if err := addPrelude(m); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		typ     ir.ShapeType
		def     string // "" none, else "false" or "0"
		unitTyp bool
	}{
		{"String", ir.StringType, "", false},
		{"Blob", ir.BlobType, "", false},
		{"BigInteger", ir.BigIntegerType, "", false},
		{"BigDecimal", ir.BigDecimalType, "", false},
		{"Timestamp", ir.TimestampType, "", false},
		{"Document", ir.DocumentType, "", false},
		{"Boolean", ir.BooleanType, "", false},
		{"Byte", ir.ByteType, "", false},
		{"Short", ir.ShortType, "", false},
		{"Integer", ir.IntegerType, "", false},
		{"Float", ir.FloatType, "", false},
		{"Double", ir.DoubleType, "", false},
		{"PrimitiveBoolean", ir.BooleanType, "false", false},
		{"PrimitiveByte", ir.ByteType, "0", false},
		{"PrimitiveShort", ir.ShortType, "0", false},
		{"PrimitiveInteger", ir.IntegerType, "0", false},
		{"PrimitiveLong", ir.LongType, "0", false},
		{"PrimitiveFloat", ir.FloatType, "0", false},
		{"PrimitiveDouble", ir.DoubleType, "0", false},
		{"Unit", ir.StructureType, "", true},
	}
	for _, tt := range tests {
		s := m.Shape(ir.ShapeID("smithy.api#" + tt.name))
		if s == nil {
			t.Errorf("%s: missing", tt.name)
			continue
		}
		if s.Type != tt.typ {
			t.Errorf("%s: type %s, want %s", tt.name, s.Type, tt.typ)
		}
		tr, hasDef := s.Traits.Get(ir.TraitDefault)
		switch {
		case tt.def == "" && hasDef:
			t.Errorf("%s: unexpected default", tt.name)
		case tt.def == "false" && (!hasDef || tr.Value.Kind != ir.BoolNode || tr.Value.Bool):
			t.Errorf("%s: default %+v, want false", tt.name, tr.Value)
		case tt.def == "0" && (!hasDef || tr.Value.Kind != ir.NumberNode || tr.Value.Str != "0"):
			t.Errorf("%s: default %+v, want 0", tt.name, tr.Value)
		}
		if got := s.Traits.Has(ir.TraitUnitType); got != tt.unitTyp {
			t.Errorf("%s: unitType %v, want %v", tt.name, got, tt.unitTyp)
		}
	}
	if got := m.Shape("smithy.api#Long"); got != own {
		t.Errorf("the model's own smithy.api#Long was replaced: %+v", got)
	}
	if n := len(m.Shapes()); n != len(tests)+1 {
		t.Errorf("%d shapes, want %d", n, len(tests)+1)
	}
	// Idempotent: a second run adds nothing.
	before := len(m.Shapes())
	if err := addPrelude(m); err != nil || len(m.Shapes()) != before {
		t.Errorf("second run: err %v, %d shapes, want %d", err, len(m.Shapes()), before)
	}
}
