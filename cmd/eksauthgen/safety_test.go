package main

import (
	"bytes"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/eksauthgen/eksauthgen/generator"
)

// fsEntry is what a snapshot records of one file or directory.
type fsEntry struct {
	mode    fs.FileMode
	size    int64
	modTime time.Time
	content string // files only
}

// snapshot records every file and directory under root (root included)
// with mode, size, modification time and content.
func snapshot(t *testing.T, root string) map[string]fsEntry {
	t.Helper()
	snap := map[string]fsEntry{}
	err := filepath.WalkDir(root, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		e := fsEntry{mode: fi.Mode(), size: fi.Size(), modTime: fi.ModTime()}
		if fi.Mode().IsRegular() {
			b, err := os.ReadFile(name)
			if err != nil {
				return err
			}
			e.content = string(b)
		}
		rel, _ := filepath.Rel(root, name)
		snap[filepath.ToSlash(rel)] = e
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

// diffSnapshots describes how after differs from before, one line per path.
func diffSnapshots(before, after map[string]fsEntry) []string {
	var diffs []string
	for _, p := range slices.Sorted(maps.Keys(before)) {
		a, ok := after[p]
		switch {
		case !ok:
			diffs = append(diffs, p+": removed")
		case a != before[p]:
			diffs = append(diffs, p+": changed")
		}
	}
	for _, p := range slices.Sorted(maps.Keys(after)) {
		if _, ok := before[p]; !ok {
			diffs = append(diffs, p+": added")
		}
	}
	return diffs
}

// tempFiles returns the temporary files of writeAtomic left under root.
func tempFiles(snap map[string]fsEntry) []string {
	var out []string
	for p := range snap {
		if strings.Contains(filepath.Base(p), ".tmp-") {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

// generateArgs is the command line generating the project model into out
// for import path importPath.
func generateArgs(out, importPath string, extra ...string) []string {
	return append([]string{"-model", projectModel, "-out", out, "-import-path", importPath}, extra...)
}

// TestCheckWritesNothing runs -check on output directories in several
// states: the whole temporary tree (names, modes, sizes, modification times,
// contents) must be exactly as before, with no temporary file left.
func TestCheckWritesNothing(t *testing.T) {
	const importPath = "example.com/m/out"
	tests := []struct {
		name     string
		setup    func(t *testing.T, out string)
		wantCode int
	}{
		{"missing output directory", func(*testing.T, string) {}, exitFail},
		{"empty output directory", func(t *testing.T, out string) { writeTree(t, out, map[string]string{}) }, exitFail},
		{"stale and hand-written files", func(t *testing.T, out string) {
			writeTree(t, out, map[string]string{
				"api_old.go":      generator.Header + "\n\npackage eksauth\n",
				"handwritten.go":  "package eksauth\n",
				"obsolete/old.go": generator.Header + "\n\npackage obsolete\n",
			})
		}, exitFail},
		{"hand-written file in the way", func(t *testing.T, out string) {
			writeTree(t, out, map[string]string{"api_client.go": "package eksauth // mine\n"})
		}, exitFail},
		{"up to date", func(t *testing.T, out string) {
			if code, _, stderr := runCmd(generateArgs(out, importPath)...); code != exitOK {
				t.Fatalf("generate: exit %d: %s", code, stderr)
			}
		}, exitOK},
		{"one file edited", func(t *testing.T, out string) {
			if code, _, stderr := runCmd(generateArgs(out, importPath)...); code != exitOK {
				t.Fatalf("generate: exit %d: %s", code, stderr)
			}
			name := filepath.Join(out, "api_client.go")
			b := mustRead(t, name)
			if err := os.WriteFile(name, append(b, "// edited\n"...), 0o644); err != nil {
				t.Fatal(err)
			}
		}, exitFail},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			out := filepath.Join(root, "out")
			tt.setup(t, out)
			// Make earlier writes distinguishable from any write by -check.
			past := time.Now().Add(-time.Hour)
			filepath.WalkDir(root, func(name string, _ fs.DirEntry, _ error) error {
				return os.Chtimes(name, past, past)
			})
			before := snapshot(t, root)
			code, _, stderr := runCmd(generateArgs(out, importPath, "-check")...)
			if code != tt.wantCode {
				t.Errorf("-check: exit %d, want %d; stderr %s", code, tt.wantCode, stderr)
			}
			after := snapshot(t, root)
			if d := diffSnapshots(before, after); len(d) > 0 {
				t.Errorf("-check changed the disk:\n%s", strings.Join(d, "\n"))
			}
			if tmp := tempFiles(after); len(tmp) > 0 {
				t.Errorf("temporary files left: %q", tmp)
			}
		})
	}
}

// TestHandWrittenFilesSurvive: hand-written files beside, below and in the
// place of generated ones are never overwritten or deleted, through a first
// generation, a regeneration that changes every file, and the removal of a
// stale generated directory that also holds a hand-written file.
func TestHandWrittenFilesSurvive(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "out")
	mine := map[string]string{
		"handwritten.go":            "package eksauth\n\n// Extra is mine.\nfunc Extra() {}\n",
		"handwritten_test.go":       "package eksauth\n",
		"README.md":                 "# mine\n",
		"types/extra.go":            "package types\n",
		"eksauthmock/helper.go":     "package eksauthmock\n",
		"internal/custom/c.go":      "package custom\n",
		"obsolete/keep.go":          "package obsolete\n",
		"copied.go":                 "// Code generated by somebody else. DO NOT EDIT.\n\npackage eksauth\n",
		"types/header_not_first.go": "package types\n\n" + generator.Header + "\n",
	}
	writeTree(t, out, mine)
	writeTree(t, out, map[string]string{"obsolete/old.go": generator.Header + "\n\npackage obsolete\n"})
	checkMine := func(step string) {
		t.Helper()
		for p, want := range mine {
			b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(p)))
			if err != nil || string(b) != want {
				t.Errorf("%s: hand-written %s: %q, %v", step, p, b, err)
			}
		}
	}
	if code, _, stderr := runCmd(generateArgs(out, "example.com/a/out")...); code != exitOK {
		t.Fatalf("generate: exit %d: %s", code, stderr)
	}
	checkMine("first generation")
	if _, err := os.Stat(filepath.Join(out, "obsolete", "old.go")); !os.IsNotExist(err) {
		t.Errorf("stale generated obsolete/old.go not removed: %v", err)
	}
	before := snapshot(t, out)
	if code, _, stderr := runCmd(generateArgs(out, "example.com/b/out")...); code != exitOK {
		t.Fatalf("regenerate: exit %d: %s", code, stderr)
	}
	checkMine("regeneration")
	after := snapshot(t, out)
	for p := range mine {
		if before[p] != after[p] {
			t.Errorf("regeneration touched hand-written %s", p)
		}
	}
	changed := 0
	for p, e := range after {
		if _, isMine := mine[p]; !isMine && e.mode.IsRegular() && e.content != before[p].content {
			changed++
		}
	}
	if changed == 0 {
		t.Error("the regeneration changed no generated file; the test proves nothing")
	}
}

