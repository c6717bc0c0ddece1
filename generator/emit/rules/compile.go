package rules

import (
	"strconv"

	"github.com/dave/jennifer/jen"
)

// noMatch is the error of a tree rule none of whose rules matched, and of a
// rule set that ends without a match.
const noMatch = "endpoint rule error, no rules matched the endpoint parameters"

// rules compiles rules evaluated in order. terminates reports whether the
// code always returns (the last rule reached has no conditions), in which
// case later rules are checked but not emitted.
func (c *compiler) rules(rs []*rule, sc scope) (stmts []jen.Code, terminates bool) {
	for _, r := range rs {
		s, term, declares := c.rule(r, sc)
		if terminates {
			continue // unreachable: compiled only for its errors
		}
		if declares {
			s = []jen.Code{jen.Block(s...)}
		}
		stmts = append(stmts, s...)
		terminates = term
	}
	return stmts, terminates
}

// rule compiles one rule: its conditions as nested ifs around its result.
// declares reports whether the code declares variables at its top level.
func (c *compiler) rule(r *rule, sc scope) (stmts []jen.Code, terminates, declares bool) {
	return c.conditions(r.conds, sc, func(sc scope) ([]jen.Code, bool) {
		switch r.kind {
		case endpointRule:
			return []jen.Code{jen.Return(c.endpoint(r.endpoint, sc))}, true
		case errorRule:
			return []jen.Code{c.errorResult(r, sc)}, true
		default:
			sub, term := c.rules(r.rules, sc)
			if !term {
				sub = append(sub, jen.Return(jen.Id("endpoint"), jen.Qual("fmt", "Errorf").Call(jen.Lit(noMatch))))
			}
			return sub, true
		}
	})
}

// errorResult returns the statement of an error rule.
func (c *compiler) errorResult(r *rule, sc scope) jen.Code {
	msg := jen.Lit("")
	if r.message != nil {
		if v, ok := c.needKind(r.message, kString, "error message", sc, nil); ok {
			msg = v.code
		}
	}
	return jen.Return(jen.Id("endpoint"), jen.Qual("fmt", "Errorf").Call(jen.Lit("endpoint rule error, %s"), msg))
}

// conditions compiles conds around body. A condition that always holds adds
// no if; terminates is true when no if was added and body terminates.
func (c *compiler) conditions(conds []*condition, sc scope, body func(scope) ([]jen.Code, bool)) (stmts []jen.Code, terminates, declares bool) {
	if len(conds) == 0 {
		s, term := body(sc)
		return s, term, false
	}
	cond, rest := conds[0], conds[1:]

	// isSet(ref) narrows the parameter to its value inside the if.
	if r, ok := isSetRef(cond); ok {
		if b, found := sc[r.name]; found && b.opt && b.narrow != nil {
			*b.used = true
			narrowed := binding{gen: b.narrow, k: b.k, used: b.used}
			inner, _, _ := c.conditions(rest, sc.with(r.name, narrowed), body)
			return []jen.Code{jen.If(b.gen().Op("!=").Nil()).Block(inner...)}, false, false
		}
	}

	var g []guard
	v, ok := c.call(cond.call, sc, &g)
	if !ok {
		inner, term, decl := c.conditions(rest, sc, body)
		return inner, term, decl
	}
	var init, test jen.Code
	var pre []jen.Code // statements before the rest, when there is no test
	inner := sc
	if cond.assign != "" {
		id := "_" + cond.assign
		used := new(bool)
		b := binding{gen: func() *jen.Statement { return jen.Id(id) }, k: v.k, used: used}
		switch {
		case v.opt:
			init, test = jen.Id(id).Op(":=").Add(v.code), jen.Id(id).Op("!=").Nil()
			b.gen = deref(v.k, jen.Id(id)).code.Clone
		case v.k == kBool:
			init, test = jen.Id(id).Op(":=").Add(v.code), jen.Id(id)
		default:
			pre = []jen.Code{jen.Id(id).Op(":=").Add(v.code)}
		}
		inner = sc.with(cond.assign, b)
		s, term, decl := c.conditions(rest, inner, body)
		if pre != nil && !*used {
			pre = nil // an unused value that is always present: nothing to test
		}
		return wrap(g, init, test, pre, s, term, decl)
	}
	switch {
	case v.opt && v.k == kBool:
		c.tmp++
		id := jen.Id("v" + strconv.Itoa(c.tmp))
		init, test = jen.Add(id).Op(":=").Add(v.code), jen.Add(id).Op("!=").Nil().Op("&&").Op("*").Add(id)
	case v.opt:
		test = v.code.Op("!=").Nil()
	case v.k == kBool:
		test = v.code
	}
	s, term, decl := c.conditions(rest, inner, body)
	return wrap(g, init, test, nil, s, term, decl)
}

// wrap nests body in the guards' ifs and the condition's if (when test is
// set), after the statements pre.
func wrap(g []guard, init, test jen.Code, pre, body []jen.Code, term, decl bool) ([]jen.Code, bool, bool) {
	stmts := append(pre, body...)
	declares := decl || len(pre) > 0
	if test != nil {
		stmts = []jen.Code{ifStmt(init, test, stmts)}
		term, declares = false, false
	}
	for i := len(g) - 1; i >= 0; i-- {
		stmts = []jen.Code{ifStmt(g[i].init, g[i].cond, stmts)}
		term, declares = false, false
	}
	return stmts, term, declares
}

// ifStmt returns "if init; cond { body }" (init may be nil).
func ifStmt(init, cond jen.Code, body []jen.Code) jen.Code {
	if init == nil {
		return jen.If(cond).Block(body...)
	}
	return jen.If(init, cond).Block(body...)
}

// isSetRef reports whether cond is isSet(ref) without assign.
func isSetRef(cond *condition) (*ref, bool) {
	if cond.call.fn != "isSet" || cond.assign != "" || len(cond.call.args) != 1 {
		return nil, false
	}
	r, ok := cond.call.args[0].(*ref)
	return r, ok
}
