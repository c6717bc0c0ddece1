package generator_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/eksauthgen/eksauthgen/generator"
)

var update = flag.Bool("update", false, "rewrite the golden/*.txtar archives with the generator's output")

// goldenDir holds one txtar archive per feature, from this package's directory.
const goldenDir = "../golden"

// goldenConfig is the JSON in an archive's comment; every field is optional.
type goldenConfig struct {
	Service    string `json:"service"`    // generator.Options.Service
	Pkg        string `json:"pkg"`        // generator.Options.Package
	ImportPath string `json:"importPath"` // default: example.com/golden/<case>
}

// Entry names of a golden archive.
const (
	modelEntry  = "model.json" // the input model
	stderrEntry = "stderr"     // the expected error text
	outPrefix   = "out/"       // out/<path>: an expected generated file
	// templatesEntry lists the template copies in the output, one path a
	// line: their content is the template packages' own, tested there.
	templatesEntry = "templates"
)

// goldenCase is one archive under golden/.
type goldenCase struct {
	name    string // path below golden/ without ".txtar", e.g. "errors/bad-length"
	file    string // the archive's path
	archive *txtar.Archive
	config  goldenConfig
	model   []byte
}

// TestGolden runs the generator on each golden/**/*.txtar archive's
// model.json and compares the result with the archive's out/... entries (or
// its stderr entry). With -update it rewrites the archives instead. The
// outputs that match are then type-checked together.
func TestGolden(t *testing.T) {
	cases := loadGoldenCases(t)
	var units []checkUnit
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			files, genErr := generateTwice(t, c)
			got := goldenEntries(files, genErr)
			if *update {
				c.rewrite(t, got)
			} else if !c.compare(t, got) {
				return
			}
			if genErr == nil && len(files) > 0 {
				units = append(units, checkUnit{Name: c.name, ImportPath: c.importPath(), Files: files})
			}
		})
	}
	if len(units) == 0 || t.Failed() {
		return
	}
	t.Run("typecheck", func(t *testing.T) {
		for _, r := range typeCheck(t, "golden", units) {
			if len(r.Errors) > 0 {
				t.Errorf("golden/%s.txtar: output does not type-check:\n\t%s", r.Unit.Name, strings.Join(r.Errors, "\n\t"))
			}
		}
	})
}

// loadGoldenCases reads every archive under goldenDir, sorted by path.
func loadGoldenCases(t *testing.T) []*goldenCase {
	t.Helper()
	var cases []*goldenCase
	err := filepath.WalkDir(goldenDir, func(name string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && name == filepath.Join(goldenDir, "diff") {
			return filepath.SkipDir // model pairs for generator/diff, which has its own test
		}
		if err != nil || d.IsDir() || !strings.HasSuffix(name, ".txtar") {
			return err
		}
		rel, err := filepath.Rel(goldenDir, name)
		if err != nil {
			return err
		}
		c, err := parseGoldenCase(name, strings.TrimSuffix(filepath.ToSlash(rel), ".txtar"))
		if err != nil {
			return err
		}
		cases = append(cases, c)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatalf("no golden cases in %s", goldenDir)
	}
	return cases
}

// parseGoldenCase reads and checks one archive, the case called name.
func parseGoldenCase(file, name string) (*goldenCase, error) {
	a, err := txtar.ParseFile(file)
	if err != nil {
		return nil, err
	}
	c := &goldenCase{name: name, file: file, archive: a}
	if comment := bytes.TrimSpace(a.Comment); len(comment) > 0 {
		dec := json.NewDecoder(bytes.NewReader(comment))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&c.config); err != nil {
			return nil, fmt.Errorf("%s: archive comment must be a JSON config (service, pkg, importPath): %v", file, err)
		}
	}
	seen := map[string]bool{}
	for _, f := range a.Files {
		switch {
		case seen[f.Name]:
			return nil, fmt.Errorf("%s: entry %q appears twice", file, f.Name)
		case f.Name == modelEntry:
			c.model = f.Data
		case f.Name == stderrEntry, f.Name == templatesEntry, strings.HasPrefix(f.Name, outPrefix) && len(f.Name) > len(outPrefix):
		default:
			return nil, fmt.Errorf("%s: unexpected entry %q (want %s, %s, %s or %s<path>)", file, f.Name, modelEntry, stderrEntry, templatesEntry, outPrefix)
		}
		seen[f.Name] = true
	}
	if c.model == nil {
		return nil, fmt.Errorf("%s: no %s entry", file, modelEntry)
	}
	return c, nil
}

// importPath returns the import path the case generates for.
func (c *goldenCase) importPath() string {
	if c.config.ImportPath != "" {
		return c.config.ImportPath
	}
	return "example.com/golden/" + c.name
}

