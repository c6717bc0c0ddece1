package main

import (
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"strings"
)

// result counts the leaf cases of one suite.
type result struct {
	passed, failed, skipped int
	failures                []failure
}

// failure is one failed case and the first lines of its output.
type failure struct {
	name   string
	output []string
}

// maxFailureLines is how many output lines of a failed case are printed.
const maxFailureLines = 12

// runSuite runs the given sides of suite s (generated in dir), skipping
// the cases of skips.
func runSuite(dir string, s suite, skips skipList, sides []sideTest) (result, error) {
	var res result
	for _, sd := range sides {
		file := sideFile(s, sd.Side)
		cases, err := discoverCases(filepath.Join(dir, file), sd.Func)
		if err != nil {
			return res, err
		}
		if len(cases) == 0 {
			continue
		}
		skipped := skips.cases(sd.Side)
		outcomes, other, err := runSide(dir, filepath.ToSlash(filepath.Dir(file)), sd.Func, cases, skipped)
		if err != nil {
			return res, err
		}
		for _, c := range cases {
			name := s.Name + " " + sd.Side + " " + c
			if _, isSkipped := slices.BinarySearch(skipped, c); isSkipped {
				res.skipped++
				continue
			}
			o := outcomes[sd.Func+"/"+c]
			switch {
			case o == nil || o.Action == "":
				res.failed++
				res.failures = append(res.failures, failure{name: name + " (did not run)", output: other})
			case o.Action == "pass":
				res.passed++
			case o.Action == "skip":
				res.skipped++
			default:
				res.failed++
				res.failures = append(res.failures, failure{name: name, output: o.Output})
			}
		}
	}
	return res, nil
}

// runSide runs the cases of one test function in package pkg and returns
// the outcomes by full test name. Skipped cases are left out with -skip,
// one run per kind (the first path element) that has skipped cases, so that
// a case ID listed under one kind is not skipped under another; the kinds
// without skipped cases run together.
func runSide(dir, pkg, fn string, cases, skipped []string) (map[string]*outcome, []string, error) {
	byKind := map[string][]string{}
	var kinds []string
	for _, c := range cases {
		k, _, _ := strings.Cut(c, "/")
		if !slices.Contains(kinds, k) {
			kinds = append(kinds, k)
		}
	}
	for _, c := range skipped {
		k, id, _ := strings.Cut(c, "/")
		byKind[k] = append(byKind[k], id)
	}
	top := "^" + fn + "$"
	type job struct{ run, skip string }
	var jobs []job
	var plain []string
	for _, k := range kinds {
		if ids := byKind[k]; len(ids) > 0 {
			kind := top + "/" + alternation([]string{k})
			jobs = append(jobs, job{kind, kind + "/" + alternation(ids)})
		} else {
			plain = append(plain, k)
		}
	}
	if len(plain) == len(kinds) {
		jobs = append(jobs, job{run: top})
	} else if len(plain) > 0 {
		jobs = append(jobs, job{run: top + "/" + alternation(plain)})
	}
	all := map[string]*outcome{}
	var other []string
	for _, j := range jobs {
		out, err := goTest(dir, pkg, j.run, j.skip)
		if err != nil {
			return nil, nil, fmt.Errorf("go test ./%s: %w", pkg, err)
		}
		tests, o := parseEvents(out)
		maps.Copy(all, tests)
		other = append(other, o...)
	}
	return all, other, nil
}

// printFailures prints every failed case with the first lines of its output.
func (r result) printFailures(w io.Writer) {
	for _, f := range r.failures {
		fmt.Fprintf(w, "FAIL %s\n", f.name)
		var shown []string
		for _, l := range f.output {
			t := strings.TrimSpace(l)
			if t == "" || strings.HasPrefix(t, "=== ") || strings.HasPrefix(t, "--- ") {
				continue
			}
			shown = append(shown, l)
			if len(shown) == maxFailureLines {
				shown = append(shown, "    ...")
				break
			}
		}
		for _, l := range shown {
			fmt.Fprintf(w, "    %s\n", strings.TrimSpace(l))
		}
	}
}

// summary returns the closing line of a suite.
func (r result) summary(name string) string {
	return fmt.Sprintf("protocol-tests %s: %d passed, %d failed, %d skipped", name, r.passed, r.failed, r.skipped)
}
