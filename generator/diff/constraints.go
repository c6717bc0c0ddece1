package diff

import (
	"fmt"
	"math/big"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// constraints compares the length, range and pattern traits declared on a
// shape or member. Narrowing breaks inputs (the validators reject values
// they accepted); widening, and any change to outputs, is compatible.
func (c *comparer) constraints(id ir.ShapeID, goName string, o, n *ir.Traits, input bool) {
	c.bounds(id, goName, "length", o.Length, n.Length, input)
	c.bounds(id, goName, "range", o.Range, n.Range, input)
	switch {
	case o.HasPattern == n.HasPattern && o.Pattern == n.Pattern:
	case !o.HasPattern:
		c.narrowed(id, goName, input, "pattern %q added", n.Pattern)
	case !n.HasPattern:
		c.add(ConstraintWidened, false, id, goName, "pattern %q removed", o.Pattern)
	default:
		c.narrowed(id, goName, input, "pattern %q → %q (may reject values accepted before)", o.Pattern, n.Pattern)
	}
}

// narrowed records a narrowed constraint: breaking for inputs.
func (c *comparer) narrowed(id ir.ShapeID, goName string, input bool, format string, args ...any) {
	if input {
		format += "; breaks callers"
	} else {
		format += "; output only"
	}
	c.add(ConstraintNarrowed, input, id, goName, format, args...)
}

// bounds compares two length or range traits (nil: absent).
func (c *comparer) bounds(id ir.ShapeID, goName, trait string, o, n *ir.Bounds, input bool) {
	var omin, omax, nmin, nmax *string
	if o != nil {
		omin, omax = o.Min, o.Max
	}
	if n != nil {
		nmin, nmax = n.Min, n.Max
	}
	lo := compareBound(omin, nmin, false)
	hi := compareBound(omax, nmax, true)
	if lo == 0 && hi == 0 {
		return
	}
	detail := fmt.Sprintf("%s %s → %s", trait, boundsText(omin, omax), boundsText(nmin, nmax))
	if lo < 0 || hi < 0 {
		c.narrowed(id, goName, input, "%s", detail)
		return
	}
	c.add(ConstraintWidened, false, id, goName, "%s", detail)
}

// compareBound returns -1 when a bound narrows from o to n, +1 when it
// widens, 0 when it is the same; isMax says whether it is an upper bound.
// An absent bound is open (−∞ or +∞).
func compareBound(o, n *string, isMax bool) int {
	ov, nv := boundValue(o), boundValue(n)
	switch {
	case ov == nil && nv == nil:
		return 0
	case ov == nil:
		return -1 // a bound appeared
	case nv == nil:
		return 1 // a bound went away
	case isMax:
		return nv.Cmp(ov) // a smaller maximum narrows
	default:
		return ov.Cmp(nv) // a larger minimum narrows
	}
}

// boundValue parses a bound's literal text; nil when absent or unreadable.
func boundValue(s *string) *big.Rat {
	if s == nil {
		return nil
	}
	r, ok := new(big.Rat).SetString(*s)
	if !ok {
		return nil
	}
	return r
}

// boundsText formats bounds as "[min, max]" with "*" for an open side.
func boundsText(min, max *string) string {
	text := func(s *string) string {
		if s == nil {
			return "*"
		}
		return *s
	}
	return "[" + text(min) + ", " + text(max) + "]"
}
