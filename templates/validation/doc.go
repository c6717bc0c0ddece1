// Package validation is the model-independent part of the generated input
// validators: the path of a value inside an operation input, the violations
// of Smithy constraint traits found there, and the checks that do not depend
// on the model (lengths, uniqueness, big-number ranges).
//
// The generated code walks an input with a Collector: it enters members,
// list indexes and map keys (Enter, EnterIndex, EnterKey ... Leave) and
// reports what fails (Required, Length, Pattern, Range, Enum, Unique). Every
// violation keeps its path as segments so that it can be shown the way the
// AWS SDK for Go v2 shows client-side errors (Violation.ClientPath:
// "Items[0].Name") and the way a Smithy server reports a ValidationException
// (Violation.ServerPath: "/items/0/name").
package validation
