package passes

import (
	"bytes"
	"encoding/json"
	"go/doc/comment"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// docsFromSharedModels returns every documentation string of the AWS models
// in ../shared, in a fixed order; the test is skipped when they are absent.
func docsFromSharedModels(t testing.TB) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "aws-models", "*", "service", "*", "*.json"))
	if len(files) == 0 {
		t.Skip("../shared/aws-models is absent")
	}
	var docs []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var model struct {
			Shapes map[string]struct {
				Traits  map[string]json.RawMessage
				Members map[string]struct{ Traits map[string]json.RawMessage }
			}
		}
		if err := json.Unmarshal(b, &model); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		add := func(traits map[string]json.RawMessage) {
			var s string
			if raw, ok := traits["smithy.api#documentation"]; ok && json.Unmarshal(raw, &s) == nil {
				docs = append(docs, s)
			}
		}
		for _, s := range model.Shapes {
			add(s.Traits)
			for _, m := range s.Members {
				add(m.Traits)
			}
		}
	}
	slices.Sort(docs)
	return slices.Compact(docs)
}

// TestGoDocSharedModels converts every documentation string of the shared
// AWS models and checks that the result is gofmt's canonical form, keeps its
// lines within the width unless a single word is longer, and has text when
// the source has. BenchmarkGoDocSharedModels measures its speed.
func TestGoDocSharedModels(t *testing.T) {
	docs := docsFromSharedModels(t)
	out := make([]string, len(docs))
	for i, d := range docs {
		out[i] = goDoc(d)
	}
	var pr comment.Printer
	var ps comment.Parser
	bad := 0
	for i, got := range out {
		if bad > 10 {
			t.Fatal("too many failures")
		}
		if got == "" && strings.TrimSpace(htmlText(docs[i])) != "" {
			t.Errorf("empty output for %q", docs[i])
			bad++
			continue
		}
		if strings.Contains(got, "*/") {
			t.Errorf("output contains */: %q", got)
			bad++
		}
		again := strings.TrimRight(string(pr.Comment(ps.Parse(got+"\n"))), "\n")
		if again != got {
			t.Errorf("not in gofmt form:\nsource: %q\ngot:\n%s\nreformatted:\n%s", docs[i], got, again)
			bad++
		}
		for line := range strings.SplitSeq(got, "\n") {
			if strings.HasPrefix(line, "\t") || strings.HasPrefix(line, "[") && strings.Contains(line, "]: ") {
				continue // code and link definitions are not filled
			}
			limit := docWidth
			if strings.HasPrefix(line, "    - ") {
				limit += 2 // a list of the other kind, moved into the item above by gofmt
			}
			if len([]rune(line)) > limit && strings.Contains(strings.TrimSpace(strings.TrimLeft(line, " -0123456789.")), " ") {
				t.Errorf("line longer than %d columns with a break opportunity: %q", limit, line)
				bad++
			}
			if line != strings.TrimRight(line, " \t") {
				t.Errorf("trailing white space: %q", line)
				bad++
			}
		}
	}
}

// htmlText strips tags crudely, to tell whether a source has any text.
func htmlText(s string) string {
	var b bytes.Buffer
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// BenchmarkGoDocSharedModels converts every documentation string of the
// shared AWS models (about 0.5 s per iteration on an idle 2-core machine).
func BenchmarkGoDocSharedModels(b *testing.B) {
	docs := docsFromSharedModels(b)
	for b.Loop() {
		for _, d := range docs {
			goDoc(d)
		}
	}
}
