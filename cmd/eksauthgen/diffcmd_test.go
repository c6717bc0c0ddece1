package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eksauthgen/eksauthgen/generator/diff"
)

func TestDiffUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string // in stderr
	}{
		{"no files", []string{"diff"}, "needs two model files, got 0"},
		{"one file", []string{"diff", projectModel}, "needs two model files, got 1"},
		{"three files", []string{"diff", projectModel, projectModel, projectModel}, "got 3"},
		{"bad service", []string{"diff", "-service", "NoHash", projectModel, projectModel}, "not an absolute shape ID"},
		{"unknown flag", []string{"diff", "-nope", projectModel, projectModel}, "flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCmd(tt.args...)
			if code != exitUsage {
				t.Errorf("exit %d, want %d", code, exitUsage)
			}
			if !strings.Contains(stderr, tt.want) || !strings.Contains(stderr, "usage: eksauthgen diff") {
				t.Errorf("stderr %q lacks %q and the usage", stderr, tt.want)
			}
		})
	}
}

func TestDiffHelp(t *testing.T) {
	if code, _, stderr := runCmd("diff", "-h"); code != exitOK || !strings.Contains(stderr, "-fail-on-breaking") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

func TestDiffModelErrors(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"missing old", []string{"diff", filepath.Join(t.TempDir(), "absent.json"), projectModel}, "absent.json"},
		{"invalid new", []string{"diff", projectModel, bad}, "bad.json"},
		{"unknown service", []string{"diff", "-service", "a#B", projectModel, projectModel}, "a#B"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCmd(tt.args...)
			if code != exitFail || stdout != "" || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit 1 and %q in stderr", code, stdout, stderr, tt.want)
			}
		})
	}
}

func TestDiffSameModel(t *testing.T) {
	for _, args := range [][]string{
		{"diff", projectModel, projectModel},
		{"diff", "-fail-on-breaking", projectModel, projectModel},
	} {
		code, stdout, stderr := runCmd(args...)
		if code != exitOK || stdout != "0 breaking, 0 compatible\n" || stderr != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, stdout, stderr)
		}
	}
	if code, stdout, _ := runCmd("diff", "-json", projectModel, projectModel); code != exitOK || stdout != "[]\n" {
		t.Errorf("-json: exit %d, stdout %q", code, stdout)
	}
}

// TestDiffRealPair builds a new version of a published model (amp) with a
// member added to one input and one removed from another, and checks that
// the command reports exactly those two changes.
func TestDiffRealPair(t *testing.T) {
	shared := os.Getenv("EKSAUTHGEN_SHARED")
	if shared == "" {
		shared = filepath.Join("..", "..", "..", "shared")
	}
	oldFile := filepath.Join(shared, "aws-models", "amp", "service", "2020-08-01", "amp-2020-08-01.json")
	src, err := os.ReadFile(oldFile)
	if err != nil {
		t.Skipf("reference model absent: %v", err)
	}
	newFile := filepath.Join(t.TempDir(), "amp-new.json")
	writeEditedModel(t, src, newFile, func(shapes map[string]any) {
		members(t, shapes, "com.amazonaws.amp#CreateWorkspaceRequest")["description"] = map[string]any{"target": "smithy.api#String"}
		delete(members(t, shapes, "com.amazonaws.amp#ListWorkspacesRequest"), "alias")
	})

	code, stdout, stderr := runCmd("diff", "-json", oldFile, newFile)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	var got []diff.Change
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("output is not a JSON array of changes: %v\n%s", err, stdout)
	}
	want := []diff.Change{
		{Kind: diff.MemberRemoved, Severity: diff.Breaking, ID: "com.amazonaws.amp#ListWorkspacesRequest$alias", GoName: "ListWorkspacesInput.Alias", Detail: "member removed"},
		{Kind: diff.MemberAdded, Severity: diff.Compatible, ID: "com.amazonaws.amp#CreateWorkspaceRequest$description", GoName: "CreateWorkspaceInput.Description", Detail: "member added (*string)"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d changes, want %d:\n%s", len(got), len(want), stdout)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("change %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}

	code, stdout, _ = runCmd("diff", "-fail-on-breaking", oldFile, newFile)
	if code != exitFail || !strings.HasSuffix(stdout, "1 breaking, 1 compatible\n") {
		t.Errorf("-fail-on-breaking: exit %d, stdout:\n%s", code, stdout)
	}
	if code, stdout, _ = runCmd("diff", "-fail-on-breaking", newFile, oldFile); code != exitFail || !strings.Contains(stdout, "member-added") {
		t.Errorf("reversed: exit %d (want 1: the removed member is breaking), stdout:\n%s", code, stdout)
	}
}

// writeEditedModel decodes a JSON AST model, lets edit change its shapes,
// and writes the result to file.
func writeEditedModel(t *testing.T, src []byte, file string, edit func(shapes map[string]any)) {
	t.Helper()
	var model map[string]any
	dec := json.NewDecoder(strings.NewReader(string(src)))
	dec.UseNumber()
	if err := dec.Decode(&model); err != nil {
		t.Fatal(err)
	}
	shapes, ok := model["shapes"].(map[string]any)
	if !ok {
		t.Fatal("model has no shapes object")
	}
	edit(shapes)
	out, err := json.Marshal(model)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, out, 0o644); err != nil {
		t.Fatal(err)
	}
}

// members returns the members object of the structure id in shapes.
func members(t *testing.T, shapes map[string]any, id string) map[string]any {
	t.Helper()
	s, _ := shapes[id].(map[string]any)
	m, ok := s["members"].(map[string]any)
	if !ok {
		t.Fatalf("%s has no members", id)
	}
	return m
}
