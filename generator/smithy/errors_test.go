package smithy

import (
	"fmt"
	"strings"
	"testing"
)

// wantErr is one expected error: at the first occurrence of needle in the
// source, about shape, with a message containing msg.
type wantErr struct {
	needle, shape, msg string
}

// checkErrors parses src and compares the reported errors with want, in
// order.
func checkErrors(t *testing.T, src string, want []wantErr) {
	t.Helper()
	m, err := Parse([]byte(src), "t.json")
	if err == nil {
		t.Fatalf("no error; want %d", len(want))
	}
	if m != nil {
		t.Error("a model was returned with the error")
	}
	got := strings.Split(err.Error(), "\n")
	if len(got) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%s", len(got), len(want), err)
	}
	for i, w := range want {
		prefix := posOf(t, src, w.needle).String() + ": "
		if w.shape != "" {
			prefix += w.shape + ": "
		}
		if !strings.HasPrefix(got[i], prefix) || !strings.Contains(got[i][len(prefix):], w.msg) {
			t.Errorf("error %d:\ngot  %s\nwant %s...%s...", i, got[i], prefix, w.msg)
		}
	}
}

func TestParseStructuralErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []wantErr
	}{
		{"top level not an object", ` [1]`, []wantErr{{"[1]", "", "model: expected a JSON object, found an array"}}},
		{"missing version", `{"shapes": {}}`, []wantErr{{`{"shapes"`, "", `missing "smithy" version`}}},
		{"version not a string", `{"smithy": 2}`, []wantErr{{"2}", "", `"smithy": expected a version string, found a number`}}},
		{"unsupported version", `{"smithy": "3.0"}`, []wantErr{{`"3.0"`, "", `unsupported version "3.0"`}}},
		{"metadata not an object", `{"smithy": "2.0", "metadata": [1]}`, []wantErr{{"[1]", "", `"metadata": expected an object, found an array`}}},
		{"shapes not an object", `{"smithy": "2.0", "shapes": []}`, []wantErr{{"[]", "", `"shapes": expected an object of shapes by ID, found an array`}}},
		{"shape not an object", model(`"ns#A": "string"`), []wantErr{{`"string"`, "ns#A", "shape: expected an object, found a string"}}},
		{"missing type", model(`"ns#A": {"members": {}}`), []wantErr{{`"ns#A"`, "ns#A", `missing "type": expected one of blob,`}}},
		{"type not a string", model(`"ns#A": {"type": null}`), []wantErr{{"null", "ns#A", `"type": expected a string, found null`}}},
		{"unknown type", model(`"ns#A": {"type": "widget"}`), []wantErr{{`"widget"`, "ns#A", `unknown shape type "widget": expected one of`}}},
		{"member is not a shape type", model(`"ns#A": {"type": "member"}`), []wantErr{{`"member"`, "ns#A", `unknown shape type "member"`}}},
		{"relative shape ID", model(`"A": {"type": "string"}`), []wantErr{{`"A"`, "A", `invalid shape ID "A": expected an absolute shape ID`}}},
		{"empty name", model(`"ns#": {"type": "string"}`), []wantErr{{`"ns#"`, "ns#", "invalid shape ID"}}},
		{"empty namespace part", model(`"a..b#A": {"type": "string"}`), []wantErr{{`"a..b#A"`, "a..b#A", "invalid shape ID"}}},
		{"digit first", model(`"ns#1A": {"type": "string"}`), []wantErr{{`"ns#1A"`, "ns#1A", "invalid shape ID"}}},
		{"only underscore", model(`"ns#_": {"type": "string"}`), []wantErr{{`"ns#_"`, "ns#_", "invalid shape ID"}}},
		{"member ID as a shape", model(`"ns#A$b": {"type": "string"}`), []wantErr{{`"ns#A$b"`, "ns#A$b", "invalid shape ID"}}},
		{"bad apply target", model(`"ns#A$b$c": {"type": "apply", "traits": {}}`), []wantErr{{`"ns#A$b$c"`, "ns#A$b$c", "invalid apply target"}}},
		{"members is an array", model(`"ns#A": {"type": "structure", "members": []}`), []wantErr{{"[]", "ns#A", `"members": expected an object of members by name, found an array`}}},
		{"member not an object", model(`"ns#A": {"type": "union", "members": {"a": "ns#B"}}`), []wantErr{{`"ns#B"`, "ns#A$a", "member: expected an object, found a string"}}},
		{"member without target", model(`"ns#A": {"type": "structure", "members": {"a": {"traits": {}}}}`), []wantErr{{`"a"`, "ns#A$a", `member: missing "target"`}}},
		{"member target not a string", model(`"ns#A": {"type": "structure", "members": {"a": {"target": 5}}}`), []wantErr{{"5}", "ns#A$a", `"target": expected a shape ID string, found a number`}}},
		{"member target relative", model(`"ns#A": {"type": "structure", "members": {"a": {"target": "String"}}}`), []wantErr{{`"String"`, "ns#A$a", `"target": expected an absolute shape ID "namespace#Name", found "String"`}}},
		{"bad member name", model(`"ns#A": {"type": "structure", "members": {"a-b": {"target": "ns#B"}}}`), []wantErr{{`"a-b"`, "ns#A", `invalid member name "a-b"`}}},
		{"enum member target not unit", model(`"ns#A": {"type": "enum", "members": {"X": {"target": "ns#B"}}}`), []wantErr{{`"ns#B"`, "ns#A$X", `expected smithy.api#Unit for an enum member, found "ns#B"`}}},
		{"list without member", model(`"ns#A": {"type": "list"}`), []wantErr{{`"ns#A"`, "ns#A", `list: missing "member"`}}},
		{"map without key and value", model(`"ns#A": {"type": "map"}`), []wantErr{
			{`"ns#A"`, "ns#A", `map: missing "key"`},
			{`"ns#A"`, "ns#A", `map: missing "value"`},
		}},
		{"map key not an object", model(`"ns#A": {"type": "map", "key": 3, "value": {"target": "ns#V"}}`), []wantErr{{"3,", "ns#A$key", "member: expected an object, found a number"}}},
		{"apply traits not an object", model(`"ns#A": {"type": "apply", "traits": []}`), []wantErr{{"[]", "ns#A", `"traits": expected an object`}}},
		{"traits is an array", model(`"ns#A": {"type": "string", "traits": []}`), []wantErr{{"[]", "ns#A", `"traits": expected an object of traits by shape ID, found an array`}}},
		{"relative trait ID", model(`"ns#A": {"type": "string", "traits": {"documentation": "x"}}`), []wantErr{{`"documentation"`, "ns#A", `invalid trait ID "documentation"`}}},
		{"member trait ID", model(`"ns#A": {"type": "list", "member": {"target": "ns#B", "traits": {"x": 1}}}`), []wantErr{{`"x"`, "ns#A$member", `invalid trait ID "x"`}}},
		{"mixins not an array", model(`"ns#A": {"type": "string", "mixins": {}}`), []wantErr{{"{}", "ns#A", `"mixins": expected an array of references, found an object`}}},
		{"mixin not a reference", model(`"ns#A": {"type": "string", "mixins": [{"target": "ns#M"}, "ns#M"]}`), []wantErr{{`"ns#M"]`, "ns#A", `"mixins"[1]: expected a reference {"target": ...}, found a string`}}},
		{"mixin without target", model(`"ns#A": {"type": "string", "mixins": [{"t": "ns#M"}]}`), []wantErr{{`{"t"`, "ns#A", `"mixins"[0]: missing "target"`}}},
		{"input not a reference", model(`"ns#A": {"type": "operation", "input": "ns#In"}`), []wantErr{{`"ns#In"`, "ns#A", `"input": expected a reference {"target": ...}, found a string`}}},
		{"output target relative", model(`"ns#A": {"type": "operation", "output": {"target": "Out"}}`), []wantErr{{`"Out"`, "ns#A", `"output"."target": expected an absolute shape ID`}}},
		{"errors not an array", model(`"ns#A": {"type": "operation", "errors": {"target": "ns#E"}}`), []wantErr{{`{"target"`, "ns#A", `"errors": expected an array of references, found an object`}}},
		{"error target not a string", model(`"ns#A": {"type": "operation", "errors": [{"target": true}]}`), []wantErr{{"true", "ns#A", `"errors"[0]."target": expected a shape ID string, found a boolean`}}},
		{"service version not a string", model(`"ns#A": {"type": "service", "version": 2020}`), []wantErr{{"2020", "ns#A", `"version": expected a string, found a number`}}},
		{"rename is an array", model(`"ns#A": {"type": "service", "rename": ["x"]}`), []wantErr{{`["x"]`, "ns#A", `"rename": expected an object of names by shape ID, found an array`}}},
		{"rename value not a string", model(`"ns#A": {"type": "service", "rename": {"o#B": 1}}`), []wantErr{{"1}", "ns#A", `"rename"."o#B": expected a name string, found a number`}}},
		{"rename key relative", model(`"ns#A": {"type": "service", "rename": {"B": "C"}}`), []wantErr{{`"B"`, "ns#A", `"rename": invalid shape ID "B"`}}},
		{"identifiers is an array", model(`"ns#A": {"type": "resource", "identifiers": []}`), []wantErr{{"[]", "ns#A", `"identifiers": expected an object of references by name, found an array`}}},
		{"identifier target missing", model(`"ns#A": {"type": "resource", "identifiers": {"id": {}}}`), []wantErr{{"{}", "ns#A", `"identifiers"."id": missing "target"`}}},
		{"property target relative", model(`"ns#A": {"type": "resource", "properties": {"p": {"target": "P"}}}`), []wantErr{{`"P"`, "ns#A", `"properties"."p"."target": expected an absolute shape ID`}}},
		{"lifecycle not a reference", model(`"ns#A": {"type": "resource", "read": "ns#Get"}`), []wantErr{{`"ns#Get"`, "ns#A", `"read": expected a reference`}}},
		{"collectionOperations not an array", model(`"ns#A": {"type": "resource", "collectionOperations": 1}`), []wantErr{{"1}", "ns#A", `"collectionOperations": expected an array of references, found a number`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkErrors(t, tt.src, tt.want) })
	}
}

