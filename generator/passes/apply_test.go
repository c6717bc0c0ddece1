package passes

import (
	"slices"
	"testing"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

func TestApplyStatements(t *testing.T) {
	const tags ir.ShapeID = "smithy.api#tags"
	mixin := hWith(hStruct("ns#Mixin", hMember("inherited", "smithy.api#Integer")), hTrait(ir.TraitMixin, hAnn()))
	mid := hWith(hStruct("ns#Mid"), hTrait(ir.TraitMixin, hAnn()))
	mid.Mixins = []ir.ShapeID{"ns#Mixin"}
	s := hWith(hStruct("ns#S", hMember("a", "smithy.api#String", hTrait(ir.TraitDocumentation, hStr("doc")))),
		hTrait(tags, hArr(hStr("x"))))
	s.Mixins = []ir.ShapeID{"ns#Mid"}
	m := hModel(t, s, mixin, mid)
	m.Applies = []ir.Apply{
		{Target: "ns#S", Traits: []ir.Trait{hTrait(ir.TraitSensitive, hAnn()), hTrait(tags, hArr(hStr("y")))}},
		{Target: "ns#S$a", Traits: []ir.Trait{hTrait(ir.TraitDocumentation, hStr("doc")), hTrait(ir.TraitRequired, hAnn())}},
		{Target: "ns#S$inherited", Traits: []ir.Trait{hTrait(ir.TraitDocumentation, hStr("specific"))}, Pos: hPos(9)},
		{Target: "ns#Mixin$inherited", Traits: []ir.Trait{hTrait(ir.TraitRequired, hAnn())}},
	}
	if err := applyStatements(m); err != nil {
		t.Fatal(err)
	}
	if m.Applies != nil {
		t.Errorf("Applies = %v, want nil", m.Applies)
	}
	if got, want := hTraitIDs(s.Traits.Raw), []string{string(tags), string(ir.TraitSensitive)}; !slices.Equal(got, want) {
		t.Errorf("S traits %v, want %v", got, want)
	}
	if tr, _ := s.Traits.Get(tags); len(tr.Value.Items) != 2 || tr.Value.Items[1].Str != "y" {
		t.Errorf("tags = %+v, want [x y] (lists concatenate)", tr.Value)
	}
	if got, want := hTraitIDs(s.Member("a").Traits.Raw), []string{string(ir.TraitDocumentation), string(ir.TraitRequired)}; !slices.Equal(got, want) {
		t.Errorf("S$a traits %v, want %v (identical documentation ignored)", got, want)
	}
	re := s.Member("inherited")
	if re == nil || re.Target != "smithy.api#Integer" || re.ID != "ns#S$inherited" || re.Pos != hPos(9) {
		t.Fatalf("apply to an inherited member: re-declared member %+v, want ns#S$inherited targeting smithy.api#Integer at line 9", re)
	}
	if got := hTraitIDs(mixin.Member("inherited").Traits.Raw); !slices.Equal(got, []string{string(ir.TraitRequired)}) {
		t.Errorf("mixin member traits %v", got)
	}

	// After flattening, the re-declared member keeps its applied
	// documentation and gains the mixin member's required trait.
	if err := flattenMixins(m); err != nil {
		t.Fatal(err)
	}
	if got, want := hMemberNames(s), []string{"inherited", "a"}; !slices.Equal(got, want) {
		t.Errorf("members after flattening %v, want %v", got, want)
	}
	inh := s.Member("inherited")
	if doc, _ := inh.Traits.Get(ir.TraitDocumentation); doc.Value.Str != "specific" || !inh.Traits.Has(ir.TraitRequired) {
		t.Errorf("inherited member traits %+v, want specific documentation and required", inh.Traits.Raw)
	}
}

func TestApplyStatementsErrors(t *testing.T) {
	m := hModel(t,
		hStruct("ns#S", hMember("a", "smithy.api#String", hTrait(ir.TraitDocumentation, hAt(1, hStr("one"))))),
		hWith(hStruct("ns#T"), hTrait(ir.TraitLength, hAt(2, hObj("min", hNum("1"))))),
	)
	m.Applies = []ir.Apply{
		{Target: "ns#Nope", Pos: hPos(10)},
		{Target: "ns#S$b", Pos: hPos(11)},
		{Target: "ns#S$a", Pos: hPos(12), Traits: []ir.Trait{hTrait(ir.TraitDocumentation, hAt(13, hStr("two")))}},
		{Target: "ns#T", Pos: hPos(14), Traits: []ir.Trait{
			hTrait(ir.TraitLength, hAt(15, hObj("min", hNum("1.0")))), // equal value: ignored
			hTrait(ir.TraitLength, hAt(16, hObj("min", hNum("2")))),
		}},
	}
	hWantErrors(t, applyStatements(m),
		"t.json:10:1: ns#Nope: apply: unknown target ns#Nope",
		`t.json:11:1: ns#S$b: apply: structure ns#S has no member "b"`,
		"t.json:13:1: ns#S$a: trait smithy.api#documentation: value conflicts with the one at t.json:1:1",
		"t.json:16:1: ns#T: trait smithy.api#length: value conflicts with the one at t.json:2:1",
	)
	if m.Applies != nil {
		t.Error("Applies not emptied after errors")
	}
}

func TestNodesEqual(t *testing.T) {
	tests := []struct {
		a, b ir.Node
		want bool
	}{
		{hStr("a"), hAt(3, hStr("a")), true},
		{hStr("a"), hStr("b"), false},
		{hNum("1"), hNum("1.0"), true},
		{hNum("1"), hNum("2"), false},
		{hNum("1"), hStr("1"), false},
		{hBool(true), hBool(true), true},
		{hBool(true), hBool(false), false},
		{hObj("a", hNum("1"), "b", hStr("x")), hObj("b", hStr("x"), "a", hNum("1")), true},
		{hObj("a", hNum("1")), hObj("a", hNum("1"), "b", hStr("x")), false},
		{hObj("a", hNum("1")), hObj("b", hNum("1")), false},
		{hArr(hStr("a"), hStr("b")), hArr(hStr("a"), hStr("b")), true},
		{hArr(hStr("a"), hStr("b")), hArr(hStr("b"), hStr("a")), false},
		{ir.Node{}, ir.Node{}, true},
	}
	for i, tt := range tests {
		if got := nodesEqual(tt.a, tt.b); got != tt.want {
			t.Errorf("%d: nodesEqual(%+v, %+v) = %v, want %v", i, tt.a, tt.b, got, tt.want)
		}
	}
}
