package passes

import "github.com/eksauthgen/eksauthgen/generator/ir"

// convertLegacyEnums turns every string shape carrying the Smithy 1.0
// smithy.api#enum trait into an enum shape, as Smithy 2.0 and the AWS SDK
// for Go v2 treat it: a named string type in types/ with one constant per
// value. Each definition becomes a member named by the definition's name, or
// by its value when it has none, whose enumValue is the value and whose
// documentation and deprecation are the definition's; a definition tagged
// "internal" gets the smithy.api#internal trait, as Smithy's 1.0 to 2.0
// upgrade does.
//
// Needs: the traits pass (Traits.LegacyEnum decoded).
//
// Guarantees: no shape has a non-empty Traits.LegacyEnum any more; the
// converted shapes keep their other traits (length, pattern, documentation),
// and Traits.Raw still holds the original enum trait.
func convertLegacyEnums(m *ir.Model) error {
	for _, s := range m.Shapes() {
		if s.Type != ir.StringType || len(s.Traits.LegacyEnum) == 0 {
			continue
		}
		s.Type = ir.EnumType
		s.Members = make([]*ir.Member, 0, len(s.Traits.LegacyEnum))
		for _, def := range s.Traits.LegacyEnum {
			name := def.Name
			if name == "" {
				name = def.Value
			}
			value := ir.Node{Kind: ir.StringNode, Str: def.Value, Pos: s.Pos}
			mem := &ir.Member{Name: name, ID: s.ID.WithMember(name), Target: ir.UnitID, Pos: s.Pos}
			mem.Traits.EnumValue = &value
			mem.Traits.Documentation = def.Doc
			if def.Deprecated {
				mem.Traits.Deprecated = &ir.Deprecated{}
			}
			if def.Internal {
				mem.Traits.Raw = append(mem.Traits.Raw, ir.Trait{ID: ir.TraitInternal, Pos: s.Pos})
			}
			s.Members = append(s.Members, mem)
		}
		s.Traits.LegacyEnum = nil
	}
	return nil
}
