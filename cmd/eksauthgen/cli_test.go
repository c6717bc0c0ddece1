package main

import (
	"bytes"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/eksauthgen/eksauthgen/generator"
	"github.com/eksauthgen/eksauthgen/generator/ir"
	"github.com/eksauthgen/eksauthgen/models"
)

// projectModel is the project's own model file, from this package's directory.
var projectModel = filepath.Join("..", "..", "models", models.EKSAuthFile)

// runCmd runs the command line and returns its exit status and output.
func runCmd(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// newModule returns a temporary directory holding a go.mod for example.com/m.
func newModule(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"go.mod": "module example.com/m\n\ngo 1.26\n"})
	return dir
}

// wantTree returns files as readTree would see them, with their directories.
func wantTree(files []generator.File) map[string]string {
	m := map[string]string{}
	for _, f := range files {
		m[f.Path] = string(f.Content)
		for d := filepath.ToSlash(filepath.Dir(f.Path)); d != "."; d = filepath.ToSlash(filepath.Dir(d)) {
			m[d+"/"] = ""
		}
	}
	return m
}

// mustGenerate runs the generator the way the command should.
func mustGenerate(t *testing.T, src []byte, opts generator.Options) []generator.File {
	t.Helper()
	files, err := generator.Generate(src, opts)
	if err != nil {
		t.Fatalf("Generate: %v", err)
	}
	return files
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-nosuchflag"}, "flag provided but not defined"},
		{[]string{"extra"}, `unknown command "extra"`},
		{[]string{"generate", "extra"}, `unexpected argument "extra"`},
		{[]string{"-pkg", "not-a-name"}, "not a valid Go package name"},
		{[]string{"-pkg", "_"}, "not a valid Go package name"},
		{[]string{"-service", "NoNamespace"}, "not an absolute shape ID"},
		{[]string{"-service", "ns#A$m"}, "not an absolute shape ID"},
		{[]string{"-import-path", "bad path/x"}, "-import-path"},
		{[]string{"-out", ""}, "-out must not be empty"},
		{[]string{"-model", ""}, "-model must not be empty"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, stdout, stderr := runCmd(tt.args...)
			if code != exitUsage {
				t.Errorf("exit status %d, want %d", code, exitUsage)
			}
			if !strings.Contains(stderr, tt.want) || !strings.Contains(stderr, "usage: eksauthgen") {
				t.Errorf("stderr = %q, want it to contain %q and the usage", stderr, tt.want)
			}
			if stdout != "" {
				t.Errorf("stdout = %q, want nothing", stdout)
			}
		})
	}
}

func TestHelp(t *testing.T) {
	code, _, stderr := runCmd("-h")
	if code != exitOK || !strings.Contains(stderr, "-import-path") {
		t.Errorf("-h: exit %d, stderr %q; want 0 and the flags", code, stderr)
	}
}

