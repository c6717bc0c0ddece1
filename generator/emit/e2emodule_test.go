package emit

import (
	"bytes"
	"maps"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/eksauthgen/eksauthgen/generator/ir"
	"github.com/eksauthgen/eksauthgen/generator/passes"
	"github.com/eksauthgen/eksauthgen/generator/smithy"
	"github.com/eksauthgen/eksauthgen/internal/scratchmod"
)

// The helpers below build generated code inside this module, for the
// tests that compile and run what Emit writes. TempPackage and its methods
// are exported for the tests of package emit_test too.

// modulePath is the import path of the project module, in which the
// generated code is built.
const modulePath = "github.com/eksauthgen/eksauthgen"

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

// TempPackage is a directory inside this module, so that the generated
// code written there builds with the module's dependencies, and the go
// command that builds it.
type TempPackage struct {
	GoBin      string // the go command
	Dir        string // testdata/tmp-<prefix>-*/<name>
	ImportPath string // the import path of Dir
	name       string
}

// NewTempPackage returns the package directory
// testdata/tmp-<prefix>-*/<name>, whose parent is removed when the test
// ends. It skips the test in -short mode (building generated code is slow)
// and when there is no go command.
func NewTempPackage(t *testing.T, prefix, name string) *TempPackage {
	t.Helper()
	if testing.Short() {
		t.Skip("builds generated code")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	tmp, err := os.MkdirTemp("testdata", "tmp-"+prefix+"-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(tmp) })
	return &TempPackage{
		GoBin:      goBin,
		Dir:        filepath.Join(tmp, name),
		ImportPath: modulePath + "/generator/emit/testdata/" + filepath.Base(tmp) + "/" + name,
		name:       name,
	}
}

// Write writes files below p.Dir and returns the import paths of the
// packages they are in, sorted.
func (p *TempPackage) Write(t *testing.T, files []File) []string {
	t.Helper()
	set := map[string]bool{}
	for _, f := range files {
		set[path.Join(p.ImportPath, path.Dir(f.Path))] = true
		if err := scratchmod.WriteFile(p.Dir, f.Path, f.Content); err != nil {
			t.Fatal(err)
		}
	}
	return slices.Sorted(maps.Keys(set))
}

// AddTest writes the test file src to rel (slash-separated) below p.Dir,
// its "example.invalid/<name>" imports rewritten to p.ImportPath.
func (p *TempPackage) AddTest(t *testing.T, src, rel string) {
	t.Helper()
	test, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	test = bytes.ReplaceAll(test, []byte("example.invalid/"+p.name), []byte(p.ImportPath))
	if err := scratchmod.WriteFile(p.Dir, rel, test); err != nil {
		t.Fatal(err)
	}
}

// Go runs the go command with args and the extra environment env, failing
// the test with its output when it fails; it returns the output.
func (p *TempPackage) Go(t *testing.T, env []string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(p.GoBin, args...)
	cmd.Env = append(os.Environ(), env...)
	b, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, b)
	}
	return b
}
