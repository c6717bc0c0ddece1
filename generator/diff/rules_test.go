package diff

import (
	"testing"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

func TestNodeText(t *testing.T) {
	str := func(s string) ir.Node { return ir.Node{Kind: ir.StringNode, Str: s} }
	num := func(s string) ir.Node { return ir.Node{Kind: ir.NumberNode, Str: s} }
	obj := func(fs ...ir.Field) ir.Node { return ir.Node{Kind: ir.ObjectNode, Fields: fs} }
	arr := func(items ...ir.Node) ir.Node { return ir.Node{Kind: ir.ArrayNode, Items: items} }
	tests := []struct {
		name string
		n    ir.Node
		want string
	}{
		{"null", ir.Node{}, "null"},
		{"bool", ir.Node{Kind: ir.BoolNode, Bool: true}, "true"},
		{"number", num("1.5"), "1.5"},
		{"string", str(`a"b`), `"a\"b"`},
		{"array keeps order", arr(num("2"), num("1")), "[2,1]"},
		{"object keys sorted", obj(ir.Field{Key: "b", Value: num("1")}, ir.Field{Key: "a", Value: arr()}), `{"a":[],"b":1}`},
		{"positions ignored", ir.Node{Kind: ir.StringNode, Str: "x", Pos: ir.Pos{File: "f", Line: 3}}, `"x"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := nodeText(tt.n); got != tt.want {
				t.Errorf("nodeText = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestCountRules(t *testing.T) {
	rule := func(children ...ir.Node) ir.Node {
		if len(children) == 0 {
			return ir.Node{Kind: ir.ObjectNode}
		}
		return ir.Node{Kind: ir.ObjectNode, Fields: []ir.Field{{Key: "rules", Value: ir.Node{Kind: ir.ArrayNode, Items: children}}}}
	}
	tests := []struct {
		name string
		rs   ir.Node
		want int
	}{
		{"no rules", ir.Node{Kind: ir.ObjectNode}, 0},
		{"flat", rule(rule(), rule()), 2},
		{"tree", rule(rule(rule(), rule(rule())), rule()), 5},
	}
	for _, tt := range tests {
		if got := countRules(tt.rs); got != tt.want {
			t.Errorf("%s: countRules = %d, want %d", tt.name, got, tt.want)
		}
	}
}
