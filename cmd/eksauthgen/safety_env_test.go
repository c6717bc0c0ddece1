package main

import (
	"go/parser"
	"go/token"
	"io/fs"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/eksauthgen/eksauthgen/generator"
)

// helperEnv makes the test binary run the command instead of the tests
// (see TestSafetyHelperProcess).
const helperEnv = "EKSAUTHGEN_SAFETY_HELPER"

// TestSafetyHelperProcess is not a test: when helperEnv is set, the test
// binary was started by runIsolated and runs the command line that follows
// "--" in its arguments, then exits with its status.
func TestSafetyHelperProcess(t *testing.T) {
	if os.Getenv(helperEnv) != "1" {
		t.Skip("helper process for TestGenerationIsolated")
	}
	args := os.Args
	for i, a := range args {
		if a == "--" {
			args = args[i+1:]
			break
		}
	}
	os.Exit(run(args, os.Stdout, os.Stderr))
}

// TestGenerationIsolated runs the command in a child process whose HOME,
// GOPATH, GOCACHE and working directory are empty or hold decoys (a
// garbage default model, a garbage go.mod), whose HTTP(S) proxy is a
// listener that counts connections, and with GOPROXY=off. Generation must
// succeed with the same output as in process, no connection may reach the
// proxy, and (on Linux, watched with inotify) no file may be opened in
// HOME, GOPATH, the working directory or beside the model except the model
// itself.
func TestGenerationIsolated(t *testing.T) {
	root := t.TempDir()
	home, gopath, cache, cwd, modelDir := filepath.Join(root, "home"), filepath.Join(root, "gopath"), filepath.Join(root, "cache"), filepath.Join(root, "cwd"), filepath.Join(root, "model")
	writeTree(t, cwd, map[string]string{"go.mod": "this is not a go.mod\n", "models/" + filepath.Base(projectModel): "{not a model"})
	writeTree(t, modelDir, map[string]string{"model.json": string(mustRead(t, projectModel)), "decoy.json": "{}"})
	for _, d := range []string{home, gopath, cache} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(root, "out")

	var conns atomic.Int32
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			conns.Add(1)
			c.Close()
		}
	}()
	proxy := "http://" + ln.Addr().String()

	watch := startOpenWatch(t, []string{home, gopath, cache, cwd, filepath.Join(cwd, "models"), modelDir})
	cmd := exec.Command(os.Args[0], "-test.run=^TestSafetyHelperProcess$", "--",
		"-model", filepath.Join(modelDir, "model.json"), "-out", out, "-import-path", "example.com/iso/out")
	cmd.Dir = cwd
	cmd.Env = []string{
		helperEnv + "=1", "HOME=" + home, "GOPATH=" + gopath, "GOCACHE=" + cache, "GOFLAGS=-mod=mod", "GOPROXY=off",
		"HTTP_PROXY=" + proxy, "HTTPS_PROXY=" + proxy, "http_proxy=" + proxy, "https_proxy=" + proxy, "ALL_PROXY=" + proxy, "NO_PROXY=",
		"PATH=" + os.Getenv("PATH"),
	}
	output, err := cmd.CombinedOutput()
	opened := watch.stop()
	if err != nil {
		t.Fatalf("isolated run failed: %v\n%s", err, output)
	}
	if n := conns.Load(); n != 0 {
		t.Errorf("%d connection(s) reached the proxy", n)
	}
	var unexpected []string
	for _, p := range opened {
		if p != filepath.Join(modelDir, "model.json") {
			unexpected = append(unexpected, p)
		}
	}
	if len(unexpected) > 0 {
		t.Errorf("the run opened files it was not given: %q", unexpected)
	}
	if watch.active && !slices.Contains(opened, filepath.Join(modelDir, "model.json")) {
		t.Errorf("the watch saw no open of the model (saw %q); it proves nothing", opened)
	}

	want := mustGenerate(t, mustRead(t, projectModel), generator.Options{Filename: filepath.Join(modelDir, "model.json"), ImportPath: "example.com/iso/out"})
	for _, f := range want {
		if got := mustRead(t, filepath.Join(out, filepath.FromSlash(f.Path))); string(got) != string(f.Content) {
			t.Errorf("%s differs from the in-process output", f.Path)
		}
	}
	for _, d := range []string{home, gopath, cache} {
		if entries, _ := os.ReadDir(d); len(entries) > 0 {
			t.Errorf("the run wrote into %s", d)
		}
	}
}

// forbiddenImports are packages the generator must not import directly:
// network clients, process execution and plugins.
var forbiddenImports = []string{"net", "net/http", "net/rpc", "net/smtp", "crypto/tls", "os/exec", "plugin"}

// TestGeneratorImportsNoNetwork checks the non-test sources of the command
// and of every generator package: none imports a network or exec package.
// TestCommandLinksNoNetwork checks the whole dependency graph.
func TestGeneratorImportsNoNetwork(t *testing.T) {
	fset := token.NewFileSet()
	checked := 0
	for _, dir := range []string{".", filepath.Join("..", "..", "generator")} {
		err := filepath.WalkDir(dir, func(name string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && d.Name() == "testdata" {
				return filepath.SkipDir
			}
			if d.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
				return nil
			}
			f, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
			if err != nil {
				return err
			}
			checked++
			for _, imp := range f.Imports {
				p, _ := strconv.Unquote(imp.Path.Value)
				if slices.Contains(forbiddenImports, p) {
					t.Errorf("%s imports %s", name, p)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if checked < 10 {
		t.Fatalf("only %d files checked", checked)
	}
}

// TestCommandLinksNoNetwork lists every package the command links (go list
// -deps): none of forbiddenImports may be among them, nor the generated
// code's runtime packages (templates/endpoints links net/http). Besides
// safety, this keeps the binary statically linked and quick to start: net
// brings in the C resolver, and the init functions of net/http, crypto/tls
// and the runtime's partition table cost every run several milliseconds.
func TestCommandLinksNoNetwork(t *testing.T) {
	gocmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command in PATH")
	}
	out, err := exec.Command(gocmd, "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	if !slices.Contains(deps, "github.com/eksauthgen/eksauthgen/generator") {
		t.Fatalf("go list -deps does not list the generator: %q", deps)
	}
	for _, p := range deps {
		if slices.Contains(forbiddenImports, p) || strings.HasPrefix(p, "github.com/eksauthgen/eksauthgen/templates/") {
			t.Errorf("the command links %s", p)
		}
	}
}
