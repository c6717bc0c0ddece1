package validation

import (
	"regexp"
	"regexp/syntax"
	"unicode/utf8"
)

// Regexp is a compiled @pattern constraint. Most patterns in AWS models are
// anchored runs of character classes, such as ^[A-Za-z0-9-_=]+\.[A-Za-z0-9-_=]+$;
// such a pattern is matched by a single greedy scan, many times faster than
// Go's regexp on long inputs. Any other pattern is matched by regexp.
type Regexp struct {
	re    *regexp.Regexp
	steps []step // the fast path; nil when re must be used
}

// step is one element of a fast pattern: between min and max runes (max < 0:
// unbounded) that are all in class.
type step struct {
	class    []rune    // sorted, non-overlapping inclusive ranges lo, hi, lo, hi, ...
	ascii    [2]uint64 // the ASCII runes of class, as a bit set
	min, max int
}

// has reports whether r is in the step's class.
func (st *step) has(r rune) bool {
	if r < utf8.RuneSelf {
		return st.ascii[r>>6]&(1<<(r&63)) != 0
	}
	return inClass(st.class, r)
}

// MustCompile compiles a pattern that regexp.Compile accepts, and
// panics otherwise; the generator only emits patterns it has compiled.
func MustCompile(expr string) *Regexp {
	p := &Regexp{re: regexp.MustCompile(expr)}
	p.steps = fastSteps(expr)
	return p
}

// MatchString reports whether s contains a match of the pattern, as
// regexp.MatchString does.
func (p *Regexp) MatchString(s string) bool {
	if p.steps == nil {
		return p.re.MatchString(s)
	}
	i := 0
	for _, st := range p.steps {
		n := 0
		for i < len(s) && (st.max < 0 || n < st.max) {
			r, size := rune(s[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(s[i:])
			}
			if !st.has(r) {
				break
			}
			i += size
			n++
		}
		if n < st.min {
			return false
		}
	}
	return i == len(s)
}

// String returns the source text of the pattern.
func (p *Regexp) String() string { return p.re.String() }

// inClass reports whether r is in one of the ranges of class.
func inClass(class []rune, r rune) bool {
	for i := 0; i+1 < len(class); i += 2 {
		if r < class[i] {
			return false
		}
		if r <= class[i+1] {
			return true
		}
	}
	return false
}

// fastSteps returns the steps of expr when it is ^ followed by literals,
// character classes and their repetitions, then $, and a greedy scan
// matches exactly what regexp would: the class of every element that may
// match a variable number of runes overlaps none of the classes of the
// elements after it, up to and including the next mandatory one. Otherwise
// it returns nil.
func fastSteps(expr string) []step {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	if re.Op != syntax.OpConcat || len(re.Sub) < 2 ||
		re.Sub[0].Op != syntax.OpBeginText || re.Sub[len(re.Sub)-1].Op != syntax.OpEndText {
		return nil
	}
	steps, ok := concatSteps(re.Sub[1 : len(re.Sub)-1])
	if !ok {
		return nil
	}
	for i, st := range steps {
		if st.min == st.max {
			continue
		}
		for _, next := range steps[i+1:] {
			if overlap(st.class, next.class) {
				return nil
			}
			if next.min > 0 {
				break
			}
		}
	}
	for i := range steps {
		st := &steps[i]
		for r := rune(0); r < utf8.RuneSelf; r++ {
			if inClass(st.class, r) {
				st.ascii[r>>6] |= 1 << (r & 63)
			}
		}
	}
	return steps
}

// stepsOf turns one element of the top-level concatenation into steps.
func stepsOf(re *syntax.Regexp) ([]step, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil, false
		}
		steps := make([]step, len(re.Rune))
		for i, r := range re.Rune {
			steps[i] = step{class: []rune{r, r}, min: 1, max: 1}
		}
		return steps, true
	case syntax.OpConcat:
		return concatSteps(re.Sub)
	case syntax.OpCharClass:
		return []step{{class: re.Rune, min: 1, max: 1}}, true
	case syntax.OpAnyCharNotNL:
		return []step{{class: []rune{0, '\n' - 1, '\n' + 1, utf8.MaxRune}, min: 1, max: 1}}, true
	case syntax.OpAnyChar:
		return []step{{class: []rune{0, utf8.MaxRune}, min: 1, max: 1}}, true
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		if re.Flags&syntax.NonGreedy != 0 {
			return nil, false
		}
		inner, ok := stepsOf(re.Sub[0])
		if !ok || len(inner) != 1 || inner[0].min != 1 || inner[0].max != 1 {
			return nil, false
		}
		st := step{class: inner[0].class}
		switch re.Op {
		case syntax.OpStar:
			st.min, st.max = 0, -1
		case syntax.OpPlus:
			st.min, st.max = 1, -1
		case syntax.OpQuest:
			st.min, st.max = 0, 1
		default:
			st.min, st.max = re.Min, re.Max
		}
		return []step{st}, true
	}
	return nil, false
}

// concatSteps turns the elements of a concatenation into steps, in order
// (an empty, non-nil slice for none).
func concatSteps(subs []*syntax.Regexp) ([]step, bool) {
	steps := []step{}
	for _, sub := range subs {
		more, ok := stepsOf(sub)
		if !ok {
			return nil, false
		}
		steps = append(steps, more...)
	}
	return steps, true
}

// overlap reports whether two classes share a rune.
func overlap(a, b []rune) bool {
	for i := 0; i+1 < len(a); i += 2 {
		for j := 0; j+1 < len(b); j += 2 {
			if a[i] <= b[j+1] && b[j] <= a[i+1] {
				return true
			}
		}
	}
	return false
}
