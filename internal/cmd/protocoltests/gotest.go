package main

import (
	"bytes"
	"context"
	"os/exec"
	"regexp"
	"strings"

	"github.com/eksauthgen/eksauthgen/internal/scratchmod"
)

// outcome is what a run said about one test: its final action and output.
type outcome struct {
	Action string
	Output []string
}

// parseEvents reads `go test -json` output: the outcome of every test, and
// the output lines not attached to a test (build errors, panics).
func parseEvents(b []byte) (map[string]*outcome, []string) {
	tests := map[string]*outcome{}
	var other []string
	for _, e := range scratchmod.ParseTestJSON(b) {
		if e.Action == "" { // not JSON
			other = append(other, e.Output)
			continue
		}
		if e.Test == "" {
			if e.Action == "output" || e.Action == "build-output" {
				other = append(other, strings.TrimRight(e.Output, "\n"))
			}
			continue
		}
		o := tests[e.Test]
		if o == nil {
			o = &outcome{}
			tests[e.Test] = o
		}
		switch e.Action {
		case "output":
			o.Output = append(o.Output, strings.TrimRight(e.Output, "\n"))
		case "pass", "fail", "skip":
			o.Action = e.Action
		}
	}
	return tests, other
}

// goTest runs `go test -json` on one package of the module in dir with the
// -run and -skip patterns (skip may be empty) and returns its output; a
// failing test run is not an error (the events say what failed).
func goTest(dir, pkg, run, skip string) ([]byte, error) {
	args := []string{"test", "-json", "-count=1", "-timeout=10m", "-run", run}
	if skip != "" {
		args = append(args, "-skip", skip)
	}
	args = append(args, "./"+pkg)
	cmd := scratchmod.Command(context.Background(), "go", dir, args...)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	err := cmd.Run()
	if _, ok := err.(*exec.ExitError); ok {
		err = nil
	}
	return out.Bytes(), err
}

// alternation returns ^(a|b|...)$ of the quoted names.
func alternation(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = regexp.QuoteMeta(n)
	}
	return "^(" + strings.Join(q, "|") + ")$"
}
