package passes

import (
	"slices"
	"strings"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// flattenMixins applies Smithy 2.0 mixins (smithy.io, "Mixins"): every shape
// receives the members, traits and properties of the mixins it lists, as if
// they had been written in the shape itself.
//
// Needs: the resolve pass (mixins exist and have the shape's type; a
// missing one is still reported here) and the apply pass (traits applied to
// a mixin's members are copied with them).
//
// Guarantees:
//   - Shape.IsMixin is true exactly for the shapes with the smithy.api#mixin
//     trait, and Shape.Mixins is nil for every shape.
//   - Members: a shape's members are those of its mixins, in a depth-first,
//     left-to-right walk of its mixins (mixins of mixins first), then its
//     own. A copied member takes the ID shape$name and keeps the mixin
//     member's target, position and traits. A member the shape re-declares
//     stays at its inherited place; its traits win over the inherited ones
//     (a trait with the same ID replaces the inherited one).
//   - Traits: a shape inherits the traits of its mixins except
//     smithy.api#mixin and the mixin's localTraits; its own traits win, and
//     a later mixin wins over an earlier one. Raw order: own traits, then
//     the inherited ones from the last mixin to the first.
//   - Operations inherit their mixins' errors (mixins' first, no
//     duplicates). Services inherit operations, resources and errors
//     (merged the same way), rename entries for IDs they do not rename, and
//     the version when they have none.
//
// Errors: a mixin cycle; a mixin without the mixin trait or of another shape
// type; two mixins, or a mixin and the shape, declaring a member of the same
// name with different targets; an operation mixin with an input or output;
// a resource mixin with properties; a mixin used other than as a mixin (the
// target of a member, an operation's input, output or error, or a service's
// or resource's operation or resource).
func flattenMixins(m *ir.Model) error {
	f := &flattener{m: m, state: make(map[ir.ShapeID]flattenState)}
	for _, s := range m.Shapes() {
		s.IsMixin = s.Traits.Has(ir.TraitMixin)
	}
	for _, s := range m.Shapes() {
		f.flatten(s)
	}
	for _, s := range m.Shapes() {
		s.Mixins = nil
	}
	for _, s := range m.Shapes() {
		f.checkMixinUses(s)
	}
	return f.errs.Err()
}

// flattenState is the progress of flattening one shape.
type flattenState uint8

const (
	notFlattened flattenState = iota
	flattening                // on the stack: meeting it again is a cycle
	flattened
)

// flattener holds the state of one flattenMixins run.
type flattener struct {
	m     *ir.Model
	state map[ir.ShapeID]flattenState
	stack []ir.ShapeID // the shapes being flattened, outermost first
	errs  ir.ErrorList
}

// flatten flattens the mixins of s into s, flattening each mixin first.
func (f *flattener) flatten(s *ir.Shape) {
	if f.state[s.ID] != notFlattened {
		return
	}
	f.state[s.ID] = flattening
	f.stack = append(f.stack, s.ID)
	var mixins []*ir.Shape
	for _, id := range s.Mixins {
		mx := f.m.Shape(id)
		switch {
		case mx == nil:
			f.errs.Addf(s.Pos, s.ID, "mixins: unknown target %s", id)
			continue
		case f.state[id] == flattening:
			cycle := append(slices.Clone(f.stack[slices.Index(f.stack, id):]), id)
			f.errs.Addf(s.Pos, s.ID, "mixins: cycle %s", joinIDs(cycle, " -> "))
			continue
		}
		f.flatten(mx)
		switch {
		case !mx.IsMixin:
			f.errs.Addf(s.Pos, s.ID, "mixins: %s lacks the %s trait", id, ir.TraitMixin)
		case mx.Type != s.Type:
			f.errs.Addf(s.Pos, s.ID, "mixins: %s is %s %s, want %s %s like the shape it is mixed into", id, article(mx.Type.String()), mx.Type, article(s.Type.String()), s.Type)
		default:
			mixins = append(mixins, mx)
		}
	}
	if len(mixins) > 0 {
		f.mergeMembers(s, mixins)
		f.mergeTraits(s, mixins)
		f.mergeProperties(s, mixins)
	}
	f.stack = f.stack[:len(f.stack)-1]
	f.state[s.ID] = flattened
}

// mergeMembers sets the members of s to the inherited members followed by
// its own, re-rooted to s.
func (f *flattener) mergeMembers(s *ir.Shape, mixins []*ir.Shape) {
	var out []*ir.Member
	var from []ir.ShapeID // the mixin each inherited member comes from
	index := make(map[string]int)
	for _, mx := range mixins {
		for _, mm := range mx.Members {
			i, dup := index[mm.Name]
			if !dup {
				index[mm.Name] = len(out)
				out = append(out, &ir.Member{
					Name: mm.Name, ID: s.ID.WithMember(mm.Name), Target: mm.Target, Pos: mm.Pos,
					Traits: ir.Traits{Raw: slices.Clone(mm.Traits.Raw)},
				})
				from = append(from, mx.ID)
				continue
			}
			if out[i].Target != mm.Target {
				f.errs.Addf(s.Pos, out[i].ID, "member %q: mixin %s targets %s but mixin %s targets %s", mm.Name, from[i], out[i].Target, mx.ID, mm.Target)
				continue
			}
			out[i].Traits.Raw = overrideTraits(mm.Traits.Raw, out[i].Traits.Raw)
		}
	}
	for _, lm := range s.Members {
		i, dup := index[lm.Name]
		if !dup {
			out = append(out, lm)
			continue
		}
		if out[i].Target != lm.Target {
			f.errs.Addf(lm.Pos, lm.ID, "redefines the member of mixin %s with target %s instead of %s (a redefined mixin member must keep its target)", from[i], lm.Target, out[i].Target)
		}
		lm.Traits.Raw = overrideTraits(lm.Traits.Raw, out[i].Traits.Raw)
		out[i] = lm
	}
	s.Members = out
}

// mergeTraits adds to s the traits its mixins pass on.
func (f *flattener) mergeTraits(s *ir.Shape, mixins []*ir.Shape) {
	var inherited []ir.Trait
	for _, mx := range slices.Backward(mixins) {
		inherited = overrideTraits(inherited, inheritableTraits(mx))
	}
	s.Traits.Raw = overrideTraits(s.Traits.Raw, inherited)
}

// inheritableTraits returns the traits of mixin mx that shapes using it
// inherit: all but smithy.api#mixin and the ones named in its localTraits.
func inheritableTraits(mx *ir.Shape) []ir.Trait {
	var local []string
	if tr, ok := mx.Traits.Get(ir.TraitMixin); ok {
		if lt, ok := tr.Value.Get("localTraits"); ok {
			for _, item := range lt.Items {
				local = append(local, item.Str)
			}
		}
	}
	var out []ir.Trait
	for _, tr := range mx.Traits.Raw {
		if tr.ID != ir.TraitMixin && !slices.Contains(local, string(tr.ID)) {
			out = append(out, tr)
		}
	}
	return out
}

// overrideTraits returns own followed by the inherited traits whose ID is
// not among own's.
func overrideTraits(own, inherited []ir.Trait) []ir.Trait {
	out := slices.Clone(own)
	for _, tr := range inherited {
		if !slices.ContainsFunc(out, func(t ir.Trait) bool { return t.ID == tr.ID }) {
			out = append(out, tr)
		}
	}
	return out
}

// mergeProperties merges the non-member properties of operation, service
// and resource mixins into s.
func (f *flattener) mergeProperties(s *ir.Shape, mixins []*ir.Shape) {
	switch s.Type {
	case ir.OperationType:
		var errs []ir.ShapeID
		for _, mx := range mixins {
			if mx.Input != "" || mx.Output != "" {
				f.errs.Addf(s.Pos, s.ID, "mixins: operation mixin %s defines an input or output (only errors may be inherited)", mx.ID)
			}
			errs = appendNew(errs, mx.Errors...)
		}
		s.Errors = appendNew(errs, s.Errors...)
	case ir.ServiceType:
		var ops, res, errs []ir.ShapeID
		for _, mx := range mixins {
			ops = appendNew(ops, mx.Operations...)
			res = appendNew(res, mx.Resources...)
			errs = appendNew(errs, mx.Errors...)
			if s.Version == "" {
				s.Version = mx.Version
			}
		}
		s.Operations = appendNew(ops, s.Operations...)
		s.Resources = appendNew(res, s.Resources...)
		s.Errors = appendNew(errs, s.Errors...)
		for _, mx := range slices.Backward(mixins) {
			for _, r := range mx.Rename {
				if !slices.ContainsFunc(s.Rename, func(own ir.Rename) bool { return own.ID == r.ID }) {
					s.Rename = append(s.Rename, r)
				}
			}
		}
	case ir.ResourceType:
		for _, mx := range mixins {
			if len(mx.Identifiers)+len(mx.Properties)+len(mx.Lifecycle)+len(mx.Operations)+len(mx.CollectionOperations)+len(mx.Resources) > 0 {
				f.errs.Addf(s.Pos, s.ID, "mixins: resource mixin %s defines properties (resource mixins may only carry traits)", mx.ID)
			}
		}
	}
}

// appendNew appends the IDs of add that are not in list yet.
func appendNew(list []ir.ShapeID, add ...ir.ShapeID) []ir.ShapeID {
	for _, id := range add {
		if !slices.Contains(list, id) {
			list = append(list, id)
		}
	}
	return list
}

// checkMixinUses reports references from s to mixins other than as mixins.
func (f *flattener) checkMixinUses(s *ir.Shape) {
	isMixin := func(id ir.ShapeID) bool {
		t := f.m.Shape(id)
		return t != nil && t.IsMixin
	}
	for _, mem := range s.Members {
		if isMixin(mem.Target) {
			f.errs.Addf(mem.Pos, mem.ID, "member target: %s is a mixin (mixins may only be mixed into shapes)", mem.Target)
		}
	}
	refs := []struct {
		prop string
		ids  []ir.ShapeID
	}{
		{"input", []ir.ShapeID{s.Input}},
		{"output", []ir.ShapeID{s.Output}},
		{"errors", s.Errors},
		{"operations", s.Operations},
		{"collectionOperations", s.CollectionOperations},
		{"resources", s.Resources},
	}
	for _, r := range refs {
		for _, id := range r.ids {
			if id != "" && isMixin(id) {
				f.errs.Addf(s.Pos, s.ID, "%s: %s is a mixin (mixins may only be mixed into shapes)", r.prop, id)
			}
		}
	}
}

// joinIDs joins shape IDs with sep.
func joinIDs(ids []ir.ShapeID, sep string) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = string(id)
	}
	return strings.Join(parts, sep)
}
