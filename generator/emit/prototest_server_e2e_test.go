package emit_test

import (
	"bytes"
	"encoding/json"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
)

// TestProtoServerGenerated generates testdata/protoserver/things.json (one
// case of every kind, a client-only case, expanded malformed cases), runs
// the generated TestProtocolServer and checks which subtests ran and
// passed.
func TestProtoServerGenerated(t *testing.T) {
	model, err := os.ReadFile("testdata/protoserver/things.json")
	if err != nil {
		t.Fatal(err)
	}
	goBin, _, importPath, pkgs := writeGenerated(t, model, "things")
	goRun(t, goBin, nil, append([]string{"vet"}, pkgs...)...)
	out := goRun(t, goBin, nil, "test", "-count=1", "-json", "-run", "TestProtocolServer", importPath+"/thingsmock")
	passed := map[string]bool{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var ev struct{ Action, Test string }
		if err := dec.Decode(&ev); err != nil {
			break
		}
		if ev.Action == "pass" && strings.Count(ev.Test, "/") == 2 {
			passed[strings.TrimPrefix(ev.Test, "TestProtocolServer/")] = true
		}
	}
	want := []string{
		"Request/PutThingRequest", "Response/PutThingResponse", "Response/BadThingResponse",
		"Malformed/PutThingCountOutOfRange_1", "Malformed/PutThingCountOutOfRange_2",
		"Malformed/PutThingEmptyUnion", "Malformed/PutThingNotJson",
	}
	for _, name := range want {
		if !passed[name] {
			t.Errorf("subtest %s did not pass", name)
		}
	}
	if len(passed) != len(want) {
		t.Errorf("passed %v, want exactly %v", slices.Sorted(maps.Keys(passed)), want)
	}
}
