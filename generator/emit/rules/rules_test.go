package rules

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"
	"github.com/eksauthgen/eksauthgen/generator/ir"
)

func TestParseTemplate(t *testing.T) {
	tests := []struct {
		in      string
		want    []templatePart
		wantErr bool
	}{
		{"plain", []templatePart{{lit: "plain"}}, false},
		{"", nil, false},
		{"https://{Region}.{P#dnsSuffix}", []templatePart{{lit: "https://"}, {name: "Region"}, {lit: "."}, {name: "P", path: "dnsSuffix"}}, false},
		{"{{literal}}", []templatePart{{lit: "{literal}"}}, false},
		{"a{x#resourceId[0]}", []templatePart{{lit: "a"}, {name: "x", path: "resourceId[0]"}}, false},
		{"{unclosed", nil, true},
		{"stray}", nil, true},
		{"{bad name}", nil, true},
		{"{x#}", nil, true},
	}
	for _, tt := range tests {
		got, err := parseTemplate(tt.in)
		if (err != nil) != tt.wantErr || !tt.wantErr && !reflect.DeepEqual(got, tt.want) {
			t.Errorf("parseTemplate(%q) = %+v, %v; want %+v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

// ruleSetJSON wraps rules (a JSON array) in a rule set with parameters
// Region (optional string), UseFIPS (boolean, default false) and Names
// (optional stringArray).
func ruleSetJSON(rules string) string {
	return `{"version": "1.0",
"parameters": {
 "Region": {"type": "string", "builtIn": "AWS::Region", "documentation": "The region."},
 "UseFIPS": {"type": "Boolean", "required": true, "default": false},
 "Names": {"type": "stringArray"}
},
"rules": ` + rules + `}`
}

// generate compiles a rule set and renders the file.
func generate(t *testing.T, ruleSet string) (string, error) {
	t.Helper()
	f := jen.NewFile("svc")
	if err := Generate(f, parseNode(t, []byte(ruleSet)), Config{Shape: "test#Svc"}); err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		t.Fatalf("render: %v", err)
	}
	return buf.String(), nil
}

func TestGenerateErrors(t *testing.T) {
	tests := []struct {
		name, rules string
		want        []string // each error's "line:col: test#Svc: endpoint rules: ..." part
	}{
		{"unknown function", `[
{"conditions": [{"fn": "frobnicate", "argv": []}], "error": "x", "type": "error"}]`,
			[]string{`test.json:8:17: test#Svc: endpoint rules: unknown function "frobnicate"`}},
		{"unknown reference", `[
{"conditions": [], "endpoint": {"url": {"ref": "Nope"}}, "type": "endpoint"}]`,
			[]string{`test.json:8:40: test#Svc: endpoint rules: unknown reference "Nope"`}},
		{"wrong arity", `[
{"conditions": [{"fn": "isSet", "argv": [{"ref": "Region"}, true]}], "error": "x", "type": "error"}]`,
			[]string{`test.json:8:17: test#Svc: endpoint rules: function isSet: want 1 arguments, got 2`}},
		{"wrong argument type", `[
{"conditions": [{"fn": "stringEquals", "argv": [{"ref": "UseFIPS"}, "a"]}], "error": "x", "type": "error"}]`,
			[]string{`argument 1 of stringEquals: want string, got boolean`}},
		{"optional in endpoint", `[
{"conditions": [], "endpoint": {"url": "https://{Region}.example.com"}, "type": "endpoint"}]`,
			[]string{`template {Region} may be unset here; use isSet or assign`}},
		{"bad attribute", `[
{"conditions": [{"fn": "aws.partition", "argv": ["x"], "assign": "p"}], "error": "{p#nope}", "type": "error"}]`,
			[]string{`getAttr: partition has no attribute "nope"`}},
		{"bad template and bad rule type, all reported", `[
{"conditions": [], "error": "{oops", "type": "error"},
{"conditions": [], "type": "maybe"}]`,
			[]string{`test.json:8:29: test#Svc: endpoint rules: template "{oops": unclosed '{'`, `test.json:9:28: test#Svc: endpoint rules: rule: want type "endpoint", "error" or "tree", got "maybe"`}},
		{"index on a string", `[
{"conditions": [{"fn": "getAttr", "argv": [{"ref": "UseFIPS"}, "[0]"]}], "error": "x", "type": "error"}]`,
			[]string{`getAttr: cannot index boolean`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := generate(t, ruleSetJSON(tt.rules))
			if err == nil {
				t.Fatal("want an error")
			}
			lines := strings.Split(err.Error(), "\n")
			if len(lines) != len(tt.want) {
				t.Fatalf("got %d errors, want %d:\n%v", len(lines), len(tt.want), err)
			}
			for i, w := range tt.want {
				if !strings.Contains(lines[i], w) {
					t.Errorf("error %d = %q, want it to contain %q", i, lines[i], w)
				}
			}
		})
	}
}

func TestGenerateParamErrors(t *testing.T) {
	tests := []struct{ params, want string }{
		{`{"A": {"type": "integer"}}`, `parameter "A": want type string, boolean or stringArray, got "integer"`},
		{`{"a": {"type": "string"}, "A": {"type": "string"}}`, `parameters "a" and "A" have the same Go name A`},
		{`{"A": {"type": "boolean", "default": "yes"}}`, `parameter "A": default string does not match type boolean`},
		{`{"a-b": {"type": "string"}}`, `parameter "a-b": not an identifier`},
	}
	for _, tt := range tests {
		_, err := generate(t, `{"parameters": `+tt.params+`, "rules": []}`)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("parameters %s: error %v, want %q", tt.params, err, tt.want)
		}
	}
}

func TestGenerateCode(t *testing.T) {
	tests := []struct {
		name, rules string
		want        []string // fragments of the rendered file, in order
		notWant     []string
	}{
		{"isSet narrows, booleanEquals simplifies", `[
{"conditions": [{"fn": "isSet", "argv": [{"ref": "Region"}]},
  {"fn": "booleanEquals", "argv": [{"ref": "UseFIPS"}, false]}],
 "endpoint": {"url": "https://{Region}.example.com", "headers": {"x-a": ["1", "{Region}"]}}, "type": "endpoint"},
{"conditions": [], "error": "no region", "type": "error"}]`,
			[]string{
				"if params.Region != nil {",
				"if !*params.UseFIPS {",
				`return endpoints.New("https://"+*params.Region+".example.com", http.Header{"X-A": {"1", *params.Region}}, smithy.Properties{})`,
				`return endpoint, fmt.Errorf("endpoint rule error, %s", "no region")`,
			},
			[]string{"no rules matched"}},
		{"optional argument gets a guard; unused always-set value is dropped", `[
{"conditions": [{"fn": "aws.parseArn", "argv": [{"ref": "Region"}]},
  {"fn": "uriEncode", "argv": ["a b"], "assign": "unused"},
  {"fn": "getAttr", "argv": [{"ref": "Names"}, "[1]"], "assign": "second"}],
 "error": "second is {second}", "type": "error"}]`,
			[]string{
				"if params.Region != nil {",
				"if endpoints.ParseARN(*params.Region) != nil {",
				"if params.Names != nil {",
				"if _second := endpoints.Index(params.Names, 1); _second != nil {",
				`"second is "+*_second`,
				`fmt.Errorf("endpoint rule error, no rules matched the endpoint parameters")`,
			},
			[]string{"_unused", "URIEncode"}},
		{"always-set value in use is declared in its own block", `[
{"conditions": [{"fn": "uriEncode", "argv": ["a b"], "assign": "enc"}], "error": "{enc}", "type": "error"}]`,
			[]string{"{\n\t\t_enc := endpoints.URIEncode(\"a b\")", "return endpoint, fmt.Errorf(\"endpoint rule error, %s\", _enc)\n\t}\n}"},
			[]string{"no rules matched"}},
		{"tree without a catch-all fails", `[
{"conditions": [{"fn": "isSet", "argv": [{"ref": "Region"}]}], "type": "tree", "rules": [
  {"conditions": [{"fn": "stringEquals", "argv": [{"ref": "Region"}, "local"]}], "endpoint": {"url": "http://localhost"}, "type": "endpoint"}]}]`,
			[]string{
				`if *params.Region == "local" {`,
				`fmt.Errorf("endpoint rule error, no rules matched the endpoint parameters")` + "\n\t}",
			},
			nil},
		{"nested optional results use temporaries", `[
{"conditions": [{"fn": "stringEquals", "argv": [{"fn": "getAttr", "argv": [{"fn": "aws.parseArn", "argv": ["arn:a:b:c:d:e"]}, "resourceId[0]"]}, "e"]}],
 "endpoint": {"url": "https://x", "properties": {"authSchemes": [{"name": "sigv4", "signingName": "svc", "disableDoubleEncoding": true, "extra": 1}], "k": [true, "v"]}}, "type": "endpoint"}]`,
			[]string{
				`if v1 := endpoints.ParseARN("arn:a:b:c:d:e"); v1 != nil {`,
				`if v2 := endpoints.Index(v1.ResourceID, 0); v2 != nil {`,
				`if *v2 == "e" {`,
				`SchemeID: "aws.auth#sigv4"`,
				`smithyhttp.SetSigV4SigningName(&sp, "svc")`,
				`smithyhttp.SetDisableDoubleEncoding(&sp, true)`,
				`sp.Set("extra", 1)`,
				`out.Set("k", []any{true, "v"})`,
			},
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := generate(t, ruleSetJSON(tt.rules))
			if err != nil {
				t.Fatal(err)
			}
			rest := src
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("missing (or out of order) %q in:\n%s", w, src)
				}
				rest = rest[i+len(w):]
			}
			for _, nw := range tt.notWant {
				if strings.Contains(src, nw) {
					t.Errorf("unexpected %q in:\n%s", nw, src)
				}
			}
		})
	}
}

