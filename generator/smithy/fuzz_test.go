package smithy

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// FuzzParse checks that Parse never panics, returns either a model or an
// error, and gives every error and every model element a position.
func FuzzParse(f *testing.F) {
	f.Add([]byte(posModel))
	f.Add([]byte(model(`"ns#A": {"type": "map", "key": {"target": "ns#K"}, "value": {"target": "ns#V"}}`)))
	f.Add([]byte(`{"smithy": "2.0", "shapes": {"ns#A": {"type": "list"}}}`))
	f.Fuzz(func(t *testing.T, src []byte) {
		m, err := Parse(src, "f.json")
		if (m == nil) == (err == nil) {
			t.Fatalf("model %v and error %v: want exactly one", m != nil, err)
		}
		// Parse must judge JSON validity as encoding/json does, unless it
		// stopped early at too deep a nesting.
		deep := err != nil && strings.Contains(err.Error(), "nested deeper than")
		syntax := err != nil && strings.Contains(err.Error(), ": invalid JSON: ")
		if !deep && json.Valid(src) == syntax {
			t.Fatalf("encoding/json says valid=%v, Parse says %v", json.Valid(src), err)
		}
		if err != nil {
			checkErrorPositions(t, err)
			return
		}
		checkModelPositions(t, m)
	})
}

// checkErrorPositions checks that every joined error is an *ir.Error with a
// position in file f.json.
func checkErrorPositions(t *testing.T, err error) {
	t.Helper()
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	for _, e := range errs {
		var ie *ir.Error
		if !errors.As(e, &ie) || !ie.Pos.IsValid() || ie.Pos.Col < 1 || ie.Pos.File != "f.json" {
			t.Errorf("error without a position: %v", e)
		}
	}
}

// checkModelPositions checks that every element of m has a position.
func checkModelPositions(t *testing.T, m *ir.Model) {
	t.Helper()
	bad := func(what string, p ir.Pos) {
		if !p.IsValid() || p.Col < 1 {
			t.Errorf("%s: no position", what)
		}
	}
	for _, f := range m.Metadata {
		bad("metadata key "+f.Key, f.KeyPos)
		checkNodePositions(t, f.Value)
	}
	for _, a := range m.Applies {
		bad("apply "+string(a.Target), a.Pos)
		for _, tr := range a.Traits {
			bad("trait "+string(tr.ID), tr.Pos)
			checkNodePositions(t, tr.Value)
		}
	}
	for _, s := range m.Shapes() {
		bad("shape "+string(s.ID), s.Pos)
		if !strings.Contains(string(s.ID), "#") {
			t.Errorf("shape ID %q accepted", s.ID)
		}
		traits := s.Traits.Raw
		for _, mem := range s.Members {
			bad("member "+string(mem.ID), mem.Pos)
			traits = append(traits[:len(traits):len(traits)], mem.Traits.Raw...)
		}
		for _, tr := range traits {
			bad("trait "+string(tr.ID), tr.Pos)
			checkNodePositions(t, tr.Value)
		}
		for _, r := range s.Rename {
			bad("rename "+string(r.ID), r.Pos)
		}
		for _, list := range [][]ir.ResourceBinding{s.Identifiers, s.Properties, s.Lifecycle} {
			for _, b := range list {
				bad("binding "+b.Name, b.Pos)
			}
		}
	}
}

// checkNodePositions checks that n and every node inside it have positions.
func checkNodePositions(t *testing.T, n ir.Node) {
	t.Helper()
	if !n.Pos.IsValid() {
		t.Errorf("%s node without a position", n.Kind)
	}
	for _, it := range n.Items {
		checkNodePositions(t, it)
	}
	for _, f := range n.Fields {
		if !f.KeyPos.IsValid() {
			t.Errorf("key %q without a position", f.Key)
		}
		checkNodePositions(t, f.Value)
	}
}
