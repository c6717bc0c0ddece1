package diff

import "github.com/eksauthgen/eksauthgen/generator/ir"

// enumMembers compares the values of two versions of an enum or intEnum.
func (c *comparer) enumMembers(o, n *ir.Shape) {
	for _, om := range o.Members {
		if n.Member(om.Name) == nil {
			c.add(EnumValueRemoved, true, om.ID, c.old.memberGoName(o, om), "enum value %s removed", enumValue(om))
		}
	}
	for _, nm := range n.Members {
		goName := c.new.memberGoName(n, nm)
		om := o.Member(nm.Name)
		if om == nil {
			c.add(EnumValueAdded, false, nm.ID, goName, "enum value %s added", enumValue(nm))
			continue
		}
		if ov, nv := enumValue(om), enumValue(nm); ov != nv {
			c.add(EnumValueChanged, true, nm.ID, goName, "enum value %s → %s (same constant, different wire value)", ov, nv)
		}
		if og := c.old.memberGoName(o, om); og != goName && og != "" && goName != "" {
			c.add(GoNameChanged, true, nm.ID, goName, "constant %s renamed %s", og, goName)
		}
	}
}

// enumValue returns the wire value of an enum member, quoted for a string
// enum: its enumValue trait, else its name.
func enumValue(m *ir.Member) string {
	if v := m.Traits.EnumValue; v != nil {
		if v.Kind == ir.StringNode {
			return `"` + v.Str + `"`
		}
		return v.Str
	}
	return `"` + m.Name + `"`
}
