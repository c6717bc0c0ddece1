package awsrt

import (
	"fmt"

	"github.com/aws/smithy-go"
)

// PathError is a deserialization failure at a known place in a document:
// Path names the member from the top-level value down, with JSON keys
// joined by '.' and list indices as "[i]" ("credentials.expiration",
// "items[3].name").
type PathError struct {
	Path string
	Err  error
}

// Error implements error.
func (e *PathError) Error() string { return "decoding " + e.Path + ": " + e.Err.Error() }

// Unwrap returns the underlying error (often a *SyntaxError).
func (e *PathError) Unwrap() error { return e.Err }

// WrapPath returns err placed under seg: a key name or an index "[i]". A
// *PathError gets seg prepended to its path; any other error is wrapped in
// a new one. Generated decoders call it only on their error paths.
func WrapPath(seg string, err error) error {
	if pe, ok := err.(*PathError); ok {
		if len(pe.Path) > 0 && pe.Path[0] == '[' {
			return &PathError{Path: seg + pe.Path, Err: pe.Err}
		}
		return &PathError{Path: seg + "." + pe.Path, Err: pe.Err}
	}
	return &PathError{Path: seg, Err: err}
}

// IndexSeg returns the path segment of list element i.
func IndexSeg(i int) string { return fmt.Sprintf("[%d]", i) }

// DeserializationError wraps an error met while decoding an error response
// body as the SDK does, with a snapshot of the body.
func DeserializationError(body []byte, err error) error {
	return &smithy.DeserializationError{
		Err:      fmt.Errorf("failed to decode response body, %w", err),
		Snapshot: snapshot(body),
	}
}

// NewUUID returns a random (version 4) UUID, the value of an
// @idempotencyToken member left unset.
func NewUUID() (string, error) { return newInvocationID() }
