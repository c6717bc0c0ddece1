package emit

import (
	"math"
	"math/big"
	"strconv"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// constraints are the constraint traits that apply to a member's value: the
// member's own, else its target's (a member trait overrides the shape's).
type constraints struct {
	length     *ir.Bounds
	rng        *ir.Bounds
	pattern    string
	hasPattern bool
	unique     bool
}

// constraintsOf returns the constraints of member mem targeting t.
func constraintsOf(mem *ir.Member, t *ir.Shape) constraints {
	c := constraints{length: t.Traits.Length, rng: t.Traits.Range, pattern: t.Traits.Pattern,
		hasPattern: t.Traits.HasPattern, unique: t.Traits.UniqueItems || mem.Traits.UniqueItems}
	if mem.Traits.Length != nil {
		c.length = mem.Traits.Length
	}
	if mem.Traits.Range != nil {
		c.rng = mem.Traits.Range
	}
	if mem.Traits.HasPattern {
		c.pattern, c.hasPattern = mem.Traits.Pattern, true
	}
	return c
}

// any reports whether c constrains anything.
func (c constraints) any() bool { return c.length != nil || c.rng != nil || c.hasPattern || c.unique }

// hasOwnConstraint reports whether a simple shape carries a check of its own.
func hasOwnConstraint(s *ir.Shape) bool {
	switch {
	case s.Type == ir.EnumType, s.Type == ir.IntEnumType:
		return true
	}
	return s.Traits.Length != nil || s.Traits.Range != nil || s.Traits.HasPattern || s.Traits.UniqueItems
}

// checksRequired reports whether the required-only validation of s checks
// anything, given the set in of shapes known to.
func (g *gen) checksRequired(s *ir.Shape, in map[ir.ShapeID]bool) bool {
	if !s.Type.IsAggregate() {
		return false
	}
	for _, mem := range s.Members {
		if in[mem.Target] || s.Type == ir.StructureType && mem.Traits.Required && (g.nilable(mem) || g.target(mem).Type == ir.EnumType) {
			return true
		}
	}
	return false
}

// checksFull reports whether the full validation of s checks anything,
// given the set in of shapes known to.
func (g *gen) checksFull(s *ir.Shape, in map[ir.ShapeID]bool) bool {
	if !s.Type.IsAggregate() {
		return hasOwnConstraint(s)
	}
	if s.Traits.Length != nil || s.Traits.UniqueItems {
		return true
	}
	for _, mem := range s.Members {
		if g.memberChecksFull(mem, s.Type == ir.StructureType, in) {
			return true
		}
	}
	return false
}

// memberChecksFull reports whether a member's full validation checks
// anything; required counts only for structure members.
func (g *gen) memberChecksFull(mem *ir.Member, structMember bool, in map[ir.ShapeID]bool) bool {
	t := g.target(mem)
	if structMember && mem.Traits.Required && (g.nilable(mem) || t.Type == ir.EnumType) {
		return true
	}
	if t.Type == ir.BlobType && t.Traits.Streaming {
		return false
	}
	return in[mem.Target] || constraintsOf(mem, t).any()
}

// lengthBounds parses a length trait: each side is -1 when open (a minimum
// of 0 is open too).
func (g *gen) lengthBounds(b *ir.Bounds, pos ir.Pos, id ir.ShapeID) (min, max int64) {
	parse := func(s *string) int64 {
		if s == nil {
			return -1
		}
		n, err := strconv.ParseInt(*s, 10, 64)
		if err != nil || n < 0 {
			g.errs.Addf(pos, id, "want a non-negative integer length bound, got %q", *s)
			return -1
		}
		return n
	}
	min, max = parse(b.Min), parse(b.Max)
	if min == 0 {
		min = -1
	}
	return min, max
}

// boundText returns a bound's text as written, or "" when open.
func boundText(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// intLimits returns the value range of an integer shape type.
func intLimits(t ir.ShapeType) (int64, int64) {
	switch t {
	case ir.ByteType:
		return math.MinInt8, math.MaxInt8
	case ir.ShortType:
		return math.MinInt16, math.MaxInt16
	case ir.IntegerType, ir.IntEnumType:
		return math.MinInt32, math.MaxInt32
	}
	return math.MinInt64, math.MaxInt64
}

// intSide is one side of an integer range check.
type intSide struct {
	present bool  // the side is checked
	never   bool  // no value of the type satisfies it
	value   int64 // the bound, rounded inward and within the type
}

// intRange converts a range trait to integer bounds for type t: the minimum
// rounded up, the maximum down; a side every value satisfies is dropped.
func (g *gen) intRange(b *ir.Bounds, t ir.ShapeType, pos ir.Pos, id ir.ShapeID) (min, max intSide) {
	lo, hi := intLimits(t)
	side := func(s *string, isMin bool) intSide {
		if s == nil {
			return intSide{}
		}
		r, ok := new(big.Rat).SetString(*s)
		if !ok {
			g.errs.Addf(pos, id, "want a number range bound, got %q", *s)
			return intSide{}
		}
		q := new(big.Int).Quo(r.Num(), r.Denom()) // truncated toward zero
		if isMin && r.Sign() > 0 && !r.IsInt() {
			q.Add(q, big.NewInt(1))
		}
		if !isMin && r.Sign() < 0 && !r.IsInt() {
			q.Sub(q, big.NewInt(1))
		}
		loB, hiB := big.NewInt(lo), big.NewInt(hi)
		switch {
		case isMin && q.Cmp(loB) <= 0, !isMin && q.Cmp(hiB) >= 0:
			return intSide{}
		case isMin && q.Cmp(hiB) > 0, !isMin && q.Cmp(loB) < 0:
			return intSide{present: true, never: true}
		}
		return intSide{present: true, value: q.Int64()}
	}
	return side(b.Min, true), side(b.Max, false)
}

// floatBound parses a range bound of a float (32 or 64 bits) shape, rounded
// to the shape's precision so that the bound's own value is in range.
func (g *gen) floatBound(s *string, t ir.ShapeType, pos ir.Pos, id ir.ShapeID) (float64, bool) {
	if s == nil {
		return 0, false
	}
	f, err := strconv.ParseFloat(*s, 64)
	if err != nil {
		g.errs.Addf(pos, id, "want a number range bound, got %q", *s)
		return 0, false
	}
	if t == ir.FloatType {
		f = float64(float32(f))
	}
	return f, true
}
