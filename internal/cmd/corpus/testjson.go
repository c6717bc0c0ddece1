package main

import (
	"fmt"
	"strings"

	"github.com/eksauthgen/eksauthgen/internal/scratchmod"
)

// pkgOutcome is what "go test -json" says about one package.
type pkgOutcome struct {
	Package string
	Failed  bool
	Err     string // the first error: of the first failing test, else of the build, else of the package
}

// parseTestJSON reads "go test -json" output and returns the outcome of
// every package it names, in order of first appearance. Lines that are not
// JSON (e.g. from a crashed go command) are ignored.
func parseTestJSON(data []byte) []pkgOutcome {
	var order []string
	byPkg := map[string]*pkgState{}
	state := func(pkg string) *pkgState {
		s, ok := byPkg[pkg]
		if !ok {
			s = &pkgState{testOut: map[string][]string{}}
			byPkg[pkg] = s
			order = append(order, pkg)
		}
		return s
	}
	for _, e := range scratchmod.ParseTestJSON(data) {
		switch {
		case e.Action == "":
			continue // not JSON
		case e.Action == "build-output" || e.Action == "build-fail":
			s := state(buildPackage(e.ImportPath))
			if e.Action == "build-output" && s.buildErr == "" {
				s.buildErr = errorLine(e.Output)
			}
		case e.Package == "":
			continue
		case e.Test != "":
			s := state(e.Package)
			switch e.Action {
			case "output":
				s.testOut[e.Test] = append(s.testOut[e.Test], e.Output)
			case "fail":
				if s.testErr == "" {
					s.testErr = testFailure(e.Test, s.testOut[e.Test])
				}
			}
		default:
			s := state(e.Package)
			switch e.Action {
			case "output":
				if s.pkgErr == "" {
					s.pkgErr = errorLine(e.Output)
				}
			case "fail":
				s.failed = true
			}
		}
	}
	out := make([]pkgOutcome, 0, len(order))
	for _, p := range order {
		s := byPkg[p]
		o := pkgOutcome{Package: p, Failed: s.failed}
		if s.failed {
			o.Err = firstNonEmpty(s.testErr, s.buildErr, s.pkgErr, "failed")
		}
		out = append(out, o)
	}
	return out
}

// pkgState accumulates one package's events.
type pkgState struct {
	failed   bool
	testOut  map[string][]string // output lines per test
	testErr  string              // first failing test's first error
	buildErr string              // first line of build output
	pkgErr   string              // first package-level output line that reads like an error
}

// buildPackage returns the package of a build event's ImportPath, which is
// "pkg" or "pkg [pkg.test]" or "pkg_test [pkg.test]".
func buildPackage(importPath string) string {
	p, _, _ := strings.Cut(importPath, " ")
	return strings.TrimSuffix(p, "_test")
}

// testFailure describes a failed test by its first line of output that is
// not one of the test framework's own (=== RUN, --- FAIL, ...).
func testFailure(test string, lines []string) string {
	for _, l := range lines {
		if msg := errorLine(l); msg != "" {
			return fmt.Sprintf("%s: %s", test, msg)
		}
	}
	return test + " failed"
}

// errorLine returns l trimmed, or "" when it is framework noise.
func errorLine(l string) string {
	l = strings.TrimSpace(l)
	for _, noise := range []string{"=== ", "--- ", "FAIL", "PASS", "ok ", "# ", "?"} {
		if strings.HasPrefix(l, noise) {
			return ""
		}
	}
	return l
}

// firstNonEmpty returns the first of ss that is not empty.
func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
