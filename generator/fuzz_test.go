package generator_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/eksauthgen/eksauthgen/generator"
	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// fuzzFile is the model file name the fuzz target passes to Generate.
const fuzzFile = "fuzz.json"

// FuzzGenerate checks that Generate never panics and returns either files
// or errors, and that every error about a model is an *ir.Error that
// carries a file:line:col position. Each generated Go file must parse.
//
// The seeds are the models of the golden archives (golden/*.txtar and
// golden/errors/*.txtar) with their service option, plus a few mutations;
// testdata/fuzz/FuzzGenerate holds the committed corpus.
func FuzzGenerate(f *testing.F) {
	for _, s := range fuzzGoldenSeeds(f) {
		f.Add(s.model, s.service)
	}
	f.Add([]byte(`{"smithy":"2.0","shapes":{}}`), "")
	f.Add([]byte(`{"smithy":"2.0","shapes":{"a#S":{"type":"service","operations":[{"target":"a#Op"}]},"a#Op":{"type":"operation"}}}`), "")
	f.Add([]byte(`{"smithy":"2.0","shapes":{"a#S":{"type":"service","operations":[{"target":"a#Missing"}]}}}`), "a#S")
	f.Add([]byte(`{"smithy":"2.0","shapes":{"a#S":{"type":"service"},"a#L":{"type":"list","member":{"target":"a#L"}}}}`), "a#Nope")
	f.Add([]byte(`[1,2`), "")
	f.Fuzz(func(t *testing.T, model []byte, service string) {
		files, err := generator.Generate(model, generator.Options{Filename: fuzzFile, Service: service, ImportPath: "example.com/fuzz/out"})
		if (err == nil) == (len(files) == 0) {
			t.Fatalf("%d files and error %v: want exactly one of them", len(files), err)
		}
		if err != nil {
			checkFuzzError(t, err)
			return
		}
		fset := token.NewFileSet()
		for _, file := range files {
			if strings.HasSuffix(file.Path, ".go") {
				if _, perr := parser.ParseFile(fset, file.Path, file.Content, parser.SkipObjectResolution); perr != nil {
					t.Fatalf("%s does not parse: %v", file.Path, perr)
				}
			}
		}
	})
}

// checkFuzzError checks that every error err joins is an *ir.Error about
// fuzzFile whose text begins with its file:line:col position (or with the
// bare file name when the model as a whole is concerned, e.g. no service).
func checkFuzzError(t *testing.T, err error) {
	t.Helper()
	for _, e := range leafErrors(err) {
		var ie *ir.Error
		if !errors.As(e, &ie) {
			t.Errorf("error %q (%T) is not an *ir.Error", e, e)
			continue
		}
		if ie.Pos.File != fuzzFile {
			t.Errorf("error %q names file %q, want %q", e, ie.Pos.File, fuzzFile)
		}
		if ie.Pos.IsValid() && (ie.Pos.Col < 1 || !strings.HasPrefix(e.Error(), ie.Pos.String()+": ")) {
			t.Errorf("error %q does not start with its position %s", e, ie.Pos)
		}
		if ie.Msg == "" {
			t.Errorf("error %q has no message", e)
		}
	}
}

// leafErrors flattens errors.Join trees.
func leafErrors(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, leafErrors(e)...)
		}
		return out
	}
	return []error{err}
}

// fuzzSeed is one seed of FuzzGenerate.
type fuzzSeed struct {
	model   []byte
	service string
}

// fuzzGoldenSeeds returns the model (and service option) of every golden
// archive, and for each a truncated and a retyped mutation.
func fuzzGoldenSeeds(f *testing.F) []fuzzSeed {
	f.Helper()
	var names []string
	for _, pat := range []string{"*.txtar", "errors/*.txtar"} {
		m, err := filepath.Glob(filepath.Join("..", "golden", pat))
		if err != nil {
			f.Fatal(err)
		}
		names = append(names, m...)
	}
	var seeds []fuzzSeed
	for _, name := range names {
		a, err := txtar.ParseFile(name)
		if err != nil {
			f.Fatal(err)
		}
		var cfg struct {
			Service string `json:"service"`
		}
		if c := bytes.TrimSpace(a.Comment); len(c) > 0 {
			if err := json.Unmarshal(c, &cfg); err != nil {
				f.Fatalf("%s: comment: %v", name, err)
			}
		}
		for _, file := range a.Files {
			if file.Name != "model.json" {
				continue
			}
			m := file.Data
			seeds = append(seeds,
				fuzzSeed{m, cfg.Service},
				fuzzSeed{m[:len(m)/2], cfg.Service},
				fuzzSeed{bytes.ReplaceAll(m, []byte(`"structure"`), []byte(`"list"`)), cfg.Service},
				fuzzSeed{bytes.ReplaceAll(m, []byte(`"target"`), []byte(`"targ"`)), cfg.Service},
			)
		}
	}
	if len(seeds) == 0 {
		if _, err := os.Stat(filepath.Join("..", "golden")); err != nil {
			f.Fatalf("no golden archives: %v", err)
		}
	}
	return seeds
}
