package emit

import (
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

func TestDefaultJSON(t *testing.T) {
	s := newSerde(protoTestGen(t))
	num := func(v string) *ir.Node { return &ir.Node{Kind: ir.NumberNode, Str: v} }
	str := func(v string) *ir.Node { return &ir.Node{Kind: ir.StringNode, Str: v} }
	ts := &ir.Shape{ID: "smithy.api#Timestamp", Type: ir.TimestampType}
	tests := []struct {
		name   string
		def    *ir.Node
		format string
		t      *ir.Shape
		want   string
		ok     bool
	}{
		{"string", str(`a"b`), "", &ir.Shape{Type: ir.StringType}, `"a\"b"`, true},
		{"number", num("1.0"), "", &ir.Shape{Type: ir.FloatType}, `1.0`, true},
		{"blob as base64 text", str("YWJj"), "", &ir.Shape{Type: ir.BlobType}, `"YWJj"`, true},
		{"list", &ir.Node{Kind: ir.ArrayNode, Items: []ir.Node{*num("1")}}, "", &ir.Shape{Type: ir.ListType}, `[1]`, true},
		{"document object", &ir.Node{Kind: ir.ObjectNode, Fields: []ir.Field{{Key: "k", Value: ir.Node{Kind: ir.BoolNode, Bool: true}}}}, "", &ir.Shape{Type: ir.DocumentType}, `{"k":true}`, true},
		{"epoch", num("1.5"), "", ts, `1.5`, true},
		{"date-time", num("0"), tsDateTime, ts, `"1970-01-01T00:00:00Z"`, true},
		{"http-date", str("2019-12-16T23:48:18Z"), tsHTTPDate, ts, `"Mon, 16 Dec 2019 23:48:18 GMT"`, true},
		{"null", &ir.Node{}, "", &ir.Shape{Type: ir.StringType}, "", false},
		{"none", nil, "", &ir.Shape{Type: ir.StringType}, "", false},
	}
	for _, tt := range tests {
		mem := &ir.Member{Name: "m", ID: "x#S$m"}
		mem.Traits.Default = tt.def
		mem.Traits.TimestampFormat = tt.format
		got, ok := s.defaultJSON(mem, tt.t)
		if got != tt.want || ok != tt.ok {
			t.Errorf("%s: defaultJSON = %q, %v; want %q, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

func TestDefaultFields(t *testing.T) {
	g := protoTestGen(t)
	s := newSerde(g)
	nested := g.m.Shape("example.proto#Nested")
	fields := s.defaultFields(nested.Members, func(m *ir.Member) string { return m.GoName }, inNested)
	f := renderCode(t, jenStructLit(fields))
	if f != `struct{}{Greeting: aws.String("hi")}` {
		t.Errorf("defaultFields = %s", f)
	}
}

// jenStructLit wraps struct fields in a literal for rendering.
func jenStructLit(d jen.Dict) jen.Code { return jen.Struct().Values(d) }