func TestGenerateParams(t *testing.T) {
	src, err := generate(t, ruleSetJSON(`[]`))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{
		"\t// The region.\n\t//\n\t// AWS::Region\n\tRegion *string\n",
		"\t// Parameter is required.\n\t//\n\t// Defaults to false if no value is provided.\n\tUseFIPS *bool\n",
		"\tNames []string\n",
		"if p.UseFIPS == nil {\n\t\treturn fmt.Errorf(\"parameter UseFIPS is required\")",
		"if p.UseFIPS == nil {\n\t\tp.UseFIPS = ptr.Bool(false)",
	} {
		if !strings.Contains(src, w) {
			t.Errorf("missing %q in:\n%s", w, src)
		}
	}
	if strings.Contains(src, "p.Region == nil") {
		t.Error("optional Region is validated or defaulted")
	}
}

func TestParams(t *testing.T) {
	ps, err := Params(parseNode(t, []byte(ruleSetJSON(`[]`))), "test#Svc")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range ps {
		got = append(got, p.Name+"/"+p.GoName+"/"+p.BuiltIn)
	}
	want := []string{"Region/Region/AWS::Region", "UseFIPS/UseFIPS/", "Names/Names/"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Params = %v, want %v", got, want)
	}
	if ps[1].Type != BooleanParam || !ps[1].Required || ps[1].Default == nil || ps[2].Type != StringArrayParam {
		t.Errorf("Params types/required/default wrong: %+v %+v", ps[1], ps[2])
	}
	if _, err := Params(parseNode(t, []byte(`{"parameters": {"X": {"type": "int"}}}`)), "test#Svc"); err == nil {
		t.Error("Params with a bad type: want an error")
	}
}

