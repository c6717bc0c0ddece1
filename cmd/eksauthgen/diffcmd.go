package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/eksauthgen/eksauthgen/generator/diff"
	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// diffOptions are the diff subcommand's flags and arguments.
type diffOptions struct {
	service        string // -service
	json           bool   // -json
	failOnBreaking bool   // -fail-on-breaking
	old, new       string // the two model files
}

// runDiff is the diff subcommand: it compares two versions of a model and
// reports the changes that matter to Go users of the generated code. Exit
// status: 1 when a model cannot be read or, with -fail-on-breaking, when a
// change is breaking; 2 for usage errors.
func runDiff(args []string, stdout, stderr io.Writer) int {
	o, err := parseDiffFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		return exitUsage
	}
	oldModel, err := loadDiffModel(o.old, o.service)
	if err != nil {
		printErrors(stderr, err)
		return exitFail
	}
	newModel, err := loadDiffModel(o.new, o.service)
	if err != nil {
		printErrors(stderr, err)
		return exitFail
	}
	changes := diff.Compare(oldModel, newModel)
	write := diff.WriteText
	if o.json {
		write = diff.WriteJSON
	}
	if err := write(stdout, changes); err != nil {
		return fail(stderr, err)
	}
	if o.failOnBreaking && diff.HasBreaking(changes) {
		return exitFail
	}
	return exitOK
}

// loadDiffModel reads and prepares one model file.
func loadDiffModel(file, service string) (*ir.Model, error) {
	src, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("eksauthgen: %w", err)
	}
	return diff.Load(src, file, service)
}

// parseDiffFlags parses "diff [flags] OLD.json NEW.json". It returns
// flag.ErrHelp for -h, and errUsage (after printing why) for a bad command
// line.
func parseDiffFlags(args []string, stderr io.Writer) (diffOptions, error) {
	var o diffOptions
	fs := flag.NewFlagSet("eksauthgen diff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.service, "service", "", "absolute shape `ID` of the service to compare in both models (default: each model's only service)")
	fs.BoolVar(&o.json, "json", false, "print a JSON array of {kind, severity, id, goName, detail} objects")
	fs.BoolVar(&o.failOnBreaking, "fail-on-breaking", false, "exit 1 when any change is breaking")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: eksauthgen diff [flags] OLD.json NEW.json\n\nflags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return o, err
		}
		return o, errUsage
	}
	if o.service != "" {
		ns, name, ok := strings.Cut(o.service, "#")
		if !ok || ns == "" || name == "" || strings.Contains(name, "$") {
			fmt.Fprintf(stderr, "eksauthgen: -service %q is not an absolute shape ID (namespace#Name)\n", o.service)
			fs.Usage()
			return o, errUsage
		}
	}
	if fs.NArg() != 2 {
		fmt.Fprintf(stderr, "eksauthgen: diff needs two model files, got %d arguments\n", fs.NArg())
		fs.Usage()
		return o, errUsage
	}
	o.old, o.new = fs.Arg(0), fs.Arg(1)
	return o, nil
}
