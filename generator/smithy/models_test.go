package smithy

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// sharedModels returns the shared AWS models and the protocol test model,
// skipping the test when ../shared is absent.
func sharedModels(tb testing.TB) []string {
	tb.Helper()
	files, err := filepath.Glob("../../../shared/aws-models/*/service/*/*.json")
	if err != nil || len(files) == 0 {
		tb.Skip("../shared/aws-models is absent")
	}
	if proto := "../../../shared/protocol-tests/smithy-aws-protocol-tests.json"; fileExists(proto) {
		files = append(files, proto)
	}
	return files
}

func fileExists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

// jsonShape is what encoding/json reads of a shape, to cross-check the parser.
type jsonShape struct {
	Type    string
	Members map[string]json.RawMessage
	Member  json.RawMessage
	Key     json.RawMessage
	Value   json.RawMessage
	Traits  map[string]json.RawMessage
}

func TestParseSharedModels(t *testing.T) {
	var total time.Duration
	for _, file := range sharedModels(t) {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		m, err := Parse(src, file)
		total += time.Since(start)
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		var doc struct{ Shapes map[string]jsonShape }
		if err := json.Unmarshal(src, &doc); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		crossCheck(t, file, m, doc.Shapes)
	}
	t.Logf("parsed in %v", total)
}

// crossCheck compares the parsed model with what encoding/json read, and
// checks that every shape, member and trait has a position.
func crossCheck(t *testing.T, file string, m *ir.Model, shapes map[string]jsonShape) {
	t.Helper()
	applies := 0
	for id, js := range shapes {
		if js.Type == "apply" {
			applies++
			continue
		}
		s := m.Shape(ir.ShapeID(id))
		if s == nil {
			t.Errorf("%s: shape %s missing", file, id)
			continue
		}
		members := len(js.Members)
		for _, raw := range []json.RawMessage{js.Member, js.Key, js.Value} {
			if raw != nil {
				members++
			}
		}
		if s.Type.String() != js.Type || len(s.Members) != members || len(s.Traits.Raw) != len(js.Traits) {
			t.Errorf("%s: %s: got %s with %d members and %d traits, want %s, %d, %d",
				file, id, s.Type, len(s.Members), len(s.Traits.Raw), js.Type, members, len(js.Traits))
		}
		if !s.Pos.IsValid() {
			t.Errorf("%s: %s: no position", file, id)
		}
		for _, mem := range s.Members {
			if !mem.Pos.IsValid() || mem.Target == "" {
				t.Errorf("%s: %s: position %v, target %q", file, mem.ID, mem.Pos, mem.Target)
			}
		}
	}
	if got := len(m.Shapes()) + len(m.Applies); got != len(shapes) || len(m.Applies) != applies {
		t.Errorf("%s: %d shapes and %d applies, want %d entries with %d applies", file, len(m.Shapes()), len(m.Applies), len(shapes), applies)
	}
}

// largestModel returns the largest shared AWS model.
func largestModel(b *testing.B) []byte {
	var best []byte
	for _, file := range sharedModels(b) {
		src, err := os.ReadFile(file)
		if err != nil {
			b.Fatal(err)
		}
		if filepath.Dir(file) != "../../../shared/protocol-tests" && len(src) > len(best) {
			best = src
		}
	}
	return best
}

func BenchmarkParseLargest(b *testing.B) {
	src := largestModel(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(src, "largest.json"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseAll(b *testing.B) {
	var srcs [][]byte
	for _, file := range sharedModels(b) {
		src, err := os.ReadFile(file)
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, src)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, src := range srcs {
			if _, err := Parse(src, "m.json"); err != nil {
				b.Fatal(err)
			}
		}
	}
}
