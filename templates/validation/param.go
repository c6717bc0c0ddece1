package validation

import (
	"strconv"

	smithy "github.com/aws/smithy-go"
)

// ParamError is an invalid parameter in the form of the SDK's
// smithy.InvalidParamError: a reason and a field, with the base and nested
// contexts smithy.InvalidParamsError sets.
type ParamError struct {
	context string
	nested  string
	field   string
	reason  string
}

var _ smithy.InvalidParamError = (*ParamError)(nil)

// NewErrParamMinLen returns the error for a field shorter than min, such as
// an empty HTTP label: "minimum field size of 1, Input.Field.".
func NewErrParamMinLen(field string, min int) *ParamError {
	return &ParamError{field: field, reason: "minimum field size of " + strconv.Itoa(min)}
}

// Error returns "<reason>, <field>.".
func (e *ParamError) Error() string { return e.reason + ", " + e.Field() + "." }

// Field returns the field with its contexts, e.g. "Input.Items[0].Name".
func (e *ParamError) Field() string {
	return joinContext(joinContext(e.context, e.nested), e.field)
}

// SetContext sets the base context (the input type's name).
func (e *ParamError) SetContext(ctx string) { e.context = ctx }

// AddNestedContext prepends ctx to the nested context.
func (e *ParamError) AddNestedContext(ctx string) { e.nested = joinContext(ctx, e.nested) }
