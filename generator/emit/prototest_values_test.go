package emit

import (
	"bytes"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// protoTestGen returns a gen over testdata/prototest_model.json.
func protoTestGen(t *testing.T) *gen {
	t.Helper()
	return newGen(parseTestModel(t, "testdata/prototest_model.json"), Config{Package: "proto", ImportPath: "x/proto"})
}

// renderCode renders one expression in a file of package x/other.
func renderCode(t *testing.T, c jen.Code) string {
	t.Helper()
	f := jen.NewFilePathName("x/other", "other")
	f.Var().Id("_").Op("=").Add(c)
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		t.Fatal(err)
	}
	s := buf.String()
	return strings.TrimSpace(s[strings.Index(s, "var _ = ")+len("var _ = "):])
}

// node is a shorthand for params nodes.
func node(kind ir.NodeKind, s string) ir.Node { return ir.Node{Kind: kind, Str: s} }

func TestProtoValue(t *testing.T) {
	g := protoTestGen(t)
	obj := func(fs ...ir.Field) ir.Node { return ir.Node{Kind: ir.ObjectNode, Fields: fs} }
	arr := func(items ...ir.Node) ir.Node { return ir.Node{Kind: ir.ArrayNode, Items: items} }
	tests := []struct {
		target ir.ShapeID
		v      ir.Node
		d      direction
		want   string
	}{
		{"smithy.api#String", node(ir.StringNode, "a\"b"), inInput, `"a\"b"`},
		{"smithy.api#Integer", node(ir.NumberNode, "-3"), inInput, `-3`},
		{"smithy.api#Double", node(ir.StringNode, "-Infinity"), inInput, `math.Inf(-1)`},
		{"smithy.api#Float", node(ir.StringNode, "NaN"), inInput, `float32(math.NaN())`},
		{"smithy.api#Double", node(ir.NumberNode, "1.5"), inInput, `1.5`},
		{"smithy.api#Timestamp", node(ir.NumberNode, "-1.25"), inInput, `time.Unix(-2, 750000000).UTC()`},
		{"smithy.api#Blob", node(ir.StringNode, "hi"), inInput, `[]byte("hi")`},
		{"smithy.api#BigInteger", node(ir.NumberNode, "12345678901234567890"), inInput, `prototest.BigInt("12345678901234567890")`},
		{"example.proto#Kind", node(ir.StringNode, "big"), inInput, `types.Kind("big")`},
		{"example.proto#Level", node(ir.NumberNode, "2"), inInput, `types.Level(2)`},
		{"example.proto#SparseList", arr(node(ir.StringNode, "a"), ir.Node{}), inInput, `[]*string{aws.String("a"), nil}`},
		{"example.proto#Counts", obj(ir.Field{Key: "k", Value: node(ir.NumberNode, "1")}), inInput, `map[string]int64{"k": 1}`},
		{"example.proto#Choice", obj(ir.Field{Key: "count", Value: node(ir.NumberNode, "4")}), inInput, `&types.ChoiceMemberCount{Value: 4}`},
		{"example.proto#Nested", obj(ir.Field{Key: "label", Value: node(ir.StringNode, "n")}, ir.Field{Key: "greeting"}), inInput, `types.Nested{Label: aws.String("n")}`},
		{"smithy.api#Document", obj(ir.Field{Key: "a", Value: arr(node(ir.NumberNode, "1"), ir.Node{Kind: ir.BoolNode, Bool: true})}), inInput,
			`document.NewLazyDocument(map[string]any{"a": []any{int64(1), true}})`},
	}
	for _, tt := range tests {
		code, err := g.protoValue(tt.target, tt.v, tt.d)
		if err != nil {
			t.Errorf("protoValue(%s): %v", tt.target, err)
			continue
		}
		if got := renderCode(t, code); got != tt.want {
			t.Errorf("protoValue(%s) = %s, want %s", tt.target, got, tt.want)
		}
	}
}

func TestProtoValueErrors(t *testing.T) {
	g := protoTestGen(t)
	for _, tt := range []struct {
		target ir.ShapeID
		v      ir.Node
		want   string
	}{
		{"smithy.api#Integer", node(ir.StringNode, "x"), "want an integer"},
		{"smithy.api#Boolean", node(ir.NumberNode, "1"), "want a boolean"},
		{"example.proto#Nested", ir.Node{Kind: ir.ObjectNode, Fields: []ir.Field{{Key: "nope", Value: node(ir.StringNode, "x")}}}, `has no member "nope"`},
		{"example.proto#Choice", ir.Node{Kind: ir.ObjectNode}, "an object with one member"},
		{"example.proto#Missing", node(ir.StringNode, "x"), "not found"},
	} {
		_, err := g.protoValue(tt.target, tt.v, inInput)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("protoValue(%s, %v) error = %v, want %q", tt.target, tt.v, err, tt.want)
		}
	}
}

func TestProtoInputOutputError(t *testing.T) {
	g := protoTestGen(t)
	op := g.m.Shape("example.proto#PutThing")
	in, err := g.protoInput(op, g.protoDummy(op.Input, 0))
	if err != nil {
		t.Fatal(err)
	}
	if got := renderCode(t, in); got != `&proto.PutThingInput{Name: aws.String("a")}` {
		t.Errorf("dummy input = %s", got)
	}
	out, err := g.protoOutput(op, ir.Node{Kind: ir.ObjectNode, Fields: []ir.Field{{Key: "id", Value: node(ir.StringNode, "i")}}})
	if err != nil {
		t.Fatal(err)
	}
	if got := renderCode(t, out); got != `&proto.PutThingOutput{Id: aws.String("i")}` {
		t.Errorf("output = %s", got)
	}
	e, err := g.protoError(g.m.Shape("example.proto#Oops"), ir.Node{Kind: ir.ObjectNode, Fields: []ir.Field{{Key: "message", Value: node(ir.StringNode, "m")}}})
	if err != nil {
		t.Fatal(err)
	}
	if got := renderCode(t, e); got != `&types.Oops{Message: aws.String("m")}` {
		t.Errorf("error = %s", got)
	}
	if got := g.protoErrorOperation(g.m.Shape("example.proto#Oops")); got != op {
		t.Errorf("protoErrorOperation = %v", got)
	}
	cases := g.protoCases(op, ir.TraitHTTPRequestTests, sideClient)
	if len(cases) != 1 || cases[0].ID != "ProtoPutThingRequest" || cases[0].Method != "POST" || !cases[0].HasBody || len(cases[0].QueryParams) != 2 {
		t.Errorf("client request cases %+v", cases)
	}
	if cases := g.protoCases(op, ir.TraitHTTPRequestTests, sideServer); len(cases) != 2 {
		t.Errorf("server request cases: %d, want 2", len(cases))
	}
}