func TestParseReportsAllErrors(t *testing.T) {
	src := `{
  "smithy": "2.0",
  "shapes": {
    "ns#List": {"type": "list"},
    "ns#Struct": {"type": "structure", "members": {"a": {}, "b": {"target": 1}}},
    "Bad": {"type": "string"},
    "ns#Op": {"type": "operation", "input": "ns#In", "traits": {"t": 1}}
  }
}`
	checkErrors(t, src, []wantErr{
		{`"ns#List"`, "ns#List", `list: missing "member"`},
		{`"a"`, "ns#Struct$a", `missing "target"`},
		{`1}}`, "ns#Struct$b", `"target": expected a shape ID string`},
		{`"Bad"`, "Bad", "invalid shape ID"},
		{`"ns#In"`, "ns#Op", `"input": expected a reference`},
		{`"t"`, "ns#Op", `invalid trait ID "t"`},
	})
}

func TestParseInvalidJSON(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		line, col int
		msg       string
	}{
		{"empty", ``, 1, 1, "unexpected end of JSON input"},
		{"truncated", "{\n  \"smithy\": \"2.0\",\n", 3, 1, "unexpected end of JSON input"},
		{"missing comma", "{\n  \"smithy\": \"2.0\"\n  \"shapes\": {}\n}", 3, 3, `invalid character '"' after object key:value pair`},
		{"bad literal", "{\"smithy\": \"2.0\",\n \"shapes\": {\"a#B\": {\"type\": tru}}}", 2, 32, "invalid character '}' in literal true (expecting 'e')"},
		{"trailing comma", "{\"a\": [1,\n2,]}", 2, 3, "invalid character ']' looking for beginning of value"},
		{"garbage after", "{}\n\n  x", 3, 3, "invalid character 'x' after top-level value"},
		{"single quotes", "{'a': 1}", 1, 2, "invalid character '\\'' looking for beginning of object key string"},
		{"control character in string", "{\"a\": \"x\ty\"}", 1, 9, "invalid character '\\t' in string literal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.src), "t.json")
			want := fmt.Sprintf("t.json:%d:%d: invalid JSON: %s", tt.line, tt.col, tt.msg)
			if err == nil || err.Error() != want {
				t.Errorf("error:\ngot  %v\nwant %s", err, want)
			}
		})
	}
}