// TestHandWrittenFileInTheWay: a hand-written file where a generated one
// goes stops the run before anything is written.
func TestHandWrittenFileInTheWay(t *testing.T) {
	for _, p := range []string{"api_client.go", "types/types.go", "eksauthmock/server.go", "internal/awsrt/do.go"} {
		t.Run(p, func(t *testing.T) {
			root := t.TempDir()
			out := filepath.Join(root, "out")
			if code, _, stderr := runCmd(generateArgs(out, "example.com/a/out")...); code != exitOK {
				t.Fatalf("generate: exit %d: %s", code, stderr)
			}
			writeTree(t, out, map[string]string{p: "package mine\n"})
			before := snapshot(t, root)
			code, _, stderr := runCmd(generateArgs(out, "example.com/b/out")...)
			if code != exitFail || !strings.Contains(stderr, filepath.FromSlash(p)) {
				t.Errorf("exit %d, stderr %q: want 1 naming %s", code, stderr, p)
			}
			if d := diffSnapshots(before, snapshot(t, root)); len(d) > 0 {
				t.Errorf("the run wrote although a file was in the way:\n%s", strings.Join(d, "\n"))
			}
		})
	}
}

// TestInterruptedRunKeepsFilesWhole makes a write fail in the middle of a
// regeneration (a directory now stands where a generated file is renamed
// to, which fails even for root). Every generated file must then hold
// exactly its previous or its new content (never a mix or a partial
// write), the files after the failure must be untouched, no temporary file
// may be left, and a rerun must complete the output.
func TestInterruptedRunKeepsFilesWhole(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "out")
	writeTree(t, out, map[string]string{"handwritten.go": "package eksauth\n"})
	if code, _, stderr := runCmd(generateArgs(out, "example.com/a/out")...); code != exitOK {
		t.Fatalf("generate: exit %d: %s", code, stderr)
	}
	old := snapshot(t, out)
	files := mustGenerate(t, mustRead(t, projectModel), generator.Options{Filename: projectModel, ImportPath: "example.com/b/out"})
	p, err := makePlan(out, files)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.changes) < 3 {
		t.Fatalf("only %d changes; the test needs a regeneration that changes files", len(p.changes))
	}
	failAt := len(p.changes) / 2
	blocked := p.changes[failAt].path
	blockedName := filepath.Join(out, filepath.FromSlash(blocked))
	if err := os.Remove(blockedName); err != nil {
		t.Fatal(err)
	}
	writeTree(t, blockedName, map[string]string{"obstacle": "x"})

	if err := p.apply(); err == nil {
		t.Fatal("apply succeeded although a directory stands in the way")
	}
	after := snapshot(t, out)
	if tmp := tempFiles(after); len(tmp) > 0 {
		t.Errorf("temporary files left: %q", tmp)
	}
	for i, c := range p.changes {
		if c.path == blocked {
			continue
		}
		got, ok := after[c.path]
		prev, existed := old[c.path]
		switch {
		case i < failAt && c.kind != remove && (!ok || got.content != string(c.new)):
			t.Errorf("%s (before the failure) does not hold its new content", c.path)
		case i > failAt && (ok != existed || got != prev):
			t.Errorf("%s (after the failure) was changed", c.path)
		}
	}
	for path, e := range after {
		if e.mode.IsRegular() && !strings.HasPrefix(path, blocked+"/") {
			if e.content != old[path].content && !bytes.Equal([]byte(e.content), newContent(files, path)) {
				t.Errorf("%s holds neither its previous nor its new content", path)
			}
		}
	}
	if after["handwritten.go"] != old["handwritten.go"] {
		t.Error("the interrupted run touched handwritten.go")
	}

	if err := os.RemoveAll(blockedName); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCmd(generateArgs(out, "example.com/b/out")...); code != exitOK {
		t.Fatalf("rerun: exit %d: %s", code, stderr)
	}
	final := snapshot(t, out)
	for _, f := range files {
		if final[f.Path].content != string(f.Content) {
			t.Errorf("after the rerun %s is not the new content", f.Path)
		}
	}
}

// newContent returns the generated content of path, or nil.
func newContent(files []generator.File, path string) []byte {
	for _, f := range files {
		if f.Path == path {
			return f.Content
		}
	}
	return nil
}
