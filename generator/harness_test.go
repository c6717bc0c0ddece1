package generator_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/eksauthgen/eksauthgen/generator"
)

// Tests of the test harness itself: archive parsing, comparison and the
// type-check helper.

func TestParseGoldenCase(t *testing.T) {
	tests := []struct {
		name, archive string
		want          goldenConfig
		wantErr       string
	}{
		{name: "no config", archive: "-- model.json --\n{}\n"},
		{name: "config", archive: `{"service": "a#B", "pkg": "p", "importPath": "example.com/p"}` + "\n-- model.json --\n{}\n-- out/a.go --\nx\n-- stderr --\ne\n",
			want: goldenConfig{Service: "a#B", Pkg: "p", ImportPath: "example.com/p"}},
		{name: "unknown config field", archive: `{"servce": "a#B"}` + "\n-- model.json --\n{}\n", wantErr: "JSON config"},
		{name: "comment not JSON", archive: "some words\n-- model.json --\n{}\n", wantErr: "JSON config"},
		{name: "no model", archive: "-- out/a.go --\nx\n", wantErr: "no model.json"},
		{name: "unknown entry", archive: "-- model.json --\n{}\n-- a.go --\nx\n", wantErr: `unexpected entry "a.go"`},
		{name: "bare out/", archive: "-- model.json --\n{}\n-- out/ --\nx\n", wantErr: `unexpected entry "out/"`},
		{name: "duplicate entry", archive: "-- model.json --\n{}\n-- out/a.go --\nx\n-- out/a.go --\ny\n", wantErr: "appears twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "case.txtar")
			if err := os.WriteFile(file, []byte(tt.archive), 0o644); err != nil {
				t.Fatal(err)
			}
			c, err := parseGoldenCase(file, "case")
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.config != tt.want || string(c.model) != "{}\n" {
				t.Errorf("config %+v, model %q; want %+v and {}", c.config, c.model, tt.want)
			}
		})
	}
}

func TestGoldenMismatches(t *testing.T) {
	c := &goldenCase{name: "x", archive: txtar.Parse([]byte("-- model.json --\n{}\n-- out/a.go --\none\ntwo\n-- out/b.go --\nsame\n-- out/gone.go --\nx\n"))}
	got := goldenEntries([]generator.File{
		{Path: "a.go", Content: []byte("one\n2\n")},
		{Path: "b.go", Content: []byte("same\n")},
		{Path: "new.go", Content: []byte("new\n")},
	}, nil)
	msgs := c.mismatches(got)
	if len(msgs) != 3 {
		t.Fatalf("mismatches = %q, want 3 (a.go differs, gone.go missing, new.go unexpected)", msgs)
	}
	for i, want := range []string{"out/a.go differs", "out/gone.go expected but not generated", "out/new.go generated but not expected"} {
		if !strings.Contains(msgs[i], want) {
			t.Errorf("mismatch %d = %q, want it to contain %q", i, msgs[i], want)
		}
	}
	if !strings.Contains(msgs[0], "-two\n+2\n") {
		t.Errorf("a.go mismatch has no unified diff: %q", msgs[0])
	}
	if m := c.mismatches(goldenEntries(nil, os.ErrNotExist)); len(m) != 4 || !strings.Contains(m[3], "stderr generated but not expected") {
		t.Errorf("an error where files are expected: %q", m)
	}
}

func TestTypeCheckHelper(t *testing.T) {
	if testing.Short() {
		t.Skip("loads packages with the go command")
	}
	hdr := generator.Header + "\n\n"
	good := checkUnit{Name: "good", ImportPath: "example.com/tc/good", Files: []generator.File{
		{Path: "good.go", Content: []byte(hdr + "package good\n\nimport (\n\t\"example.com/tc/good/types\"\n\t\"github.com/aws/aws-sdk-go-v2/aws\"\n\t\"github.com/aws/smithy-go/middleware\"\n)\n\n// V uses both modules and a subpackage.\nvar V = aws.String(types.Name)\n\n// M is a middleware.Metadata.\ntype M = middleware.Metadata\n")},
		{Path: "types/types.go", Content: []byte(hdr + "package types\n\n// Name is a name.\nconst Name = \"n\"\n")},
	}}
	bad := checkUnit{Name: "bad", ImportPath: "example.org/tc/bad", Files: []generator.File{
		{Path: "bad.go", Content: []byte(hdr + "package bad\n\nvar X int = \"string\"\n")},
	}}
	res := typeCheck(t, "harness", []checkUnit{good, bad})
	if len(res) != 2 || res[0].Unit.Name != "good" || res[1].Unit.Name != "bad" {
		t.Fatalf("results not in unit order: %+v", res)
	}
	if len(res[0].Errors) != 0 || len(res[0].Packages) != 2 || res[0].Packages[1].PkgPath != "example.com/tc/good/types" {
		t.Errorf("good unit: errors %q, %d packages", res[0].Errors, len(res[0].Packages))
	}
	if len(res[1].Errors) != 1 || !strings.HasPrefix(res[1].Errors[0], "u001/bad.go:5:13: cannot use") {
		t.Errorf("bad unit: errors %q, want one type error at u001/bad.go:5:13", res[1].Errors)
	}
}
