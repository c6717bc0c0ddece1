package models

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// referenceModel is the published AWS model, relative to this package.
var referenceModel = filepath.Join("..", "..", "shared", "aws-models", "eks-auth", "service", "2023-11-26", "eks-auth-2023-11-26.json")

// TestEquivalentToReference checks that the project's model says the same
// things as the published AWS model, documentation aside.
func TestEquivalentToReference(t *testing.T) {
	want, err := os.ReadFile(referenceModel)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skip("reference model absent: ../shared is not available")
	}
	if err != nil {
		t.Fatal(err)
	}
	diffs, err := diffModels(EKSAuth, want)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diffs {
		t.Error(d)
	}
}

// TestEmbeddedMatchesFile checks that EKSAuth is the file on disk.
func TestEmbeddedMatchesFile(t *testing.T) {
	b, err := os.ReadFile(EKSAuthFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, EKSAuth) {
		t.Errorf("EKSAuth (%d bytes) differs from %s (%d bytes)", len(EKSAuth), EKSAuthFile, len(b))
	}
}

// TestModelFormat checks the layout of the model file: 2-space indented
// JSON ending in a newline, with shapes sorted by ID.
func TestModelFormat(t *testing.T) {
	var compact, indented bytes.Buffer
	if err := json.Compact(&compact, EKSAuth); err != nil {
		t.Fatal(err)
	}
	if err := json.Indent(&indented, compact.Bytes(), "", "  "); err != nil {
		t.Fatal(err)
	}
	indented.WriteByte('\n')
	if !bytes.Equal(indented.Bytes(), EKSAuth) {
		t.Errorf("%s is not 2-space indented JSON ending in a newline", EKSAuthFile)
	}
	var m struct {
		Shapes json.RawMessage `json:"shapes"`
	}
	if err := json.Unmarshal(EKSAuth, &m); err != nil {
		t.Fatal(err)
	}
	ids, err := orderedKeys(m.Shapes)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.IsSorted(ids) {
		t.Errorf("shapes are not sorted by ID: %v", ids)
	}
}

