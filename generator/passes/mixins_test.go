package passes

import (
	"slices"
	"testing"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// hMixin marks s as a mixin of the given mixins and returns it.
func hMixin(s *ir.Shape, mixins ...string) *ir.Shape {
	s.Traits.Raw = append(s.Traits.Raw, hTrait(ir.TraitMixin, hAnn()))
	return hUses(s, mixins...)
}

// hUses sets the mixins of s and returns it.
func hUses(s *ir.Shape, mixins ...string) *ir.Shape {
	for _, mx := range mixins {
		s.Mixins = append(s.Mixins, ir.ShapeID(mx))
	}
	return s
}

func TestFlattenMixinsMembers(t *testing.T) {
	tests := []struct {
		name   string
		shapes []*ir.Shape
		shape  string
		want   []string
	}{
		{
			"spec member ordering",
			[]*ir.Shape{
				hMixin(hStruct("ns#FilteredByNameMixin", hMember("nameFilter", "smithy.api#String"))),
				hMixin(hStruct("ns#PaginatedInputMixin", hMember("nextToken", "smithy.api#String"), hMember("pageSize", "smithy.api#Integer"))),
				hUses(hStruct("ns#ListSomethingInput", hMember("sizeFilter", "smithy.api#Integer")), "ns#PaginatedInputMixin", "ns#FilteredByNameMixin"),
			},
			"ns#ListSomethingInput", []string{"nextToken", "pageSize", "nameFilter", "sizeFilter"},
		},
		{
			"mixins of mixins",
			[]*ir.Shape{
				hMixin(hStruct("ns#A", hMember("a", "smithy.api#String"))),
				hMixin(hStruct("ns#B", hMember("b", "smithy.api#String")), "ns#A"),
				hUses(hStruct("ns#C", hMember("c", "smithy.api#String")), "ns#B"),
			},
			"ns#C", []string{"a", "b", "c"},
		},
		{
			"same member from two mixins and redeclared",
			[]*ir.Shape{
				hMixin(hStruct("ns#A1", hMember("a", "smithy.api#String"), hMember("x", "smithy.api#String"))),
				hMixin(hStruct("ns#A2", hMember("y", "smithy.api#String"), hMember("a", "smithy.api#String"))),
				hUses(hStruct("ns#V", hMember("z", "smithy.api#String"), hMember("x", "smithy.api#String")), "ns#A1", "ns#A2"),
			},
			"ns#V", []string{"a", "x", "y", "z"},
		},
		{
			"enum mixin",
			[]*ir.Shape{
				hMixin(hShape("ns#E1", ir.EnumType, hMember("A", "smithy.api#Unit"))),
				hUses(hShape("ns#E", ir.EnumType, hMember("B", "smithy.api#Unit")), "ns#E1"),
			},
			"ns#E", []string{"A", "B"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := hModel(t, tt.shapes...)
			if err := flattenMixins(m); err != nil {
				t.Fatal(err)
			}
			s := m.Shape(ir.ShapeID(tt.shape))
			if got := hMemberNames(s); !slices.Equal(got, tt.want) {
				t.Errorf("members %v, want %v", got, tt.want)
			}
			for _, mem := range s.Members {
				if mem.ID != s.ID.WithMember(mem.Name) {
					t.Errorf("member %s has ID %s, want it re-rooted to %s", mem.Name, mem.ID, s.ID)
				}
			}
			for _, sh := range m.Shapes() {
				if sh.Mixins != nil {
					t.Errorf("%s: Mixins = %v, want nil", sh.ID, sh.Mixins)
				}
				if sh.IsMixin != sh.Traits.Has(ir.TraitMixin) {
					t.Errorf("%s: IsMixin = %v", sh.ID, sh.IsMixin)
				}
			}
		})
	}
}

func TestFlattenMixinsTraits(t *testing.T) {
	doc := func(s string) ir.Trait { return hTrait(ir.TraitDocumentation, hStr(s)) }
	foo := func(n string) ir.Trait { return hTrait("ns#foo", hNum(n)) }
	ann := func(id ir.ShapeID) ir.Trait { return hTrait(id, hAnn()) }
	// The example of the spec's "Traits and mixins" section.
	m := hModel(t,
		hMixin(hWith(hStruct("ns#StructA"), doc("A"), foo("1"), ann("ns#oneTrait"))),
		hMixin(hWith(hStruct("ns#StructB"), doc("B"), foo("2"), ann("ns#twoTrait"))),
		hMixin(hWith(hStruct("ns#StructC"), doc("C"), ann("ns#threeTrait")), "ns#StructA", "ns#StructB"),
		hUses(hWith(hStruct("ns#StructD"), doc("D"), ann("ns#fourTrait")), "ns#StructC"),
		// localTraits are not inherited.
		hWith(hStruct("ns#PrivateMixin"), ann("smithy.api#private"),
			hTrait(ir.TraitMixin, hObj("localTraits", hArr(hStr("smithy.api#private")))), ann("ns#kept")),
		hUses(hStruct("ns#PublicShape"), "ns#PrivateMixin"),
		// Member traits: the redeclared member's win, the others are kept.
		hMixin(hStruct("ns#MyMixin", &ir.Member{Name: "m", Target: "smithy.api#String", Pos: hPos(1),
			Traits: ir.Traits{Raw: []ir.Trait{doc("generic"), ann(ir.TraitRequired)}}})),
		hUses(hStruct("ns#MyStruct", &ir.Member{Name: "m", Target: "smithy.api#String", Pos: hPos(2),
			Traits: ir.Traits{Raw: []ir.Trait{doc("specific")}}}), "ns#MyMixin"),
	)
	if err := flattenMixins(m); err != nil {
		t.Fatal(err)
	}
	d := m.Shape("ns#StructD")
	if got, want := hTraitIDs(d.Traits.Raw), []string{string(ir.TraitDocumentation), "ns#fourTrait", "ns#threeTrait", "ns#foo", "ns#twoTrait", "ns#oneTrait"}; !slices.Equal(got, want) {
		t.Errorf("StructD traits %v, want %v", got, want)
	}
	if tr, _ := d.Traits.Get(ir.TraitDocumentation); tr.Value.Str != "D" {
		t.Errorf("StructD documentation %q, want D", tr.Value.Str)
	}
	if tr, _ := d.Traits.Get("ns#foo"); tr.Value.Str != "2" {
		t.Errorf("StructD foo %q, want 2 (a later mixin wins)", tr.Value.Str)
	}
	if got, want := hTraitIDs(m.Shape("ns#PublicShape").Traits.Raw), []string{"ns#kept"}; !slices.Equal(got, want) {
		t.Errorf("PublicShape traits %v, want %v", got, want)
	}
	mem := m.Shape("ns#MyStruct").Member("m")
	if tr, _ := mem.Traits.Get(ir.TraitDocumentation); tr.Value.Str != "specific" || !mem.Traits.Has(ir.TraitRequired) || mem.Pos != hPos(2) {
		t.Errorf("redeclared member: traits %+v at %s, want specific documentation, required, line 2", mem.Traits.Raw, mem.Pos)
	}
	if tr, _ := m.Shape("ns#MyMixin").Member("m").Traits.Get(ir.TraitDocumentation); tr.Value.Str != "generic" {
		t.Errorf("the mixin's own member changed: %q", tr.Value.Str)
	}
}

func TestFlattenMixinsProperties(t *testing.T) {
	opMixin := hMixin(hOp("ns#Validated", "", "", "ns#ValidationError"))
	op := hUses(hOp("ns#GetUser", "ns#In", "", "ns#NotFound", "ns#ValidationError"), "ns#Validated")
	svcA := hMixin(hService("ns#A", "ns#OpA"))
	svcA.Version = "A"
	svcA.Errors = []ir.ShapeID{"ns#ValidationError"}
	svcB := hMixin(hService("ns#B", "ns#OpB"), "ns#A")
	svcB.Version = "B"
	svcB.Rename = []ir.Rename{{ID: "ns#OpA", Name: "OperA"}, {ID: "ns#OpB", Name: "OperB"}}
	svcC := hUses(hService("ns#C", "ns#OpC"), "ns#B")
	svcC.Version = ""
	svcC.Rename = []ir.Rename{{ID: "ns#OpA", Name: "OpA"}, {ID: "ns#OpC", Name: "OpC"}}
	m := hModel(t, opMixin, op, svcA, svcB, svcC)
	if err := flattenMixins(m); err != nil {
		t.Fatal(err)
	}
	if want := []ir.ShapeID{"ns#ValidationError", "ns#NotFound"}; !slices.Equal(op.Errors, want) {
		t.Errorf("operation errors %v, want %v", op.Errors, want)
	}
	if want := []ir.ShapeID{"ns#OpA", "ns#OpB", "ns#OpC"}; !slices.Equal(svcC.Operations, want) {
		t.Errorf("service operations %v, want %v", svcC.Operations, want)
	}
	if want := []ir.ShapeID{"ns#ValidationError"}; !slices.Equal(svcC.Errors, want) {
		t.Errorf("service errors %v, want %v", svcC.Errors, want)
	}
	if svcC.Version != "B" {
		t.Errorf("service version %q, want B", svcC.Version)
	}
	want := []ir.Rename{{ID: "ns#OpA", Name: "OpA"}, {ID: "ns#OpC", Name: "OpC"}, {ID: "ns#OpB", Name: "OperB"}}
	if !slices.Equal(svcC.Rename, want) {
		t.Errorf("service rename %v, want %v", svcC.Rename, want)
	}
}

func TestFlattenMixinsErrors(t *testing.T) {
	tests := []struct {
		name   string
		shapes []*ir.Shape
		want   []string
	}{
		{
			"cycle",
			[]*ir.Shape{hAtLine(1, hMixin(hStruct("ns#CycleA"), "ns#CycleB")), hAtLine(2, hMixin(hStruct("ns#CycleB"), "ns#CycleA"))},
			[]string{"t.json:2:1: ns#CycleB: mixins: cycle ns#CycleA -> ns#CycleB -> ns#CycleA"},
		},
		{
			"self cycle",
			[]*ir.Shape{hAtLine(1, hMixin(hStruct("ns#Self"), "ns#Self"))},
			[]string{"t.json:1:1: ns#Self: mixins: cycle ns#Self -> ns#Self"},
		},
		{
			"not a mixin, other type, unknown",
			[]*ir.Shape{hAtLine(1, hUses(hStruct("ns#S"), "ns#Plain", "ns#U", "ns#Gone")), hStruct("ns#Plain"), hMixin(hShape("ns#U", ir.UnionType))},
			[]string{
				"t.json:1:1: ns#S: mixins: ns#Plain lacks the smithy.api#mixin trait",
				"t.json:1:1: ns#S: mixins: ns#U is a union, want a structure",
				"t.json:1:1: ns#S: mixins: unknown target ns#Gone",
			},
		},
		{
			"conflicting member targets",
			[]*ir.Shape{
				hMixin(hStruct("ns#A1", hMember("a", "smithy.api#String"))),
				hMixin(hStruct("ns#A2", hMember("a", "smithy.api#Integer"))),
				hAtLine(3, hUses(hStruct("ns#Invalid", &ir.Member{Name: "a", Target: "smithy.api#Long", Pos: hPos(4)}), "ns#A1", "ns#A2")),
			},
			[]string{
				`t.json:3:1: ns#Invalid$a: member "a": mixin ns#A1 targets smithy.api#String but mixin ns#A2 targets smithy.api#Integer`,
				"t.json:4:1: ns#Invalid$a: redefines the member of mixin ns#A1 with target smithy.api#Long instead of smithy.api#String",
			},
		},
		{
			"operation and resource mixins with properties",
			[]*ir.Shape{
				hMixin(hOp("ns#OpMixin", "ns#In", "")), hAtLine(2, hUses(hOp("ns#Op", "", ""), "ns#OpMixin")), hStruct("ns#In"),
				hMixin(&ir.Shape{ID: "ns#ResMixin", Type: ir.ResourceType, Operations: []ir.ShapeID{"ns#Op"}}),
				hAtLine(3, hUses(&ir.Shape{ID: "ns#Res", Type: ir.ResourceType}, "ns#ResMixin")),
			},
			[]string{
				"t.json:2:1: ns#Op: mixins: operation mixin ns#OpMixin defines an input or output",
				"t.json:3:1: ns#Res: mixins: resource mixin ns#ResMixin defines properties",
			},
		},
		{
			"mixin used as a target",
			[]*ir.Shape{
				hMixin(hStruct("ns#M")),
				hStruct("ns#S", &ir.Member{Name: "x", Target: "ns#M", Pos: hPos(5)}),
				hAtLine(6, hOp("ns#Op", "ns#M", "", "ns#M")),
			},
			[]string{
				"t.json:5:1: ns#S$x: member target: ns#M is a mixin",
				"t.json:6:1: ns#Op: errors: ns#M is a mixin",
				"t.json:6:1: ns#Op: input: ns#M is a mixin",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := hModel(t, tt.shapes...)
			hWantErrors(t, flattenMixins(m), tt.want...)
		})
	}
}
