// Package diff compares two versions of a Smithy model, after the passes, and
// reports every change that matters to Go users of the generated code, each
// marked breaking or compatible.
//
// A change is breaking when code that compiled and worked against the old
// generated package may fail to compile, or fail at run time, against the
// new one; compatible otherwise. The rules:
//
//   - Operations, shapes with a Go type, members and enum values added:
//     compatible (a member added as required to an input is breaking:
//     callers that do not set it are rejected by the validators). Removed:
//     breaking (a method, type, field or constant disappears).
//   - An error an operation can return added: compatible; removed:
//     breaking (code handling it no longer sees it; the type may be gone).
//   - A member whose Go type changes (target type, pointer-ness, enum type):
//     breaking. A target change that keeps the Go type: compatible, noted.
//   - A member that becomes required: breaking when the structure is used
//     in an operation input (calls without it now fail validation), and
//     compatible in outputs (nothing breaks at compile time; the server
//     simply always sends it). A member that stops being required:
//     compatible (inputs accept more; an output field that was always set
//     may now be nil, which the pointer type already allowed).
//   - length, range and pattern constraints narrowed: breaking for inputs
//     (values accepted before are now rejected by the validators),
//     compatible for outputs (the client does not validate responses).
//     Widened: compatible. A pattern that changes into another is treated
//     as narrowed, since the new one may reject what the old accepted.
//   - HTTP bindings changed (method, URI, status code, a member's label,
//     query, header or body key): breaking on the wire.
//   - sensitive added or removed: compatible, noted (it changes only what
//     the String methods and logs redact).
//   - Go names changed (method, type, field, constant): breaking.
//   - Endpoint rule set changed: compatible, noted with a summary; a rule-set
//     parameter removed or changing type is breaking, since it removes or
//     retypes a field of the generated EndpointParameters.
//
// Load parses and prepares a model; Compare returns the changes; WriteText
// and WriteJSON print them.
package diff