func TestExplicitMissingModel(t *testing.T) {
	dir := newModule(t)
	code, _, stderr := runCmd("-model", filepath.Join(dir, "nope.json"), "-out", filepath.Join(dir, "out"))
	if code != exitFail || !strings.Contains(stderr, "nope.json") {
		t.Errorf("exit %d, stderr %q; want 1 naming the file", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("output directory created despite the error: %v", err)
	}
}

func TestDefaultModelFallsBackToEmbedded(t *testing.T) {
	dir := newModule(t)
	t.Chdir(dir)
	code, _, stderr := runCmd("-out", "gen")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	want := mustGenerate(t, models.EKSAuth, generator.Options{Filename: models.EKSAuthFile, ImportPath: "example.com/m/gen"})
	if got := readTreeIfAny(t, filepath.Join(dir, "gen")); !mapsEqual(got, wantTree(want)) {
		t.Errorf("output differs from the embedded model's:\n got %q\nwant %q", keys(got), keys(wantTree(want)))
	}
}

func TestDefaultModelFileIsRead(t *testing.T) {
	dir := newModule(t)
	// The default model path exists but cannot be read as a file: proof that
	// the command looks there before falling back to the embedded copy.
	if err := os.MkdirAll(filepath.Join(dir, defaultModel), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	code, _, stderr := runCmd("-out", "gen")
	if code != exitFail || !strings.Contains(stderr, models.EKSAuthFile) {
		t.Errorf("exit %d, stderr %q; want 1 naming %s", code, stderr, defaultModel)
	}
}

func TestModelErrorsOnePerLine(t *testing.T) {
	dir := newModule(t)
	src := []byte(`{"smithy": "2.0", "shapes": {"ns#A": {"type": "structure", "members": {"b": {"target": "ns#Missing"}, "c": {"target": "ns#Gone"}}}`)
	model := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(model, src, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCmd("-model", model, "-out", filepath.Join(dir, "out"))
	_, genErr := generator.Generate(src, generator.Options{Filename: model, ImportPath: "example.com/m/out"})
	if genErr == nil {
		t.Skip("the generator does not reject this model yet (pipeline not wired)")
	}
	var want strings.Builder
	printErrors(&want, genErr)
	if code != exitFail || stderr != want.String() {
		t.Errorf("exit %d, stderr:\n%s\nwant 1 and:\n%s", code, stderr, want.String())
	}
}

func TestPrintErrors(t *testing.T) {
	var l ir.ErrorList
	l.Addf(ir.Pos{File: "m.json", Line: 3, Col: 5}, "ns#B", "second")
	l.Addf(ir.Pos{File: "m.json", Line: 1, Col: 2}, "ns#A", "first")
	nested := errors.Join(l.Err(), errors.New("two\nlines"))
	var buf bytes.Buffer
	printErrors(&buf, nested)
	want := "m.json:1:2: ns#A: first\nm.json:3:5: ns#B: second\ntwo\nlines\n"
	if buf.String() != want {
		t.Errorf("printErrors =\n%s\nwant\n%s", buf.String(), want)
	}
}

func TestGenerateCheckAndStale(t *testing.T) {
	dir := newModule(t)
	out := filepath.Join(dir, "generated", "eksauth")
	stale := map[string]string{
		"obsolete/old.go":  generator.Header + "\n\npackage obsolete\n",
		"api_removed.go":   generator.Header + "\n\npackage eksauth\n",
		"handwritten.go":   "package eksauth\n",
		"testdata/keep.go": generator.Header + "\n",
	}
	writeTree(t, out, stale)
	want := mustGenerate(t, mustRead(t, projectModel), generator.Options{Filename: projectModel, ImportPath: "example.com/m/generated/eksauth"})

	// -check before generating: stale files (and any missing ones) differ.
	code, stdout, stderr := runCmd("-check", "-model", projectModel, "-out", out)
	if code != exitFail || !strings.Contains(stdout, "api_removed.go") || !strings.Contains(stderr, "stale generated file") {
		t.Fatalf("-check on a stale tree: exit %d\nstdout %q\nstderr %q", code, stdout, stderr)
	}
	for _, f := range want {
		if !strings.Contains(stderr, filepath.FromSlash(f.Path)+": missing") {
			t.Errorf("-check stderr does not report missing %s", f.Path)
		}
	}
	if got := readTree(t, out); len(got) != len(stale)+2 { // + the obsolete/ and testdata/ dirs
		t.Fatalf("-check wrote to disk: %q", keys(got))
	}

	code, _, stderr = runCmd("-model", projectModel, "-out", out)
	if code != exitOK {
		t.Fatalf("generate: exit %d, stderr %q", code, stderr)
	}
	tree := wantTree(want)
	tree["handwritten.go"] = stale["handwritten.go"]
	tree["testdata/"], tree["testdata/keep.go"] = "", stale["testdata/keep.go"]
	if got := readTree(t, out); !mapsEqual(got, tree) {
		t.Fatalf("after generate:\n got %q\nwant %q", keys(got), keys(tree))
	}

	if code, stdout, stderr := runCmd("-check", "-model", projectModel, "-out", out); code != exitOK || stdout != "" || stderr != "" {
		t.Fatalf("-check after generate: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}

	// Each kind of drift makes -check fail with a diff.
	writeTree(t, out, map[string]string{"types/new_stale.go": generator.Header + "\npackage types\n"})
	code, stdout, _ = runCmd("-check", "-model", projectModel, "-out", out)
	if code != exitFail || !strings.Contains(stdout, "+++ /dev/null") {
		t.Errorf("-check with a stale file: exit %d, stdout %q", code, stdout)
	}
	if len(want) == 0 {
		t.Log("the generator produced no files yet; edit/delete drift not exercised")
		return
	}
	first := filepath.Join(out, filepath.FromSlash(want[0].Path))
	if err := os.WriteFile(first, append([]byte(generator.Header+"\n// edited\n"), want[0].Content...), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ = runCmd("-check", "-model", projectModel, "-out", out)
	if code != exitFail || !strings.Contains(stdout, "-// edited\n") {
		t.Errorf("-check with an edited file: exit %d, stdout %q", code, stdout)
	}
	if err := os.Remove(first); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ = runCmd("-check", "-model", projectModel, "-out", out)
	if code != exitFail || !strings.Contains(stdout, "--- /dev/null") {
		t.Errorf("-check with a deleted file: exit %d, stdout %q", code, stdout)
	}
	if code, _, stderr := runCmd("-model", projectModel, "-out", out); code != exitOK {
		t.Fatalf("regenerate: exit %d, stderr %q", code, stderr)
	}
	if got := readTree(t, out); !mapsEqual(got, tree) {
		t.Errorf("after regenerate:\n got %q\nwant %q", keys(got), keys(tree))
	}
}

func TestHandwrittenFileBlocksGeneration(t *testing.T) {
	dir := newModule(t)
	out := filepath.Join(dir, "gen")
	want := mustGenerate(t, mustRead(t, projectModel), generator.Options{Filename: projectModel, ImportPath: "example.com/m/gen"})
	if len(want) == 0 {
		t.Skip("the generator produces no files yet (pipeline not wired)")
	}
	mine := filepath.Join(out, filepath.FromSlash(want[len(want)-1].Path))
	stale := filepath.Join(out, "stale.go")
	writeTree(t, out, map[string]string{want[len(want)-1].Path: "package mine\n", "stale.go": generator.Header + "\n"})
	code, _, stderr := runCmd("-model", projectModel, "-out", out)
	if code != exitFail || !strings.Contains(stderr, mine) {
		t.Errorf("exit %d, stderr %q; want 1 naming %s", code, stderr, mine)
	}
	if b, _ := os.ReadFile(mine); string(b) != "package mine\n" {
		t.Errorf("hand-written file overwritten: %q", b)
	}
	if _, err := os.Stat(stale); err != nil {
		t.Errorf("stale file removed despite the conflict: %v", err)
	}
	if got := readTree(t, out); len(got) != 2+strings.Count(want[len(want)-1].Path, "/") {
		t.Errorf("files written despite the conflict: %q", keys(got))
	}
}

func TestImportPathFlagOverridesGoMod(t *testing.T) {
	dir := newModule(t)
	out := filepath.Join(dir, "gen")
	code, _, stderr := runCmd("-model", projectModel, "-out", out, "-import-path", "example.org/other/x")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	want := mustGenerate(t, mustRead(t, projectModel), generator.Options{Filename: projectModel, ImportPath: "example.org/other/x"})
	if got := readTreeIfAny(t, out); !mapsEqual(got, wantTree(want)) {
		t.Errorf("output differs from Generate with the given import path:\n got %q\nwant %q", keys(got), keys(wantTree(want)))
	}
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// readTreeIfAny is readTree, or an empty tree when dir does not exist.
func readTreeIfAny(t *testing.T, dir string) map[string]string {
	t.Helper()
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		return map[string]string{}
	}
	return readTree(t, dir)
}

// keys returns m's keys, sorted.
func keys(m map[string]string) []string { return slices.Sorted(maps.Keys(m)) }
