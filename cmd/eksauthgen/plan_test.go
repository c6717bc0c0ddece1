package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/eksauthgen/eksauthgen/generator"
)

// gen returns a generated file with the header and body.
func gen(path, body string) generator.File {
	return generator.File{Path: path, Content: []byte(generator.Header + "\n\npackage p\n\n" + body + "\n")}
}

// writeTree creates files (slash path → content) under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		full := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// readTree returns every file under dir (slash path → content), and the
// directories, each with a trailing slash.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(dir, func(name string, d fs.DirEntry, err error) error {
		if err != nil || name == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, name)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			got[rel+"/"] = ""
			return nil
		}
		b, err := os.ReadFile(name)
		got[rel] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestApply(t *testing.T) {
	hdr := generator.Header + "\n"
	a, b, c := gen("a.go", "// a"), gen("types/b.go", "// b"), gen("internal/x/c.go", "// c")
	tests := []struct {
		name      string
		disk      map[string]string
		files     []generator.File
		wantKinds map[string]changeKind
		wantTree  map[string]string // after apply; nil when apply must fail
	}{
		{
			name:      "empty output directory",
			files:     []generator.File{a, b},
			wantKinds: map[string]changeKind{"a.go": create, "types/b.go": create},
			wantTree:  map[string]string{"a.go": string(a.Content), "types/": "", "types/b.go": string(b.Content)},
		},
		{
			name:      "unchanged file is not rewritten, changed one is",
			disk:      map[string]string{"a.go": string(a.Content), "types/b.go": hdr + "old\n"},
			files:     []generator.File{a, b},
			wantKinds: map[string]changeKind{"types/b.go": update},
			wantTree:  map[string]string{"a.go": string(a.Content), "types/": "", "types/b.go": string(b.Content)},
		},
		{
			name: "stale generated files are removed with the directories they empty",
			disk: map[string]string{
				"old.go": hdr + "x\n", "internal/gone/g.go": hdr + "x\n", "internal/gone/deeper/h.go": hdr,
				"types/stale.go": hdr + "x\n", "types/b.go": string(b.Content),
			},
			files:     []generator.File{a, b},
			wantKinds: map[string]changeKind{"a.go": create, "old.go": remove, "internal/gone/g.go": remove, "internal/gone/deeper/h.go": remove, "types/stale.go": remove},
			wantTree:  map[string]string{"a.go": string(a.Content), "types/": "", "types/b.go": string(b.Content)},
		},
		{
			name: "hand-written files and foreign directories are left alone",
			disk: map[string]string{
				"handwritten.go": "package p\n", "notes.txt": hdr, "testdata/t.go": hdr, ".hidden/h.go": hdr,
				"_tmp/u.go": hdr, "vendor/v.go": hdr, "sub/go.mod": "module sub\n", "sub/s.go": hdr,
				"gen_header_later.go": "package p\n" + hdr,
			},
			files:     []generator.File{c},
			wantKinds: map[string]changeKind{"internal/x/c.go": create},
			wantTree: map[string]string{
				"handwritten.go": "package p\n", "notes.txt": hdr, "testdata/": "", "testdata/t.go": hdr, ".hidden/": "", ".hidden/h.go": hdr,
				"_tmp/": "", "_tmp/u.go": hdr, "vendor/": "", "vendor/v.go": hdr, "sub/": "", "sub/go.mod": "module sub\n", "sub/s.go": hdr,
				"gen_header_later.go": "package p\n" + hdr, "internal/": "", "internal/x/": "", "internal/x/c.go": string(c.Content),
			},
		},
		{
			name:      "a file without the header blocks every write",
			disk:      map[string]string{"types/b.go": "package types // mine\n", "old.go": hdr},
			files:     []generator.File{a, b},
			wantKinds: map[string]changeKind{"a.go": create, "types/b.go": update, "old.go": remove},
		},
		{
			name:      "a file where a directory must go blocks every write",
			disk:      map[string]string{"types": "not a dir\n"},
			files:     []generator.File{a, b},
			wantKinds: map[string]changeKind{"a.go": create},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			if tt.disk != nil {
				writeTree(t, out, tt.disk)
			}
			before := readTree(t, filepath.Dir(out))
			p, err := makePlan(out, tt.files)
			if err != nil {
				t.Fatal(err)
			}
			gotKinds := map[string]changeKind{}
			for _, c := range p.changes {
				gotKinds[c.path] = c.kind
			}
			if !mapsEqual(gotKinds, tt.wantKinds) {
				t.Errorf("changes = %v, want %v", gotKinds, tt.wantKinds)
			}
			if !slices.IsSortedFunc(p.changes, func(a, b change) int { return strings.Compare(a.path, b.path) }) {
				t.Errorf("changes not sorted by path")
			}
			err = p.apply()
			if tt.wantTree == nil {
				if err == nil {
					t.Fatalf("apply succeeded, want an error naming the file in the way")
				}
				for _, c := range p.conflicts {
					if !strings.Contains(err.Error(), c) {
						t.Errorf("error %q does not name conflict %q", err, c)
					}
				}
				if after := readTree(t, filepath.Dir(out)); !mapsEqual(after, before) {
					t.Errorf("apply wrote despite a conflict:\nbefore %q\nafter  %q", before, after)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := readTree(t, out); !mapsEqual(got, tt.wantTree) {
				t.Errorf("tree after apply:\n got %q\nwant %q", got, tt.wantTree)
			}
			if p2, err := makePlan(out, tt.files); err != nil || len(p2.changes)+len(p2.conflicts) != 0 {
				t.Errorf("second plan = %+v, %v; want no changes", p2, err)
			}
		})
	}
}

func mapsEqual[K comparable, V comparable](a, b map[K]V) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func TestMakePlanRejectsBadGeneratedFiles(t *testing.T) {
	tests := []struct {
		name  string
		files []generator.File
		want  string
	}{
		{"no header", []generator.File{{Path: "a.go", Content: []byte("package a\n")}}, "does not begin with"},
		{"absolute path", []generator.File{gen("/a.go", "")}, "invalid path"},
		{"dot-dot", []generator.File{gen("../a.go", "")}, "invalid path"},
		{"backslash", []generator.File{gen(`types\a.go`, "")}, "invalid path"},
		{"duplicate", []generator.File{gen("a.go", ""), gen("a.go", "")}, "generated twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := makePlan(t.TempDir(), tt.files)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("makePlan error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestApplyIsAtomicAndKeepsPermissions(t *testing.T) {
	out := t.TempDir()
	old := gen("a.go", "// old")
	writeTree(t, out, map[string]string{"a.go": string(old.Content)})
	if err := os.Chmod(filepath.Join(out, "a.go"), 0o600); err != nil {
		t.Fatal(err)
	}
	files := []generator.File{gen("a.go", "// new"), gen("types/b.go", "// b")}
	p, err := makePlan(out, files)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.apply(); err != nil {
		t.Fatal(err)
	}
	got := readTree(t, out)
	want := map[string]string{"a.go": string(files[0].Content), "types/": "", "types/b.go": string(files[1].Content)}
	if !mapsEqual(got, want) {
		t.Errorf("tree = %q, want %q (temporary files left behind?)", got, want)
	}
	for name, perm := range map[string]fs.FileMode{"a.go": 0o600, "types/b.go": 0o644} {
		fi, err := os.Stat(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != perm {
			t.Errorf("%s mode = %v, want %v", name, fi.Mode().Perm(), perm)
		}
	}
}

func TestWriteAtomicFailureLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	// The target is a non-empty directory, so the final rename fails.
	target := filepath.Join(dir, "a.go")
	writeTree(t, dir, map[string]string{"a.go/keep": "x"})
	if err := writeAtomic(target, []byte("data"), 0o644); err == nil {
		t.Fatal("writeAtomic over a directory succeeded")
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != "a.go" {
		t.Errorf("directory holds %v, want only a.go (temporary file left behind)", entries)
	}
}

func TestWriteDiffs(t *testing.T) {
	hdr := generator.Header + "\n"
	out := t.TempDir()
	writeTree(t, out, map[string]string{"b.go": hdr + "one\ntwo\n", "stale.go": hdr + "gone\n"})
	p, err := makePlan(out, []generator.File{
		{Path: "a.go", Content: []byte(hdr + "new\n")},
		{Path: "b.go", Content: []byte(hdr + "one\n2\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := p.writeDiffs(&buf); err != nil {
		t.Fatal(err)
	}
	slash := filepath.ToSlash(out)
	for _, want := range []string{
		"--- /dev/null\n+++ " + slash + "/a.go (generated)\n", "+new\n",
		"--- " + slash + "/b.go\n+++ " + slash + "/b.go (generated)\n", "-two\n+2\n",
		"--- " + slash + "/stale.go\n+++ /dev/null\n", "-gone\n",
	} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("diff lacks %q:\n%s", want, buf.String())
		}
	}
}

func TestSplitLines(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"a", []string{"a\n"}},
		{"a\n", []string{"a\n"}},
		{"a\nb", []string{"a\n", "b\n"}},
		{"a\n\nb\n", []string{"a\n", "\n", "b\n"}},
	}
	for _, tt := range tests {
		if got := splitLines([]byte(tt.in)); !slices.Equal(got, tt.want) {
			t.Errorf("splitLines(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHasHeader(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{generator.Header + "\n\npackage p\n", true},
		{generator.Header + "\r\npackage p\n", true},
		{generator.Header, true},
		{"// Code generated by other. DO NOT EDIT.\n", false},
		{"package p\n" + generator.Header + "\n", false},
		{" " + generator.Header + "\n", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := hasHeader([]byte(tt.in)); got != tt.want {
			t.Errorf("hasHeader(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestApplyLeavesUnchangedFilesUntouched(t *testing.T) {
	out := t.TempDir()
	same, changed := gen("same.go", "// same"), gen("changed.go", "// new")
	writeTree(t, out, map[string]string{"same.go": string(same.Content), "changed.go": generator.Header + "\n// old\n"})
	past := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	for _, name := range []string{"same.go", "changed.go"} {
		if err := os.Chtimes(filepath.Join(out, name), past, past); err != nil {
			t.Fatal(err)
		}
	}
	p, err := makePlan(out, []generator.File{changed, same})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.apply(); err != nil {
		t.Fatal(err)
	}
	for name, wantPast := range map[string]bool{"same.go": true, "changed.go": false} {
		fi, err := os.Stat(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		if fi.ModTime().Equal(past) != wantPast {
			t.Errorf("%s: modification time %v; want it unchanged: %v", name, fi.ModTime(), wantPast)
		}
	}
}
