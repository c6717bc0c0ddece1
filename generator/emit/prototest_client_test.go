package emit_test

import (
	"os"
	"strings"
	"testing"
)

// TestProtoClientGenerated generates testdata/prototest_model.json (request,
// response and error test cases over every kind of value), vets the output
// and runs its generated TestProtocolClient: each client case must run and
// pass, the server-only case must not be there.
func TestProtoClientGenerated(t *testing.T) {
	model, err := os.ReadFile("testdata/prototest_model.json")
	if err != nil {
		t.Fatal(err)
	}
	goBin, _, importPath, pkgs := writeGenerated(t, model, "proto")
	goRun(t, goBin, nil, append([]string{"vet"}, pkgs...)...)
	out := string(goRun(t, goBin, nil, "test", "-count=1", "-v", "-run", "^TestProtocolClient$", importPath))
	for _, want := range []string{
		"--- PASS: TestProtocolClient/Request/ProtoPutThingRequest ",
		"--- PASS: TestProtocolClient/Response/ProtoPutThingResponse ",
		"--- PASS: TestProtocolClient/Response/ProtoOops ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("go test output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "ProtoServerOnly") {
		t.Errorf("the server-only case ran on the client:\n%s", out)
	}
}
