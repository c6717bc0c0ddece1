package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/eksauthgen/eksauthgen/generator"
)

// runGenerate is the generate subcommand: flags → generator.Generate →
// write (or, with -check, compare). Model errors are printed one per line.
func runGenerate(args []string, stdout, stderr io.Writer) int {
	o, err := parseGenerateFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		return exitUsage
	}
	src, name, err := loadModel(o)
	if err != nil {
		return fail(stderr, err)
	}
	importPath := o.importPath
	if importPath == "" {
		if importPath, err = deriveImportPath(o.out); err != nil {
			return fail(stderr, err)
		}
	}
	files, err := generator.Generate(src, generator.Options{Filename: name, Service: o.service, Package: o.pkg, ImportPath: importPath})
	if err != nil {
		printErrors(stderr, err)
		return exitFail
	}
	p, err := makePlan(o.out, files)
	if err != nil {
		return fail(stderr, err)
	}
	if o.check {
		return check(p, stdout, stderr)
	}
	if err := p.apply(); err != nil {
		return fail(stderr, err)
	}
	return exitOK
}

// fail prints err, prefixed with the command name, and returns exitFail.
func fail(stderr io.Writer, err error) int {
	fmt.Fprintf(stderr, "eksauthgen: %v\n", err)
	return exitFail
}

// check reports p without carrying it out: a diff on stdout and one line per
// file on stderr, and exit status 1, when anything would change.
func check(p *plan, stdout, stderr io.Writer) int {
	if len(p.changes) == 0 && len(p.conflicts) == 0 {
		return exitOK
	}
	if err := p.writeDiffs(stdout); err != nil {
		fmt.Fprintf(stderr, "eksauthgen: %v\n", err)
	}
	p.describe(stderr)
	fmt.Fprintf(stderr, "eksauthgen: %s is out of date; run eksauthgen without -check to regenerate it\n", p.out)
	return exitFail
}
