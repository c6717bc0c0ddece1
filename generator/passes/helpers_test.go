package passes

import (
	"strings"
	"testing"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// Helpers to build IR by hand for the tests of the core passes. Shape and
// member positions are lines of a file "t.json"; node positions likewise.

// hPos returns a position on line of t.json.
func hPos(line int) ir.Pos { return ir.Pos{File: "t.json", Line: line, Col: 1} }

// hStr, hNum, hBool, hAnn, hArr and hObj build node values at no position.
func hStr(s string) ir.Node         { return ir.Node{Kind: ir.StringNode, Str: s} }
func hNum(s string) ir.Node         { return ir.Node{Kind: ir.NumberNode, Str: s} }
func hBool(b bool) ir.Node          { return ir.Node{Kind: ir.BoolNode, Bool: b} }
func hAnn() ir.Node                 { return ir.Node{Kind: ir.ObjectNode} }
func hArr(items ...ir.Node) ir.Node { return ir.Node{Kind: ir.ArrayNode, Items: items} }

// hObj builds an object node from alternating keys and values.
func hObj(kv ...any) ir.Node {
	n := ir.Node{Kind: ir.ObjectNode}
	for i := 0; i+1 < len(kv); i += 2 {
		n.Fields = append(n.Fields, ir.Field{Key: kv[i].(string), Value: kv[i+1].(ir.Node)})
	}
	return n
}

// hAt returns n positioned on line.
func hAt(line int, n ir.Node) ir.Node {
	n.Pos = hPos(line)
	return n
}

// hTrait builds a trait application.
func hTrait(id ir.ShapeID, v ir.Node) ir.Trait { return ir.Trait{ID: id, Value: v, Pos: v.Pos} }

// hMember builds a member (its ID is set by hShape).
func hMember(name, target string, traits ...ir.Trait) *ir.Member {
	return &ir.Member{Name: name, Target: ir.ShapeID(target), Traits: ir.Traits{Raw: traits}}
}

// hShape builds a shape with members, giving each member its ID.
func hShape(id string, typ ir.ShapeType, members ...*ir.Member) *ir.Shape {
	s := &ir.Shape{ID: ir.ShapeID(id), Type: typ}
	for _, m := range members {
		m.ID = s.ID.WithMember(m.Name)
	}
	s.Members = members
	return s
}

// hStruct builds a structure.
func hStruct(id string, members ...*ir.Member) *ir.Shape {
	return hShape(id, ir.StructureType, members...)
}

// hWith adds raw traits to a shape and returns it.
func hWith(s *ir.Shape, traits ...ir.Trait) *ir.Shape {
	s.Traits.Raw = append(s.Traits.Raw, traits...)
	return s
}

// hAtLine sets a shape's position and returns it.
func hAtLine(line int, s *ir.Shape) *ir.Shape {
	s.Pos = hPos(line)
	return s
}

// hOp builds an operation; input and output may be "".
func hOp(id, input, output string, errs ...string) *ir.Shape {
	s := &ir.Shape{ID: ir.ShapeID(id), Type: ir.OperationType, Input: ir.ShapeID(input), Output: ir.ShapeID(output)}
	for _, e := range errs {
		s.Errors = append(s.Errors, ir.ShapeID(e))
	}
	return s
}

// hService builds a service with operations.
func hService(id string, ops ...string) *ir.Shape {
	s := &ir.Shape{ID: ir.ShapeID(id), Type: ir.ServiceType, Version: "1"}
	for _, op := range ops {
		s.Operations = append(s.Operations, ir.ShapeID(op))
	}
	return s
}

// hModel builds a model of the given shapes plus the prelude.
func hModel(t *testing.T, shapes ...*ir.Shape) *ir.Model {
	t.Helper()
	m := &ir.Model{File: "t.json"}
	for _, s := range shapes {
		m.Add(s)
	}
	if err := addPrelude(m); err != nil {
		t.Fatal(err)
	}
	return m
}

// hRun runs passes in order, stopping at the first error, which it returns.
func hRun(m *ir.Model, passes ...func(*ir.Model) error) error {
	for _, p := range passes {
		if err := p(m); err != nil {
			return err
		}
	}
	return nil
}

// hErrLines returns the lines of an error (one per ir.Error), or nil.
func hErrLines(err error) []string {
	if err == nil {
		return nil
	}
	return strings.Split(err.Error(), "\n")
}

// hWantErrors checks that err has exactly one line per element of want, in
// order, each containing its element.
func hWantErrors(t *testing.T, err error, want ...string) {
	t.Helper()
	got := hErrLines(err)
	if len(got) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%s\nwant (substrings):\n%s", len(got), len(want), strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for i := range want {
		if !strings.Contains(got[i], want[i]) {
			t.Errorf("error %d:\n got  %s\n want it to contain %s", i, got[i], want[i])
		}
	}
}

// hMemberNames returns the names of a shape's members.
func hMemberNames(s *ir.Shape) []string {
	var names []string
	for _, m := range s.Members {
		names = append(names, m.Name)
	}
	return names
}

// hTraitIDs returns the IDs of raw traits, in order.
func hTraitIDs(traits []ir.Trait) []string {
	var ids []string
	for _, tr := range traits {
		ids = append(ids, string(tr.ID))
	}
	return ids
}
