package main

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"time"
)

// stage is a step a model goes through; a model fails at its first failing
// stage.
type stage string

// The stages, in order.
const (
	stageGenerate stage = "generate"
	stageCompile  stage = "compile"
	stageVet      stage = "vet"
	stageTest     stage = "test"
)

// result is what the run found for one model.
type result struct {
	Model      model
	Files      int           // files generated
	Generate   time.Duration // in-process generation time
	Compile    time.Duration // wall time of compiling the model's packages
	CompileCPU time.Duration // CPU time of that (user plus system, with the compiler processes)
	Stage      stage         // the first stage that failed; empty when the model passed
	Err        string        // that stage's first error
}

// fail records the first failure; later ones are ignored.
func (r *result) fail(s stage, msg string) {
	if r.Stage == "" {
		r.Stage, r.Err = s, msg
	}
}

// ok reports whether the model passed every stage.
func (r *result) ok() bool { return r.Stage == "" }

// summaryLine is the line that ends a run's verdict.
func summaryLine(pass, total int) string {
	return fmt.Sprintf("corpus: %d/%d models generate, compile, vet and pass their tests", pass, total)
}

// slowestCount is how many models the report lists as the slowest.
const slowestCount = 5

// report writes one line per failed model, the summary line, and the
// slowest models by generation plus compile time. It returns the number of
// models that passed.
func report(w io.Writer, results []*result) int {
	pass := 0
	for _, r := range results {
		if r.ok() {
			pass++
			continue
		}
		fmt.Fprintf(w, "FAIL %s: %s: %s\n", r.Model.Name, r.Stage, r.Err)
	}
	fmt.Fprintln(w, summaryLine(pass, len(results)))
	fmt.Fprintln(w, "slowest:")
	for _, r := range slowest(results, slowestCount) {
		fmt.Fprintf(w, "  %-28s generate %7s  compile %7s (cpu %7s)  %d files\n", r.Model.Name, ms(r.Generate), ms(r.Compile), ms(r.CompileCPU), r.Files)
	}
	return pass
}

// slowest returns up to n results with the largest generation plus compile
// time, slowest first; ties are broken by name.
func slowest(results []*result, n int) []*result {
	s := slices.Clone(results)
	slices.SortStableFunc(s, func(a, b *result) int {
		if c := cmp.Compare(b.Generate+b.Compile, a.Generate+a.Compile); c != 0 {
			return c
		}
		return cmp.Compare(a.Model.Name, b.Model.Name)
	})
	return s[:min(n, len(s))]
}

// ms formats d in milliseconds.
func ms(d time.Duration) string {
	return fmt.Sprintf("%dms", d.Milliseconds())
}
