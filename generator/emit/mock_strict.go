package emit

import (
	"cmp"
	"slices"

	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// The strict body schema of the mock package (see templates/mockrt's
// Schema): a table of nodes describing the parts of the operation inputs'
// JSON bodies that a server must refuse where the shared, lenient decoders
// accept them: unions that set no member, several, or an unknown one;
// nulls in collections that are not sparse; date-time timestamps that are
// not plain UTC RFC 3339.

// Fixed nodes of every schema.
const (
	schemaAny      = 0
	schemaDateTime = 1
)

// schemaNode is one node of the table, before rendering.
type schemaNode struct {
	kind    string // the mockrt NodeKind constant's name
	sparse  bool
	elem    int
	members []schemaMember
}

// schemaMember is a member of a structure or union node.
type schemaMember struct {
	key  string
	node int
}

// strictSchema builds the table.
type strictSchema struct {
	m     *mock
	needs map[ir.ShapeID]bool // shapes whose JSON form has something to check
	index map[ir.ShapeID]int  // node of each shape added so far
	nodes []schemaNode
}

// newStrictSchema returns an empty table (the fixed nodes only).
func newStrictSchema(m *mock) *strictSchema {
	s := &strictSchema{m: m, index: map[ir.ShapeID]int{}}
	s.nodes = []schemaNode{{kind: "NodeAny"}, {kind: "NodeDateTime"}}
	s.needs = m.fixpoint(func(sh *ir.Shape, in map[ir.ShapeID]bool) bool {
		switch sh.Type {
		case ir.UnionType:
			return true
		case ir.ListType, ir.SetType, ir.MapType:
			if !sh.Traits.Sparse {
				return true
			}
		}
		if sh.Type == ir.ListType || sh.Type == ir.SetType || sh.Type == ir.MapType || sh.Type == ir.StructureType {
			for _, mem := range sh.Members {
				if mem.Name == "key" && sh.Type == ir.MapType {
					continue
				}
				if s.dateTime(mem) || in[mem.Target] {
					return true
				}
			}
		}
		return false
	})
	return s
}

// dateTime reports whether mem holds a timestamp in the date-time format
// in a JSON body.
func (s *strictSchema) dateTime(mem *ir.Member) bool {
	t := s.m.target(mem)
	return t.Type == ir.TimestampType && timestampFormat(mem, t, tsEpoch) == tsDateTime
}

// memberNode returns the node of the value of mem (schemaAny when there is
// nothing to check).
func (s *strictSchema) memberNode(mem *ir.Member) int {
	if s.dateTime(mem) {
		return schemaDateTime
	}
	return s.shapeNode(s.m.target(mem))
}

// shapeNode returns the node of shape t, adding it (and the nodes it
// refers to) on first use.
func (s *strictSchema) shapeNode(t *ir.Shape) int {
	if !s.needs[t.ID] {
		return schemaAny
	}
	if i, ok := s.index[t.ID]; ok {
		return i
	}
	i := len(s.nodes)
	s.index[t.ID] = i
	s.nodes = append(s.nodes, schemaNode{})
	var n schemaNode
	switch t.Type {
	case ir.ListType, ir.SetType:
		n = schemaNode{kind: "NodeList", sparse: t.Traits.Sparse}
		if len(t.Members) > 0 {
			n.elem = s.memberNode(t.Members[0])
		}
	case ir.MapType:
		n = schemaNode{kind: "NodeMap", sparse: t.Traits.Sparse}
		if v := t.Member("value"); v != nil {
			n.elem = s.memberNode(v)
		}
	case ir.UnionType:
		n = schemaNode{kind: "NodeUnion", members: s.members(t.Members, true)}
	default:
		n = schemaNode{kind: "NodeStruct", members: s.members(t.Members, false)}
	}
	s.nodes[i] = n
	return i
}

// members returns the member nodes of a structure or union, sorted by key;
// a structure lists only the members with something to check, a union all
// of its members (the others are unknown).
func (s *strictSchema) members(mems []*ir.Member, all bool) []schemaMember {
	var out []schemaMember
	for _, mem := range mems {
		if n := s.memberNode(mem); n != schemaAny || all {
			out = append(out, schemaMember{key: mem.JSONName, node: n})
		}
	}
	slices.SortFunc(out, func(a, b schemaMember) int { return cmp.Compare(a.key, b.key) })
	return out
}

// bodyNode returns the node of an input's JSON body members (a structure
// node of its own), or schemaAny.
func (s *strictSchema) bodyNode(members []*ir.Member) int {
	ms := s.members(members, false)
	if len(ms) == 0 {
		return schemaAny
	}
	s.nodes = append(s.nodes, schemaNode{kind: "NodeStruct", members: ms})
	return len(s.nodes) - 1
}

// empty reports whether the table has only the fixed nodes.
func (s *strictSchema) empty() bool { return len(s.nodes) <= 2 }

// render declares the table as bodySchema.
//
// Example output:
//
//	var bodySchema = mockrt.Schema{
//		0: {Kind: mockrt.NodeAny},
//		1: {Kind: mockrt.NodeDateTime},
//		2: {Kind: mockrt.NodeUnion, Members: []mockrt.SchemaMember{{Key: "int", Node: 0}}},
//	}
func (s *strictSchema) render(f *jen.File) {
	var items []jen.Code
	for i, n := range s.nodes {
		d := jen.Dict{jen.Id("Kind"): s.m.rt(n.kind)}
		if n.sparse {
			d[jen.Id("Sparse")] = jen.True()
		}
		if n.elem != schemaAny {
			d[jen.Id("Elem")] = jen.Lit(n.elem)
		}
		if len(n.members) > 0 {
			var ms []jen.Code
			for _, mem := range n.members {
				ms = append(ms, jen.Values(jen.Dict{jen.Id("Key"): jen.Lit(mem.key), jen.Id("Node"): jen.Lit(mem.node)}))
			}
			d[jen.Id("Members")] = jen.Index().Add(s.m.rt("SchemaMember")).Values(ms...)
		}
		items = append(items, jen.Line().Lit(i).Op(":").Values(d))
	}
	items = append(items, jen.Line())
	f.Comment("bodySchema describes what the strict checks of request bodies look at")
	f.Comment("(mockrt.Schema): the decoders, shared with the client, are lenient.")
	f.Var().Id("bodySchema").Op("=").Add(s.m.rt("Schema")).Values(items...)
}
