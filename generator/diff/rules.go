package diff

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// ruleParam is the part of an endpoint rule-set parameter that shapes the
// generated EndpointParameters field.
type ruleParam struct {
	Type, BuiltIn, Default string
	Required               bool
}

// endpointRules compares the services' endpoint rule sets: parameters
// added, removed or changed, and a summary of any other change.
func (c *comparer) endpointRules() {
	osvc, nsvc := c.old.m.Service, c.new.m.Service
	if osvc == nil || nsvc == nil {
		return
	}
	ors, oHas := osvc.Traits.Get(ir.TraitEndpointRuleSet)
	nrs, nHas := nsvc.Traits.Get(ir.TraitEndpointRuleSet)
	if !oHas && !nHas {
		return
	}
	id := nsvc.ID
	oNames, oParams := ruleParams(ors.Value)
	nNames, nParams := ruleParams(nrs.Value)
	var summary []string
	for _, name := range oNames {
		if _, ok := nParams[name]; !ok {
			c.add(EndpointParamRemoved, true, id, "EndpointParameters."+exported(name), "endpoint rule-set parameter %s removed", name)
			summary = append(summary, "-"+name)
		}
	}
	for _, name := range nNames {
		np := nParams[name]
		op, ok := oParams[name]
		switch {
		case !ok:
			c.add(EndpointParamAdded, false, id, "EndpointParameters."+exported(name), "endpoint rule-set parameter %s added (%s)", name, np.Type)
			summary = append(summary, "+"+name)
		case op != np:
			c.add(EndpointParamChanged, op.Type != np.Type, id, "EndpointParameters."+exported(name), "endpoint rule-set parameter %s: %s → %s", name, op, np)
			summary = append(summary, "~"+name)
		}
	}
	if nodeText(ors.Value) == nodeText(nrs.Value) {
		return
	}
	detail := fmt.Sprintf("endpoint rule set changed: %d → %d rules", countRules(ors.Value), countRules(nrs.Value))
	if len(summary) > 0 {
		detail += "; parameters " + strings.Join(summary, " ")
	}
	c.add(EndpointRulesChanged, false, id, "", "%s", detail)
}

// String describes a parameter for a change's detail.
func (p ruleParam) String() string {
	s := strings.ToLower(p.Type)
	if p.Required {
		s += ", required"
	}
	if p.Default != "" {
		s += ", default " + p.Default
	}
	if p.BuiltIn != "" {
		s += ", builtIn " + p.BuiltIn
	}
	return s
}

// ruleParams decodes the parameters of a rule set: names in document order,
// and each one's description.
func ruleParams(rs ir.Node) ([]string, map[string]ruleParam) {
	params := map[string]ruleParam{}
	var names []string
	ps, _ := rs.Get("parameters")
	for _, f := range ps.Fields {
		var p ruleParam
		typ, _ := f.Value.Get("type")
		p.Type = strings.ToLower(typ.Str)
		if v, ok := f.Value.Get("builtIn"); ok {
			p.BuiltIn = v.Str
		}
		if v, ok := f.Value.Get("required"); ok {
			p.Required = v.Kind == ir.BoolNode && v.Bool
		}
		if v, ok := f.Value.Get("default"); ok {
			p.Default = nodeText(v)
		}
		names = append(names, f.Key)
		params[f.Key] = p
	}
	return names, params
}

// exported upper-cases the first letter of a parameter name, as the
// EndpointParameters field names do.
func exported(name string) string {
	r, size := utf8.DecodeRuneInString(name)
	return string(unicode.ToUpper(r)) + name[size:]
}

// countRules counts the rules of a rule set, those of tree rules included.
func countRules(rs ir.Node) int {
	rules, _ := rs.Get("rules")
	n := 0
	for _, r := range rules.Items {
		n += 1 + countRules(r)
	}
	return n
}

// nodeText renders a node as compact JSON with object keys sorted, ignoring
// positions, so that two nodes compare equal exactly when their values do
// (the order of an object's keys means nothing in JSON).
func nodeText(n ir.Node) string {
	var b strings.Builder
	writeNode(&b, n)
	return b.String()
}

// writeNode writes n as compact JSON to b.
func writeNode(b *strings.Builder, n ir.Node) {
	switch n.Kind {
	case ir.NullNode:
		b.WriteString("null")
	case ir.BoolNode:
		b.WriteString(strconv.FormatBool(n.Bool))
	case ir.NumberNode:
		b.WriteString(n.Str)
	case ir.StringNode:
		b.WriteString(strconv.Quote(n.Str))
	case ir.ArrayNode:
		b.WriteByte('[')
		for i, it := range n.Items {
			if i > 0 {
				b.WriteByte(',')
			}
			writeNode(b, it)
		}
		b.WriteByte(']')
	case ir.ObjectNode:
		b.WriteByte('{')
		fields := slices.Clone(n.Fields)
		slices.SortStableFunc(fields, func(x, y ir.Field) int { return strings.Compare(x.Key, y.Key) })
		for i, f := range fields {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Quote(f.Key))
			b.WriteByte(':')
			writeNode(b, f.Value)
		}
		b.WriteByte('}')
	}
}
