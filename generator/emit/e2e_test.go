package emit

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// modulePath is the import path of the project module, in which the
// generated code is built.
const modulePath = "github.com/eksauthgen/eksauthgen"

// TestGeneratedCode writes the files emitted for testModel into a temporary
// directory inside the module, then vets the packages and runs
// testdata/e2e_test.go.txt inside the generated package: required-only and
// full validation, typed errors and sensitive redaction.
func TestGeneratedCode(t *testing.T) {
	if testing.Short() {
		t.Skip("builds generated code")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	dir, err := os.MkdirTemp("testdata", "tmp-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	importPath := modulePath + "/generator/emit/testdata/" + filepath.Base(dir) + "/things"
	files, err := Emit(testModel(), testConfig(importPath))
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "things")
	for _, f := range files {
		p := filepath.Join(out, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	test, err := os.ReadFile("testdata/e2e_test.go.txt")
	if err != nil {
		t.Fatal(err)
	}
	test = bytes.ReplaceAll(test, []byte("example.invalid/things"), []byte(importPath))
	if err := os.WriteFile(filepath.Join(out, "e2e_test.go"), test, 0o644); err != nil {
		t.Fatal(err)
	}
	pkgs := []string{importPath, importPath + "/types", importPath + "/document",
		importPath + "/internal/validation", importPath + "/internal/sensitive"}
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command(goBin, args...)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, b)
		}
	}
	run(append([]string{"vet"}, pkgs...)...)
	run("test", "-count=1", importPath)
}
