package diff

import (
	"cmp"
	"slices"
)

// Severity says whether a change can break Go users of the generated code.
type Severity string

// The severities.
const (
	Breaking   Severity = "breaking"
	Compatible Severity = "compatible"
)

// Kind names what changed. The values are stable: they appear in -json output.
type Kind string

// The kinds of change, in the order the report lists them within a severity.
const (
	OperationAdded       Kind = "operation-added"
	OperationRemoved     Kind = "operation-removed"
	ShapeAdded           Kind = "shape-added"
	ShapeRemoved         Kind = "shape-removed"
	ShapeTypeChanged     Kind = "shape-type-changed"
	MemberAdded          Kind = "member-added"
	MemberRemoved        Kind = "member-removed"
	MemberTypeChanged    Kind = "member-type-changed"
	MemberTargetChanged  Kind = "member-target-changed"
	ErrorAdded           Kind = "error-added"
	ErrorRemoved         Kind = "error-removed"
	RequiredAdded        Kind = "required-added"
	RequiredRemoved      Kind = "required-removed"
	ConstraintNarrowed   Kind = "constraint-narrowed"
	ConstraintWidened    Kind = "constraint-widened"
	EnumValueAdded       Kind = "enum-value-added"
	EnumValueRemoved     Kind = "enum-value-removed"
	EnumValueChanged     Kind = "enum-value-changed"
	HTTPBindingChanged   Kind = "http-binding-changed"
	SensitiveAdded       Kind = "sensitive-added"
	SensitiveRemoved     Kind = "sensitive-removed"
	GoNameChanged        Kind = "go-name-changed"
	EndpointParamAdded   Kind = "endpoint-parameter-added"
	EndpointParamRemoved Kind = "endpoint-parameter-removed"
	EndpointParamChanged Kind = "endpoint-parameter-changed"
	EndpointRulesChanged Kind = "endpoint-rules-changed"
)

// kindOrder is the listing order of the kinds.
var kindOrder = []Kind{
	OperationAdded, OperationRemoved, ShapeAdded, ShapeRemoved, ShapeTypeChanged,
	MemberAdded, MemberRemoved, MemberTypeChanged, MemberTargetChanged,
	ErrorAdded, ErrorRemoved, RequiredAdded, RequiredRemoved,
	ConstraintNarrowed, ConstraintWidened, EnumValueAdded, EnumValueRemoved,
	EnumValueChanged, HTTPBindingChanged, SensitiveAdded, SensitiveRemoved,
	GoNameChanged, EndpointParamAdded, EndpointParamRemoved, EndpointParamChanged,
	EndpointRulesChanged,
}

// Change is one difference between two versions of a model.
type Change struct {
	Kind     Kind     `json:"kind"`
	Severity Severity `json:"severity"`
	ID       string   `json:"id"`     // the shape, member or operation ID concerned
	GoName   string   `json:"goName"` // the Go name affected, e.g. "types.Thing.Name"; may be empty
	Detail   string   `json:"detail"` // what changed, for people
}

// severityRank lists breaking changes first.
func severityRank(s Severity) int {
	if s == Breaking {
		return 0
	}
	return 1
}

// sortChanges sorts changes by severity (breaking first), kind, ID, Go name
// and detail, and drops exact duplicates.
func sortChanges(cs []Change) []Change {
	slices.SortFunc(cs, func(a, b Change) int {
		return cmp.Or(
			cmp.Compare(severityRank(a.Severity), severityRank(b.Severity)),
			cmp.Compare(slices.Index(kindOrder, a.Kind), slices.Index(kindOrder, b.Kind)),
			cmp.Compare(a.ID, b.ID),
			cmp.Compare(a.GoName, b.GoName),
			cmp.Compare(a.Detail, b.Detail),
		)
	})
	return slices.Compact(cs)
}

// HasBreaking reports whether any change is breaking.
func HasBreaking(cs []Change) bool {
	return slices.ContainsFunc(cs, func(c Change) bool { return c.Severity == Breaking })
}

// severity returns Breaking when breaks, else Compatible.
func severity(breaks bool) Severity {
	if breaks {
		return Breaking
	}
	return Compatible
}
