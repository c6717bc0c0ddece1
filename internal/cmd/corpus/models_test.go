package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestFindModels(t *testing.T) {
	shared := t.TempDir()
	for _, f := range []string{
		"aws-models/zeta/service/2020-01-01/zeta-2020-01-01.json",
		"aws-models/eks-auth/service/2023-11-26/eks-auth-2023-11-26.json",
		"aws-models/two/service/2019-01-01/two-2019.json",
		"aws-models/two/service/2021-01-01/two-2021.json",
		"aws-models/eks-auth/README.md",
	} {
		p := filepath.Join(shared, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ms, err := findModels(shared)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, m := range ms {
		names = append(names, m.Name+"="+m.Dir)
	}
	want := []string{"eks-auth=eks-auth", "two-2019-01-01=two-2019-01-01", "two-2021-01-01=two-2021-01-01", "zeta=zeta"}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("models = %v, want %v", names, want)
	}
	kept, missing := selectSubset(ms, []string{"zeta", "nope", "eks-auth"})
	if len(kept) != 2 || kept[0].Name != "eks-auth" || kept[1].Name != "zeta" || !reflect.DeepEqual(missing, []string{"nope"}) {
		t.Errorf("selectSubset: kept %v, missing %v", kept, missing)
	}
}

func TestDirName(t *testing.T) {
	for in, want := range map[string]string{
		"eks-auth":   "eks-auth",
		"a.b c":      "a_b_c",
		"-x":         "m-x",
		"":           "m",
		"Connect_V2": "Connect_V2",
	} {
		if got := dirName(in); got != want {
			t.Errorf("dirName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCISubsetExists checks that every model of the CI subset is in
// ../shared (when present), so that a renamed model fails here rather than
// in CI.
func TestCISubsetExists(t *testing.T) {
	shared := filepath.Join("..", "..", "..", "..", "shared")
	if _, err := os.Stat(filepath.Join(shared, "aws-models")); err != nil {
		t.Skip("../shared/aws-models is absent")
	}
	ms, err := findModels(shared)
	if err != nil {
		t.Fatal(err)
	}
	if _, missing := selectSubset(ms, ciSubset); len(missing) > 0 {
		t.Errorf("CI subset models not in ../shared: %s", strings.Join(missing, ", "))
	}
}

func TestMainSkipsWithoutShared(t *testing.T) {
	var out, errOut strings.Builder
	code := mainRun([]string{"-shared", filepath.Join(t.TempDir(), "absent")}, &out, &errOut)
	if code != 0 || !strings.HasPrefix(out.String(), "corpus: skipped, ") || strings.Count(out.String(), "\n") != 1 {
		t.Errorf("exit %d, stdout %q, stderr %q; want 0 and one skip line", code, out.String(), errOut.String())
	}
	if code := mainRun([]string{"-subset", "nightly"}, &out, &errOut); code != 2 {
		t.Errorf("unknown subset: exit %d, want 2", code)
	}
}
