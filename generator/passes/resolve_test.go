package passes

import (
	"testing"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

func TestResolveTargetsValid(t *testing.T) {
	res := &ir.Shape{ID: "ns#Res", Type: ir.ResourceType,
		Identifiers: []ir.ResourceBinding{{Name: "id", Target: "smithy.api#String"}},
		Lifecycle:   []ir.ResourceBinding{{Name: "read", Target: "ns#Get"}},
		Operations:  []ir.ShapeID{"ns#Op"},
	}
	svc := hService("ns#Svc", "ns#Op")
	svc.Resources = []ir.ShapeID{"ns#Res"}
	svc.Errors = []ir.ShapeID{"ns#Err"}
	svc.Rename = []ir.Rename{{ID: "ns#In", Name: "Input"}}
	m := hModel(t,
		svc, res,
		hOp("ns#Op", "ns#In", "", "ns#Err"),
		hOp("ns#Get", "", "ns#In"),
		hStruct("ns#In", hMember("a", "smithy.api#String"), hMember("b", "ns#List")),
		hShape("ns#List", ir.ListType, hMember("member", "ns#E")),
		hShape("ns#E", ir.EnumType, hMember("A", "smithy.api#Unit")),
		hStruct("ns#Err"),
	)
	m.Applies = []ir.Apply{{Target: "ns#In$a"}}
	if err := resolveTargets(m); err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
}

func TestResolveTargetsErrors(t *testing.T) {
	tests := []struct {
		name   string
		shapes []*ir.Shape
		want   []string
	}{
		{
			"unknown member target",
			[]*ir.Shape{hStruct("ns#S", &ir.Member{Name: "x", Target: "ns#Nope", Pos: hPos(3)})},
			[]string{"t.json:3:1: ns#S$x: member target: unknown target ns#Nope"},
		},
		{
			"member targets an operation",
			[]*ir.Shape{hStruct("ns#S", &ir.Member{Name: "x", Target: "ns#Op", Pos: hPos(3)}), hOp("ns#Op", "", "")},
			[]string{"t.json:3:1: ns#S$x: member target: ns#Op is an operation, want a shape other than operation, resource or service"},
		},
		{
			"member targets a service",
			[]*ir.Shape{hStruct("ns#S", &ir.Member{Name: "x", Target: "ns#Svc", Pos: hPos(3)}), hService("ns#Svc")},
			[]string{"ns#S$x: member target: ns#Svc is a service"},
		},
		{
			"operation input, output and errors",
			[]*ir.Shape{hAtLine(5, hOp("ns#Op", "ns#In", "smithy.api#String", "ns#Gone", "ns#List")), hShape("ns#List", ir.ListType, hMember("member", "smithy.api#String"))},
			[]string{
				"t.json:5:1: ns#Op: errors: ns#List is a list, want a structure",
				"t.json:5:1: ns#Op: errors: unknown target ns#Gone",
				"t.json:5:1: ns#Op: input: unknown target ns#In",
				"t.json:5:1: ns#Op: output: smithy.api#String is a string, want a structure",
			},
		},
		{
			"service references",
			[]*ir.Shape{func() *ir.Shape {
				s := hAtLine(2, hService("ns#Svc", "ns#S"))
				s.Resources = []ir.ShapeID{"ns#Op"}
				s.Errors = []ir.ShapeID{"ns#Missing"}
				s.Rename = []ir.Rename{{ID: "ns#Other", Name: "X", Pos: hPos(4)}}
				return s
			}(), hStruct("ns#S"), hOp("ns#Op", "", "")},
			[]string{
				"t.json:2:1: ns#Svc: errors: unknown target ns#Missing",
				"t.json:2:1: ns#Svc: operations: ns#S is a structure, want an operation",
				"t.json:2:1: ns#Svc: resources: ns#Op is an operation, want a resource",
				"t.json:4:1: ns#Svc: rename: unknown target ns#Other",
			},
		},
		{
			"resource references",
			[]*ir.Shape{{
				ID: "ns#R", Type: ir.ResourceType, Pos: hPos(2),
				Identifiers:          []ir.ResourceBinding{{Name: "id", Target: "ns#Id", Pos: hPos(3)}},
				Properties:           []ir.ResourceBinding{{Name: "p", Target: "ns#R", Pos: hPos(4)}},
				Lifecycle:            []ir.ResourceBinding{{Name: "read", Target: "ns#Id2", Pos: hPos(5)}},
				CollectionOperations: []ir.ShapeID{"ns#X"},
			}},
			[]string{
				"t.json:2:1: ns#R: collectionOperations: unknown target ns#X",
				"t.json:3:1: ns#R: identifiers.id: unknown target ns#Id",
				"t.json:4:1: ns#R: properties.p: ns#R is a resource",
				"t.json:5:1: ns#R: read: unknown target ns#Id2",
			},
		},
		{
			"mixins",
			[]*ir.Shape{
				func() *ir.Shape {
					s := hAtLine(2, hStruct("ns#S"))
					s.Mixins = []ir.ShapeID{"ns#M", "ns#U", "ns#L"}
					return s
				}(),
				hStruct("ns#M"), hShape("ns#L", ir.ListType, hMember("member", "smithy.api#String")),
			},
			[]string{
				"t.json:2:1: ns#S: mixins: ns#L is a list, want a structure like the shape it is mixed into",
				"t.json:2:1: ns#S: mixins: unknown target ns#U",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := hModel(t, tt.shapes...)
			hWantErrors(t, resolveTargets(m), tt.want...)
		})
	}
}

func TestResolveTargetsApply(t *testing.T) {
	m := hModel(t, hStruct("ns#S"))
	m.Applies = []ir.Apply{{Target: "ns#S$x", Pos: hPos(1)}, {Target: "ns#T$y", Pos: hPos(2)}}
	hWantErrors(t, resolveTargets(m), "t.json:2:1: ns#T$y: apply: unknown target ns#T")
}
