package emit

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eksauthgen/eksauthgen/generator/ir"
	"github.com/eksauthgen/eksauthgen/generator/passes"
	"github.com/eksauthgen/eksauthgen/generator/smithy"
)

func TestMockValidationError(t *testing.T) {
	errShape := func(id ir.ShapeID, kind string, status int) *ir.Shape {
		return &ir.Shape{ID: id, Type: ir.StructureType, GoName: id.Name(), GoPackage: ir.TypesPackage,
			Traits: ir.Traits{Error: kind, HTTPError: status}}
	}
	tests := []struct {
		name      string
		errors    []*ir.Shape
		code      string
		status    int
		fieldList bool
	}{
		{"framework", []*ir.Shape{errShape(sid("InvalidParameterException"), "client", 400), errShape(frameworkValidation, "client", 400)},
			"ValidationException", 400, true},
		{"usual name", []*ir.Shape{errShape(sid("AccessDenied"), "client", 400), errShape(sid("InvalidParameterException"), "client", 400)},
			"InvalidParameterException", 400, false},
		{"first 400 client error", []*ir.Shape{errShape(sid("Boom"), "server", 500), errShape(sid("Nope"), "client", 400)},
			"Nope", 400, false},
		{"none", []*ir.Shape{errShape(sid("Boom"), "server", 500)}, "ValidationException", 400, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := &mock{gen: &gen{m: &ir.Model{}}, errors: tc.errors}
			code, status, fl := m.validationError()
			if code != tc.code || status != tc.status || fl != tc.fieldList {
				t.Errorf("got %s %d %v, want %s %d %v", code, status, fl, tc.code, tc.status, tc.fieldList)
			}
		})
	}
}

func TestPayloadMediaType(t *testing.T) {
	tests := []struct {
		shape *ir.Shape
		want  string
	}{
		{&ir.Shape{Type: ir.StringType}, "text/plain"},
		{&ir.Shape{Type: ir.BlobType}, "application/octet-stream"},
		{&ir.Shape{Type: ir.BlobType, Traits: ir.Traits{MediaType: "image/png"}}, "image/png"},
		{&ir.Shape{Type: ir.StructureType}, "application/json"},
		{&ir.Shape{Type: ir.DocumentType}, "application/json"},
	}
	for _, tc := range tests {
		if got := payloadMediaType(tc.shape); got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.shape.Type, got, tc.want)
		}
	}
}

// TestMockBindings generates the mock of testdata/mock/bindings.json (every
// HTTP binding, payloads, response codes, a literal query, a modeled error
// with a header) into a temporary directory of the module, vets it, and
// runs testdata/mock/bindings_test.go.txt against the generated handler.
func TestMockBindings(t *testing.T) {
	if testing.Short() {
		t.Skip("builds generated code")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	src, err := os.ReadFile("testdata/mock/bindings.json")
	if err != nil {
		t.Fatal(err)
	}
	m, err := smithy.Parse(src, "bindings.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := passes.Run(m, passes.Config{}); err != nil {
		t.Fatal(err)
	}
	dir, err := os.MkdirTemp("testdata", "tmp-mock-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	importPath := modulePath + "/generator/emit/testdata/" + filepath.Base(dir) + "/bindings"
	files, err := Emit(m, Config{Package: "bindings", ImportPath: importPath, Source: "bindings.json"})
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "bindings")
	for _, f := range files {
		p := filepath.Join(out, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	test, err := os.ReadFile("testdata/mock/bindings_test.go.txt")
	if err != nil {
		t.Fatal(err)
	}
	test = bytes.ReplaceAll(test, []byte("example.invalid/bindings"), []byte(importPath))
	if err := os.WriteFile(filepath.Join(out, "bindingsmock", "bindings_test.go"), test, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"vet", importPath + "/bindingsmock"}, {"test", "-count=1", importPath + "/bindingsmock"}} {
		cmd := exec.Command(goBin, args...)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, b)
		}
	}
}
