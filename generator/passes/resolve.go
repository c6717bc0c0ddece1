package passes

import (
	"strings"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// resolveTargets checks that every shape reference of the model names an
// existing shape of a kind that fits the reference.
//
// Needs: the prelude pass (references to smithy.api#String and the like
// resolve to prelude shapes).
//
// Guarantees, for every shape of m:
//   - every member target exists and is not an operation, resource or
//     service (enum and intEnum members target smithy.api#Unit);
//   - an operation's input and output (when present) and errors are
//     structures;
//   - a service's and resource's operations are operations, their resources
//     resources and a service's errors structures; a resource's lifecycle
//     operations (create, put, read, update, delete, list) and collection
//     operations are operations; its identifiers and properties target
//     existing shapes that are not operations, resources or services;
//   - every mixin exists and has the type of the shape it is mixed into;
//   - every rename key of a service exists;
//   - the root shape of every apply statement exists (whether the member
//     exists is the apply pass's business, as a member may come from a
//     mixin).
//
// Whether an error structure carries the error trait is checked by the
// traits pass, once traits are decoded; whether a mixin is used as a target
// is checked by the mixins pass.
//
// Errors: "<property>: unknown target ns#X", or "<property>: ns#X is a
// <type>, want <type>", at the position of the referencing shape, member or
// binding, naming the referencing shape or member.
func resolveTargets(m *ir.Model) error {
	r := resolver{m: m}
	for _, s := range m.Shapes() {
		r.shape(s)
	}
	for _, a := range m.Applies {
		if m.Shape(a.Target.Root()) == nil {
			r.errs.Addf(a.Pos, a.Target, "apply: unknown target %s", a.Target.Root())
		}
	}
	return r.errs.Err()
}

// resolver holds the state of one resolveTargets run.
type resolver struct {
	m    *ir.Model
	errs ir.ErrorList
}

// refKind says which shape types a reference accepts.
type refKind uint8

const (
	anyData      refKind = iota // any shape except operations, resources and services
	structureRef                // a structure
	operationRef                // an operation
	resourceRef                 // a resource
)

// String describes the accepted types for error messages.
func (k refKind) String() string {
	switch k {
	case structureRef:
		return "structure"
	case operationRef:
		return "operation"
	case resourceRef:
		return "resource"
	}
	return "shape other than operation, resource or service"
}

// accepts reports whether a shape of type t fits the reference.
func (k refKind) accepts(t ir.ShapeType) bool {
	switch k {
	case structureRef:
		return t == ir.StructureType
	case operationRef:
		return t == ir.OperationType
	case resourceRef:
		return t == ir.ResourceType
	}
	return t != ir.OperationType && t != ir.ResourceType && t != ir.ServiceType
}

// check reports an error unless target exists and is of kind k.
func (r *resolver) check(pos ir.Pos, from ir.ShapeID, prop string, target ir.ShapeID, k refKind) {
	t := r.m.Shape(target)
	switch {
	case t == nil:
		r.errs.Addf(pos, from, "%s: unknown target %s", prop, target)
	case !k.accepts(t.Type):
		r.errs.Addf(pos, from, "%s: %s is %s %s, want %s", prop, target, article(t.Type.String()), t.Type, article(k.String())+" "+k.String())
	}
}

// checkAll checks a list of references.
func (r *resolver) checkAll(pos ir.Pos, from ir.ShapeID, prop string, targets []ir.ShapeID, k refKind) {
	for _, t := range targets {
		r.check(pos, from, prop, t, k)
	}
}

// shape checks the references of one shape.
func (r *resolver) shape(s *ir.Shape) {
	for _, mem := range s.Members {
		r.check(mem.Pos, mem.ID, "member target", mem.Target, anyData)
	}
	for _, mx := range s.Mixins {
		t := r.m.Shape(mx)
		switch {
		case t == nil:
			r.errs.Addf(s.Pos, s.ID, "mixins: unknown target %s", mx)
		case t.Type != s.Type:
			r.errs.Addf(s.Pos, s.ID, "mixins: %s is %s %s, want %s %s like the shape it is mixed into", mx, article(t.Type.String()), t.Type, article(s.Type.String()), s.Type)
		}
	}
	switch s.Type {
	case ir.OperationType:
		if s.Input != "" {
			r.check(s.Pos, s.ID, "input", s.Input, structureRef)
		}
		if s.Output != "" {
			r.check(s.Pos, s.ID, "output", s.Output, structureRef)
		}
		r.checkAll(s.Pos, s.ID, "errors", s.Errors, structureRef)
	case ir.ServiceType:
		r.checkAll(s.Pos, s.ID, "operations", s.Operations, operationRef)
		r.checkAll(s.Pos, s.ID, "resources", s.Resources, resourceRef)
		r.checkAll(s.Pos, s.ID, "errors", s.Errors, structureRef)
		for _, rn := range s.Rename {
			if r.m.Shape(rn.ID) == nil {
				r.errs.Addf(rn.Pos, s.ID, "rename: unknown target %s", rn.ID)
			}
		}
	case ir.ResourceType:
		r.checkAll(s.Pos, s.ID, "operations", s.Operations, operationRef)
		r.checkAll(s.Pos, s.ID, "collectionOperations", s.CollectionOperations, operationRef)
		r.checkAll(s.Pos, s.ID, "resources", s.Resources, resourceRef)
		for _, b := range s.Identifiers {
			r.check(b.Pos, s.ID, "identifiers."+b.Name, b.Target, anyData)
		}
		for _, b := range s.Properties {
			r.check(b.Pos, s.ID, "properties."+b.Name, b.Target, anyData)
		}
		for _, b := range s.Lifecycle {
			r.check(b.Pos, s.ID, b.Name, b.Target, operationRef)
		}
	}
}

// article returns the indefinite article of a shape type name: "an" before
// a vowel sound, else "a" ("a union").
func article(word string) string {
	if word != "" && strings.ContainsRune("aeioAEIO", rune(word[0])) {
		return "an"
	}
	return "a"
}