// generateTwice runs the generator on the case's model twice and fails the
// test unless both runs agree and the files are sorted by unique paths.
func generateTwice(t *testing.T, c *goldenCase) ([]generator.File, error) {
	t.Helper()
	opts := generator.Options{Filename: modelEntry, Service: c.config.Service, Package: c.config.Pkg, ImportPath: c.importPath()}
	files, err := generator.Generate(c.model, opts)
	again, errAgain := generator.Generate(c.model, opts)
	if fmt.Sprint(err) != fmt.Sprint(errAgain) || !slices.EqualFunc(files, again, func(a, b generator.File) bool {
		return a.Path == b.Path && bytes.Equal(a.Content, b.Content)
	}) {
		t.Errorf("two runs of the generator on the same model differ (output is not deterministic)")
	}
	if !slices.IsSortedFunc(files, func(a, b generator.File) int { return strings.Compare(a.Path, b.Path) }) {
		t.Errorf("generated files are not sorted by path")
	}
	for i := 1; i < len(files); i++ {
		if files[i].Path == files[i-1].Path {
			t.Errorf("%s generated twice", files[i].Path)
		}
	}
	return files, err
}

// goldenEntries returns what an archive should hold besides the model: the
// files as out/<path>, or the error as stderr.
func goldenEntries(files []generator.File, err error) []txtar.File {
	if err != nil {
		return []txtar.File{{Name: stderrEntry, Data: []byte(strings.TrimRight(err.Error(), "\n") + "\n")}}
	}
	var entries []txtar.File
	var copies []string
	for _, f := range files {
		if f.Template != "" {
			copies = append(copies, f.Path)
			continue
		}
		entries = append(entries, txtar.File{Name: outPrefix + f.Path, Data: f.Content})
	}
	if len(copies) > 0 {
		entries = append(entries, txtar.File{Name: templatesEntry, Data: []byte(strings.Join(copies, "\n") + "\n")})
	}
	return entries
}

// expected returns the archive's entries other than the model, by name.
func (c *goldenCase) expected() map[string][]byte {
	m := map[string][]byte{}
	for _, f := range c.archive.Files {
		if f.Name != modelEntry {
			m[f.Name] = f.Data
		}
	}
	return m
}

// compare reports each entry of got that differs from the archive, with a
// unified diff, and whether all matched.
func (c *goldenCase) compare(t *testing.T, got []txtar.File) bool {
	t.Helper()
	if len(c.expected()) == 0 {
		t.Errorf("%s has no expected output; run go test ./generator -run Golden -update", c.display())
		return false
	}
	msgs := c.mismatches(got)
	for _, m := range msgs {
		t.Error(m)
	}
	if len(msgs) > 0 {
		t.Logf("if the new output is right, run go test ./generator -run Golden -update")
	}
	return len(msgs) == 0
}

// mismatches returns one message per entry that differs between the
// archive's expected entries and got, sorted by entry name.
func (c *goldenCase) mismatches(got []txtar.File) []string {
	want := c.expected()
	gotByName := map[string][]byte{}
	for _, f := range got {
		gotByName[f.Name] = f.Data
	}
	var names []string
	for n := range want {
		names = append(names, n)
	}
	for n := range gotByName {
		names = append(names, n)
	}
	slices.Sort(names)
	names = slices.Compact(names)
	var msgs []string
	for _, n := range names {
		w, inWant := want[n]
		g, inGot := gotByName[n]
		switch {
		case !inGot:
			msgs = append(msgs, fmt.Sprintf("%s: %s expected but not generated", c.display(), n))
		case !inWant:
			msgs = append(msgs, fmt.Sprintf("%s: %s generated but not expected:\n%s", c.display(), n, unifiedDiff("/dev/null", n+" (got)", nil, g)))
		case !bytes.Equal(w, g):
			msgs = append(msgs, fmt.Sprintf("%s: %s differs (-want +got):\n%s", c.display(), n, unifiedDiff(n+" (want)", n+" (got)", w, g)))
		}
	}
	return msgs
}

// display returns the archive's path from the project root.
func (c *goldenCase) display() string { return "golden/" + c.name + ".txtar" }

// rewrite writes the archive back with got as its expected entries, keeping
// its comment and model, when that changes it.
func (c *goldenCase) rewrite(t *testing.T, got []txtar.File) {
	t.Helper()
	a := &txtar.Archive{Comment: c.archive.Comment, Files: append([]txtar.File{{Name: modelEntry, Data: c.model}}, got...)}
	data := txtar.Format(a)
	// An entry holding a line like "-- name --" would not read back.
	if back := txtar.Parse(data); len(back.Files) != len(a.Files) {
		t.Fatalf("%s: the output cannot be stored in a txtar archive (a line looks like a file marker)", c.display())
	}
	old, err := os.ReadFile(c.file)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(old, data) {
		return
	}
	if err := os.WriteFile(c.file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("updated %s", c.display())
}
