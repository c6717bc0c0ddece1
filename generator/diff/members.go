package diff

import "github.com/eksauthgen/eksauthgen/generator/ir"

// members compares the members of two versions of an aggregate shape (or of
// an operation's input or output struct when its shape changed).
func (c *comparer) members(o, n *ir.Shape) {
	input := c.inInput(o.ID) || c.inInput(n.ID)
	for _, om := range o.Members {
		if n.Member(om.Name) == nil {
			c.add(MemberRemoved, true, om.ID, c.old.memberGoName(o, om), "member removed")
		}
	}
	for _, nm := range n.Members {
		om := o.Member(nm.Name)
		if om == nil {
			goName := c.new.memberGoName(n, nm)
			if nm.Traits.Required && input && n.Type == ir.StructureType {
				c.add(MemberAdded, true, nm.ID, goName, "required member added to an input (%s): callers must set it", c.new.goType(nm, false))
			} else {
				c.add(MemberAdded, false, nm.ID, goName, "member added (%s)", c.new.goType(nm, c.outputOnly(n.ID)))
			}
			continue
		}
		c.member(o, n, om, nm, input)
	}
}

// outputOnly reports whether the shape id is used in outputs only (where a
// streaming blob is an io.ReadCloser).
func (c *comparer) outputOnly(id ir.ShapeID) bool {
	return (c.old.output[id] || c.new.output[id]) && !c.inInput(id)
}

// member compares two versions of a member of o and n.
func (c *comparer) member(o, n *ir.Shape, om, nm *ir.Member, input bool) {
	goName := c.new.memberGoName(n, nm)
	out := c.outputOnly(n.ID)
	if ot, nt := c.old.goType(om, out), c.new.goType(nm, out); ot != nt {
		if om.Target != nm.Target {
			c.add(MemberTypeChanged, true, nm.ID, goName, "Go type %s → %s (target %s → %s)", ot, nt, om.Target, nm.Target)
		} else {
			c.add(MemberTypeChanged, true, nm.ID, goName, "Go type %s → %s", ot, nt)
		}
	} else if om.Target != nm.Target {
		c.add(MemberTargetChanged, false, nm.ID, goName, "target %s → %s; Go type %s unchanged", om.Target, nm.Target, nt)
	}
	// A field renamed with its structure is reported once, on the structure.
	if og := c.old.memberGoName(o, om); om.GoName != nm.GoName || om.UnionVariant != nm.UnionVariant {
		if og != "" && goName != "" {
			c.add(GoNameChanged, true, nm.ID, goName, "%s renamed %s", og, goName)
		}
	}
	if n.Type == ir.StructureType && om.Traits.Required != nm.Traits.Required {
		switch {
		case nm.Traits.Required && input:
			c.add(RequiredAdded, true, nm.ID, goName, "now required in an input: calls that do not set it fail validation")
		case nm.Traits.Required:
			c.add(RequiredAdded, false, nm.ID, goName, "now required (output only: nothing breaks)")
		default:
			c.add(RequiredRemoved, false, nm.ID, goName, "no longer required")
		}
	}
	c.constraints(nm.ID, goName, &om.Traits, &nm.Traits, input)
	if om.Traits.Sensitive != nm.Traits.Sensitive {
		c.sensitive(nm.ID, goName, nm.Traits.Sensitive)
	}
	c.binding(om, nm, goName)
}

// binding compares where a member goes in an HTTP message.
func (c *comparer) binding(om, nm *ir.Member, goName string) {
	switch {
	case om.Binding != nm.Binding:
		c.add(HTTPBindingChanged, true, nm.ID, goName, "bound to %s → %s", bindingText(om), bindingText(nm))
	case om.BindingName != nm.BindingName:
		c.add(HTTPBindingChanged, true, nm.ID, goName, "%s %q → %q", nm.Binding, om.BindingName, nm.BindingName)
	case nm.Binding == ir.BindBody && om.JSONName != nm.JSONName:
		c.add(HTTPBindingChanged, true, nm.ID, goName, "JSON key %q → %q", om.JSONName, nm.JSONName)
	}
}

// bindingText describes a member's binding, e.g. `header "X-Token"`.
func bindingText(m *ir.Member) string {
	if m.BindingName != "" {
		return m.Binding.String() + ` "` + m.BindingName + `"`
	}
	return m.Binding.String()
}
