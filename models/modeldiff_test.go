package models

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// This file holds the comparator used by the equivalence tests: it decodes
// two Smithy JSON AST models and lists, one line each, every difference that
// matters to code generation. Documentation text is ignored everywhere.

const (
	docTrait       = "smithy.api#documentation"
	ruleSetTrait   = "smithy.rules#endpointRuleSet"
	ruleTestsTrait = "smithy.rules#endpointTests"
)

// astModel is the top level of a Smithy JSON AST document.
type astModel struct {
	Smithy   string                     `json:"smithy"`
	Metadata map[string]any             `json:"metadata"`
	Shapes   map[string]json.RawMessage `json:"shapes"`
}

// diffModels returns every difference between got (the project's model) and
// want (the reference), each prefixed by the shape, member and trait it
// concerns; an error means one of the documents is not a JSON AST model.
func diffModels(got, want []byte) ([]string, error) {
	var g, w astModel
	if err := json.Unmarshal(got, &g); err != nil {
		return nil, fmt.Errorf("got: %w", err)
	}
	if err := json.Unmarshal(want, &w); err != nil {
		return nil, fmt.Errorf("want: %w", err)
	}
	var d differ
	if g.Smithy != w.Smithy {
		d.addf("smithy version: got %q, want %q", g.Smithy, w.Smithy)
	}
	d.values("metadata", g.Metadata, w.Metadata)
	gotIDs, wantIDs := sortedKeys(g.Shapes), sortedKeys(w.Shapes)
	for _, id := range wantIDs {
		if _, ok := g.Shapes[id]; !ok {
			d.addf("%s: shape missing", id)
		}
	}
	for _, id := range gotIDs {
		want, ok := w.Shapes[id]
		if !ok {
			d.addf("%s: unexpected shape", id)
			continue
		}
		if err := d.shape(id, g.Shapes[id], want); err != nil {
			return nil, err
		}
	}
	return d.diffs, nil
}

// differ accumulates difference descriptions.
type differ struct{ diffs []string }

func (d *differ) addf(format string, args ...any) {
	d.diffs = append(d.diffs, fmt.Sprintf(format, args...))
}

// shape compares two shape definitions field by field.
func (d *differ) shape(id string, got, want json.RawMessage) error {
	var g, w map[string]json.RawMessage
	if err := json.Unmarshal(got, &g); err != nil {
		return fmt.Errorf("got %s: %w", id, err)
	}
	if err := json.Unmarshal(want, &w); err != nil {
		return fmt.Errorf("want %s: %w", id, err)
	}
	for _, field := range unionKeys(g, w) {
		gv, gok := g[field]
		wv, wok := w[field]
		switch {
		case !gok:
			d.addf("%s: %q missing", id, field)
		case !wok:
			d.addf("%s: unexpected %q", id, field)
		case field == "traits":
			if err := d.traits(id, gv, wv); err != nil {
				return err
			}
		case field == "members":
			if err := d.members(id, gv, wv); err != nil {
				return err
			}
		case field == "member" || field == "key" || field == "value":
			if err := d.member(id+"$"+field, gv, wv); err != nil {
				return err
			}
		default:
			if err := d.raw(id+": "+field, gv, wv); err != nil {
				return err
			}
		}
	}
	return nil
}

// members compares member names (in document order) and each member.
func (d *differ) members(id string, got, want json.RawMessage) error {
	gotNames, err := orderedKeys(got)
	if err != nil {
		return fmt.Errorf("got %s members: %w", id, err)
	}
	wantNames, err := orderedKeys(want)
	if err != nil {
		return fmt.Errorf("want %s members: %w", id, err)
	}
	if !slices.Equal(gotNames, wantNames) {
		d.addf("%s: members: got %v, want %v", id, gotNames, wantNames)
	}
	var g, w map[string]json.RawMessage
	if err := json.Unmarshal(got, &g); err != nil {
		return err
	}
	if err := json.Unmarshal(want, &w); err != nil {
		return err
	}
	for _, name := range gotNames {
		if wv, ok := w[name]; ok {
			if err := d.member(id+"$"+name, g[name], wv); err != nil {
				return err
			}
		}
	}
	return nil
}

// member compares a member's target and traits.
func (d *differ) member(id string, got, want json.RawMessage) error {
	var g, w struct {
		Target string          `json:"target"`
		Traits json.RawMessage `json:"traits"`
	}
	if err := json.Unmarshal(got, &g); err != nil {
		return fmt.Errorf("got %s: %w", id, err)
	}
	if err := json.Unmarshal(want, &w); err != nil {
		return fmt.Errorf("want %s: %w", id, err)
	}
	if g.Target != w.Target {
		d.addf("%s: target: got %q, want %q", id, g.Target, w.Target)
	}
	return d.traits(id, g.Traits, w.Traits)
}

// traits compares two trait maps, ignoring documentation; the endpoint rule
// set and endpoint tests get dedicated comparisons.
func (d *differ) traits(id string, got, want json.RawMessage) error {
	g, w := map[string]any{}, map[string]any{}
	if len(got) > 0 {
		if err := json.Unmarshal(got, &g); err != nil {
			return fmt.Errorf("got %s traits: %w", id, err)
		}
	}
	if len(want) > 0 {
		if err := json.Unmarshal(want, &w); err != nil {
			return fmt.Errorf("want %s traits: %w", id, err)
		}
	}
	delete(g, docTrait)
	delete(w, docTrait)
	for _, trait := range unionKeys(g, w) {
		gv, gok := g[trait]
		wv, wok := w[trait]
		where := id + ": trait " + trait
		switch {
		case !gok:
			d.addf("%s: missing", where)
		case !wok:
			d.addf("%s: unexpected", where)
		case trait == ruleSetTrait:
			d.values(where, stripRuleSetDocs(gv), stripRuleSetDocs(wv))
		case trait == ruleTestsTrait:
			d.endpointTests(where, gv, wv)
		default:
			d.values(where, gv, wv)
		}
	}
	return nil
}

