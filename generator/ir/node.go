package ir

import (
	"math/big"
	"strconv"
)

// NodeKind is the JSON kind of a Node.
type NodeKind uint8

// The kinds of Node, as in Smithy's node values.
const (
	NullNode NodeKind = iota
	BoolNode
	NumberNode
	StringNode
	ArrayNode
	ObjectNode
)

var nodeKindNames = [...]string{"null", "boolean", "number", "string", "array", "object"}

// String returns the kind's Smithy name ("object", "string", ...).
func (k NodeKind) String() string {
	if int(k) < len(nodeKindNames) {
		return nodeKindNames[k]
	}
	return "invalid"
}

// Node is a Smithy node value (a trait value, a default, a rule set, a test
// case) as plain Go data, with the position where it was read.
type Node struct {
	Kind   NodeKind
	Bool   bool    // for BoolNode
	Str    string  // the value of a StringNode; the literal text of a NumberNode
	Items  []Node  // for ArrayNode
	Fields []Field // for ObjectNode, in document order
	Pos    Pos
}

// Field is one key of an object node.
type Field struct {
	Key    string
	KeyPos Pos
	Value  Node
}

// Get returns the value of key in an object node and whether it was there.
func (n Node) Get(key string) (Node, bool) {
	for _, f := range n.Fields {
		if f.Key == key {
			return f.Value, true
		}
	}
	return Node{}, false
}

// IsNull reports whether n is null (the zero Node is null too).
func (n Node) IsNull() bool { return n.Kind == NullNode }

// Int64 returns a number node's value as an int64, and whether it is an
// integer that fits.
func (n Node) Int64() (int64, bool) {
	if n.Kind != NumberNode {
		return 0, false
	}
	v, err := strconv.ParseInt(n.Str, 10, 64)
	if err == nil {
		return v, true
	}
	f, ok := new(big.Float).SetString(n.Str)
	if !ok || !f.IsInt() {
		return 0, false
	}
	i, acc := f.Int64()
	return i, acc == big.Exact
}

// Float64 returns a number node's value as a float64.
func (n Node) Float64() (float64, bool) {
	if n.Kind != NumberNode {
		return 0, false
	}
	v, err := strconv.ParseFloat(n.Str, 64)
	return v, err == nil
}
