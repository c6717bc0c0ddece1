package diff_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/eksauthgen/eksauthgen/generator/diff"
	"github.com/eksauthgen/eksauthgen/generator/ir"
)

var update = flag.Bool("update", false, "rewrite the stdout and json entries of the golden/diff archives")

// goldenDir holds one txtar archive per kind of change (the generator's
// golden test skips this directory).
const goldenDir = "../../golden/diff"

// Entries of a diff golden archive. The archive's comment holds "#" lines
// describing the case and, optionally, a JSON object {"service": "ns#Name"}
// selecting the service in both models.
const (
	oldEntry    = "old.json" // the model before
	newEntry    = "new.json" // the model after
	stdoutEntry = "stdout"   // the expected text report
	jsonEntry   = "json"     // the expected -json report
)

// TestGoldenDiff compares two versions of a model from each golden/diff
// archive and checks the text and JSON reports against the archive (or,
// with -update, rewrites them).
func TestGoldenDiff(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(goldenDir, "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no archives in %s", goldenDir)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			a, service := loadArchive(t, file)
			changes := compareEntries(t, a, service)
			if again := compareEntries(t, a, service); !slices.Equal(changes, again) {
				t.Fatalf("two comparisons differ:\n%v\n%v", changes, again)
			}
			var text, js bytes.Buffer
			if err := diff.WriteText(&text, changes); err != nil {
				t.Fatal(err)
			}
			if err := diff.WriteJSON(&js, changes); err != nil {
				t.Fatal(err)
			}
			got := map[string][]byte{stdoutEntry: text.Bytes(), jsonEntry: js.Bytes()}
			if *update {
				rewrite(t, file, a, got)
				return
			}
			for _, entry := range []string{stdoutEntry, jsonEntry} {
				want, ok := entryData(a, entry)
				if !ok {
					t.Errorf("%s: no %s entry; run go test ./generator/diff -update", file, entry)
					continue
				}
				if !bytes.Equal(want, got[entry]) {
					t.Errorf("%s: %s differs:\n--- want\n%s--- got\n%s", file, entry, want, got[entry])
				}
			}
		})
	}
}

// loadArchive reads a golden archive and the service its comment selects.
func loadArchive(t *testing.T, file string) (*txtar.Archive, string) {
	t.Helper()
	a, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		Service string `json:"service"`
	}
	if c := configText(a.Comment); len(c) > 0 {
		if err := json.Unmarshal(c, &cfg); err != nil {
			t.Fatalf("%s: comment: %v", file, err)
		}
	}
	return a, cfg.Service
}

// configText returns the archive comment without its "#" description lines.
func configText(comment []byte) []byte {
	var b bytes.Buffer
	for line := range bytes.Lines(comment) {
		if !bytes.HasPrefix(line, []byte("#")) {
			b.Write(line)
		}
	}
	return bytes.TrimSpace(b.Bytes())
}

// compareEntries loads the archive's two models and compares them.
func compareEntries(t *testing.T, a *txtar.Archive, service string) []diff.Change {
	t.Helper()
	var models [2]*ir.Model
	for i, entry := range []string{oldEntry, newEntry} {
		src, ok := entryData(a, entry)
		if !ok {
			t.Fatalf("no %s entry", entry)
		}
		m, err := diff.Load(src, entry, service)
		if err != nil {
			t.Fatalf("%s: %v", entry, err)
		}
		models[i] = m
	}
	return diff.Compare(models[0], models[1])
}

// entryData returns the content of the archive entry called name.
func entryData(a *txtar.Archive, name string) ([]byte, bool) {
	for _, f := range a.Files {
		if f.Name == name {
			return f.Data, true
		}
	}
	return nil, false
}

// rewrite replaces or appends the archive's report entries and writes it.
func rewrite(t *testing.T, file string, a *txtar.Archive, got map[string][]byte) {
	t.Helper()
	for _, entry := range []string{stdoutEntry, jsonEntry} {
		i := slices.IndexFunc(a.Files, func(f txtar.File) bool { return f.Name == entry })
		if i < 0 {
			a.Files = append(a.Files, txtar.File{Name: entry})
			i = len(a.Files) - 1
		}
		a.Files[i].Data = got[entry]
	}
	if err := os.WriteFile(file, txtar.Format(a), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestGoldenDiffReversed compares each golden archive's models the other way
// round: every addition must come back as a removal and the reverse.
func TestGoldenDiffReversed(t *testing.T) {
	pairs := [][2]diff.Kind{
		{diff.OperationAdded, diff.OperationRemoved},
		{diff.ShapeAdded, diff.ShapeRemoved},
		{diff.MemberAdded, diff.MemberRemoved},
		{diff.ErrorAdded, diff.ErrorRemoved},
		{diff.EnumValueAdded, diff.EnumValueRemoved},
		{diff.SensitiveAdded, diff.SensitiveRemoved},
		{diff.EndpointParamAdded, diff.EndpointParamRemoved},
	}
	files, err := filepath.Glob(filepath.Join(goldenDir, "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			a, service := loadArchive(t, file)
			forward := compareEntries(t, a, service)
			oldSrc, _ := entryData(a, oldEntry)
			newSrc, _ := entryData(a, newEntry)
			reversed := compareEntries(t, &txtar.Archive{Files: []txtar.File{
				{Name: oldEntry, Data: newSrc}, {Name: newEntry, Data: oldSrc},
			}}, service)
			count := func(cs []diff.Change, k diff.Kind) int {
				n := 0
				for _, c := range cs {
					if c.Kind == k {
						n++
					}
				}
				return n
			}
			for _, p := range pairs {
				if f, r := count(forward, p[0]), count(reversed, p[1]); f != r {
					t.Errorf("%d %s forward, %d %s reversed", f, p[0], r, p[1])
				}
				if f, r := count(forward, p[1]), count(reversed, p[0]); f != r {
					t.Errorf("%d %s forward, %d %s reversed", f, p[1], r, p[0])
				}
			}
			if len(forward) == 0 != (len(reversed) == 0) {
				t.Errorf("forward has %d changes, reversed %d", len(forward), len(reversed))
			}
		})
	}
}