// endpointTests compares the test cases of two endpointTests traits as
// multisets, ignoring each case's documentation.
func (d *differ) endpointTests(where string, got, want any) {
	g, gok := got.(map[string]any)
	w, wok := want.(map[string]any)
	if !gok || !wok {
		d.values(where, got, want)
		return
	}
	d.values(where+": version", g["version"], w["version"])
	gotCases, wantCases := testCases(g["testCases"]), testCases(w["testCases"])
	for _, key := range unionKeys(gotCases, wantCases) {
		gc, wc := gotCases[key], wantCases[key]
		if len(gc) != len(wc) {
			d.addf("%s: test case with params %s: got %d, want %d", where, key, len(gc), len(wc))
		}
		for i := range min(len(gc), len(wc)) {
			d.values(fmt.Sprintf("%s: test case with params %s", where, key), gc[i], wc[i])
		}
	}
}

// testCases groups endpoint test cases (documentation removed) by the
// canonical JSON of their params ("<absent>" when a case has none), in
// document order within a group.
func testCases(v any) map[string][]any {
	out := map[string][]any{}
	cases, _ := v.([]any)
	for _, c := range cases {
		m, ok := c.(map[string]any)
		if !ok {
			out["<not an object>"] = append(out["<not an object>"], c)
			continue
		}
		m = withoutKey(m, "documentation")
		key := "<absent>"
		if params, ok := m["params"]; ok {
			key = canonical(params)
		}
		out[key] = append(out[key], m)
	}
	return out
}

// stripRuleSetDocs removes the documentation of the rule set's parameters
// and rules, which are prose.
func stripRuleSetDocs(v any) any {
	rs, ok := v.(map[string]any)
	if !ok {
		return v
	}
	rs = withoutKey(rs, "documentation")
	if params, ok := rs["parameters"].(map[string]any); ok {
		stripped := map[string]any{}
		for name, p := range params {
			if pm, ok := p.(map[string]any); ok {
				p = withoutKey(pm, "documentation")
			}
			stripped[name] = p
		}
		rs["parameters"] = stripped
	}
	rs["rules"] = stripRuleDocs(rs["rules"])
	return rs
}

// stripRuleDocs removes documentation from a list of rules, recursively.
func stripRuleDocs(v any) any {
	rules, ok := v.([]any)
	if !ok {
		return v
	}
	out := make([]any, len(rules))
	for i, r := range rules {
		if rm, ok := r.(map[string]any); ok {
			rm = withoutKey(rm, "documentation")
			if _, ok := rm["rules"]; ok {
				rm["rules"] = stripRuleDocs(rm["rules"])
			}
			r = rm
		}
		out[i] = r
	}
	return out
}

// raw compares two undecoded JSON values.
func (d *differ) raw(where string, got, want json.RawMessage) error {
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		return fmt.Errorf("got %s: %w", where, err)
	}
	if err := json.Unmarshal(want, &w); err != nil {
		return fmt.Errorf("want %s: %w", where, err)
	}
	d.values(where, g, w)
	return nil
}

// values compares two decoded JSON values and reports each differing leaf
// with its JSON path (objects: ".key", arrays: "[i]").
func (d *differ) values(where string, got, want any) {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			break
		}
		for _, k := range unionKeys(g, w) {
			gv, gok := g[k]
			wv, wok := w[k]
			switch {
			case !gok:
				d.addf("%s.%s: missing, want %s", where, k, canonical(wv))
			case !wok:
				d.addf("%s.%s: unexpected %s", where, k, canonical(gv))
			default:
				d.values(where+"."+k, gv, wv)
			}
		}
		return
	case []any:
		g, ok := got.([]any)
		if !ok {
			break
		}
		if len(g) != len(w) {
			d.addf("%s: got %d elements, want %d: got %s, want %s", where, len(g), len(w), canonical(g), canonical(w))
			return
		}
		for i := range w {
			d.values(fmt.Sprintf("%s[%d]", where, i), g[i], w[i])
		}
		return
	}
	if c, e := canonical(got), canonical(want); c != e {
		d.addf("%s: got %s, want %s", where, c, e)
	}
}

// orderedKeys returns the keys of a JSON object in document order.
func orderedKeys(obj json.RawMessage) ([]string, error) {
	dec := json.NewDecoder(bytes.NewReader(obj))
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	if tok != json.Delim('{') {
		return nil, fmt.Errorf("want a JSON object, got %v", tok)
	}
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		key, ok := tok.(string)
		if !ok {
			return nil, fmt.Errorf("want an object key, got %v", tok)
		}
		keys = append(keys, key)
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return nil, err
		}
	}
	return keys, nil
}

// canonical renders a decoded JSON value with sorted object keys.
func canonical(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprintf("<%v>", err)
	}
	return string(b)
}

// withoutKey returns a shallow copy of m without key.
func withoutKey(m map[string]any, key string) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		if k != key {
			out[k] = v
		}
	}
	return out
}

// sortedKeys returns the keys of m, sorted.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// unionKeys returns the keys of a and b, sorted, without duplicates.
func unionKeys[V any](a, b map[string]V) []string {
	keys := append(sortedKeys(a), sortedKeys(b)...)
	sort.Strings(keys)
	return slices.Compact(keys)
}

// report joins diffs for a failure message.
func report(diffs []string) string {
	return strings.Join(diffs, "\n")
}
