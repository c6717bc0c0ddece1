package rules

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// compiler turns a decoded rule set into Go code.
type compiler struct {
	cfg Config
	d   *decoder
	tmp int // counter for temporaries
}

// guard is a nil check wrapping the code that uses a value: "if init; cond".
type guard struct {
	init jen.Code // may be nil
	cond jen.Code
}

// optionalHint ends the error about an unproven optional value.
const optionalHint = "use isSet or assign in a condition to prove it is set"

// need returns v as a value that is present. An optional v gets a nil check
// appended to g; with g nil (endpoint and error expressions) an optional v
// is an error.
func (c *compiler) need(v val, pos ir.Pos, what string, g *[]guard) (val, bool) {
	if !v.opt {
		return v, true
	}
	if g == nil {
		c.d.errorf(pos, "%s may be unset here; %s", what, optionalHint)
		return val{}, false
	}
	ptr := v.code
	if !v.simple {
		c.tmp++
		name := "v" + strconv.Itoa(c.tmp)
		*g = append(*g, guard{init: jen.Id(name).Op(":=").Add(v.code), cond: jen.Id(name).Op("!=").Nil()})
		ptr = jen.Id(name)
	} else {
		*g = append(*g, guard{cond: v.code.Clone().Op("!=").Nil()})
	}
	return deref(v.k, ptr), true
}

// deref returns the present value behind ptr, a pointer (or slice) of kind k.
func deref(k kind, ptr *jen.Statement) val {
	if k.isStruct() || k == kStringArray {
		return val{code: ptr, k: k, simple: true, atomic: true}
	}
	return val{code: jen.Op("*").Add(ptr), k: k, simple: true, atomic: true}
}

// needKind compiles e and requires a present value of kind k.
func (c *compiler) needKind(e expr, k kind, what string, sc scope, g *[]guard) (val, bool) {
	v, ok := c.expr(e, sc, g)
	if !ok {
		return val{}, false
	}
	if v.k != k {
		c.d.errorf(e.position(), "%s: want %s, got %s", what, k, v.k)
		return val{}, false
	}
	return c.need(v, e.position(), what, g)
}

// expr compiles an expression. g collects nil checks (nil: none allowed).
func (c *compiler) expr(e expr, sc scope, g *[]guard) (val, bool) {
	switch e := e.(type) {
	case *template:
		return c.template(e, sc, g)
	case *boolLit:
		return val{code: jen.Lit(e.v), k: kBool, simple: true, atomic: true}, true
	case *intLit:
		return val{code: jen.Lit(int(e.v)), k: kInt, simple: true, atomic: true}, true
	case *ref:
		b, ok := sc[e.name]
		if !ok {
			c.d.errorf(e.pos, "unknown reference %q", e.name)
			return val{}, false
		}
		*b.used = true
		return val{code: b.gen(), k: b.k, opt: b.opt, simple: true, atomic: true}, true
	case *call:
		return c.call(e, sc, g)
	}
	return val{}, false
}

// call compiles a function call.
func (c *compiler) call(e *call, sc scope, g *[]guard) (val, bool) {
	arity := map[string]int{"isSet": 1, "not": 1, "booleanEquals": 2, "stringEquals": 2, "getAttr": 2}
	fn, lib := functions[e.fn]
	n, special := arity[e.fn]
	switch {
	case lib:
		n = len(fn.args)
	case !special:
		c.d.errorf(e.pos, "unknown function %q", e.fn)
		return val{}, false
	}
	if len(e.args) != n {
		c.d.errorf(e.pos, "function %s: want %d arguments, got %d", e.fn, n, len(e.args))
		return val{}, false
	}
	argName := func(i int) string { return fmt.Sprintf("argument %d of %s", i+1, e.fn) }
	switch e.fn {
	case "isSet":
		v, ok := c.expr(e.args[0], sc, g)
		if !ok {
			return val{}, false
		}
		if !v.opt {
			return val{code: jen.True(), k: kBool, simple: true, atomic: true}, true
		}
		return val{code: v.code.Op("!=").Nil(), k: kBool}, true
	case "not":
		v, ok := c.needKind(e.args[0], kBool, argName(0), sc, g)
		if !ok {
			return val{}, false
		}
		return val{code: jen.Op("!").Add(paren(v)), k: kBool, atomic: true}, true
	case "booleanEquals":
		a, ok1 := c.needKind(e.args[0], kBool, argName(0), sc, g)
		b, ok2 := c.needKind(e.args[1], kBool, argName(1), sc, g)
		if !ok1 || !ok2 {
			return val{}, false
		}
		// booleanEquals(x, true) is x; booleanEquals(x, false) is !x.
		if lit, ok := e.args[1].(*boolLit); ok {
			return boolIs(a, lit.v), true
		}
		if lit, ok := e.args[0].(*boolLit); ok {
			return boolIs(b, lit.v), true
		}
		return val{code: a.code.Op("==").Add(b.code), k: kBool}, true
	case "stringEquals":
		a, ok1 := c.needKind(e.args[0], kString, argName(0), sc, g)
		b, ok2 := c.needKind(e.args[1], kString, argName(1), sc, g)
		if !ok1 || !ok2 {
			return val{}, false
		}
		return val{code: a.code.Op("==").Add(b.code), k: kBool}, true
	case "getAttr":
		obj, ok := c.expr(e.args[0], sc, g)
		if !ok {
			return val{}, false
		}
		path, ok := e.args[1].(*template)
		if !ok || len(path.parts) > 1 || len(path.parts) == 1 && path.parts[0].name != "" {
			c.d.errorf(e.args[1].position(), "argument 2 of getAttr: want a literal path")
			return val{}, false
		}
		p := ""
		if len(path.parts) == 1 {
			p = path.parts[0].lit
		}
		return c.getAttr(obj, p, e.pos, g)
	}
	args := make([]*jen.Statement, len(e.args))
	for i, a := range e.args {
		v, ok := c.needKind(a, fn.args[i], argName(i), sc, g)
		if !ok {
			return val{}, false
		}
		args[i] = v.code
	}
	return val{code: fn.gen(c, args), k: fn.result, opt: fn.opt, atomic: true}, true
}

