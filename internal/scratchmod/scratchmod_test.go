package scratchmod

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/mod/modfile"
)

const projectGoMod = "module example.com/p\n\ngo 1.26.8\n\nrequire (\n\tgithub.com/other/x v1.0.0\n\tgithub.com/aws/smithy-go v1.28.9\n\tgithub.com/aws/aws-sdk-go-v2 v1.48.0\n)\n"

func TestGoMod(t *testing.T) {
	for _, tc := range []struct {
		name, gomod string
		wantErr     string // empty: no error
	}{
		{name: "project", gomod: projectGoMod},
		{name: "separate require lines", gomod: "module m\ngo 1.26\nrequire github.com/aws/aws-sdk-go-v2 v1.48.0\nrequire github.com/aws/smithy-go v1.28.9 // indirect\n"},
		{name: "no SDK", gomod: "module m\n\ngo 1.26\n\nrequire github.com/aws/smithy-go v1.28.9\n", wantErr: "does not require github.com/aws/aws-sdk-go-v2"},
		{name: "no smithy-go", gomod: "module m\n\ngo 1.26\n\nrequire github.com/aws/aws-sdk-go-v2 v1.48.0\n", wantErr: "does not require github.com/aws/smithy-go"},
		{name: "no go directive", gomod: "module m\n\nrequire github.com/aws/aws-sdk-go-v2 v1.48.0\n", wantErr: "no go directive"},
		{name: "not a go.mod", gomod: "module m\ngo 1.26\nrequire (\n", wantErr: "go.mod:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := GoMod([]byte(tc.gomod), "scratch.example")
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			src, err := modfile.ParseLax("go.mod", []byte(tc.gomod), nil)
			if err != nil {
				t.Fatal(err)
			}
			f, err := modfile.Parse("go.mod", out, nil)
			if err != nil {
				t.Fatalf("output does not parse: %v\n%s", err, out)
			}
			if f.Module.Mod.Path != "scratch.example" || f.Go.Version != src.Go.Version {
				t.Errorf("module %s go %s, want scratch.example go %s", f.Module.Mod.Path, f.Go.Version, src.Go.Version)
			}
			var got []string
			for _, r := range f.Require {
				got = append(got, r.Mod.String())
			}
			var want []string
			for _, r := range src.Require {
				if slices.Contains(runtimeModules[:], r.Mod.Path) {
					want = append(want, r.Mod.String())
				}
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("requires %v, want %v", got, want)
			}
		})
	}
}

func TestWriteAndIsModule(t *testing.T) {
	root := t.TempDir()
	sum := "github.com/aws/smithy-go v1.28.9 h1:x\n"
	writeFile(t, filepath.Join(root, "go.mod"), projectGoMod)
	writeFile(t, filepath.Join(root, "go.sum"), sum)
	dir := filepath.Join(t.TempDir(), "a", "b")
	if IsModule(dir, "scratch.example") {
		t.Error("IsModule before Write")
	}
	if err := Write(root, dir, "scratch.example"); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, filepath.Join(dir, "go.sum")); got != sum {
		t.Errorf("go.sum = %q, want the project's %q", got, sum)
	}
	want, _ := GoMod([]byte(projectGoMod), "scratch.example")
	if got := readFile(t, filepath.Join(dir, "go.mod")); got != string(want) {
		t.Errorf("go.mod = %q, want %q", got, want)
	}
	if !IsModule(dir, "scratch.example") || IsModule(dir, "other.example") {
		t.Error("IsModule does not tell the scratch module's path")
	}

	bad := t.TempDir()
	writeFile(t, filepath.Join(bad, "go.mod"), "module m\n\ngo 1.26\n")
	writeFile(t, filepath.Join(bad, "go.sum"), "")
	err := Write(bad, t.TempDir(), "scratch.example")
	if err == nil || !strings.Contains(err.Error(), filepath.Join(bad, "go.mod")) {
		t.Errorf("Write with a go.mod lacking the SDK: %v, want an error naming the file", err)
	}
	noSum := t.TempDir()
	writeFile(t, filepath.Join(noSum, "go.mod"), projectGoMod)
	if err := Write(noSum, t.TempDir(), "scratch.example"); err == nil {
		t.Error("Write without a go.sum succeeded")
	}
}

