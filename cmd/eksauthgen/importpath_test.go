package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDeriveImportPath(t *testing.T) {
	tests := []struct {
		name    string
		tree    map[string]string // files under the temporary root
		out     string            // relative to the root
		want    string
		wantErr string
	}{
		{name: "module root", tree: map[string]string{"go.mod": "module example.com/m\n"}, out: ".", want: "example.com/m"},
		{name: "nested, not yet created", tree: map[string]string{"go.mod": "module example.com/m\n"}, out: "generated/eksauth", want: "example.com/m/generated/eksauth"},
		{name: "comments and requires", tree: map[string]string{"go.mod": "// a comment\nmodule \"example.com/q\" // trailing\n\ngo 1.26\n\nrequire example.com/x v1.0.0\n"}, out: "a/b", want: "example.com/q/a/b"},
		{name: "nearest go.mod wins", tree: map[string]string{"go.mod": "module example.com/outer\n", "inner/go.mod": "module example.com/inner\n"}, out: "inner/pkg", want: "example.com/inner/pkg"},
		{name: "relative path with dot-dot", tree: map[string]string{"go.mod": "module example.com/m\n", "a/keep": ""}, out: "a/../b", want: "example.com/m/b"},
		{name: "no module statement", tree: map[string]string{"go.mod": "go 1.26\n"}, out: "x", wantErr: "no module statement"},
		{name: "invalid derived path", tree: map[string]string{"go.mod": "module example.com/m\n"}, out: "bad dir", wantErr: "pass -import-path"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			writeTree(t, root, tt.tree)
			got, err := deriveImportPath(filepath.Join(root, filepath.FromSlash(tt.out)))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("deriveImportPath = %q, %v; want error containing %q", got, err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("deriveImportPath = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestDeriveImportPathRelativeOut(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{"go.mod": "module example.com/rel\n", "cmd/keep": ""})
	t.Chdir(filepath.Join(root, "cmd"))
	got, err := deriveImportPath("../gen/x")
	if err != nil || got != "example.com/rel/gen/x" {
		t.Fatalf("deriveImportPath = %q, %v; want example.com/rel/gen/x", got, err)
	}
}

func TestDeriveImportPathNoGoMod(t *testing.T) {
	root := t.TempDir()
	for dir := root; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			t.Skipf("%s has a go.mod above the temporary directory", dir)
		}
		if filepath.Dir(dir) == dir {
			break
		}
	}
	_, err := deriveImportPath(filepath.Join(root, "out"))
	if err == nil || !strings.Contains(err.Error(), "no go.mod") {
		t.Fatalf("deriveImportPath error = %v, want one saying there is no go.mod", err)
	}
}
