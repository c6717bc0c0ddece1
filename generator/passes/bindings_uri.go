package passes

import (
	"strings"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// parseURI splits the URI pattern of op's http trait into HTTP.Path and
// HTTP.Query, reporting the rules of the spec's "uri" section that it
// breaks (see deriveBindings).
func parseURI(op *ir.Shape, errs *ir.ErrorList) {
	h := op.Traits.HTTP
	h.Path, h.Query = nil, nil
	if h.Code == 0 {
		h.Code = 200
	}
	pos := uriPos(op)
	bad := func(format string, args ...any) {
		errs.Addf(pos, op.ID, "http uri %q: "+format, append([]any{h.URI}, args...)...)
	}
	if !strings.HasPrefix(h.URI, "/") {
		bad(`must start with "/"`)
		return
	}
	if strings.Contains(h.URI, "#") {
		bad(`must not contain a fragment "#"`)
		return
	}
	path, query, hasQuery := strings.Cut(h.URI, "?")
	if hasQuery && query == "" {
		bad(`must not end with "?"`)
	}
	seen := make(map[string]bool)
	greedy := ""
	if path != "/" {
		parts := strings.Split(path[1:], "/")
		for i, part := range parts {
			seg, ok := parseSegment(part)
			switch {
			case !ok:
				bad("segment %q: a label must be a whole segment, {name} or {name+}", part)
				continue
			case seg.Label == "" && part == "" && i < len(parts)-1:
				bad("empty segment")
				continue
			case seg.Label == "" && (part == "." || part == ".."):
				bad("dot segment %q", part)
				continue
			case seg.Label != "" && seen[seg.Label]:
				bad("label {%s} appears twice", seg.Label)
			case seg.Label != "" && greedy != "":
				bad("label {%s} comes after the greedy label {%s+}; a greedy label must be the last label", seg.Label, greedy)
			}
			if seg.Greedy {
				greedy = seg.Label
			}
			if seg.Label != "" {
				seen[seg.Label] = true
			}
			h.Path = append(h.Path, seg)
		}
	}
	if !hasQuery || query == "" {
		return
	}
	for _, part := range strings.Split(query, "&") {
		k, v, _ := strings.Cut(part, "=")
		switch {
		case strings.ContainsAny(part, "{}"):
			bad("query %q: labels must not appear in the query string", part)
		case k == "":
			bad("query %q: empty key", part)
		default:
			h.Query = append(h.Query, ir.QueryLiteral{Key: k, Value: v})
		}
	}
}

// parseSegment reads one path segment: a literal, "{name}" or "{name+}".
// ok is false for braces anywhere else.
func parseSegment(part string) (seg ir.URISegment, ok bool) {
	if !strings.ContainsAny(part, "{}") {
		return ir.URISegment{Literal: part}, true
	}
	name, found := strings.CutPrefix(part, "{")
	if !found {
		return seg, false
	}
	if name, found = strings.CutSuffix(name, "}"); !found {
		return seg, false
	}
	name, seg.Greedy = strings.CutSuffix(name, "+")
	if name == "" || strings.ContainsAny(name, "{}+") {
		return seg, false
	}
	seg.Label = name
	return seg, true
}

// uriPos returns the position of the uri of op's http trait, else of the
// trait, else of op.
func uriPos(op *ir.Shape) ir.Pos {
	tr, ok := op.Traits.Get(ir.TraitHTTP)
	if !ok {
		return op.Pos
	}
	if v, ok := tr.Value.Get("uri"); ok && v.Pos.IsValid() {
		return v.Pos
	}
	if tr.Pos.IsValid() {
		return tr.Pos
	}
	return op.Pos
}

// checkLabels checks that the URI labels of op and the httpLabel members of
// its input match, that label members are required, and that they target
// shapes a label can hold.
func checkLabels(m *ir.Model, op *ir.Shape, errs *ir.ErrorList) {
	var in *ir.Shape
	if op.Input != "" {
		in = m.Shape(op.Input)
	}
	labels := make(map[string]ir.URISegment)
	for _, seg := range op.Traits.HTTP.Path {
		if seg.Label == "" {
			continue
		}
		labels[seg.Label] = seg
		var mem *ir.Member
		if in != nil {
			mem = in.Member(seg.Label)
		}
		if mem == nil || mem.Binding != ir.BindLabel {
			errs.Addf(uriPos(op), op.ID, "http uri label {%s} has no input member with the %s trait", seg.Label, ir.TraitHTTPLabel)
		}
	}
	if in == nil {
		return
	}
	for _, mem := range in.Members {
		if mem.Binding != ir.BindLabel {
			continue
		}
		seg, ok := labels[mem.Name]
		if !ok {
			errs.Addf(mem.Pos, mem.ID, "%s: no label {%s} in the http uri %q of %s", ir.TraitHTTPLabel, mem.Name, op.Traits.HTTP.URI, op.ID)
			continue
		}
		if !mem.Traits.Required {
			errs.Addf(mem.Pos, mem.ID, "%s: a label member must have the %s trait", ir.TraitHTTPLabel, ir.TraitRequired)
		}
		t := m.Target(mem)
		switch {
		case t == nil:
		case seg.Greedy && t.Type != ir.StringType && t.Type != ir.EnumType:
			errs.Addf(mem.Pos, mem.ID, "%s: the greedy label {%s+} needs a string, not %s %s", ir.TraitHTTPLabel, mem.Name, article(t.Type.String()), t.Type)
		case !scalarBindable(t.Type):
			errs.Addf(mem.Pos, mem.ID, "%s: targets %s %s, want a string, number, boolean or timestamp", ir.TraitHTTPLabel, article(t.Type.String()), t.Type)
		}
	}
}
