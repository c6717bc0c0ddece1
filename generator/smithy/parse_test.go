package smithy

import (
	"slices"
	"testing"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

func TestParseShapes(t *testing.T) {
	tests := []struct {
		name  string
		shape string // one entry of "shapes"
		want  string // shapeString of the shape "ns#S"
	}{
		{"blob", `"ns#S": {"type": "blob"}`, "blob ns#S"},
		{"boolean", `"ns#S": {"type": "boolean"}`, "boolean ns#S"},
		{"string", `"ns#S": {"type": "string", "traits": {"smithy.api#pattern": "^a$"}}`, `string ns#S traits[smithy.api#pattern="^a$"]`},
		{"byte", `"ns#S": {"type": "byte"}`, "byte ns#S"},
		{"short", `"ns#S": {"type": "short"}`, "short ns#S"},
		{"integer", `"ns#S": {"type": "integer"}`, "integer ns#S"},
		{"long", `"ns#S": {"type": "long"}`, "long ns#S"},
		{"float", `"ns#S": {"type": "float"}`, "float ns#S"},
		{"double", `"ns#S": {"type": "double"}`, "double ns#S"},
		{"bigInteger", `"ns#S": {"type": "bigInteger"}`, "bigInteger ns#S"},
		{"bigDecimal", `"ns#S": {"type": "bigDecimal"}`, "bigDecimal ns#S"},
		{"timestamp", `"ns#S": {"type": "timestamp"}`, "timestamp ns#S"},
		{"document", `"ns#S": {"type": "document"}`, "document ns#S"},
		{
			"enum with and without target",
			`"ns#S": {"type": "enum", "members": {
				"B": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "b"}},
				"A": {"traits": {"smithy.api#enumValue": "a"}}}}`,
			`enum ns#S B:B->smithy.api#Unit[smithy.api#enumValue="b"] A:A->smithy.api#Unit[smithy.api#enumValue="a"]`,
		},
		{
			"intEnum",
			`"ns#S": {"type": "intEnum", "members": {"TWO": {"traits": {"smithy.api#enumValue": 2}}, "ONE": {"traits": {"smithy.api#enumValue": 1}}}}`,
			`intEnum ns#S TWO:TWO->smithy.api#Unit[smithy.api#enumValue=2] ONE:ONE->smithy.api#Unit[smithy.api#enumValue=1]`,
		},
		{"list", `"ns#S": {"type": "list", "member": {"target": "smithy.api#String"}}`, "list ns#S member:member->smithy.api#String"},
		{"set", `"ns#S": {"type": "set", "member": {"target": "ns#T", "traits": {"ns#t": {}}}}`, "set ns#S member:member->ns#T[ns#t={}]"},
		{
			"map",
			`"ns#S": {"type": "map", "value": {"target": "ns#V"}, "key": {"target": "ns#K"}}`,
			"map ns#S key:key->ns#K value:value->ns#V",
		},
		{
			"structure members in document order",
			`"ns#S": {"type": "structure", "members": {"zeta": {"target": "ns#Z"}, "alpha": {"target": "ns#A", "traits": {"smithy.api#required": {}}}, "mid": {"target": "ns#M"}}}`,
			"structure ns#S zeta:zeta->ns#Z alpha:alpha->ns#A[smithy.api#required={}] mid:mid->ns#M",
		},
		{"empty structure", `"ns#S": {"type": "structure"}`, "structure ns#S"},
		{
			"union",
			`"ns#S": {"type": "union", "members": {"b": {"target": "ns#B"}, "a": {"target": "ns#A"}}}`,
			"union ns#S b:b->ns#B a:a->ns#A",
		},
		{
			"mixins",
			`"ns#S": {"type": "structure", "mixins": [{"target": "ns#M2"}, {"target": "ns#M1"}], "members": {}}`,
			"structure ns#S mixins[ns#M2 ns#M1]",
		},
		{
			"operation",
			`"ns#S": {"type": "operation", "input": {"target": "ns#In"}, "output": {"target": "ns#Out"}, "errors": [{"target": "ns#E2"}, {"target": "ns#E1"}]}`,
			"operation ns#S in=ns#In out=ns#Out errors[ns#E2 ns#E1]",
		},
		{
			"operation with unit input and output",
			`"ns#S": {"type": "operation", "input": {"target": "smithy.api#Unit"}, "output": {"target": "smithy.api#Unit"}}`,
			"operation ns#S",
		},
		{
			"service",
			`"ns#S": {"type": "service", "version": "2020-01-01", "operations": [{"target": "ns#B"}, {"target": "ns#A"}],
				"resources": [{"target": "ns#R"}], "errors": [{"target": "ns#E"}],
				"rename": {"other#Zed": "OtherZed", "other#Abc": "OtherAbc"}}`,
			"service ns#S errors[ns#E] version=2020-01-01 ops[ns#B ns#A] resources[ns#R] rename(other#Zed=OtherZed) rename(other#Abc=OtherAbc)",
		},
		{
			"resource",
			`"ns#S": {"type": "resource",
				"identifiers": {"zid": {"target": "ns#Z"}, "aid": {"target": "ns#A"}},
				"properties": {"p": {"target": "ns#P"}},
				"list": {"target": "ns#L"}, "read": {"target": "ns#G"}, "create": {"target": "ns#C"},
				"update": {"target": "ns#U"}, "delete": {"target": "ns#D"}, "put": {"target": "ns#P"},
				"operations": [{"target": "ns#O"}], "collectionOperations": [{"target": "ns#CO"}],
				"resources": [{"target": "ns#Child"}]}`,
			"resource ns#S ops[ns#O] resources[ns#Child] id(zid=ns#Z) id(aid=ns#A) prop(p=ns#P) " +
				"life(create=ns#C) life(put=ns#P) life(read=ns#G) life(update=ns#U) life(delete=ns#D) life(list=ns#L) collectionOps[ns#CO]",
		},
		{
			"unknown properties are ignored",
			`"ns#S": {"type": "string", "x-extra": [1, 2], "members": 3}`,
			"string ns#S",
		},
		{
			"duplicate keys: last value, first place",
			`"ns#S": {"type": "blob", "type": "structure", "members": {"a": {"target": "ns#A"}, "b": {"target": "ns#B"}, "a": {"target": "ns#A2"}}}`,
			"structure ns#S a:a->ns#A2 b:b->ns#B",
		},
		{
			"underscored and dotted IDs",
			`"a.b_c.d9#S": {"type": "structure", "members": {"_x": {"target": "a.b_c.d9#S"}}}`,
			"structure a.b_c.d9#S _x:_x->a.b_c.d9#S",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := mustParse(t, model(tt.shape))
			if len(m.Shapes()) != 1 {
				t.Fatalf("got %d shapes, want 1", len(m.Shapes()))
			}
			if got := shapeString(m.Shapes()[0]); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestParseModel(t *testing.T) {
	src := `{
  "smithy": "2.0",
  "metadata": {"suppressions": [{"id": "X", "namespace": "*"}], "b": 1, "a": "z"},
  "shapes": {
    "ns#B": {"type": "string"},
    "ns#A": {"type": "structure", "members": {"x": {"target": "ns#B"}}},
    "ns#A$x": {"type": "apply", "traits": {"smithy.api#documentation": "doc x"}},
    "ns#B": {"type": "blob"},
    "other#C": {"type": "apply", "traits": {"smithy.api#sensitive": {}, "smithy.api#since": "1"}}
  },
  "unknown": {"ignored": true}
}`
	m := mustParse(t, src)
	if m.File != "t.json" || m.Version != "2.0" {
		t.Errorf("File, Version = %q, %q", m.File, m.Version)
	}
	var got []string
	for _, s := range m.Shapes() {
		got = append(got, shapeString(s))
	}
	want := []string{"structure ns#A x:x->ns#B", "blob ns#B"}
	if !slices.Equal(got, want) {
		t.Errorf("shapes:\ngot  %q\nwant %q", got, want)
	}
	meta := nodeString(ir.Node{Kind: ir.ObjectNode, Fields: m.Metadata})
	if wantMeta := `{"suppressions":[{"id":"X","namespace":"*"}],"b":1,"a":"z"}`; meta != wantMeta {
		t.Errorf("metadata = %s, want %s", meta, wantMeta)
	}
	var applies []string
	for _, a := range m.Applies {
		applies = append(applies, string(a.Target)+" "+traitsString(ir.Traits{Raw: a.Traits}))
	}
	wantApplies := []string{`ns#A$x smithy.api#documentation="doc x"`, `other#C smithy.api#sensitive={} smithy.api#since="1"`}
	if !slices.Equal(applies, wantApplies) {
		t.Errorf("applies:\ngot  %q\nwant %q", applies, wantApplies)
	}
}

func TestParseVersions(t *testing.T) {
	for _, v := range []string{"2", "2.0", "1", "1.0"} {
		m := mustParse(t, `{"smithy": "`+v+`", "shapes": {}}`)
		if m.Version != v {
			t.Errorf("Version = %q, want %q", m.Version, v)
		}
	}
	m := mustParse(t, `{"smithy": "2.0"}`)
	if len(m.Shapes()) != 0 || m.Metadata != nil || m.Applies != nil {
		t.Errorf("empty model: got %d shapes, metadata %v, applies %v", len(m.Shapes()), m.Metadata, m.Applies)
	}
}

func TestParseTraitValues(t *testing.T) {
	tests := []struct {
		name, value, want string
		kind              ir.NodeKind
	}{
		{"null", `null`, `null`, ir.NullNode},
		{"true", `true`, `true`, ir.BoolNode},
		{"false", `false`, `false`, ir.BoolNode},
		{"integer", `42`, `42`, ir.NumberNode},
		{"negative", `-7`, `-7`, ir.NumberNode},
		{"number literal kept", `1.50`, `1.50`, ir.NumberNode},
		{"exponent kept", `1e400`, `1e400`, ir.NumberNode},
		{"big integer kept", `123456789012345678901234567890`, `123456789012345678901234567890`, ir.NumberNode},
		{"string", `"a\"b\\c\u00e9\n"`, `"a\"b\\cé\n"`, ir.StringNode},
		{"empty string", `""`, `""`, ir.StringNode},
		{"array", `[1, "x", [], {}, null, false]`, `[1,"x",[],{},null,false]`, ir.ArrayNode},
		{"empty array", `[]`, `[]`, ir.ArrayNode},
		{"object order", `{"z": 1, "a": {"y": [true], "b": null}, "m": "s"}`, `{"z":1,"a":{"y":[true],"b":null},"m":"s"}`, ir.ObjectNode},
		{"object duplicate keys", `{"a": 1, "b": 2, "a": 3}`, `{"a":3,"b":2}`, ir.ObjectNode},
		{"escaped key", `{"k\"ey": 1}`, `{"k\"ey":1}`, ir.ObjectNode},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := mustParse(t, model(`"ns#S": {"type": "string", "traits": {"ns#t": `+tt.value+`}}`))
			tr, ok := m.Shape("ns#S").Traits.Get("ns#t")
			if !ok {
				t.Fatal("trait ns#t missing")
			}
			if tr.Value.Kind != tt.kind {
				t.Errorf("kind = %s, want %s", tr.Value.Kind, tt.kind)
			}
			if got := nodeString(tr.Value); got != tt.want {
				t.Errorf("value = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestParseTraitOrder(t *testing.T) {
	m := mustParse(t, model(`"ns#S": {"type": "structure", "traits": {"ns#z": 1, "smithy.api#documentation": "d", "ns#a": {"k": [1, 2.0]}}}`))
	got := traitsString(m.Shape("ns#S").Traits)
	want := `ns#z=1 smithy.api#documentation="d" ns#a={"k":[1,2.0]}`
	if got != want {
		t.Errorf("traits = %s, want %s", got, want)
	}
}
