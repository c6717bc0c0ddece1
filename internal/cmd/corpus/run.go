package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/eksauthgen/eksauthgen/internal/scratchmod"
)

// config is what a run is asked to do.
type config struct {
	Shared  string   // the reference data directory
	Subset  []string // model names to keep; nil for all
	Work    string   // the scratch module's directory; empty for a temporary one
	Keep    bool     // keep the scratch module
	Fresh   bool     // a new scratch directory, so that no generated package comes from the build cache
	Jobs    int      // models compiled at once
	GoCmd   string   // the go command
	Verbose bool     // progress on the log writer
}

// phases are the wall times of a run's phases, and the CPU time (user plus
// system, with child processes) of the go commands of the last three: on a
// busy machine the CPU time says what the run costs better than wall time.
type phases struct {
	Generate, Compile, Vet, Test time.Duration
	CompileCPU, VetCPU, TestCPU  time.Duration
}

// run generates, compiles, vets and tests every model and returns one
// result per model, in the order of models.
func run(ctx context.Context, cfg config, models []model, log io.Writer) ([]*result, phases, error) {
	var ph phases
	root, err := scratchmod.Root(".")
	if err != nil {
		return nil, ph, err
	}
	work, err := workDir(root, cfg)
	if err != nil {
		return nil, ph, err
	}
	if !cfg.Keep {
		defer func() {
			os.RemoveAll(work)
			if cfg.Work == "" {
				os.Remove(filepath.Dir(work)) // .corpus-tmp, only when nothing else uses it
			}
		}()
	} else {
		fmt.Fprintf(log, "corpus: scratch module in %s\n", work)
	}
	if err := scratchmod.Write(root, work, modPath); err != nil {
		return nil, ph, err
	}
	results := make([]*result, len(models))
	start := time.Now()
	for i, m := range models {
		results[i] = &result{Model: m}
		generateModel(m, modPath+"/"+m.Dir, filepath.Join(work, m.Dir), results[i])
		if cfg.Verbose {
			fmt.Fprintf(log, "generated %-30s %6s %4d files %s\n", m.Name, ms(results[i].Generate), results[i].Files, results[i].Err)
		}
	}
	ph.Generate = time.Since(start)
	g := newGoRunner(cfg.GoCmd, work)

	start = time.Now()
	compileEach(ctx, g, modPath, passing(results), max(cfg.Jobs, 1), cfg.Verbose, log)
	ph.Compile = time.Since(start)
	ph.CompileCPU = g.cpuTotal()

	start = time.Now()
	vetAll(ctx, g, modPath, passing(results))
	ph.Vet = time.Since(start)
	ph.VetCPU = g.cpuTotal() - ph.CompileCPU

	start = time.Now()
	testAll(ctx, g, modPath, passing(results))
	ph.Test = time.Since(start)
	ph.TestCPU = g.cpuTotal() - ph.CompileCPU - ph.VetCPU
	return results, ph, nil
}

// passing returns the results that have not failed yet.
func passing(results []*result) []*result {
	var out []*result
	for _, r := range results {
		if r.ok() {
			out = append(out, r)
		}
	}
	return out
}

// compileEach builds each model's packages with its own "go build
// ./<dir>/...", jobs at a time, and records the wall time and first error.
func compileEach(ctx context.Context, g *goRunner, modPath string, rs []*result, jobs int, verbose bool, log io.Writer) {
	work := make(chan *result)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range jobs {
		wg.Go(func() {
			for r := range work {
				out, took, cpu, err := g.run(ctx, "build", "./"+r.Model.Dir+"/...")
				r.Compile, r.CompileCPU = took, cpu
				if err != nil {
					first, rest := textErrors(out, modPath, []string{r.Model.Dir})
					r.fail(stageCompile, firstNonEmpty(first[r.Model.Dir], strings.Join(rest, "; "), err.Error()))
				}
				if verbose {
					mu.Lock()
					fmt.Fprintf(log, "compiled  %-30s %6s %s\n", r.Model.Name, ms(took), r.Err)
					mu.Unlock()
				}
			}
		})
	}
	for _, r := range rs {
		work <- r
	}
	close(work)
	wg.Wait()
}

// vetAll runs one "go vet" over the models' packages and records each
// model's first diagnostic.
func vetAll(ctx context.Context, g *goRunner, modPath string, rs []*result) {
	if len(rs) == 0 {
		return
	}
	args := []string{"vet"}
	for _, r := range rs {
		args = append(args, "./"+r.Model.Dir+"/...")
	}
	out, _, _, err := g.run(ctx, args...)
	if err == nil {
		return
	}
	failFromText(rs, stageVet, out, modPath, err)
}

// testAll runs one "go test -json" over the models' packages and records
// each model's first failure.
func testAll(ctx context.Context, g *goRunner, modPath string, rs []*result) {
	if len(rs) == 0 {
		return
	}
	args := []string{"test", "-json", "-vet=off"}
	for _, r := range rs {
		args = append(args, "./"+r.Model.Dir+"/...")
	}
	stdout, stderr, err := g.runSplit(ctx, args...)
	byDir := map[string]*result{}
	for _, r := range rs {
		byDir[r.Model.Dir] = r
	}
	attributed := false
	for _, o := range parseTestJSON(stdout) {
		if !o.Failed {
			continue
		}
		if r, ok := byDir[dirOfPackage(o.Package, modPath)]; ok {
			r.fail(stageTest, trimPackage(o.Err, modPath))
			attributed = true
		}
	}
	if err != nil && !attributed {
		failFromText(rs, stageTest, stderr, modPath, err)
	}
}

// failFromText records the failure err of a go command over the models rs
// at stage s from its text output: each model's first error line (see
// textErrors) fails that model; when no line names a model, every model
// fails with the unattributed lines (or err).
func failFromText(rs []*result, s stage, out []byte, modPath string, err error) {
	first, rest := textErrors(out, modPath, dirsOf(rs))
	attributed := false
	for _, r := range rs {
		if msg, ok := first[r.Model.Dir]; ok {
			r.fail(s, msg)
			attributed = true
		}
	}
	if !attributed {
		msg := firstNonEmpty(strings.Join(rest, "; "), err.Error())
		for _, r := range rs {
			r.fail(s, msg)
		}
	}
}

// trimPackage shortens the scratch module's paths in msg.
func trimPackage(msg, modPath string) string {
	return strings.ReplaceAll(msg, modPath+"/", "")
}

// dirsOf returns the model directories of rs.
func dirsOf(rs []*result) []string {
	dirs := make([]string, len(rs))
	for i, r := range rs {
		dirs[i] = r.Model.Dir
	}
	return dirs
}
