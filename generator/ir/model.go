package ir

import (
	"cmp"
	"slices"
)

// Model is a whole Smithy model, then (after the passes) the part of it that
// one service reaches.
type Model struct {
	File     string  // the model's file name, as given to Generate
	Version  string  // the "smithy" version string
	Metadata []Field // model metadata, in document order
	Applies  []Apply // apply statements; emptied by the apply pass

	// Derived by the passes.
	Service    *Shape   // the selected service
	Operations []*Shape // the service's operations (resources included), sorted by ID

	shapes []*Shape // sorted by ID
	index  map[ShapeID]*Shape
}

// Apply is one "apply" statement: traits added to a shape or member.
type Apply struct {
	Target ShapeID
	Traits []Trait
	Pos    Pos
}

// Shapes returns all shapes, sorted by ID. The slice must not be modified.
func (m *Model) Shapes() []*Shape { return m.shapes }

// Shape returns the shape with the given ID, or nil.
func (m *Model) Shape(id ShapeID) *Shape { return m.index[id] }

// Add adds a shape, or replaces the shape with the same ID.
func (m *Model) Add(s *Shape) {
	if m.index == nil {
		m.index = make(map[ShapeID]*Shape)
	}
	i, found := slices.BinarySearchFunc(m.shapes, s.ID, func(e *Shape, id ShapeID) int { return cmp.Compare(e.ID, id) })
	if found {
		m.shapes[i] = s
	} else {
		m.shapes = slices.Insert(m.shapes, i, s)
	}
	m.index[s.ID] = s
}

// Retain keeps only the shapes for which keep returns true.
func (m *Model) Retain(keep func(*Shape) bool) {
	m.shapes = slices.DeleteFunc(m.shapes, func(s *Shape) bool {
		if keep(s) {
			return false
		}
		delete(m.index, s.ID)
		return true
	})
}

// Member returns the member of s named name, or nil.
func (s *Shape) Member(name string) *Member {
	for _, mem := range s.Members {
		if mem.Name == name {
			return mem
		}
	}
	return nil
}

// Target returns the shape a member targets, or nil if it does not resolve.
func (m *Model) Target(mem *Member) *Shape { return m.index[mem.Target] }
