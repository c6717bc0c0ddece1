package rules

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"
	"github.com/eksauthgen/eksauthgen/generator/ir"
)

func TestStaleReason(t *testing.T) {
	table := partitions{
		{id: "aws", regionRegex: regexp.MustCompile(`^us\-\w+\-\d+$`), outputs: partitionConfig{name: "aws", supportsFIPS: true, supportsDualStack: true}},
		{id: "aws-old", regionRegex: regexp.MustCompile(`^old\-\w+\-\d+$`), outputs: partitionConfig{name: "aws-old", supportsFIPS: true}},
	}
	const (
		dualErr = "DualStack is enabled but this partition does not support DualStack"
		bothErr = "FIPS and DualStack are enabled, but this partition does not support one or both"
		fipsErr = "FIPS is enabled but this partition does not support FIPS"
	)
	tests := []struct {
		name string
		err  string
		fl   caseFlags
		want string // part of the reason; empty for none
	}{
		{"dual-stack refused, table supports it", dualErr, caseFlags{region: "us-iso-1", hasRegion: true, useDualStack: true}, "partition aws without dual-stack support"},
		{"both refused, table supports both", bothErr, caseFlags{region: "us-x-1", hasRegion: true, useDualStack: true, useFIPS: true}, "without FIPS or dual-stack support"},
		{"fips refused, table supports it", fipsErr, caseFlags{region: "us-x-1", hasRegion: true, useFIPS: true}, "without FIPS support"},
		{"table agrees: no dual-stack", dualErr, caseFlags{region: "old-x-1", hasRegion: true, useDualStack: true}, ""},
		{"table agrees: one of both missing", bothErr, caseFlags{region: "old-x-1", hasRegion: true, useDualStack: true, useFIPS: true}, ""},
		{"other error", "Invalid Configuration: FIPS and custom endpoint are not supported", caseFlags{region: "us-x-1", hasRegion: true, useFIPS: true}, ""},
		{"no region", dualErr, caseFlags{useDualStack: true}, ""},
		{"flag not set", dualErr, caseFlags{region: "us-x-1", hasRegion: true}, ""},
	}
	for _, tt := range tests {
		got := staleReason(tt.err, tt.fl, table)
		if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("%s: staleReason = %q, want one containing %q", tt.name, got, tt.want)
		}
	}
}

// TestGenerateTestsSkipsStaleCases generates the tests of a rule set with
// an ISO region case that expects no dual-stack support (as the published
// models do) and a normal case: only the first is skipped, and without
// such a case the test has no skip field at all.
func TestGenerateTestsSkipsStaleCases(t *testing.T) {
	rs := parseNode(t, []byte(`{"version": "1.0",
"parameters": {
 "Region": {"type": "string", "builtIn": "AWS::Region"},
 "UseDualStack": {"type": "Boolean", "builtIn": "AWS::UseDualStack", "required": true, "default": false}
},
"rules": [{"type": "error", "conditions": [], "error": "x"}]}`))
	stale := `{"documentation": "iso dual", "params": {"Region": "us-iso-east-1", "UseDualStack": true},
  "expect": {"error": "DualStack is enabled but this partition does not support DualStack"}}`
	normal := `{"documentation": "plain", "params": {"Region": "us-iso-east-1"}, "expect": {"error": "x"}}`
	render := func(cases string, cfg Config) string {
		f := jen.NewFile("svc")
		if err := GenerateTests(f, rs, parseNode(t, []byte(`{"testCases": [`+cases+`]}`)), cfg); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := f.Render(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	cfg := Config{Shape: ir.ShapeID("test#Svc")}
	out := render(stale+","+normal, cfg)
	if n := strings.Count(out, `skip: "expects partition aws-iso without dual-stack support`); n != 1 {
		t.Errorf("want 1 skipped case, got %d:\n%s", n, out)
	}
	if !strings.Contains(out, "t.Skip(tt.doc + \": \" + tt.skip)") {
		t.Errorf("no skip check in the test:\n%s", out)
	}
	if out := render(normal, cfg); strings.Contains(out, "skip") {
		t.Errorf("skip field without a skipped case:\n%s", out)
	}
	cfg.TestResolver = "newTestResolver" // another table: nothing is judged stale
	if out := render(stale, cfg); strings.Contains(out, "skip") {
		t.Errorf("custom resolver: case skipped:\n%s", out)
	}
}
