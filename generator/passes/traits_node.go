package passes

import (
	"fmt"
	"math/big"
	"slices"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// traitDecoder reads the values of the traits of one shape or member,
// reporting every value of the wrong kind.
type traitDecoder struct {
	owner ir.ShapeID // the shape or member the traits are applied to
	errs  *ir.ErrorList
}

// fail reports a problem with node n (or, when n has no position, with the
// trait tr) as "trait <id>: <path>: <msg>".
func (d *traitDecoder) fail(tr ir.Trait, n ir.Node, path, format string, args ...any) {
	pos := n.Pos
	if !pos.IsValid() {
		pos = tr.Pos
	}
	msg := fmt.Sprintf(format, args...)
	if path != "" {
		msg = path + ": " + msg
	}
	d.errs.Addf(pos, d.owner, "trait %s: %s", tr.ID, msg)
}

// want reports that n is not what the trait expects.
func (d *traitDecoder) want(tr ir.Trait, n ir.Node, path, what string) {
	d.fail(tr, n, path, "want %s, got %s", what, describeNode(n))
}

// describeNode names a node's kind and, for scalars, its value.
func describeNode(n ir.Node) string {
	switch n.Kind {
	case ir.StringNode:
		return fmt.Sprintf("string %q", n.Str)
	case ir.NumberNode:
		return "number " + n.Str
	case ir.BoolNode:
		return fmt.Sprintf("boolean %t", n.Bool)
	}
	return n.Kind.String()
}

// annotation reads an annotation trait: {} (or true, as Smithy 1.0 models
// may write it).
func (d *traitDecoder) annotation(tr ir.Trait) bool {
	v := tr.Value
	if (v.Kind == ir.ObjectNode && len(v.Fields) == 0) || (v.Kind == ir.BoolNode && v.Bool) {
		return true
	}
	d.want(tr, v, "", "an annotation value {}")
	return false
}

// str reads a string trait.
func (d *traitDecoder) str(tr ir.Trait) (string, bool) {
	if tr.Value.Kind != ir.StringNode {
		d.want(tr, tr.Value, "", "a string")
		return "", false
	}
	return tr.Value.Str, true
}

// nonEmptyStr reads a string trait that must not be empty.
func (d *traitDecoder) nonEmptyStr(tr ir.Trait) (string, bool) {
	s, ok := d.str(tr)
	if ok && s == "" {
		d.want(tr, tr.Value, "", "a non-empty string")
		return "", false
	}
	return s, ok
}

// oneOf reads a string trait whose value must be one of allowed.
func (d *traitDecoder) oneOf(tr ir.Trait, allowed ...string) (string, bool) {
	s, ok := d.str(tr)
	if !ok {
		return "", false
	}
	for _, a := range allowed {
		if s == a {
			return s, true
		}
	}
	d.want(tr, tr.Value, "", "one of "+quoteList(allowed))
	return "", false
}

// integer reads an integer trait within [lo, hi].
func (d *traitDecoder) integer(tr ir.Trait, lo, hi int64) (int64, bool) {
	v, ok := tr.Value.Int64()
	if !ok || v < lo || v > hi {
		d.want(tr, tr.Value, "", fmt.Sprintf("an integer from %d to %d", lo, hi))
		return 0, false
	}
	return v, true
}

// object reads a structure-valued trait, checking that it is an object with
// only the given keys (any keys when none are given).
func (d *traitDecoder) object(tr ir.Trait, keys ...string) bool {
	if tr.Value.Kind != ir.ObjectNode {
		d.want(tr, tr.Value, "", "an object")
		return false
	}
	ok := true
	for _, f := range tr.Value.Fields {
		if len(keys) == 0 {
			break
		}
		if !slices.Contains(keys, f.Key) {
			d.fail(tr, ir.Node{Pos: f.KeyPos}, "", "unknown key %q, want one of %s", f.Key, quoteList(keys))
			ok = false
		}
	}
	return ok
}

// field reads key of an object trait as a string; required says whether it
// must be present.
func (d *traitDecoder) field(tr ir.Trait, key string, required bool) (string, bool) {
	v, ok := tr.Value.Get(key)
	if !ok {
		if required {
			d.fail(tr, tr.Value, "", "missing required key %q", key)
		}
		return "", false
	}
	if v.Kind != ir.StringNode {
		d.want(tr, v, key, "a string")
		return "", false
	}
	return v.Str, true
}

// boolField reads an optional boolean key of an object trait.
func (d *traitDecoder) boolField(tr ir.Trait, key string) bool {
	v, ok := tr.Value.Get(key)
	if !ok {
		return false
	}
	if v.Kind != ir.BoolNode {
		d.want(tr, v, key, "a boolean")
		return false
	}
	return v.Bool
}

// stringList reads an array of strings (the trait value itself when key is
// "", else the value of key).
func (d *traitDecoder) stringList(tr ir.Trait, key string) ([]string, bool) {
	v := tr.Value
	if key != "" {
		var ok bool
		if v, ok = tr.Value.Get(key); !ok {
			d.fail(tr, tr.Value, "", "missing required key %q", key)
			return nil, false
		}
	}
	if v.Kind != ir.ArrayNode {
		d.want(tr, v, key, "an array of strings")
		return nil, false
	}
	out := make([]string, 0, len(v.Items))
	ok := true
	for i, item := range v.Items {
		if item.Kind != ir.StringNode {
			d.want(tr, item, fmt.Sprintf("%s[%d]", key, i), "a string")
			ok = false
			continue
		}
		out = append(out, item.Str)
	}
	return out, ok
}

// bounds reads a length (integers only, not negative) or range trait.
func (d *traitDecoder) bounds(tr ir.Trait, integers bool) *ir.Bounds {
	if !d.object(tr, "min", "max") {
		return nil
	}
	what := "a number"
	if integers {
		what = "a non-negative integer"
	}
	var b ir.Bounds
	vals := make(map[string]*big.Float)
	for _, key := range []string{"min", "max"} {
		v, ok := tr.Value.Get(key)
		if !ok {
			continue
		}
		f, valid := new(big.Float).SetString(v.Str)
		if v.Kind != ir.NumberNode || !valid || (integers && (!f.IsInt() || f.Sign() < 0)) {
			d.want(tr, v, key, what)
			return nil
		}
		vals[key] = f
		s := v.Str
		if key == "min" {
			b.Min = &s
		} else {
			b.Max = &s
		}
	}
	switch {
	case b.Min == nil && b.Max == nil:
		d.fail(tr, tr.Value, "", "want min, max or both")
		return nil
	case b.Min != nil && b.Max != nil && vals["min"].Cmp(vals["max"]) > 0:
		d.fail(tr, tr.Value, "", "min %s is greater than max %s", *b.Min, *b.Max)
		return nil
	}
	return &b
}

// quoteList formats allowed values for messages: "a", "b" or "c".
func quoteList(values []string) string {
	s := ""
	for i, v := range values {
		switch {
		case i == 0:
		case i == len(values)-1:
			s += " or "
		default:
			s += ", "
		}
		s += fmt.Sprintf("%q", v)
	}
	return s
}
