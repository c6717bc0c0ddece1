package validation

import (
	"slices"
	"strconv"
	"strings"
)

// Collector gathers the violations found while walking an input. The zero
// Collector is ready to use; it is not safe for concurrent use.
type Collector struct {
	path       []Segment
	violations []Violation
}

// Enter descends into a member: goName is its Go field name, wire its name in
// the model.
func (c *Collector) Enter(goName, wire string) {
	c.path = append(c.path, Segment{Kind: MemberSegment, Name: goName, Wire: wire})
}

// EnterIndex descends into element i of a list.
func (c *Collector) EnterIndex(i int) {
	c.path = append(c.path, Segment{Kind: IndexSegment, Index: i})
}

// EnterKey descends into the value of map key k.
func (c *Collector) EnterKey(k string) {
	c.path = append(c.path, Segment{Kind: KeySegment, Name: k})
}

// RedactedKey stands for the key of a map whose keys are sensitive, in the
// paths of error messages.
const RedactedKey = "*** Sensitive Information Redacted ***"

// EnterRedactedKey descends into the value of a map entry whose key is
// sensitive: the path shows RedactedKey instead of the key.
func (c *Collector) EnterRedactedKey() {
	c.path = append(c.path, Segment{Kind: KeySegment, Name: RedactedKey})
}

// Leave undoes the last Enter, EnterIndex, EnterKey or EnterRedactedKey.
func (c *Collector) Leave() {
	if len(c.path) > 0 {
		c.path = c.path[:len(c.path)-1]
	}
}

func (c *Collector) add(v Violation) {
	v.Path = slices.Clone(c.path)
	c.violations = append(c.violations, v)
}

// Required reports that the member goName (wire in the model) of the current
// structure is missing.
func (c *Collector) Required(goName, wire string) {
	c.Enter(goName, wire)
	c.add(Violation{Constraint: Required, Message: "Member must not be null"})
	c.Leave()
}

// Length reports that the current value has length n outside [min, max];
// an empty bound is open. The bounds are written as in the model.
func (c *Collector) Length(n int, min, max string) {
	c.add(Violation{Constraint: Length, Length: n, Message: "Member must have length " + bounds(min, max)})
}

// Pattern reports that the current value does not match pattern.
func (c *Collector) Pattern(pattern string) {
	c.add(Violation{Constraint: Pattern, Message: "Member must satisfy regular expression pattern: " + pattern})
}

// Range reports that the current number is outside [min, max]; an empty bound
// is open. The bounds are written as in the model.
func (c *Collector) Range(min, max string) {
	c.add(Violation{Constraint: Range, Message: "Member must be " + bounds(min, max)})
}

// Enum reports that the current value is not one of values.
func (c *Collector) Enum(values ...string) {
	c.add(Violation{Constraint: Enum, Message: "Member must satisfy enum value set: [" + strings.Join(values, ", ") + "]"})
}

// IntEnum reports that the current number is not one of values.
func (c *Collector) IntEnum(values ...int64) {
	s := make([]string, len(values))
	for i, v := range values {
		s[i] = strconv.FormatInt(v, 10)
	}
	c.Enum(s...)
}

// Unique reports that the current list has duplicate items.
func (c *Collector) Unique() {
	c.add(Violation{Constraint: UniqueItems, Message: "Member must have unique values"})
}

// Violations returns the violations reported so far.
func (c *Collector) Violations() []Violation { return c.violations }

// Err returns nil when nothing was reported, else an *Error with every
// violation; context names the validated input type.
func (c *Collector) Err(context string) error {
	if len(c.violations) == 0 {
		return nil
	}
	return &Error{Context: context, Violations: slices.Clone(c.violations)}
}

func bounds(min, max string) string {
	switch {
	case min != "" && max != "":
		return "between " + min + " and " + max + ", inclusive"
	case min != "":
		return "greater than or equal to " + min
	default:
		return "less than or equal to " + max
	}
}
