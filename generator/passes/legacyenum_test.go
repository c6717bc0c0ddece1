package passes

import (
	"testing"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

func TestConvertLegacyEnums(t *testing.T) {
	named := ntShape("ns#Named", ir.StringType)
	named.Traits.Length = &ir.Bounds{}
	named.Traits.LegacyEnum = []ir.EnumDefinition{
		{Value: "invalidRegion", Name: "INVALID_REGION", Doc: "<p>Bad.</p>"},
		{Value: "t2.micro", Deprecated: true, Internal: true},
	}
	plain := ntShape("ns#Plain", ir.StringType)
	m := ntModel(nil, named, plain)
	if err := convertLegacyEnums(m); err != nil {
		t.Fatal(err)
	}
	if named.Type != ir.EnumType || len(named.Traits.LegacyEnum) != 0 || named.Traits.Length == nil {
		t.Fatalf("converted shape: type %s, %d legacy definitions left, length kept %v", named.Type, len(named.Traits.LegacyEnum), named.Traits.Length != nil)
	}
	want := []struct {
		name, id, value, doc string
		deprecated           bool
	}{
		{"INVALID_REGION", "ns#Named$INVALID_REGION", "invalidRegion", "<p>Bad.</p>", false},
		{"t2.micro", "ns#Named$t2.micro", "t2.micro", "", true},
	}
	if len(named.Members) != len(want) {
		t.Fatalf("got %d members, want %d", len(named.Members), len(want))
	}
	for i, w := range want {
		mem := named.Members[i]
		if mem.Name != w.name || string(mem.ID) != w.id || mem.Target != ir.UnitID ||
			mem.Traits.EnumValue == nil || mem.Traits.EnumValue.Str != w.value ||
			mem.Traits.Documentation != w.doc || (mem.Traits.Deprecated != nil) != w.deprecated {
			t.Errorf("member %d: got %+v (enumValue %v), want %+v", i, mem, mem.Traits.EnumValue, w)
		}
		if got := mem.Traits.Has(ir.TraitInternal); got != w.deprecated {
			t.Errorf("member %d: internal trait %v, want %v", i, got, w.deprecated)
		}
	}
	if plain.Type != ir.StringType || len(plain.Members) != 0 {
		t.Errorf("a string without the enum trait changed: %s with %d members", plain.Type, len(plain.Members))
	}
}
