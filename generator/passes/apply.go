package passes

import (
	"math/big"
	"slices"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// applyStatements merges the traits of the model's apply statements into
// the shapes and members they target, then empties m.Applies.
//
// Needs: the resolve pass (the root shape of every apply target exists;
// a missing one is still reported here).
//
// Guarantees: m.Applies is nil; each applied trait is in the Traits.Raw of
// its target, after the traits already there, in statement order. An apply
// to a member that the shape inherits from one of its mixins (directly or
// through mixins of mixins) re-declares that member on the shape, with the
// mixin member's target and the applied traits, as the Smithy IDL allows;
// the mixins pass then merges it with the inherited member.
//
// Trait conflicts follow Smithy's "trait conflict resolution": when a shape
// or member already has the trait, an identical value (compared as node
// values, ignoring positions and object key order) is ignored, two array
// values (list and set traits, such as tags) are concatenated, and any other
// pair is an error.
//
// Errors: an apply to an unknown shape or member; a conflicting trait value
// (at the position of the applied value).
func applyStatements(m *ir.Model) error {
	var errs ir.ErrorList
	for _, a := range m.Applies {
		traits := applyTarget(m, a, &errs)
		if traits == nil {
			continue
		}
		for _, tr := range a.Traits {
			mergeTrait(traits, tr, a.Target, &errs)
		}
	}
	m.Applies = nil
	return errs.Err()
}

// applyTarget returns the traits of the shape or member an apply statement
// targets, re-declaring an inherited mixin member when needed; nil (with an
// error) when there is no such shape or member.
func applyTarget(m *ir.Model, a ir.Apply, errs *ir.ErrorList) *ir.Traits {
	s := m.Shape(a.Target.Root())
	if s == nil {
		errs.Addf(a.Pos, a.Target, "apply: unknown target %s", a.Target.Root())
		return nil
	}
	name := a.Target.Member()
	if name == "" {
		return &s.Traits
	}
	if mem := s.Member(name); mem != nil {
		return &mem.Traits
	}
	inherited := mixinMember(m, s, name, nil)
	if inherited == nil {
		errs.Addf(a.Pos, a.Target, "apply: %s %s has no member %q", s.Type, s.ID, name)
		return nil
	}
	mem := &ir.Member{Name: name, ID: s.ID.WithMember(name), Target: inherited.Target, Pos: a.Pos}
	s.Members = append(s.Members, mem)
	return &mem.Traits
}

// mixinMember finds the member named name among the members that s
// inherits from its mixins, depth first in mixin order; seen guards against
// mixin cycles (reported by the mixins pass).
func mixinMember(m *ir.Model, s *ir.Shape, name string, seen []ir.ShapeID) *ir.Member {
	if slices.Contains(seen, s.ID) {
		return nil
	}
	seen = append(seen, s.ID)
	for _, id := range s.Mixins {
		mx := m.Shape(id)
		if mx == nil {
			continue
		}
		if mem := mx.Member(name); mem != nil {
			return mem
		}
		if mem := mixinMember(m, mx, name, seen); mem != nil {
			return mem
		}
	}
	return nil
}

// mergeTrait adds tr to traits following Smithy's trait conflict rules (see
// applyStatements); target names the shape or member for errors.
func mergeTrait(traits *ir.Traits, tr ir.Trait, target ir.ShapeID, errs *ir.ErrorList) {
	i := slices.IndexFunc(traits.Raw, func(t ir.Trait) bool { return t.ID == tr.ID })
	if i < 0 {
		traits.Raw = append(traits.Raw, tr)
		return
	}
	old := &traits.Raw[i]
	switch {
	case nodesEqual(old.Value, tr.Value):
	case old.Value.Kind == ir.ArrayNode && tr.Value.Kind == ir.ArrayNode:
		old.Value.Items = append(slices.Clip(old.Value.Items), tr.Value.Items...)
	default:
		errs.Addf(tr.Value.Pos, target, "trait %s: value conflicts with the one at %s (a trait may be applied twice only with identical values or two lists)",
			tr.ID, old.Value.Pos)
	}
}

// nodesEqual reports whether two node values are the same value: positions
// and the order of object keys do not matter, numbers compare by value.
func nodesEqual(a, b ir.Node) bool {
	if a.Kind != b.Kind {
		return false
	}
	switch a.Kind {
	case ir.BoolNode:
		return a.Bool == b.Bool
	case ir.StringNode:
		return a.Str == b.Str
	case ir.NumberNode:
		if a.Str == b.Str {
			return true
		}
		x, okx := new(big.Float).SetString(a.Str)
		y, oky := new(big.Float).SetString(b.Str)
		return okx && oky && x.Cmp(y) == 0
	case ir.ArrayNode:
		return slices.EqualFunc(a.Items, b.Items, nodesEqual)
	case ir.ObjectNode:
		if len(a.Fields) != len(b.Fields) {
			return false
		}
		for _, f := range a.Fields {
			v, ok := b.Get(f.Key)
			if !ok || !nodesEqual(f.Value, v) {
				return false
			}
		}
		return true
	}
	return true
}