// boolIs returns the boolean expression "v == want".
func boolIs(v val, want bool) val {
	if want {
		return v
	}
	return val{code: jen.Op("!").Add(paren(v)), k: kBool, atomic: true}
}

// paren returns v's code, parenthesized unless atomic.
func paren(v val) *jen.Statement {
	if v.atomic {
		return v.code
	}
	return jen.Parens(v.code)
}

// getAttr compiles getAttr(obj, path): dot-separated attribute names, each
// optionally followed by [index]s, or an index alone.
func (c *compiler) getAttr(obj val, path string, pos ir.Pos, g *[]guard) (val, bool) {
	if path == "" {
		c.d.errorf(pos, "getAttr: empty path")
		return val{}, false
	}
	v := obj
	for _, seg := range strings.Split(path, ".") {
		name, rest, _ := strings.Cut(seg, "[")
		if rest != "" {
			rest = "[" + rest
		}
		if name != "" {
			var ok bool
			if v, ok = c.need(v, pos, "getAttr operand", g); !ok {
				return val{}, false
			}
			a, found := attrs[v.k][name]
			if !found {
				c.d.errorf(pos, "getAttr: %s has no attribute %q", v.k, name)
				return val{}, false
			}
			v = val{code: v.code.Dot(a.field), k: a.k, simple: v.simple, atomic: true}
		} else if seg == "" {
			c.d.errorf(pos, "getAttr: bad path %q", path)
			return val{}, false
		}
		for rest != "" {
			end := strings.IndexByte(rest, ']')
			i, err := strconv.Atoi(rest[min(1, len(rest)):max(end, 0)])
			if !strings.HasPrefix(rest, "[") || end < 0 || err != nil || i < 0 {
				c.d.errorf(pos, "getAttr: bad path %q", path)
				return val{}, false
			}
			rest = rest[end+1:]
			var ok bool
			if v, ok = c.need(v, pos, "getAttr operand", g); !ok {
				return val{}, false
			}
			if v.k != kStringArray {
				c.d.errorf(pos, "getAttr: cannot index %s in path %q", v.k, path)
				return val{}, false
			}
			v = val{code: jen.Qual(c.cfg.RuntimePath, "Index").Call(v.code, jen.Lit(i)), k: kString, opt: true, atomic: true}
		}
	}
	return v, true
}

// template compiles a template string to a string value.
func (c *compiler) template(t *template, sc scope, g *[]guard) (val, bool) {
	if len(t.parts) == 0 {
		return val{code: jen.Lit(""), k: kString, simple: true, atomic: true}, true
	}
	var parts []val
	for _, p := range t.parts {
		if p.name == "" {
			parts = append(parts, val{code: jen.Lit(p.lit), k: kString, simple: true, atomic: true})
			continue
		}
		v, ok := c.expr(&ref{name: p.name, pos: t.pos}, sc, g)
		if !ok {
			return val{}, false
		}
		what := "{" + p.name + "}"
		if p.path != "" {
			what = "{" + p.name + "#" + p.path + "}"
			if v, ok = c.getAttr(v, p.path, t.pos, g); !ok {
				return val{}, false
			}
		}
		if v.k != kString {
			c.d.errorf(t.pos, "template %s: want string, got %s", what, v.k)
			return val{}, false
		}
		if v, ok = c.need(v, t.pos, "template "+what, g); !ok {
			return val{}, false
		}
		parts = append(parts, v)
	}
	if len(parts) == 1 {
		return parts[0], true
	}
	code := jen.Add(parts[0].code)
	for _, p := range parts[1:] {
		code.Op("+").Add(p.code)
	}
	return val{code: code, k: kString}, true
}
