package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eksauthgen/eksauthgen/internal/scratchmod"
)

func TestParseSkips(t *testing.T) {
	good := "# comment\n\nRestJson client Request/A: reason one\nRestJson server Malformed/B_2: why\n"
	l, err := parseSkips([]byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if len(l) != 2 || l[0].Case != "Request/A" || l[0].Reason != "reason one" || l[1].Side != "server" || l[1].Line != 4 {
		t.Errorf("parsed %+v", l)
	}
	if got := l.of("RestJson").cases("server"); len(got) != 1 || got[0] != "Malformed/B_2" {
		t.Errorf("server cases %v", got)
	}
	for _, bad := range []string{
		"RestJson client Request/A\n",                                  // no reason
		"RestJson client Request/A: \n",                                // empty reason
		"RestJson both Request/A: r\n",                                 // bad side
		"RestJson client A: r\n",                                       // no kind
		"RestJson client Request/A/B: r\n",                             // too deep
		"RestJson client Request/A: r\nRestJson client Request/A: s\n", // duplicate
		"RestJson Request/A: r\n",                                      // missing field
	} {
		if _, err := parseSkips([]byte(bad)); err == nil {
			t.Errorf("parseSkips(%q) accepted", bad)
		}
	}
}

func TestReadSkipsMissingFile(t *testing.T) {
	l, err := readSkips(filepath.Join(t.TempDir(), "none.txt"))
	if err != nil || l != nil {
		t.Errorf("readSkips(missing) = %v, %v", l, err)
	}
}

const sampleTest = `package p_test

import "testing"

func TestProtocolClient(t *testing.T) {
	t.Run("Request", func(t *testing.T) {
		t.Run("A", func(t *testing.T) {})
		t.Run("B", func(t *testing.T) {})
	})
	t.Run("Response", func(t *testing.T) {
		t.Run("A", func(t *testing.T) { t.Log("x") })
	})
}

func TestOther(t *testing.T) {
	t.Run("Z", func(t *testing.T) {})
}
`

func TestDiscoverCases(t *testing.T) {
	p := filepath.Join(t.TempDir(), "x_test.go")
	if err := os.WriteFile(p, []byte(sampleTest), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := discoverCases(p, "TestProtocolClient")
	if err != nil {
		t.Fatal(err)
	}
	if want := "Request/A Request/B Response/A"; strings.Join(got, " ") != want {
		t.Errorf("cases %v, want %s", got, want)
	}
	if _, err := discoverCases(p, "TestMissing"); err == nil {
		t.Error("missing function accepted")
	}
	if got, err := discoverCases(filepath.Join(t.TempDir(), "none.go"), "TestProtocolClient"); err != nil || got != nil {
		t.Errorf("missing file: %v %v", got, err)
	}
}

func TestParseEventsAndSummary(t *testing.T) {
	out := []byte(`{"Action":"run","Test":"TestProtocolClient/Request/A"}
{"Action":"output","Test":"TestProtocolClient/Request/A","Output":"    x_test.go:9: want 1, got 2\n"}
{"Action":"fail","Test":"TestProtocolClient/Request/A"}
{"Action":"pass","Test":"TestProtocolClient/Request/B"}
{"Action":"output","Output":"FAIL\tp\t0.1s\n"}
not json
`)
	tests, other := parseEvents(out)
	if tests["TestProtocolClient/Request/A"].Action != "fail" || tests["TestProtocolClient/Request/B"].Action != "pass" {
		t.Errorf("outcomes %+v", tests)
	}
	if len(other) != 2 {
		t.Errorf("other output %q", other)
	}
	r := result{passed: 1, failed: 1, skipped: 2, failures: []failure{{name: "RestJson client Request/A", output: tests["TestProtocolClient/Request/A"].Output}}}
	var buf bytes.Buffer
	r.printFailures(&buf)
	if !strings.Contains(buf.String(), "FAIL RestJson client Request/A\n    x_test.go:9: want 1, got 2") {
		t.Errorf("failures:\n%s", buf.String())
	}
	if got := r.summary("RestJson"); got != "protocol-tests RestJson: 1 passed, 1 failed, 2 skipped" {
		t.Errorf("summary %q", got)
	}
}

func TestAlternation(t *testing.T) {
	if got := alternation([]string{"A.b", "C"}); got != `^(A\.b|C)$` {
		t.Errorf("alternation = %s", got)
	}
}

func TestRunSkipsWithoutShared(t *testing.T) {
	var out, errb bytes.Buffer
	code := run([]string{"-shared", filepath.Join(t.TempDir(), "nothing")}, &out, &errb)
	if code != 0 || !strings.HasPrefix(out.String(), "protocol-tests: skipped, ") || strings.Count(out.String(), "\n") != 1 {
		t.Errorf("run = %d, %q %q", code, out.String(), errb.String())
	}
	if code := run([]string{"extra"}, &out, &errb); code != 2 {
		t.Errorf("extra argument: exit %d", code)
	}
}

// TestRunSuiteCounts generates the emit package's protocol-test model into a
// temporary module and runs its client side with one case skipped: the
// counts must add up and the skipped case must not run.
func TestRunSuiteCounts(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs generated code")
	}
	model := filepath.Join("..", "..", "..", "generator", "emit", "testdata", "prototest_model.json")
	src, err := os.ReadFile(model)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := scratchmod.Write(filepath.Join("..", "..", ".."), dir, moduleName); err != nil {
		t.Fatal(err)
	}
	s := suite{Name: "Proto", Service: "example.proto#Proto", Package: "proto"}
	if err := generateSuite(dir, src, model, s); err != nil {
		t.Fatal(err)
	}
	skips, err := parseSkips([]byte("Proto client Response/ProtoOops: testing the skip list\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := checkSkipsExist(dir, []suite{s}, skips); err == nil || !strings.Contains(err.Error(), `no suite "Proto"`) {
		t.Errorf("checkSkipsExist: %v, want an unknown-suite error", err)
	}
	res, err := runSuite(dir, s, skips, []sideTest{{"client", "TestProtocolClient"}})
	if err != nil {
		t.Fatal(err)
	}
	if res.passed != 2 || res.failed != 0 || res.skipped != 1 {
		var buf bytes.Buffer
		res.printFailures(&buf)
		t.Errorf("%s\n%s", res.summary("Proto"), buf.String())
	}
}
