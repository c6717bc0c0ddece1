// Command corpus generates client, types, validators, mock server and tests
// for every published AWS model in <shared>/aws-models (sorted; any number)
// into one scratch module that requires the project's aws-sdk-go-v2 and
// smithy-go versions, then compiles each model's packages ("go build",
// two models at a time, timed), vets them ("go vet", one command) and runs
// their generated tests ("go test -json", one command), attributing every
// failure to its model by package path. It prints:
//
//	FAIL <model>: <stage>: <first error>      (one line per failing model)
//	corpus: N/M models generate, compile, vet and pass their tests
//	slowest:
//	  <model> generate <ms> compile <ms> (cpu <ms>) <n> files   (five lines)
//
// and, on standard error, the wall and CPU time of each phase.
//
// Usage (from the project root; "make corpus", "make corpus-ci"):
//
//	go run ./internal/cmd/corpus -shared ../shared [-subset ci] [-j 2] [-fresh] [-keep] [-work DIR] [-v]
//
// The scratch module is <root>/.corpus-tmp/corpus, the same directory every
// run so that the build cache serves unchanged packages (-fresh: a new
// directory, everything compiled again). The exit status is 1 when a model
// fails, 2 for usage errors, and 0 when every model passes or the shared
// directory is absent (the run is skipped).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	os.Exit(mainRun(os.Args[1:], os.Stdout, os.Stderr))
}

// mainRun parses args, runs the corpus and reports; it returns the exit
// status.
func mainRun(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("corpus", flag.ContinueOnError)
	fl.SetOutput(stderr)
	cfg := config{GoCmd: "go"}
	subset := ""
	fl.StringVar(&cfg.Shared, "shared", "../shared", "reference data directory (holds aws-models/)")
	fl.StringVar(&subset, "subset", "", `"ci" for the fixed subset CI runs; empty for every model`)
	fl.StringVar(&cfg.Work, "work", "", "scratch module directory (emptied first); default a temporary directory")
	fl.BoolVar(&cfg.Keep, "keep", false, "keep the scratch module")
	fl.BoolVar(&cfg.Fresh, "fresh", false, "write the scratch module into a new directory, so that no generated package comes from the build cache (for timing)")
	fl.IntVar(&cfg.Jobs, "j", 2, "models compiled at once")
	fl.BoolVar(&cfg.Verbose, "v", false, "print progress on standard error")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "corpus: unexpected arguments %q\n", fl.Args())
		return 2
	}
	switch subset {
	case "":
	case "ci":
		cfg.Subset = ciSubset
	default:
		fmt.Fprintf(stderr, "corpus: unknown -subset %q (want \"ci\")\n", subset)
		return 2
	}
	if _, err := os.Stat(filepath.Join(cfg.Shared, "aws-models")); errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintf(stdout, "corpus: skipped, %s not found\n", filepath.Join(cfg.Shared, "aws-models"))
		return 0
	}
	models, err := findModels(cfg.Shared)
	if err != nil {
		fmt.Fprintf(stderr, "corpus: %v\n", err)
		return 1
	}
	if cfg.Subset != nil {
		var missing []string
		models, missing = selectSubset(models, cfg.Subset)
		if len(missing) > 0 {
			fmt.Fprintf(stderr, "corpus: subset models not found: %s\n", strings.Join(missing, ", "))
			return 1
		}
	}
	if len(models) == 0 {
		fmt.Fprintf(stdout, "corpus: skipped, no models under %s\n", filepath.Join(cfg.Shared, "aws-models"))
		return 0
	}
	results, ph, err := run(context.Background(), cfg, models, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "corpus: %v\n", err)
		return 1
	}
	pass := report(stdout, results)
	fmt.Fprintf(stderr, "corpus: wall: generate %s, compile %s, vet %s, test %s; cpu of go commands: compile %s, vet %s, test %s\n",
		ms(ph.Generate), ms(ph.Compile), ms(ph.Vet), ms(ph.Test), ms(ph.CompileCPU), ms(ph.VetCPU), ms(ph.TestCPU))
	if pass < len(results) {
		return 1
	}
	return 0
}
