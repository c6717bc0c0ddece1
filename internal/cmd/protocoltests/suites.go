package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/eksauthgen/eksauthgen/generator"
	"github.com/eksauthgen/eksauthgen/internal/scratchmod"
)

// moduleName is the module path of the temporary module the suites are
// generated into (see scratchmod).
const moduleName = "protocoltests.local"

// suite is one service of the compliance model.
type suite struct {
	Name    string // as in the summary line and the skip list
	Service string // the service shape ID
	Package string // the Go package name of the generated client
}

// suites are the suites run, in order.
var suites = []suite{
	{Name: "RestJson", Service: "aws.protocoltests.restjson#RestJson", Package: "restjson"},
	{Name: "RestJsonValidation", Service: "aws.protocoltests.restjson.validation#RestJsonValidation", Package: "restjsonvalidation"},
}

// sideTest is one side of the tests and its top-level test function.
type sideTest struct{ Side, Func string }

// sides are the sides run, in order.
var sides = []sideTest{
	{"client", "TestProtocolClient"},
	{"server", "TestProtocolServer"},
}

// modelPath returns the path of the compliance model under the shared folder.
func modelPath(shared string) string {
	return filepath.Join(shared, "protocol-tests", "smithy-aws-protocol-tests.json")
}

// runSuites generates every suite into one temporary module, runs them and
// prints the results; ok is false when a case failed.
func runSuites(o options, model string, stdout io.Writer) (ok bool, err error) {
	skips, err := readSkips(o.skips)
	if err != nil {
		return false, err
	}
	src, err := os.ReadFile(model)
	if err != nil {
		return false, err
	}
	dir, err := os.MkdirTemp("", "protocoltests-")
	if err != nil {
		return false, err
	}
	if o.keep {
		fmt.Fprintf(stdout, "protocol-tests: module kept in %s\n", dir)
	} else {
		defer os.RemoveAll(dir)
	}
	if err := scratchmod.Write(o.root, dir, moduleName); err != nil {
		return false, err
	}
	var run []suite
	for _, s := range suites {
		if o.only == "" || o.only == s.Name {
			run = append(run, s)
		}
	}
	if len(run) == 0 {
		return false, fmt.Errorf("no suite named %q", o.only)
	}
	for _, s := range run {
		if err := generateSuite(dir, src, model, s); err != nil {
			return false, err
		}
	}
	if err := checkSkipsExist(dir, run, skips); err != nil {
		return false, err
	}
	ok = true
	var summaries []string
	for _, s := range run {
		res, err := runSuite(dir, s, skips.of(s.Name), sides)
		if err != nil {
			return false, err
		}
		res.printFailures(stdout)
		if res.failed > 0 {
			ok = false
		}
		summaries = append(summaries, res.summary(s.Name))
	}
	fmt.Fprintln(stdout, strings.Join(summaries, "\n"))
	return ok, nil
}

// generateSuite generates suite s from the model src (read from file
// model) into dir/<package>, import path <moduleName>/<package>.
func generateSuite(dir string, src []byte, model string, s suite) error {
	files, err := generator.Generate(src, generator.Options{
		Filename: model, Service: s.Service, Package: s.Package, ImportPath: moduleName + "/" + s.Package,
	})
	if err != nil {
		return fmt.Errorf("generate %s: %w", s.Name, err)
	}
	for _, f := range files {
		if err := scratchmod.WriteFile(filepath.Join(dir, s.Package), f.Path, f.Content); err != nil {
			return err
		}
	}
	return nil
}
