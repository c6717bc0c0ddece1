package rules

import (
	"strings"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// ruleSet is a decoded smithy.rules#endpointRuleSet.
type ruleSet struct {
	params []*Param
	rules  []*rule
}

// ruleKind is what a rule does when its conditions hold.
type ruleKind uint8

const (
	endpointRule ruleKind = iota // resolve to an endpoint
	errorRule                    // fail with a message
	treeRule                     // evaluate nested rules
)

// rule is one rule of a rule set or tree.
type rule struct {
	kind     ruleKind
	conds    []*condition
	endpoint *endpointDef // endpointRule
	message  expr         // errorRule
	rules    []*rule      // treeRule
	pos      ir.Pos
}

// condition is a function call, with the name its result is bound to.
type condition struct {
	call   *call
	assign string
	pos    ir.Pos
}

// endpointDef is the endpoint of an endpoint rule.
type endpointDef struct {
	url        expr
	headers    []header
	properties []ir.Field // literal values (strings are templates), in document order
	pos        ir.Pos
}

// header is one endpoint header with its values.
type header struct {
	name   string
	values []expr
}

// expr is an expression of the rules language: *template, *boolLit, *intLit,
// *ref or *call.
type expr interface{ position() ir.Pos }

// template is a string literal, possibly with {ref} and {ref#path} parts.
type template struct {
	parts []templatePart
	pos   ir.Pos
}

// boolLit is a boolean literal.
type boolLit struct {
	v   bool
	pos ir.Pos
}

// intLit is an integer literal.
type intLit struct {
	v   int64
	pos ir.Pos
}

// ref names a parameter or an assigned value.
type ref struct {
	name string
	pos  ir.Pos
}

// call is a function call.
type call struct {
	fn   string
	args []expr
	pos  ir.Pos
}

func (e *template) position() ir.Pos { return e.pos }
func (e *boolLit) position() ir.Pos  { return e.pos }
func (e *intLit) position() ir.Pos   { return e.pos }
func (e *ref) position() ir.Pos      { return e.pos }
func (e *call) position() ir.Pos     { return e.pos }

// decoder decodes a rule set, collecting errors.
type decoder struct {
	shape ir.ShapeID
	errs  *ir.ErrorList
}

func (d *decoder) errorf(pos ir.Pos, format string, args ...any) {
	d.errs.Addf(pos, d.shape, "endpoint rules: "+format, args...)
}

// decodeRuleSet decodes the value of an endpointRuleSet trait.
func (d *decoder) decodeRuleSet(n ir.Node) *ruleSet {
	if n.Kind != ir.ObjectNode {
		d.errorf(n.Pos, "rule set: want an object, got %s", n.Kind)
		return &ruleSet{}
	}
	rs := &ruleSet{params: d.decodeParams(n)}
	rulesNode, ok := n.Get("rules")
	if !ok {
		d.errorf(n.Pos, "rule set: missing \"rules\"")
	}
	rs.rules = d.decodeRules(rulesNode)
	return rs
}

// decodeRules decodes an array of rules.
func (d *decoder) decodeRules(n ir.Node) []*rule {
	if n.Kind != ir.ArrayNode {
		d.errorf(n.Pos, "rules: want an array, got %s", n.Kind)
		return nil
	}
	var out []*rule
	for _, item := range n.Items {
		if r := d.decodeRule(item); r != nil {
			out = append(out, r)
		}
	}
	return out
}

// decodeRule decodes one endpoint, error or tree rule.
func (d *decoder) decodeRule(n ir.Node) *rule {
	if n.Kind != ir.ObjectNode {
		d.errorf(n.Pos, "rule: want an object, got %s", n.Kind)
		return nil
	}
	r := &rule{pos: n.Pos}
	if conds, ok := n.Get("conditions"); ok {
		if conds.Kind != ir.ArrayNode {
			d.errorf(conds.Pos, "rule conditions: want an array, got %s", conds.Kind)
		}
		for _, c := range conds.Items {
			if cond := d.decodeCondition(c); cond != nil {
				r.conds = append(r.conds, cond)
			}
		}
	}
	typ, _ := n.Get("type")
	switch typ.Str {
	case "endpoint":
		r.kind = endpointRule
		e, ok := n.Get("endpoint")
		if !ok {
			d.errorf(n.Pos, "endpoint rule: missing \"endpoint\"")
			return nil
		}
		r.endpoint = d.decodeEndpoint(e)
	case "error":
		r.kind = errorRule
		e, ok := n.Get("error")
		if !ok {
			d.errorf(n.Pos, "error rule: missing \"error\"")
			return nil
		}
		r.message = d.decodeExpr(e)
	case "tree":
		r.kind = treeRule
		sub, ok := n.Get("rules")
		if !ok {
			d.errorf(n.Pos, "tree rule: missing \"rules\"")
			return nil
		}
		r.rules = d.decodeRules(sub)
	default:
		d.errorf(typ.Pos, "rule: want type \"endpoint\", \"error\" or \"tree\", got %q", typ.Str)
		return nil
	}
	return r
}

// decodeCondition decodes {"fn", "argv", "assign"}.
func (d *decoder) decodeCondition(n ir.Node) *condition {
	e := d.decodeExpr(n)
	c, ok := e.(*call)
	if !ok {
		if e != nil {
			d.errorf(n.Pos, "condition: want a function call")
		}
		return nil
	}
	cond := &condition{call: c, pos: n.Pos}
	if a, ok := n.Get("assign"); ok {
		if a.Kind != ir.StringNode || !isIdent(a.Str) {
			d.errorf(a.Pos, "condition assign: want an identifier, got %s %q", a.Kind, a.Str)
			return nil
		}
		cond.assign = a.Str
	}
	return cond
}

// decodeEndpoint decodes {"url", "headers", "properties"}.
func (d *decoder) decodeEndpoint(n ir.Node) *endpointDef {
	e := &endpointDef{pos: n.Pos}
	if n.Kind != ir.ObjectNode {
		d.errorf(n.Pos, "endpoint: want an object, got %s", n.Kind)
		return e
	}
	u, ok := n.Get("url")
	if !ok {
		d.errorf(n.Pos, "endpoint: missing \"url\"")
	}
	e.url = d.decodeExpr(u)
	if h, ok := n.Get("headers"); ok {
		if h.Kind != ir.ObjectNode {
			d.errorf(h.Pos, "endpoint headers: want an object, got %s", h.Kind)
		}
		for _, f := range h.Fields {
			if f.Value.Kind != ir.ArrayNode {
				d.errorf(f.Value.Pos, "endpoint header %q: want an array, got %s", f.Key, f.Value.Kind)
				continue
			}
			hd := header{name: f.Key}
			for _, v := range f.Value.Items {
				hd.values = append(hd.values, d.decodeExpr(v))
			}
			e.headers = append(e.headers, hd)
		}
	}
	if p, ok := n.Get("properties"); ok {
		if p.Kind != ir.ObjectNode {
			d.errorf(p.Pos, "endpoint properties: want an object, got %s", p.Kind)
		}
		e.properties = p.Fields
	}
	return e
}

// decodeExpr decodes a literal, {"ref"} or {"fn", "argv"}; nil after an
// error.
func (d *decoder) decodeExpr(n ir.Node) expr {
	switch n.Kind {
	case ir.StringNode:
		parts, err := parseTemplate(n.Str)
		if err != nil {
			d.errorf(n.Pos, "template %q: %v", n.Str, err)
			return nil
		}
		return &template{parts: parts, pos: n.Pos}
	case ir.BoolNode:
		return &boolLit{v: n.Bool, pos: n.Pos}
	case ir.NumberNode:
		v, ok := n.Int64()
		if !ok {
			d.errorf(n.Pos, "want an integer, got %s", n.Str)
			return nil
		}
		return &intLit{v: v, pos: n.Pos}
	case ir.ObjectNode:
		if r, ok := n.Get("ref"); ok {
			if r.Kind != ir.StringNode {
				d.errorf(r.Pos, "ref: want a string, got %s", r.Kind)
				return nil
			}
			return &ref{name: r.Str, pos: n.Pos}
		}
		if fn, ok := n.Get("fn"); ok {
			c := &call{fn: fn.Str, pos: n.Pos}
			argv, _ := n.Get("argv")
			if fn.Kind != ir.StringNode || argv.Kind != ir.ArrayNode {
				d.errorf(n.Pos, "function call: want a string \"fn\" and an array \"argv\"")
				return nil
			}
			for _, a := range argv.Items {
				arg := d.decodeExpr(a)
				if arg == nil {
					return nil
				}
				c.args = append(c.args, arg)
			}
			return c
		}
		d.errorf(n.Pos, "expression: want a literal, {\"ref\"} or {\"fn\"}, got an object without either")
	default:
		d.errorf(n.Pos, "expression: want a literal, {\"ref\"} or {\"fn\"}, got %s", n.Kind)
	}
	return nil
}

// isIdent reports whether s is a rules-language identifier (letters, digits
// and '_', not starting with a digit).
func isIdent(s string) bool {
	if s == "" || strings.IndexFunc(s, func(r rune) bool {
		return !(r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9')
	}) >= 0 {
		return false
	}
	return s[0] < '0' || s[0] > '9'
}
