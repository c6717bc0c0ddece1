package emit_test

import (
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/eksauthgen/eksauthgen/internal/scratchmod"
)

// TestProtoServerGenerated generates testdata/protoserver/things.json (one
// case of every kind, a client-only case, expanded malformed cases), runs
// the generated TestProtocolServer and checks which subtests ran and
// passed.
func TestProtoServerGenerated(t *testing.T) {
	got := runProtoTests(t, "testdata/protoserver/things.json", "things", "/thingsmock", "TestProtocolServer")
	checkProtoOutcomes(t, got, []string{
		"Request/PutThingRequest", "Response/PutThingResponse", "Response/BadThingResponse",
		"Malformed/PutThingCountOutOfRange_1", "Malformed/PutThingCountOutOfRange_2",
		"Malformed/PutThingEmptyUnion", "Malformed/PutThingNotJson",
	})
}

// runProtoTests generates the model in file as package pkg, vets the
// output, runs the generated test function fn of the package at
// <import path>+sub and returns the outcome ("pass", "fail" or "skip") of
// each of its cases (<group>/<case ID>, without fn).
func runProtoTests(t *testing.T, file, pkg, sub, fn string) map[string]string {
	t.Helper()
	model, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	p, pkgs := writeGenerated(t, model, pkg)
	p.Go(t, nil, append([]string{"vet"}, pkgs...)...)
	out := p.Go(t, nil, "test", "-count=1", "-json", "-run", "^"+fn+"$", p.ImportPath+sub)
	outcomes := map[string]string{}
	for _, ev := range scratchmod.ParseTestJSON(out) {
		name, ok := strings.CutPrefix(ev.Test, fn+"/")
		if ok && strings.Count(name, "/") == 1 && (ev.Action == "pass" || ev.Action == "fail" || ev.Action == "skip") {
			outcomes[name] = ev.Action
		}
	}
	return outcomes
}

// checkProtoOutcomes fails the test unless exactly the cases want ran and
// passed.
func checkProtoOutcomes(t *testing.T, got map[string]string, want []string) {
	t.Helper()
	for _, name := range want {
		if got[name] != "pass" {
			t.Errorf("case %s: %q, want pass", name, got[name])
		}
	}
	if len(got) != len(want) {
		t.Errorf("cases run %v, want exactly %v", slices.Sorted(maps.Keys(got)), want)
	}
}