func TestGenerateTestsErrors(t *testing.T) {
	rs := parseNode(t, []byte(ruleSetJSON(`[]`)))
	tests := []struct{ tests, want string }{
		{`{"testCases": [{"documentation": "d", "params": {"Nope": "x"}, "expect": {"error": "e"}}]}`, `endpoint test "d": unknown parameter "Nope"`},
		{`{"testCases": [{"documentation": "d", "params": {"UseFIPS": "x"}, "expect": {"error": "e"}}]}`, `parameter "UseFIPS": want a value of its type, got string`},
		{`{"testCases": [{"documentation": "d", "expect": {}}]}`, `endpoint test "d": want "expect" with "error" or "endpoint"`},
		{`{"cases": []}`, `want an array "testCases"`},
	}
	for _, tt := range tests {
		err := GenerateTests(jen.NewFile("svc"), rs, parseNode(t, []byte(tt.tests)), Config{Shape: ir.ShapeID("test#Svc")})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("GenerateTests(%s): error %v, want %q", tt.tests, err, tt.want)
		}
	}
}

func TestWrapLine(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  []string
	}{
		{"", 10, []string{""}},
		{"a b c", 10, []string{"a b c"}},
		{"aaa bbb ccc", 7, []string{"aaa bbb", "ccc"}},
		{"averyveryverylongword x", 5, []string{"averyveryverylongword", "x"}},
	}
	for _, tt := range tests {
		if got := wrapLine(tt.in, tt.width); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("wrapLine(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
		}
	}
}
