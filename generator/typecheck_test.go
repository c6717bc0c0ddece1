package generator_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/mod/modfile"
	"golang.org/x/tools/go/packages"

	"github.com/eksauthgen/eksauthgen/generator"
	"github.com/eksauthgen/eksauthgen/internal/scratchmod"
)

// checkUnit is one generated output to type-check: its files, written as a
// module whose path is ImportPath.
type checkUnit struct {
	Name       string // for reports
	ImportPath string
	Files      []generator.File
}

// checkResult is what type-checking one unit found.
type checkResult struct {
	Unit     checkUnit
	Errors   []string            // load, parse and type errors, "file:line:col: msg"; nil when it type-checks
	Packages []*packages.Package // the unit's packages, sorted by path (with types and syntax)
}

// maxErrorsPerUnit bounds the errors kept per unit.
const maxErrorsPerUnit = 10

// typeCheck writes each unit into its own module, requiring the project's
// versions of aws-sdk-go-v2 and smithy-go, in a workspace named name (see
// workDir), and type-checks all of them with one go/packages load. Results
// are in the order of units.
func typeCheck(t *testing.T, name string, units []checkUnit) []checkResult {
	t.Helper()
	root := moduleRoot(t)
	goVersion := projectGoVersion(t, root)
	work := workDir(t, root, name)
	var use, patterns []string
	for i, u := range units {
		dir := filepath.Join(work, fmt.Sprintf("u%03d", i))
		if err := writeUnit(root, dir, u); err != nil {
			t.Fatal(err)
		}
		use = append(use, "\t./"+filepath.Base(dir)+"\n")
		patterns = append(patterns, "./"+filepath.Base(dir)+"/...")
	}
	goWork := "go " + goVersion + "\n\nuse (\n" + strings.Join(use, "") + ")\n"
	if err := os.WriteFile(filepath.Join(work, "go.work"), []byte(goWork), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := &packages.Config{
		// Without NeedSyntax, the go command compiles every package (the
		// compiler type-checks; its errors come back as list errors) and the
		// types are read from export data: faster and lighter than parsing
		// and type-checking in process, and the build cache is reused.
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedTypes,
		Dir:  work,
		Env: append(os.Environ(),
			"GOWORK="+filepath.Join(work, "go.work"),
			"GOFLAGS=-mod=readonly",
			"GOPROXY=off", // everything needed is in the module cache: the project builds with it
		),
		Tests: false,
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatalf("loading generated packages: %v", err)
	}
	results := make([]checkResult, len(units))
	for i, u := range units {
		results[i].Unit = u
	}
	for _, p := range pkgs {
		i := slices.IndexFunc(units, func(u checkUnit) bool {
			return p.PkgPath == u.ImportPath || strings.HasPrefix(p.PkgPath, u.ImportPath+"/")
		})
		if i < 0 {
			t.Errorf("loaded package %s belongs to no unit: %v", p.PkgPath, p.Errors)
			continue
		}
		results[i].Packages = append(results[i].Packages, p)
		for _, e := range p.Errors {
			for _, msg := range errorLines(e, work) {
				// A package that fails to compile is type-checked again
				// from source: the same problem can come twice.
				if len(results[i].Errors) < maxErrorsPerUnit && !slices.Contains(results[i].Errors, msg) {
					results[i].Errors = append(results[i].Errors, msg)
				}
			}
		}
	}
	for i := range results {
		slices.SortFunc(results[i].Packages, func(a, b *packages.Package) int { return strings.Compare(a.PkgPath, b.PkgPath) })
		if len(results[i].Packages) == 0 {
			results[i].Errors = append(results[i].Errors, "no package was loaded")
		}
	}
	return results
}

// errorLines splits a package error into one message per problem, with file
// names relative to the workspace so that reports do not name temporary
// directories. The compiler's output comes as one error: "# pkg" and a line
// per problem.
func errorLines(e packages.Error, work string) []string {
	msg := e.Msg
	if e.Pos != "" && e.Pos != "-" {
		msg = e.Pos + ": " + msg
	}
	msg = strings.ReplaceAll(msg, work+string(filepath.Separator), "")
	var lines []string
	for line := range strings.SplitSeq(msg, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "# ") {
			lines = append(lines, line)
		}
	}
	return lines
}

// workDir creates and returns <root>/.corpus-tmp/<name>, removed when the
// test ends. The path is the same from run to run so that the build cache
// reuses the packages compiled by earlier runs; when another test process
// holds it, a fresh directory beside it is used instead.
func workDir(t *testing.T, root, name string) string {
	t.Helper()
	dir, err := scratchmod.WorkDir(root, name, false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		os.RemoveAll(dir)
		os.Remove(filepath.Dir(dir)) // only when no other workspace is in it
	})
	return dir
}

// writeUnit writes into dir a scratch module at u.ImportPath (go.mod and
// go.sum, see scratchmod.Write) and u's files.
func writeUnit(root, dir string, u checkUnit) error {
	if err := scratchmod.Write(root, dir, u.ImportPath); err != nil {
		return err
	}
	for _, f := range u.Files {
		if err := scratchmod.WriteFile(dir, f.Path, f.Content); err != nil {
			return fmt.Errorf("%s: %w", u.Name, err)
		}
	}
	return nil
}

// moduleRoot returns the directory of the project's go.mod.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := scratchmod.Root(".")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// projectGoVersion returns the go version of the project's go.mod in root.
func projectGoVersion(t *testing.T, root string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := modfile.ParseLax("go.mod", data, nil)
	if err != nil {
		t.Fatal(err)
	}
	if f.Go == nil {
		t.Fatal("go.mod has no go directive")
	}
	return f.Go.Version
}
