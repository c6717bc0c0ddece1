// Package document holds Smithy document values: untyped JSON-like data
// (null, booleans, numbers, strings, lists and maps) carried by members that
// target a document shape. It plays the role of the per-service document
// package of the AWS SDK for Go v2, backed by smithy-go's document JSON codec.
package document

import (
	"bytes"
	"encoding/json"

	smithydocument "github.com/aws/smithy-go/document"
	smithydocumentjson "github.com/aws/smithy-go/document/json"
)

// Interface is a document value: it marshals to its JSON form and
// unmarshals into a Go value (bool, string, document.Number, []any,
// map[string]any, structs with `document` tags, ...).
type Interface interface {
	smithydocument.Marshaler
	smithydocument.Unmarshaler
}

// NewLazyDocument returns a document holding the Go value v; v is encoded
// only when the document is marshaled.
func NewLazyDocument(v any) Interface { return &lazyDocument{value: v} }

type lazyDocument struct {
	noSerde
	value any
}

// MarshalSmithyDocument returns the JSON encoding of the value.
func (d *lazyDocument) MarshalSmithyDocument() ([]byte, error) {
	return smithydocumentjson.NewEncoder().Encode(d.value)
}

// UnmarshalSmithyDocument stores the value into v, through its JSON form.
func (d *lazyDocument) UnmarshalSmithyDocument(v any) error {
	raw, err := d.MarshalSmithyDocument()
	if err != nil {
		return err
	}
	doc, err := FromJSON(raw)
	if err != nil {
		return err
	}
	return doc.UnmarshalSmithyDocument(v)
}

// FromJSON returns the document encoded by raw, a JSON value; empty input is
// the null document.
func FromJSON(raw []byte) (Interface, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return NewDocumentUnmarshaler(nil), nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return NewDocumentUnmarshaler(v), nil
}

// NewDocumentUnmarshaler returns the document for v, a value decoded by
// encoding/json into an interface{} (with json.Number for numbers).
func NewDocumentUnmarshaler(v any) Interface { return &decodedDocument{value: v} }

type decodedDocument struct {
	noSerde
	value any
}

// MarshalSmithyDocument returns the JSON encoding of the value.
func (d *decodedDocument) MarshalSmithyDocument() ([]byte, error) {
	return json.Marshal(d.value)
}

// UnmarshalSmithyDocument stores the value into v.
func (d *decodedDocument) UnmarshalSmithyDocument(v any) error {
	return smithydocumentjson.NewDecoder().DecodeJSONInterface(d.value, v)
}

type noSerde = smithydocument.NoSerde
