// Package ir is the intermediate representation of a Smithy model between
// parsing and emitting: plain Go structs, no JSON decoding and no code
// rendering.
//
// A node keeps the facts read from the model (ID, Type, Traits, Pos) apart from
// the facts the passes derive (GoName, Doc, Pointer, ...). The parser fills
// the model facts; the passes in package passes fill every derived field; the
// emitters only read.
package ir
