// Command protocoltests generates Smithy's restJson1 compliance suites
// (aws.protocoltests.restjson#RestJson and
// aws.protocoltests.restjson.validation#RestJsonValidation, from
// <shared>/protocol-tests/smithy-aws-protocol-tests.json) into a temporary
// Go module, runs the protocol tests the generator emitted (client and
// server side), and ends with one line per suite:
//
//	protocol-tests RestJson: P passed, F failed, S skipped
//
// Cases listed in golden/protocol-skips.txt are skipped and counted as
// skipped; a listed case that does not exist is an error. The exit status is
// 1 when a case failed or the run could not be made, 0 otherwise (and when
// the shared folder is absent: the run is skipped with one line).
//
// Usage (from the project root, as `make protocol-tests` does):
//
//	go run ./internal/cmd/protocoltests -shared ../shared [-skips golden/protocol-skips.txt] [-keep] [-v]
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// options are the command-line flags.
type options struct {
	shared string // the shared reference folder
	skips  string // the skip list
	root   string // the project root (holding go.mod and go.sum)
	keep   bool   // keep the temporary module
	only   string // run only the suite of that name
}

// run runs the command and returns its exit status.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("protocoltests", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	fs.StringVar(&o.shared, "shared", "../shared", "the shared reference folder")
	fs.StringVar(&o.skips, "skips", "golden/protocol-skips.txt", "the list of skipped cases")
	fs.StringVar(&o.root, "root", ".", "the project root (go.mod, go.sum)")
	fs.BoolVar(&o.keep, "keep", false, "keep the temporary module and print where it is")
	fs.StringVar(&o.only, "suite", "", "run only this suite (RestJson or RestJsonValidation)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "protocoltests: unexpected arguments %q\n", fs.Args())
		return 2
	}
	model := modelPath(o.shared)
	if _, err := os.Stat(model); err != nil {
		fmt.Fprintf(stdout, "protocol-tests: skipped, %s not found\n", model)
		return 0
	}
	ok, err := runSuites(o, model, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "protocoltests: %v\n", err)
		return 1
	}
	if !ok {
		return 1
	}
	return 0
}
