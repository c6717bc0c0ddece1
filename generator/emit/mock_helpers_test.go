package emit

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eksauthgen/eksauthgen/generator/ir"
	"github.com/eksauthgen/eksauthgen/generator/passes"
	"github.com/eksauthgen/eksauthgen/generator/smithy"
)

// The helpers below build generated code inside this module, for the
// tests that compile and run what Emit writes.

// parseTestModel parses the Smithy JSON AST model file at path and runs
// the passes on it.
func parseTestModel(t *testing.T, path string) *ir.Model {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m, err := smithy.Parse(src, filepath.Base(path))
	if err != nil {
		t.Fatal(err)
	}
	if err := passes.Run(m, passes.Config{}); err != nil {
		t.Fatal(err)
	}
	return m
}

// emitToTempModule emits m under the Config that cfg returns for the
// output's import path, into testdata/tmp-<prefix>-*/<name> (inside the
// module, so that the generated code builds with its dependencies; removed
// when the test ends), and returns that directory and its import path.
func emitToTempModule(t *testing.T, m *ir.Model, prefix, name string, cfg func(importPath string) Config) (dir, importPath string) {
	t.Helper()
	tmp, err := os.MkdirTemp("testdata", "tmp-"+prefix+"-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(tmp) })
	importPath = modulePath + "/generator/emit/testdata/" + filepath.Base(tmp) + "/" + name
	files, err := Emit(m, cfg(importPath))
	if err != nil {
		t.Fatal(err)
	}
	dir = filepath.Join(tmp, name)
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, importPath
}

// goCommand returns the path of the go command, skipping the test (and
// in -short mode too: building generated code is slow) when there is none.
func goCommand(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds generated code")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	return goBin
}

// runGo runs goBin with args, failing the test with its output on error.
func runGo(t *testing.T, goBin string, args ...string) {
	t.Helper()
	if b, err := exec.Command(goBin, args...).CombinedOutput(); err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, b)
	}
}