func TestParseTooDeep(t *testing.T) {
	deep := strings.Repeat("[", maxNesting+1) + strings.Repeat("]", maxNesting+1)
	_, err := Parse([]byte(model(`"ns#A": {"type": "string", "traits": {"ns#t": `+deep+`}}`)), "t.json")
	if err == nil || !strings.Contains(err.Error(), "nested deeper than") {
		t.Errorf("error = %v, want a nesting error", err)
	}
	// Brackets inside strings do not count.
	inString := `"` + strings.Repeat("[", maxNesting+1) + `"`
	mustParse(t, model(`"ns#A": {"type": "string", "traits": {"ns#t": `+inString+`}}`))
	// Just within the limit parses.
	ok := strings.Repeat("[", maxNesting-4) + strings.Repeat("]", maxNesting-4)
	mustParse(t, model(`"ns#A": {"type": "string", "traits": {"ns#t": `+ok+`}}`))
}

func TestNestingLimit(t *testing.T) {
	deep := strings.Repeat("[", maxNesting+1)
	tests := []struct {
		name string
		src  string
		want int // offset of the bracket too deep, or -1
	}{
		{"flat", `{"a": [1, {"b": []}]}`, -1},
		{"at the limit", strings.Repeat("[", maxNesting), -1},
		{"over the limit", "  " + deep, maxNesting + 2},
		{"mixed brackets", strings.Repeat("{\"a\":[", maxNesting/2) + "{", 6 * (maxNesting / 2)},
		{"brackets in a string", `"` + deep + `"`, -1},
		{"escaped quote stays in the string", `"\"` + deep + `"`, -1},
		{"escaped backslash ends the string", `"\\"` + deep, 4 + maxNesting},
		{"closing brackets lower the depth", strings.Repeat("[]", maxNesting+1), -1},
		{"unterminated string", `"` + deep, -1},
	}
	for _, tt := range tests {
		if got := nestingLimit([]byte(tt.src)); got != tt.want {
			t.Errorf("%s: nestingLimit = %d, want %d", tt.name, got, tt.want)
		}
	}
}
