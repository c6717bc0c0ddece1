package emit

import (
	"testing"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

func TestInterpolateParams(t *testing.T) {
	vals := map[string]string{"value": `a"b`, "n": "12"}
	for _, tc := range []struct {
		in, want string
		fails    bool
	}{
		{in: "plain", want: "plain"},
		{in: "^[a-m]+$$", want: "^[a-m]+$"},
		{in: "{ \"x\": $value:S }", want: `{ "x": "a\"b" }`},
		{in: "/path/$n:L/end", want: "/path/12/end"},
		{in: "$n:L$n:L", want: "1212"},
		{in: "$missing:L", fails: true},
		{in: "$n:X", fails: true},
		{in: "trailing $", fails: true},
		{in: "$n", fails: true},
	} {
		got, err := interpolateParams(tc.in, vals)
		if tc.fails {
			if err == nil {
				t.Errorf("interpolateParams(%q) = %q, want an error", tc.in, got)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("interpolateParams(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

func TestQuoteLiteral(t *testing.T) {
	for in, want := range map[string]string{
		"abc":    `"abc"`,
		"a\\b":   `"a\\b"`,
		"tab\t":  `"tab\t"`,
		"\x01":   `"\u0001"`,
		"héllo":  `"héllo"`,
		`"q"`:    `"\"q\""`,
		"line\n": `"line\n"`,
	} {
		if got := quoteLiteral(in); got != want {
			t.Errorf("quoteLiteral(%q) = %s, want %s", in, got, want)
		}
	}
}

// node builders for the tests below.
func strNode(s string) ir.Node { return ir.Node{Kind: ir.StringNode, Str: s} }

func objNode(kv ...any) ir.Node {
	n := ir.Node{Kind: ir.ObjectNode}
	for i := 0; i+1 < len(kv); i += 2 {
		n.Fields = append(n.Fields, ir.Field{Key: kv[i].(string), Value: kv[i+1].(ir.Node)})
	}
	return n
}

func arrNode(items ...ir.Node) ir.Node { return ir.Node{Kind: ir.ArrayNode, Items: items} }

func TestReadMalformed(t *testing.T) {
	op := &ir.Shape{ID: "ns#Op"}
	c := objNode(
		"id", strNode("Case"),
		"protocol", strNode(string(ir.TraitRestJSON1)),
		"request", objNode(
			"method", strNode("POST"),
			"uri", strNode("/x/$v:L"),
			"body", strNode("{\"a\": $v:S}"),
			"headers", objNode("b", strNode("$w:L"), "a", strNode("1")),
		),
		"response", objNode(
			"code", ir.Node{Kind: ir.NumberNode, Str: "400"},
			"body", objNode("mediaType", strNode("application/json"), "assertion", objNode("contents", strNode("{\"m\": \"$v:L$$\"}"))),
		),
		"testParameters", objNode("v", arrNode(strNode("1"), strNode("2")), "w", arrNode(strNode("x"), strNode("y"))),
	)
	cases, err := readMalformed(op, decodeProtoCase(c))
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) != 2 {
		t.Fatalf("got %d cases, want 2", len(cases))
	}
	second := cases[1]
	if second.Name != "Case_2" || second.Request.URI != "/x/2" || second.Request.Body != `{"a": "2"}` {
		t.Errorf("second case: %+v", second.Request)
	}
	if len(second.Request.Headers) != 2 || second.Request.Headers[0].Name != "a" || second.Request.Headers[1].Value != "y" {
		t.Errorf("headers not sorted or not interpolated: %+v", second.Request.Headers)
	}
	if !second.Response.HasBody || second.Response.Body != `{"m": "2$"}` || second.Response.Code != 400 || second.Response.MediaType != "application/json" {
		t.Errorf("response: %+v", second.Response)
	}

	bad := objNode("id", strNode("Bad"), "request", objNode(), "response", objNode(),
		"testParameters", objNode("v", arrNode(strNode("1")), "w", arrNode(strNode("x"), strNode("y"))))
	if _, err := readMalformed(op, decodeProtoCase(bad)); err == nil {
		t.Error("parameter lists of different lengths: no error")
	}
	single := objNode("id", strNode("One"), "request", objNode("uri", strNode("/p$$/$v:L")), "response", objNode())
	cs, err := readMalformed(op, decodeProtoCase(single))
	if err != nil || len(cs) != 1 || cs[0].Name != "One" || cs[0].Request.URI != "/p$/$v:L" {
		t.Errorf("case without parameters: %+v, %v", cs, err)
	}
}
