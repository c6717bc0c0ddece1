package main

import (
	"strings"
	"testing"
	"time"
)

func TestReport(t *testing.T) {
	mk := func(name string, gen, comp time.Duration, s stage, msg string) *result {
		return &result{Model: model{Name: name}, Files: 3, Generate: gen * time.Millisecond, Compile: comp * time.Millisecond, Stage: s, Err: msg}
	}
	results := []*result{
		mk("a", 10, 100, "", ""),
		mk("b", 20, 900, stageTest, "TestEndpointRules/case1: boom"),
		mk("c", 5, 50, "", ""),
		mk("d", 300, 300, "", ""),
		mk("e", 1, 1, stageGenerate, "model.json:1:2: bad"),
		mk("f", 0, 110, "", ""),
		mk("g", 110, 0, "", ""),
	}
	var b strings.Builder
	pass := report(&b, results)
	if pass != 5 {
		t.Errorf("pass = %d, want 5", pass)
	}
	want := "FAIL b: test: TestEndpointRules/case1: boom\n" +
		"FAIL e: generate: model.json:1:2: bad\n" +
		"corpus: 5/7 models generate, compile, vet and pass their tests\n" +
		"slowest:\n"
	if !strings.HasPrefix(b.String(), want) {
		t.Fatalf("report:\n%s\nwant it to start with:\n%s", b.String(), want)
	}
	var order []string
	for _, l := range strings.Split(strings.TrimPrefix(b.String(), want), "\n") {
		if f := strings.Fields(l); len(f) > 0 {
			order = append(order, f[0])
		}
	}
	// By generation plus compile time, ties (f, g: 110ms) by name.
	if got := strings.Join(order, " "); got != "b d a f g" {
		t.Errorf("slowest = %s, want b d a f g", got)
	}
	if !strings.Contains(b.String(), "  b                            generate    20ms  compile   900ms (cpu     0ms)  3 files\n") {
		t.Errorf("slowest line format changed:\n%s", b.String())
	}
}

func TestSummaryLine(t *testing.T) {
	if got, want := summaryLine(77, 77), "corpus: 77/77 models generate, compile, vet and pass their tests"; got != want {
		t.Errorf("summaryLine = %q, want %q", got, want)
	}
}

func TestFailKeepsFirst(t *testing.T) {
	r := &result{}
	r.fail(stageCompile, "first")
	r.fail(stageTest, "second")
	if r.Stage != stageCompile || r.Err != "first" || r.ok() {
		t.Errorf("got %+v", r)
	}
}
