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

// legacyEnum compares two versions of a string shape's smithy.api#enum
// trait, by value.
func (c *comparer) legacyEnum(o, n *ir.Shape) {
	find := func(defs []ir.EnumDefinition, value string) *ir.EnumDefinition {
		for i := range defs {
			if defs[i].Value == value {
				return &defs[i]
			}
		}
		return nil
	}
	constant := func(v *view, s *ir.Shape, d *ir.EnumDefinition) string {
		if d.GoName != "" {
			return "types." + d.GoName
		}
		return v.typeName[s.ID]
	}
	for i := range o.Traits.LegacyEnum {
		od := &o.Traits.LegacyEnum[i]
		if find(n.Traits.LegacyEnum, od.Value) == nil {
			c.add(EnumValueRemoved, true, o.ID, constant(c.old, o, od), "enum value %q removed", od.Value)
		}
	}
	for i := range n.Traits.LegacyEnum {
		nd := &n.Traits.LegacyEnum[i]
		od := find(o.Traits.LegacyEnum, nd.Value)
		if od == nil {
			c.add(EnumValueAdded, false, n.ID, constant(c.new, n, nd), "enum value %q added", nd.Value)
			continue
		}
		if od.GoName != nd.GoName && od.GoName != "" && nd.GoName != "" {
			c.add(GoNameChanged, true, n.ID, "types."+nd.GoName, "constant types.%s renamed types.%s", od.GoName, nd.GoName)
		}
	}
}
