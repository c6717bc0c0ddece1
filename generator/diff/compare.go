package diff

import (
	"fmt"
	"slices"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// Compare returns the changes from old to new, both models after the passes
// (see Load), sorted: breaking first, then by kind, ID, Go name and detail.
func Compare(old, new *ir.Model) []Change {
	c := &comparer{old: newView(old), new: newView(new)}
	c.endpointRules()
	c.operations()
	c.shapes()
	return sortChanges(c.out)
}

// comparer collects the changes between two views.
type comparer struct {
	old, new *view
	out      []Change
}

// add records one change.
func (c *comparer) add(k Kind, breaks bool, id ir.ShapeID, goName, format string, args ...any) {
	c.out = append(c.out, Change{Kind: k, Severity: severity(breaks), ID: string(id), GoName: goName, Detail: fmt.Sprintf(format, args...)})
}

// operations compares the services' operations: presence, method name,
// HTTP trait, errors, and the members of inputs and outputs whose shape ID
// changed (inputs and outputs with the same ID are compared with the other
// shapes).
func (c *comparer) operations() {
	olds := opIndex(c.old.m)
	news := opIndex(c.new.m)
	for _, o := range c.old.m.Operations {
		if news[o.ID] == nil {
			c.add(OperationRemoved, true, o.ID, "Client."+o.GoName, "operation removed")
		}
	}
	for _, n := range c.new.m.Operations {
		o := olds[n.ID]
		if o == nil {
			c.add(OperationAdded, false, n.ID, "Client."+n.GoName, "operation added")
			continue
		}
		if o.GoName != n.GoName {
			c.add(GoNameChanged, true, n.ID, "Client."+n.GoName, "method Client.%s renamed Client.%s", o.GoName, n.GoName)
		}
		c.httpTrait(o, n)
		c.opErrors(o, n)
		if o.Input != n.Input {
			c.members(c.shapeOrEmpty(c.old, o.Input), c.shapeOrEmpty(c.new, n.Input))
		}
		if o.Output != n.Output {
			c.members(c.shapeOrEmpty(c.old, o.Output), c.shapeOrEmpty(c.new, n.Output))
		}
	}
}

// opIndex maps the operation IDs of m to the operations.
func opIndex(m *ir.Model) map[ir.ShapeID]*ir.Shape {
	idx := make(map[ir.ShapeID]*ir.Shape, len(m.Operations))
	for _, op := range m.Operations {
		idx[op.ID] = op
	}
	return idx
}

// shapeOrEmpty returns the shape id of v, or an empty structure when the
// operation has no input or output (its Go struct is then empty).
func (c *comparer) shapeOrEmpty(v *view, id ir.ShapeID) *ir.Shape {
	if s := v.m.Shape(id); s != nil && id != "" && id != ir.UnitID {
		return s
	}
	return &ir.Shape{ID: id, Type: ir.StructureType}
}

// httpTrait compares the smithy.api#http traits of an operation.
func (c *comparer) httpTrait(o, n *ir.Shape) {
	oh, nh := o.Traits.HTTP, n.Traits.HTTP
	if oh == nil || nh == nil {
		if (oh == nil) != (nh == nil) {
			c.add(HTTPBindingChanged, true, n.ID, "Client."+n.GoName, "http trait %s", presence(nh != nil))
		}
		return
	}
	if oh.Method != nh.Method {
		c.add(HTTPBindingChanged, true, n.ID, "Client."+n.GoName, "method %s → %s", oh.Method, nh.Method)
	}
	if oh.URI != nh.URI {
		c.add(HTTPBindingChanged, true, n.ID, "Client."+n.GoName, "URI %s → %s", oh.URI, nh.URI)
	}
	if oh.Code != nh.Code {
		c.add(HTTPBindingChanged, true, n.ID, "Client."+n.GoName, "status code %d → %d", oh.Code, nh.Code)
	}
}

// presence describes a trait that appeared or disappeared.
func presence(added bool) string {
	if added {
		return "added"
	}
	return "removed"
}

// opErrors compares the errors an operation can return, its own and the
// service's.
func (c *comparer) opErrors(o, n *ir.Shape) {
	oe, ne := c.old.errors(o), c.new.errors(n)
	for _, e := range sortedSet(oe) {
		if !slices.Contains(ne, e) {
			c.add(ErrorRemoved, true, n.ID, "Client."+n.GoName, "no longer returns %s (%s)", e, c.old.typeName[e])
		}
	}
	for _, e := range sortedSet(ne) {
		if !slices.Contains(oe, e) {
			c.add(ErrorAdded, false, n.ID, "Client."+n.GoName, "can return %s (%s)", e, c.new.typeName[e])
		}
	}
}

// sortedSet returns ids sorted, without duplicates.
func sortedSet(ids []ir.ShapeID) []ir.ShapeID {
	out := slices.Clone(ids)
	slices.Sort(out)
	return slices.Compact(out)
}

// shapes compares the shapes other than operations, services and resources:
// types added and removed, then, for shapes in both versions, their type,
// Go name, traits, enum values and members.
func (c *comparer) shapes() {
	for _, o := range c.old.m.Shapes() {
		if !compared(o) {
			continue
		}
		if c.new.m.Shape(o.ID) == nil && o.GoPackage == ir.TypesPackage {
			c.add(ShapeRemoved, true, o.ID, c.old.typeName[o.ID], "%s removed", o.Type)
		}
	}
	for _, n := range c.new.m.Shapes() {
		if !compared(n) {
			continue
		}
		o := c.old.m.Shape(n.ID)
		if o == nil {
			if n.GoPackage == ir.TypesPackage {
				c.add(ShapeAdded, false, n.ID, c.new.typeName[n.ID], "%s added", n.Type)
			}
			continue
		}
		c.shape(o, n)
	}
}

// compared reports whether s is a shape compared by shapes().
func compared(s *ir.Shape) bool {
	switch s.Type {
	case ir.OperationType, ir.ServiceType, ir.ResourceType, ir.MemberType:
		return false
	}
	return !s.ID.IsPrelude()
}

// shape compares two versions of the same shape.
func (c *comparer) shape(o, n *ir.Shape) {
	goName := c.new.shapeGoName(n.ID)
	if o.Type != n.Type {
		c.add(ShapeTypeChanged, true, n.ID, goName, "shape type %s → %s", o.Type, n.Type)
		return
	}
	if on, nn := c.old.typeName[o.ID], c.new.typeName[n.ID]; on != nn && on != "" && nn != "" {
		c.add(GoNameChanged, true, n.ID, nn, "type %s renamed %s", on, nn)
	}
	if o.Traits.Sensitive != n.Traits.Sensitive {
		c.sensitive(n.ID, goName, n.Traits.Sensitive)
	}
	c.constraints(n.ID, goName, &o.Traits, &n.Traits, c.inInput(o.ID))
	switch n.Type {
	case ir.EnumType, ir.IntEnumType:
		c.enumMembers(o, n)
	case ir.StructureType, ir.UnionType, ir.ListType, ir.SetType, ir.MapType:
		c.members(o, n)
	}
}

// inInput reports whether the shape id is part of an operation input in
// either version.
func (c *comparer) inInput(id ir.ShapeID) bool { return c.old.input[id] || c.new.input[id] }

// sensitive records a sensitive trait added or removed.
func (c *comparer) sensitive(id ir.ShapeID, goName string, added bool) {
	if added {
		c.add(SensitiveAdded, false, id, goName, "sensitive added: the value is now redacted when printed")
		return
	}
	c.add(SensitiveRemoved, false, id, goName, "sensitive removed: the value is no longer redacted when printed")
}
