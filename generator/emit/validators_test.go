package emit

import (
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// renderChecks renders the full checks of a member of a struct v.
func renderChecks(t *testing.T, m *ir.Model, mem *ir.Member) string {
	t.Helper()
	g := newGen(m, testConfig("example.com/things"))
	v := &vgen{gen: g, patterns: map[string]string{}, enums: map[ir.ShapeID]bool{}}
	var checks []jen.Code
	got := renderBody(t, g, g.cfg.ImportPath, "things", func(f *jen.File) {
		v.f = f
		checks = v.fullMember(mem, v.fieldRef(mem), true, true)
		f.Func().Id("check").Params(v.collectorParam(), jen.Id("v").Op("*").Id("T")).Block(checks...)
	})
	if err := g.errs.Err(); err != nil {
		t.Fatal(err)
	}
	got = strings.TrimPrefix(got, "func check(c *validation.Collector, v *T) {")
	got = strings.TrimSuffix(got, "}")
	return strings.TrimSpace(strings.ReplaceAll(got, "\n\t", "\n"))
}

func TestFullChecks(t *testing.T) {
	tests := []struct {
		name   string
		shape  *ir.Shape // added to the test model when not nil
		member *ir.Member
		want   string
	}{
		{"int range, member overrides target", nil,
			member("count", sid("Count"), true, ir.Traits{Range: bounds("4", "6")}, ""), `
if v.Count != nil {
	c.Enter("Count", "count")
	if x := *v.Count; x < 4 || x > 6 {
		c.Range("4", "6")
	}
	c.Leave()
}`},
		{"decimal bounds on a byte are rounded inward", shape("B", ir.ByteType, ir.Traits{Range: bounds("-1000", "2.5")}),
			member("b", sid("B"), false, ir.Traits{}, ""), `
c.Enter("B", "b")
if x := v.B; x > 2 {
	c.Range("-1000", "2.5")
}
c.Leave()`},
		{"impossible range", shape("L", ir.LongType, ir.Traits{Range: bounds("1e30", "")}),
			member("l", sid("L"), false, ir.Traits{}, ""), `
c.Enter("L", "l")
c.Range("1e30", "")
c.Leave()`},
		{"double", shape("D", ir.DoubleType, ir.Traits{Range: bounds("", "0.1")}),
			member("d", sid("D"), true, ir.Traits{}, ""), `
if v.D != nil {
	c.Enter("D", "d")
	if x := float64(*v.D); !(x <= 0.1) {
		c.Range("", "0.1")
	}
	c.Leave()
}`},
		{"big decimal", shape("BD", ir.BigDecimalType, ir.Traits{Range: bounds("0", "")}),
			member("bd", sid("BD"), true, ir.Traits{}, ""), `
if v.Bd != nil {
	c.Enter("Bd", "bd")
	if !validation.InRangeBigFloat(v.Bd, "0", "") {
		c.Range("0", "")
	}
	c.Leave()
}`},
		{"required enum", nil,
			member("size", sid("Size"), false, ir.Traits{Required: true}, ""), `
if len(v.Size) == 0 {
	c.Required("Size", "size")
} else {
	c.Enter("Size", "size")
	if !isKnownSize(v.Size) {
		c.Enum("small", "large")
	}
	c.Leave()
}`},
		{"label without length trait", nil,
			labelMember(member("name", "smithy.api#String", true, ir.Traits{Required: true}, "")), `
if v.Name == nil {
	c.Required("Name", "name")
} else {
	c.Enter("Name", "name")
	if n := validation.StringLength(*v.Name); n < 1 {
		c.Length(n, "1", "")
	}
	c.Leave()
}`},
		{"pattern Go cannot compile", nil,
			member("evil", sid("Evil"), true, ir.Traits{}, ""), "if v.Evil != nil {\n\tc.Enter(\"Evil\", \"evil\")\n\t// The pattern `(?<=a)b` is not checked: Go's regexp cannot compile it (error parsing regexp: invalid named capture: `(?<=a)b`).\n\tc.Leave()\n}"},
		{"unique timestamps in a sparse list", shape("Times", ir.ListType, ir.Traits{UniqueItems: true, Sparse: true},
			member("member", "smithy.api#Timestamp", true, ir.Traits{}, "")),
			member("times", sid("Times"), false, ir.Traits{}, ""), `
if v.Times != nil {
	c.Enter("Times", "times")
	if !validation.UniqueDeep(v.Times) {
		c.Unique()
	}
	c.Leave()
}`},
		{"no constraint", nil, member("when", "smithy.api#Timestamp", true, ir.Traits{}, ""), ``},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := testModel()
			if tt.shape != nil {
				m.Add(tt.shape)
			}
			tt.member.ID = "example.things#T$" + ir.ShapeID(tt.member.Name)
			got := renderChecks(t, m, tt.member)
			if got != strings.TrimSpace(tt.want) {
				t.Errorf("got\n%s\n\nwant\n%s", got, strings.TrimSpace(tt.want))
			}
		})
	}
}

func labelMember(mem *ir.Member) *ir.Member {
	mem.Binding = ir.BindLabel
	return mem
}

func TestIntRange(t *testing.T) {
	g := newTestGen()
	tests := []struct {
		min, max       string
		typ            ir.ShapeType
		wantMin, wantM intSide
	}{
		{"2", "8", ir.IntegerType, intSide{present: true, value: 2}, intSide{present: true, value: 8}},
		{"-2.5", "-2.5", ir.IntegerType, intSide{present: true, value: -2}, intSide{present: true, value: -3}},
		{"2.5", "", ir.ShortType, intSide{present: true, value: 3}, intSide{}},
		{"-200", "200", ir.ByteType, intSide{}, intSide{}},
		{"", "-129", ir.ByteType, intSide{}, intSide{present: true, never: true}},
		{"9223372036854775808", "", ir.LongType, intSide{present: true, never: true}, intSide{}},
	}
	for _, tt := range tests {
		min, max := g.intRange(bounds(tt.min, tt.max), tt.typ, ir.Pos{}, "x")
		if min != tt.wantMin || max != tt.wantM {
			t.Errorf("intRange(%q, %q, %s) = %+v, %+v; want %+v, %+v", tt.min, tt.max, tt.typ, min, max, tt.wantMin, tt.wantM)
		}
	}
	if err := g.errs.Err(); err != nil {
		t.Fatal(err)
	}
}

func TestRequiredValidator(t *testing.T) {
	g := newTestGen()
	v := &vgen{gen: g, patterns: map[string]string{}, enums: map[ir.ShapeID]bool{}}
	got := renderBody(t, g, g.cfg.ImportPath, "things", func(f *jen.File) {
		v.f = f
		v.genTypeRequired(g.m.Shape(sid("Choice")))
	})
	diffText(t, "validateChoice", got, `
func validateChoice(v types.Choice) error {
	if v == nil {
		return nil
	}
	invalidParams := smithy.InvalidParamsError{Context: "Choice"}
	switch uv := v.(type) {
	case *types.ChoiceMemberThing:
		if err := validateThing(&uv.Value); err != nil {
			invalidParams.AddNested("[thing]", err.(smithy.InvalidParamsError))
		}
	}
	if invalidParams.Len() > 0 {
		return invalidParams
	}
	return nil
}`)
}