// TestDiffModels checks that the comparator finds, and names precisely,
// each kind of difference, and ignores documentation.
func TestDiffModels(t *testing.T) {
	const base = `{"smithy":"2.0","shapes":{
"ns#Op":{"type":"operation","input":{"target":"ns#In"},"errors":[{"target":"ns#E1"},{"target":"ns#E2"}],
  "traits":{"smithy.api#http":{"method":"POST","uri":"/x","code":200},"smithy.api#documentation":"op"}},
"ns#In":{"type":"structure","members":{"a":{"target":"smithy.api#String","traits":{"smithy.api#required":{}}},"b":{"target":"ns#L"}}},
"ns#L":{"type":"list","member":{"target":"smithy.api#String"}},
"ns#Svc":{"type":"service","version":"1","operations":[{"target":"ns#Op"}],"traits":{
  "smithy.rules#endpointRuleSet":{"version":"1.0","parameters":{"Region":{"type":"String","documentation":"r"}},
    "rules":[{"conditions":[],"error":"e","type":"error","documentation":"x"}]},
  "smithy.rules#endpointTests":{"version":"1.0","testCases":[
    {"documentation":"one","params":{"Region":"a"},"expect":{"endpoint":{"url":"https://a"}}},
    {"documentation":"two","params":{"Region":"b"},"expect":{"endpoint":{"url":"https://b"}}}]}}}}}`
	tests := []struct {
		name       string
		old, new   string
		wantSubstr []string // one per expected difference, in order
	}{
		{name: "identical"},
		{name: "documentation ignored", old: `"smithy.api#documentation":"op"`, new: `"smithy.api#documentation":"other"`},
		{name: "documentation presence ignored", old: `,"smithy.api#documentation":"op"`, new: ``},
		{name: "rule set docs ignored", old: `"documentation":"r"`, new: `"documentation":"s"`},
		{name: "rule docs ignored", old: `,"documentation":"x"`, new: ``},
		{name: "test case docs and order ignored",
			old: `{"documentation":"one","params":{"Region":"a"},"expect":{"endpoint":{"url":"https://a"}}},
    {"documentation":"two","params":{"Region":"b"},"expect":{"endpoint":{"url":"https://b"}}}`,
			new: `{"params":{"Region":"b"},"expect":{"endpoint":{"url":"https://b"}}},
    {"documentation":"uno","params":{"Region":"a"},"expect":{"endpoint":{"url":"https://a"}}}`},
		{name: "smithy version", old: `"smithy":"2.0"`, new: `"smithy":"1.0"`, wantSubstr: []string{`smithy version: got "1.0", want "2.0"`}},
		{name: "shape type", old: `"type":"list"`, new: `"type":"set"`, wantSubstr: []string{`ns#L: type: got "set", want "list"`}},
		{name: "member order", old: `"a":{"target":"smithy.api#String","traits":{"smithy.api#required":{}}},"b":{"target":"ns#L"}`,
			new:        `"b":{"target":"ns#L"},"a":{"target":"smithy.api#String","traits":{"smithy.api#required":{}}}`,
			wantSubstr: []string{`ns#In: members: got [b a], want [a b]`}},
		{name: "member target", old: `"b":{"target":"ns#L"}`, new: `"b":{"target":"ns#M"}`, wantSubstr: []string{`ns#In$b: target: got "ns#M", want "ns#L"`}},
		{name: "member trait missing", old: `"traits":{"smithy.api#required":{}}`, new: `"traits":{}`, wantSubstr: []string{`ns#In$a: trait smithy.api#required: missing`}},
		{name: "list member trait", old: `"member":{"target":"smithy.api#String"}`, new: `"member":{"target":"smithy.api#String","traits":{"smithy.api#sensitive":{}}}`,
			wantSubstr: []string{`ns#L$member: trait smithy.api#sensitive: unexpected`}},
		{name: "trait value", old: `"code":200`, new: `"code":201`, wantSubstr: []string{`ns#Op: trait smithy.api#http.code: got 201, want 200`}},
		{name: "error order", old: `[{"target":"ns#E1"},{"target":"ns#E2"}]`, new: `[{"target":"ns#E2"},{"target":"ns#E1"}]`,
			wantSubstr: []string{`ns#Op: errors[0].target: got "ns#E2", want "ns#E1"`, `ns#Op: errors[1].target: got "ns#E1", want "ns#E2"`}},
		{name: "service version", old: `"version":"1"`, new: `"version":"2"`, wantSubstr: []string{`ns#Svc: version: got "2", want "1"`}},
		{name: "missing shape", old: `"ns#L":{"type":"list","member":{"target":"smithy.api#String"}},`, new: ``, wantSubstr: []string{`ns#L: shape missing`}},
		{name: "rule set value", old: `"error":"e"`, new: `"error":"f"`,
			wantSubstr: []string{`ns#Svc: trait smithy.rules#endpointRuleSet.rules[0].error: got "f", want "e"`}},
		{name: "test case expectation", old: `"url":"https://b"`, new: `"url":"https://c"`,
			wantSubstr: []string{`ns#Svc: trait smithy.rules#endpointTests: test case with params {"Region":"b"}.expect.endpoint.url: got "https://c", want "https://b"`}},
		{name: "test case without params", old: `{"documentation":"one","params":{"Region":"a"},`, new: `{"documentation":"one",`,
			wantSubstr: []string{`test case with params <absent>: got 1, want 0`, `test case with params {"Region":"a"}: got 0, want 1`}},
		{name: "test case missing", old: `,
    {"documentation":"two","params":{"Region":"b"},"expect":{"endpoint":{"url":"https://b"}}}`, new: ``,
			wantSubstr: []string{`ns#Svc: trait smithy.rules#endpointTests: test case with params {"Region":"b"}: got 0, want 1`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := base
			if tt.old != "" {
				if !strings.Contains(base, tt.old) {
					t.Fatalf("bad test: %q not in base model", tt.old)
				}
				got = strings.Replace(base, tt.old, tt.new, 1)
			}
			diffs, err := diffModels([]byte(got), []byte(base))
			if err != nil {
				t.Fatal(err)
			}
			if len(diffs) != len(tt.wantSubstr) {
				t.Fatalf("got %d differences, want %d:\n%s", len(diffs), len(tt.wantSubstr), report(diffs))
			}
			for i, want := range tt.wantSubstr {
				if !strings.Contains(diffs[i], want) {
					t.Errorf("difference %d = %q, want it to contain %q", i, diffs[i], want)
				}
			}
		})
	}
}

// TestDiffModelsInvalid checks that a document that is not JSON is an
// error, not a silent pass.
func TestDiffModelsInvalid(t *testing.T) {
	for _, tt := range []struct{ name, got, want string }{
		{"got not JSON", `{`, `{"smithy":"2.0"}`},
		{"want not JSON", `{"smithy":"2.0"}`, `[`},
		{"members not an object", `{"shapes":{"a#B":{"type":"structure","members":[]}}}`, `{"shapes":{"a#B":{"type":"structure","members":{}}}}`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := diffModels([]byte(tt.got), []byte(tt.want)); err == nil {
				t.Error("diffModels: want an error")
			}
		})
	}
}
