package passes

import (
	"slices"
	"testing"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// hServiceModel is a model with two services: ns#Svc binds ns#Op directly
// and ns#Get, ns#List, ns#Put, ns#Sub through resources; ns#Other binds
// ns#OtherOp.
func hServiceModel(t *testing.T) *ir.Model {
	svc := hService("ns#Svc", "ns#Op")
	svc.Resources = []ir.ShapeID{"ns#Res"}
	svc.Errors = []ir.ShapeID{"ns#Common"}
	res := &ir.Shape{ID: "ns#Res", Type: ir.ResourceType,
		Identifiers:          []ir.ResourceBinding{{Name: "id", Target: "ns#Id"}},
		Lifecycle:            []ir.ResourceBinding{{Name: "read", Target: "ns#Get"}, {Name: "put", Target: "ns#Put"}},
		CollectionOperations: []ir.ShapeID{"ns#List"},
		Operations:           []ir.ShapeID{"ns#Op"}, // also bound by the service: listed once
		Resources:            []ir.ShapeID{"ns#Child"},
	}
	child := &ir.Shape{ID: "ns#Child", Type: ir.ResourceType, Operations: []ir.ShapeID{"ns#Sub"}}
	return hModel(t, svc, res, child,
		hOp("ns#Op", "ns#OpIn", "ns#OpOut", "ns#OpErr"),
		hOp("ns#Get", "", ""), hOp("ns#Put", "", ""), hOp("ns#List", "", ""), hOp("ns#Sub", "", ""),
		hStruct("ns#OpIn", hMember("a", "ns#Nested")),
		hStruct("ns#Nested", hMember("l", "ns#List2")),
		hShape("ns#List2", ir.ListType, hMember("member", "ns#E")),
		hShape("ns#E", ir.EnumType, hMember("A", "smithy.api#Unit")),
		hStruct("ns#OpOut"), hStruct("ns#OpErr"), hStruct("ns#Common"),
		hShape("ns#Id", ir.StringType),
		hService("ns#Other", "ns#OtherOp"), hOp("ns#OtherOp", "ns#OtherIn", ""), hStruct("ns#OtherIn"),
		hStruct("ns#Unused"),
		func() *ir.Shape { s := hStruct("ns#Mixin"); s.IsMixin = true; return s }(),
	)
}

func TestSelectService(t *testing.T) {
	m := hServiceModel(t)
	if err := selectService(m, "ns#Svc"); err != nil {
		t.Fatal(err)
	}
	if m.Service == nil || m.Service.ID != "ns#Svc" {
		t.Fatalf("Service = %v", m.Service)
	}
	var ops []string
	for _, op := range m.Operations {
		ops = append(ops, string(op.ID))
	}
	if want := []string{"ns#Get", "ns#List", "ns#Op", "ns#Put", "ns#Sub"}; !slices.Equal(ops, want) {
		t.Errorf("Operations %v, want %v", ops, want)
	}
	var kept []string
	for _, s := range m.Shapes() {
		kept = append(kept, string(s.ID))
	}
	want := []string{"ns#Child", "ns#Common", "ns#E", "ns#Get", "ns#Id", "ns#List", "ns#List2", "ns#Nested", "ns#Op",
		"ns#OpErr", "ns#OpIn", "ns#OpOut", "ns#Put", "ns#Res", "ns#Sub", "ns#Svc", "smithy.api#Unit"}
	if !slices.Equal(kept, want) {
		t.Errorf("kept shapes\n%v\nwant\n%v", kept, want)
	}
	if m.Shape("ns#Unused") != nil || m.Shape("ns#OtherIn") != nil {
		t.Error("the index still has pruned shapes")
	}
}

func TestSelectServiceChoice(t *testing.T) {
	tests := []struct {
		name    string
		id      ir.ShapeID
		shapes  []*ir.Shape
		want    ir.ShapeID
		wantErr string
	}{
		{"only service", "", []*ir.Shape{hService("ns#A")}, "ns#A", ""},
		{"mixin services are not candidates", "", []*ir.Shape{hService("ns#A"), func() *ir.Shape { s := hService("ns#M"); s.IsMixin = true; return s }()}, "ns#A", ""},
		{"by ID", "ns#B", []*ir.Shape{hService("ns#A"), hService("ns#B")}, "ns#B", ""},
		{"none", "", []*ir.Shape{hStruct("ns#S")}, "", "t.json: the model has no service"},
		{"several", "", []*ir.Shape{hService("ns#B"), hService("ns#A")}, "", "t.json: the model has 2 services, choose one of: ns#A, ns#B"},
		{"unknown", "ns#C", []*ir.Shape{hService("ns#B"), hService("ns#A")}, "", "t.json: ns#C: no such service in the model; services: ns#A, ns#B"},
		{"not a service", "ns#S", []*ir.Shape{hStruct("ns#S")}, "", "t.json: ns#S: no such service in the model; services: none"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := hModel(t, tt.shapes...)
			err := selectService(m, tt.id)
			if tt.wantErr != "" {
				hWantErrors(t, err, tt.wantErr)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if m.Service.ID != tt.want {
				t.Errorf("Service %s, want %s", m.Service.ID, tt.want)
			}
		})
	}
}
