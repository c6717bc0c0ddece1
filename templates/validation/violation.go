package validation

import (
	"strconv"
	"strings"

	smithy "github.com/aws/smithy-go"
)

// Constraint is the kind of rule a value broke.
type Constraint uint8

// The constraints the generated validators check.
const (
	Required    Constraint = iota + 1 // smithy.api#required (and non-empty labels)
	Length                            // smithy.api#length
	Pattern                           // smithy.api#pattern
	Range                             // smithy.api#range
	Enum                              // enum and intEnum membership, smithy.api#enum
	UniqueItems                       // smithy.api#uniqueItems
)

var constraintNames = [...]string{"", "required", "length", "pattern", "range", "enum", "uniqueItems"}

// String returns the constraint's trait name ("length", ...).
func (c Constraint) String() string {
	if int(c) < len(constraintNames) && c != 0 {
		return constraintNames[c]
	}
	return "invalid"
}

// Violation is one broken constraint at one place of an input.
type Violation struct {
	Path       []Segment
	Constraint Constraint
	// Message states the constraint in Smithy's words, e.g. "Member must
	// have length between 1 and 10, inclusive".
	Message string
	// Length is the length of the value, for Length violations.
	Length int
}

// ClientPath is the violation's path in SDK form (see ClientPath).
func (v Violation) ClientPath() string { return ClientPath(v.Path) }

// ServerPath is the violation's path as a JSON Pointer (see ServerPath).
func (v Violation) ServerPath() string { return ServerPath(v.Path) }

// ServerMessage is the message of one entry of a Smithy ValidationException
// fieldList: "Value at '/string' failed to satisfy constraint: Member must
// ...", with "Value with length N" for length violations. It never includes
// the value itself, so it is safe for sensitive members.
func (v Violation) ServerMessage() string {
	var b strings.Builder
	b.WriteString("Value ")
	if v.Constraint == Length {
		b.WriteString("with length ")
		b.WriteString(strconv.Itoa(v.Length))
		b.WriteByte(' ')
	}
	b.WriteString("at '")
	b.WriteString(v.ServerPath())
	b.WriteString("' failed to satisfy constraint: ")
	b.WriteString(v.Message)
	return b.String()
}

// Error returns "<message>, <client path>.", the SDK's wording for one
// invalid parameter.
func (v Violation) Error() string { return v.Message + ", " + v.ClientPath() + "." }

// Error is the result of a full validation: every violation found, in the
// order the input was walked (members in model order, list elements by index,
// map entries by sorted key).
type Error struct {
	// Context names the validated input type, e.g. "GetThingInput".
	Context    string
	Violations []Violation
}

// Error lists the violations in the format of smithy.InvalidParamsError:
// "N validation error(s) found." then one "- message, Context.Path." line
// each.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(strconv.Itoa(len(e.Violations)))
	b.WriteString(" validation error(s) found.\n")
	for _, v := range e.Violations {
		b.WriteString("- ")
		b.WriteString(v.Message)
		b.WriteString(", ")
		b.WriteString(joinContext(e.Context, v.ClientPath()))
		b.WriteString(".\n")
	}
	return b.String()
}

// ServerMessage is the message of a Smithy ValidationException: "1
// validation error detected. Value at '/string' failed to satisfy
// constraint: ..."; several violations are joined with "; " after "N
// validation errors detected. ".
func (e *Error) ServerMessage() string {
	var b strings.Builder
	b.WriteString(strconv.Itoa(len(e.Violations)))
	if len(e.Violations) == 1 {
		b.WriteString(" validation error detected. ")
	} else {
		b.WriteString(" validation errors detected. ")
	}
	for i, v := range e.Violations {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(v.ServerMessage())
	}
	return b.String()
}

// As lets errors.As convert the error into a smithy.InvalidParamsError, the
// type the SDK's required-member validation returns, so that callers handle
// both validation modes alike.
func (e *Error) As(target any) bool {
	t, ok := target.(*smithy.InvalidParamsError)
	if !ok {
		return false
	}
	*t = smithy.InvalidParamsError{Context: e.Context}
	for _, v := range e.Violations {
		t.Add(&ParamError{field: v.ClientPath(), reason: v.Message})
	}
	return true
}

func joinContext(ctx, field string) string {
	switch {
	case ctx == "":
		return field
	case field == "" || field[0] == '[':
		return ctx + field
	default:
		return ctx + "." + field
	}
}