func TestRoot(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "go.mod"), "module m\n")
	deep := filepath.Join(root, "x", "y")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{root, deep} {
		got, err := Root(dir)
		if err != nil || got != root {
			t.Errorf("Root(%s) = %s, %v, want %s", dir, got, err, root)
		}
	}
	outside := t.TempDir()
	if got, err := Root(outside); err == nil && got != "" {
		if _, statErr := os.Stat(filepath.Join(got, "go.mod")); statErr != nil {
			t.Errorf("Root(%s) = %s, which has no go.mod", outside, got)
		}
	}
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []struct{ path, content string }{
		{"doc.go", "package p\n"},
		{"internal/rt/rt.go", "package rt\n"},
	} {
		if err := WriteFile(dir, f.path, []byte(f.content)); err != nil {
			t.Fatal(err)
		}
		if got := readFile(t, filepath.Join(dir, filepath.FromSlash(f.path))); got != f.content {
			t.Errorf("%s = %q, want %q", f.path, got, f.content)
		}
	}
	for _, bad := range []string{"../escape.go", "/abs.go", "a//b.go", "a/./b.go", ""} {
		if err := WriteFile(dir, bad, nil); err == nil {
			t.Errorf("WriteFile accepted path %q", bad)
		}
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(dir), "escape.go")); err == nil {
		t.Error("a file was written outside dir")
	}
}

func TestCommand(t *testing.T) {
	cmd := Command(context.Background(), "go", "/some/dir", "vet", "./...")
	if cmd.Dir != "/some/dir" || !slices.Equal(cmd.Args, []string{"go", "vet", "./..."}) {
		t.Errorf("dir %s args %v", cmd.Dir, cmd.Args)
	}
	// The last setting of a variable wins (os/exec): the scratch settings
	// must come after the inherited ones.
	n := len(cmd.Env)
	if n < 2 || !slices.Equal(cmd.Env[n-2:], []string{"GOWORK=off", "GOFLAGS=-mod=mod"}) {
		t.Errorf("environment ends %v, want GOWORK=off GOFLAGS=-mod=mod", cmd.Env[max(n-2, 0):])
	}
}

// TestScratchModuleBuilds writes a scratch module from the project's go.mod
// and go.sum with a package importing both runtime modules and builds it:
// the go command must accept the module as written, without network.
func TestScratchModuleBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	root, err := Root(".")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := Write(root, dir, "scratch.example"); err != nil {
		t.Fatal(err)
	}
	src := "package p\n\nimport (\n\t\"github.com/aws/aws-sdk-go-v2/aws\"\n\t\"github.com/aws/smithy-go\"\n)\n\nvar _ = aws.String\nvar _ smithy.APIError\n"
	if err := WriteFile(dir, "p/p.go", []byte(src)); err != nil {
		t.Fatal(err)
	}
	cmd := Command(context.Background(), goBin, dir, "build", "./...")
	cmd.Env = append(cmd.Env, "GOPROXY=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestParseTestJSON(t *testing.T) {
	in := `{"Action":"run","Package":"m/a","Test":"TestX"}
{"Action":"output","Package":"m/a","Test":"TestX","Output":"    x_test.go:9: want 1\n"}
panic: crashed
{"Action":"build-output","ImportPath":"m/b [m/b.test]","Output":"b.go:1: syntax error\n"}
{"Action":"fail","Package":"m/b","FailedBuild":"m/b [m/b.test]"}
{"Action":"output",` + "\n"
	want := []TestEvent{
		{Action: "run", Package: "m/a", Test: "TestX"},
		{Action: "output", Package: "m/a", Test: "TestX", Output: "    x_test.go:9: want 1\n"},
		{Output: "panic: crashed"},
		{Action: "build-output", ImportPath: "m/b [m/b.test]", Output: "b.go:1: syntax error\n"},
		{Action: "fail", Package: "m/b", FailedBuild: "m/b [m/b.test]"},
		{Output: `{"Action":"output",`},
	}
	if got := ParseTestJSON([]byte(in)); !slices.Equal(got, want) {
		t.Errorf("ParseTestJSON =\n%+v\nwant\n%+v", got, want)
	}
	if got := ParseTestJSON(nil); len(got) != 0 {
		t.Errorf("ParseTestJSON(nil) = %+v", got)
	}
}
