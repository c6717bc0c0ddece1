package generator_test

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eksauthgen/eksauthgen/generator"
)

// shortCorpus is the fixed subset of ../shared/aws-models that -short
// checks: the smallest models, with EKS Auth first.
var shortCorpus = []string{"eks-auth", "apigatewaymanagementapi", "cloudtrail-data", "appconfigdata", "cloudfront-keyvaluestore", "ebs"}

// Limits of one go/packages load of the corpus, to bound memory.
const (
	maxBatchUnits = 12
	maxBatchBytes = 12 << 20
)

// corpusModel is one published model.
type corpusModel struct {
	name string // the service directory, e.g. "eks-auth"
	file string // path to the model
}

// corpusOutcome is what the corpus test found for one model.
type corpusOutcome struct {
	model corpusModel
	files []generator.File
	err   string // the first problem; empty when the model generates and type-checks
}

// sharedDir returns the reference data directory: $EKSAUTHGEN_SHARED, else
// ../shared beside the project. It skips the test when that is absent.
func sharedDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("EKSAUTHGEN_SHARED")
	if dir == "" {
		dir = filepath.Join(moduleRoot(t), "..", "shared")
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("reference data %s is absent", dir)
	}
	return dir
}

// corpusModels lists ../shared/aws-models/<name>/service/<version>/*.json,
// sorted by name (only the subset under -short).
func corpusModels(t *testing.T) []corpusModel {
	t.Helper()
	dir := filepath.Join(sharedDir(t), "aws-models")
	files, err := filepath.Glob(filepath.Join(dir, "*", "service", "*", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Skipf("no models under %s", dir)
	}
	var ms []corpusModel
	for _, f := range files {
		rel, err := filepath.Rel(dir, f)
		if err != nil {
			t.Fatal(err)
		}
		name, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
		if testing.Short() && !slices.Contains(shortCorpus, name) {
			continue
		}
		ms = append(ms, corpusModel{name: name, file: f})
	}
	slices.SortFunc(ms, func(a, b corpusModel) int { return strings.Compare(a.file, b.file) })
	return ms
}

// TestCorpusTypeChecks generates every published model in
// ../shared/aws-models and type-checks each output (-short: a fixed subset).
func TestCorpusTypeChecks(t *testing.T) {
	models := corpusModels(t)
	start := time.Now()
	outcomes := generateCorpus(models)
	t.Logf("generated %d models in %v", len(models), time.Since(start).Round(time.Millisecond))
	start = time.Now()
	for b, batch := range corpusBatches(outcomes) {
		units := make([]checkUnit, len(batch))
		for i, o := range batch {
			units[i] = checkUnit{Name: o.model.name, ImportPath: "example.com/corpus/" + o.model.name, Files: o.files}
		}
		for i, r := range typeCheck(t, fmt.Sprintf("corpus-%02d", b), units) {
			if len(r.Errors) > 0 {
				batch[i].err = fmt.Sprintf("type-check: %s (%d+ errors)", r.Errors[0], len(r.Errors))
			}
		}
	}
	t.Logf("type-checked in %v", time.Since(start).Round(time.Millisecond))
	pass := 0
	for _, o := range outcomes {
		if o.err == "" {
			pass++
			t.Logf("PASS %s (%d files)", o.model.name, len(o.files))
		} else {
			t.Errorf("FAIL %s: %s", o.model.name, o.err)
		}
	}
	t.Logf("%d/%d models generate and type-check", pass, len(outcomes))
}

// generateCorpus runs the generator on every model, GOMAXPROCS at a time.
func generateCorpus(models []corpusModel) []*corpusOutcome {
	outcomes := make([]*corpusOutcome, len(models))
	work := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range work {
				outcomes[i] = generateModel(models[i])
			}
		})
	}
	for i := range models {
		work <- i
	}
	close(work)
	wg.Wait()
	return outcomes
}

// generateModel generates one model; the outcome's err says what failed.
func generateModel(m corpusModel) *corpusOutcome {
	o := &corpusOutcome{model: m}
	src, err := os.ReadFile(m.file)
	if err != nil {
		o.err = err.Error()
		return o
	}
	o.files, err = generator.Generate(src, generator.Options{Filename: filepath.Base(m.file), ImportPath: "example.com/corpus/" + m.name})
	switch {
	case err != nil:
		o.err = fmt.Sprintf("generate: %s", firstError(err))
	case len(o.files) == 0:
		o.err = "generate: no files"
	case !slices.ContainsFunc(o.files, func(f generator.File) bool { return strings.HasSuffix(f.Path, ".go") }):
		o.err = "generate: no Go files"
	}
	return o
}

// firstError returns the first line of the first of possibly joined errors,
// and how many there are.
func firstError(err error) string {
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok && len(j.Unwrap()) > 0 {
		errs = j.Unwrap()
	}
	first, _, _ := strings.Cut(errs[0].Error(), "\n")
	if len(errs) > 1 {
		return fmt.Sprintf("%s (and %d more)", first, len(errs)-1)
	}
	return first
}

// corpusBatches groups the outcomes that generated files into batches of at
// most maxBatchUnits models and about maxBatchBytes of source.
func corpusBatches(outcomes []*corpusOutcome) [][]*corpusOutcome {
	var batches [][]*corpusOutcome
	var cur []*corpusOutcome
	size := 0
	for _, o := range outcomes {
		if o.err != "" {
			continue
		}
		n := 0
		for _, f := range o.files {
			n += len(f.Content)
		}
		if len(cur) > 0 && (len(cur) == maxBatchUnits || size+n > maxBatchBytes) {
			batches = append(batches, cur)
			cur, size = nil, 0
		}
		cur = append(cur, o)
		size += n
	}
	if len(cur) > 0 {
		batches = append(batches, cur)
	}
	return batches
}

// readShared reads a file below the reference data directory, skipping the
// test when it is absent.
func readShared(t *testing.T, rel string) []byte {
	t.Helper()
	name := filepath.Join(sharedDir(t), filepath.FromSlash(rel))
	data, err := os.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s is absent", name)
	}
	if err != nil {
		t.Fatal(err)
	}
	return data
}
