package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/eksauthgen/eksauthgen/generator"
)

// setModTimes sets the modification time of every regular file under root
// to t, so that any rewrite shows, however coarse the file system's clock.
func setModTimes(tb testing.TB, root string, t time.Time) {
	tb.Helper()
	err := filepath.WalkDir(root, func(name string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		return os.Chtimes(name, t, t)
	})
	if err != nil {
		tb.Fatal(err)
	}
}

// TestRerunWritesOnlyWhatChanged regenerates into a current output
// directory: nothing under it may change (contents, modes, modification
// times, and the directories' modification times, which a temporary file
// or rename would move). Then one generated file is edited and another
// emptied (what a crash of the machine can leave of a newly written file):
// a rerun replaces exactly those two and leaves every other file alone.
func TestRerunWritesOnlyWhatChanged(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "out")
	args := generateArgs(out, "example.com/a/out")
	if code, _, stderr := runCmd(args...); code != exitOK {
		t.Fatalf("generate: exit %d: %s", code, stderr)
	}
	past := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	setModTimes(t, root, past)
	before := snapshot(t, root)
	if code, _, stderr := runCmd(args...); code != exitOK {
		t.Fatalf("rerun: exit %d: %s", code, stderr)
	}
	if d := diffSnapshots(before, snapshot(t, root)); len(d) > 0 {
		t.Errorf("a rerun with nothing to change changed:\n%s", strings.Join(d, "\n"))
	}

	edited, emptied := "api_client.go", filepath.ToSlash(filepath.Join("types", "types.go"))
	want := map[string]string{}
	for _, p := range []string{edited, emptied} {
		name := filepath.Join(out, filepath.FromSlash(p))
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		want[p] = string(b)
	}
	writeTree(t, out, map[string]string{edited: generator.Header + "\n\npackage eksauth\n", emptied: ""})
	setModTimes(t, root, past)
	before = snapshot(t, root)
	if code, _, stderr := runCmd(args...); code != exitOK {
		t.Fatalf("rerun after edits: exit %d: %s", code, stderr)
	}
	after := snapshot(t, root)
	var changed []string
	for p, e := range after {
		if e.mode.IsRegular() && e != before[p] {
			changed = append(changed, strings.TrimPrefix(p, "out/"))
		}
	}
	slices.Sort(changed)
	if !slices.Equal(changed, []string{edited, emptied}) {
		t.Errorf("the rerun changed the files %q, want exactly %q", changed, []string{edited, emptied})
	}
	for p, content := range want {
		if after["out/"+p].content != content {
			t.Errorf("%s does not hold its generated content again", p)
		}
		if !after["out/"+p].modTime.After(past) {
			t.Errorf("%s: modification time not updated", p)
		}
	}
}
