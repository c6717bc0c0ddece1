package passes

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// ntShape builds a shape; members are "name" (targeting smithy.api#String) or
// "name:target".
func ntShape(id string, typ ir.ShapeType, members ...string) *ir.Shape {
	s := &ir.Shape{ID: ir.ShapeID(id), Type: typ}
	for _, m := range members {
		name, target, ok := strings.Cut(m, ":")
		if !ok {
			target = "smithy.api#String"
		}
		if typ == ir.EnumType || typ == ir.IntEnumType {
			target = string(ir.UnitID)
		}
		s.Members = append(s.Members, &ir.Member{Name: name, ID: s.ID.WithMember(name), Target: ir.ShapeID(target)})
	}
	return s
}

// ntOp builds an operation with the given input and output ("" for none).
func ntOp(id, input, output string, errs ...string) *ir.Shape {
	s := &ir.Shape{ID: ir.ShapeID(id), Type: ir.OperationType, Input: ir.ShapeID(input), Output: ir.ShapeID(output)}
	for _, e := range errs {
		s.Errors = append(s.Errors, ir.ShapeID(e))
	}
	return s
}

// ntModel builds a model of a service ns#Service with the given shapes; its
// operations are the operation shapes among them.
func ntModel(rename map[string]string, shapes ...*ir.Shape) *ir.Model {
	m := &ir.Model{}
	svc := &ir.Shape{ID: "ns#Service", Type: ir.ServiceType}
	for id, name := range rename {
		svc.Rename = append(svc.Rename, ir.Rename{ID: ir.ShapeID(id), Name: name})
	}
	m.Add(svc)
	m.Service = svc
	for _, s := range shapes {
		m.Add(s)
	}
	for _, s := range m.Shapes() {
		if s.Type == ir.OperationType {
			m.Operations = append(m.Operations, s)
			svc.Operations = append(svc.Operations, s.ID)
		}
	}
	return m
}

// ntName looks a derived name up: "ns#S" is a shape ("types.Name" when in the
// types package), "ns#S$m" a member's GoName, "ns#S$m variant" its
// UnionVariant, "ns#S enum[i]" a legacy enum definition's GoName.
func ntName(m *ir.Model, key string) string {
	key, extra, _ := strings.Cut(key, " ")
	id := ir.ShapeID(key)
	s := m.Shape(id.Root())
	if s == nil {
		return "<no shape>"
	}
	switch {
	case strings.HasPrefix(extra, "enum["):
		i, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(extra, "enum["), "]"))
		return s.Members[i].GoName
	case id.Member() != "":
		mem := s.Member(id.Member())
		if mem == nil {
			return "<no member>"
		}
		if extra == "variant" {
			return mem.UnionVariant
		}
		return mem.GoName
	case s.GoPackage == ir.TypesPackage:
		return "types." + s.GoName
	}
	return s.GoName
}

func TestDeriveNames(t *testing.T) {
	errShape := func(id string, members ...string) *ir.Shape {
		s := ntShape(id, ir.StructureType, members...)
		s.Traits.Error = "client"
		return s
	}
	paginated := func(s *ir.Shape) *ir.Shape {
		s.Traits.Raw = append(s.Traits.Raw, ir.Trait{ID: ir.TraitPaginated})
		return s
	}
	sensitive := func(s *ir.Shape) *ir.Shape {
		s.Traits.Sensitive = true
		return s
	}
	targeting := func(s *ir.Shape, member string, target ir.ShapeID) *ir.Shape {
		s.Member(member).Target = target
		return s
	}
	legacy := func(id string, defs ...ir.EnumDefinition) *ir.Shape {
		s := ntShape(id, ir.StringType)
		s.Traits.LegacyEnum = defs
		if err := convertLegacyEnums(ntModel(nil, s)); err != nil {
			t.Fatal(err)
		}
		return s
	}
	tests := []struct {
		desc   string
		rename map[string]string
		shapes []*ir.Shape
		want   [][2]string // key (see ntName), want
	}{
		{
			desc: "casing of shapes, members and operations as in SDK v2",
			shapes: []*ir.Shape{
				ntOp("ns#getFoo", "ns#GetFooRequest", "ns#GetFooResponse"),
				ntShape("ns#GetFooRequest", ir.StructureType, "clusterName", "ARN", "eTag"),
				ntShape("ns#GetFooResponse", ir.StructureType, "credentials:ns#credentials"),
				ntShape("ns#credentials", ir.StructureType, "accessKeyId"),
			},
			want: [][2]string{
				{"ns#getFoo", "GetFoo"},
				{"ns#GetFooRequest", ""},
				{"ns#GetFooRequest$clusterName", "ClusterName"},
				{"ns#GetFooRequest$ARN", "ARN"},
				{"ns#GetFooRequest$eTag", "ETag"},
				{"ns#GetFooResponse", ""},
				{"ns#GetFooResponse$credentials", "Credentials"},
				{"ns#credentials", "types.Credentials"},
				{"ns#credentials$accessKeyId", "AccessKeyId"},
			},
		},
		{
			desc: "input also used as a member target or error gets a types name too",
			shapes: []*ir.Shape{
				ntOp("ns#A", "ns#AIn", "ns#AOut"),
				ntOp("ns#B", "ns#BIn", ""),
				ntShape("ns#AIn", ir.StructureType, "nested:ns#BIn"),
				ntShape("ns#AOut", ir.StructureType),
				ntShape("ns#BIn", ir.StructureType, "x"),
				ntShape("ns#Unused", ir.StructureType),
			},
			want: [][2]string{
				{"ns#AIn", ""},
				{"ns#AOut", ""},
				{"ns#BIn", "types.BIn"},
				{"ns#BIn$x", "X"},
				{"ns#Unused", "types.Unused"},
			},
		},
		{
			desc: "unions, enums and intEnums",
			shapes: []*ir.Shape{
				ntShape("ns#Choice", ir.UnionType, "s3Location", "text"),
				ntShape("ns#ClusterStatus", ir.EnumType, "CREATE_FAILED", "ACTIVE", "fooBar_BAZ"),
				ntShape("ns#Level", ir.IntEnumType, "LOW", "HIGH"),
				ntShape("ns#Plain", ir.StringType),
				ntShape("ns#List", ir.ListType, "member"),
			},
			want: [][2]string{
				{"ns#Choice", "types.Choice"},
				{"ns#Choice$s3Location", "S3Location"},
				{"ns#Choice$s3Location variant", "ChoiceMemberS3Location"},
				{"ns#Choice$text variant", "ChoiceMemberText"},
				{"ns#ClusterStatus$CREATE_FAILED", "ClusterStatusCreateFailed"},
				{"ns#ClusterStatus$ACTIVE", "ClusterStatusActive"},
				{"ns#ClusterStatus$fooBar_BAZ", "ClusterStatusFooBarBaz"},
				{"ns#Level$HIGH", "LevelHigh"},
				{"ns#Plain", ""},
				{"ns#List", ""},
			},
		},
		{
			desc: "legacy enum trait: from the name, else from the value",
			shapes: []*ir.Shape{
				legacy("ns#Named", ir.EnumDefinition{Value: "invalidRegion", Name: "INVALID_REGION"}),
				legacy("ns#Unnamed", ir.EnumDefinition{Value: "t2.micro"}, ir.EnumDefinition{Value: "application/json"}),
			},
			want: [][2]string{
				{"ns#Named", "types.Named"},
				{"ns#Named enum[0]", "NamedInvalidRegion"},
				{"ns#Unnamed enum[0]", "UnnamedT2Micro"},
				{"ns#Unnamed enum[1]", "UnnamedApplicationJson"},
			},
		},
		{
			desc: "service rename applies to shapes and operations",
			rename: map[string]string{
				"other#Foo": "OtherFoo",
				"ns#Op":     "Operate",
			},
			shapes: []*ir.Shape{
				ntOp("ns#Op", "", ""),
				ntShape("ns#Foo", ir.StructureType),
				ntShape("other#Foo", ir.StructureType),
			},
			want: [][2]string{
				{"ns#Op", "Operate"},
				{"ns#Foo", "types.Foo"},
				{"other#Foo", "types.OtherFoo"},
			},
		},
		{
			desc: "collision: same name in two namespaces, first shape ID wins",
			shapes: []*ir.Shape{
				ntShape("b#Foo", ir.StructureType),
				ntShape("a#Foo", ir.StructureType),
			},
			want: [][2]string{
				{"a#Foo", "types.Foo"},
				{"b#Foo", "types.Foo_"},
			},
		},
		{
			desc: "collision: names differing only in the first letter's case",
			shapes: []*ir.Shape{
				ntShape("ns#foo", ir.StructureType),
				ntShape("ns#Foo", ir.StructureType),
			},
			want: [][2]string{
				{"ns#Foo", "types.Foo"},
				{"ns#foo", "types.Foo_"},
			},
		},
		{
			desc:   "collision: a renamed shape keeps its chosen name",
			rename: map[string]string{"ns#Apple": "Zed"},
			shapes: []*ir.Shape{
				ntShape("ns#Apple", ir.StructureType),
				ntShape("ns#Zed", ir.StructureType),
			},
			want: [][2]string{
				{"ns#Apple", "types.Zed"},
				{"ns#Zed", "types.Zed_"},
			},
		},
		{
			desc: "collision: union variants and UnknownUnionMember win over shape names",
			shapes: []*ir.Shape{
				ntShape("ns#U", ir.UnionType, "a"),
				ntShape("ns#UMemberA", ir.StructureType),
				ntShape("ns#UnknownUnionMember", ir.StructureType),
			},
			want: [][2]string{
				{"ns#U$a variant", "UMemberA"},
				{"ns#UMemberA", "types.UMemberA_"},
				{"ns#UnknownUnionMember", "types.UnknownUnionMember_"},
			},
		},
		{
			desc: "collision: enum constants repeating one another take the raw name, else _",
			shapes: []*ir.Shape{
				ntShape("ns#E", ir.EnumType, "FOO_BAR", "FooBar", "foo_bar"),
			},
			want: [][2]string{
				{"ns#E$FOO_BAR", "EFooBar"},
				{"ns#E$FooBar", "FooBar"},
				{"ns#E$foo_bar", "EFooBar_"},
			},
		},
		{
			desc: "collision: enum constant named like a type or another enum's constant",
			shapes: []*ir.Shape{
				ntShape("ns#Status", ir.EnumType, "CODE", "EMPTY"),
				ntShape("ns#StatusCode", ir.StructureType),
				ntShape("ns#A", ir.EnumType, "B_C"),
				ntShape("ns#AB", ir.EnumType, "C"),
			},
			want: [][2]string{
				{"ns#StatusCode", "types.StatusCode"},
				{"ns#Status$CODE", "StatusCode_"},
				{"ns#Status$EMPTY", "StatusEmpty"},
				{"ns#A$B_C", "ABC"},
				{"ns#AB$C", "ABC_"},
			},
		},
		{
			desc: "collision: reserved field names per role of the structure",
			shapes: []*ir.Shape{
				ntOp("ns#Op", "ns#In", "ns#Out", "ns#Err"),
				ntShape("ns#In", ir.StructureType, "string", "validate", "resultMetadata"),
				ntShape("ns#Out", ir.StructureType, "resultMetadata", "format"),
				errShape("ns#Err", "message", "errorCode", "error", "errorMessage", "errorCodeOverride", "unwrap", "ErrorFault"),
				ntShape("ns#Plain", ir.StructureType, "errorCode", "goString", "logValue"),
			},
			want: [][2]string{
				{"ns#In$string", "String_"},
				{"ns#In$validate", "Validate_"},
				{"ns#In$resultMetadata", "ResultMetadata"},
				{"ns#Out$resultMetadata", "ResultMetadata_"},
				{"ns#Out$format", "Format"},
				{"ns#Err", "types.Err"},
				{"ns#Err$message", "Message"},
				{"ns#Err$errorCode", "ErrorCode_"},
				{"ns#Err$error", "Error_"},
				{"ns#Err$errorMessage", "ErrorMessage_"},
				{"ns#Err$errorCodeOverride", "ErrorCodeOverride_"},
				{"ns#Err$unwrap", "Unwrap_"},
				{"ns#Err$ErrorFault", "ErrorFault_"},
				{"ns#Plain$errorCode", "ErrorCode"},
				{"ns#Plain$goString", "GoString_"},
				{"ns#Plain$logValue", "LogValue_"},
			},
		},
		{
			desc: "collision: Format is reserved only in structures holding sensitive data",
			shapes: []*ir.Shape{
				sensitive(ntShape("ns#Secret", ir.StructureType, "format")),
				targeting(ntShape("ns#Outer", ir.StructureType, "inner", "format"), "inner", "ns#Secret"),
				ntShape("ns#Plain", ir.StructureType, "format"),
			},
			want: [][2]string{
				{"ns#Secret$format", "Format_"},
				{"ns#Outer$format", "Format_"},
				{"ns#Plain$format", "Format"},
			},
		},
		{
			desc: "collision: two members mapping to one field, by member name order",
			shapes: []*ir.Shape{
				ntShape("ns#S", ir.StructureType, "x_foo", "_foo", "String_"),
				ntShape("ns#S2", ir.StructureType, "string", "String_"),
			},
			want: [][2]string{
				{"ns#S$_foo", "X_foo"},
				{"ns#S$x_foo", "X_foo_"},
				{"ns#S$String_", "String_"},
				{"ns#S2$String_", "String_"},
				{"ns#S2$string", "String__"},
			},
		},
		{
			desc: "collision: union members mapping to one name",
			shapes: []*ir.Shape{
				ntShape("ns#U", ir.UnionType, "_a", "x_a"),
			},
			want: [][2]string{
				{"ns#U$_a variant", "UMemberX_a"},
				{"ns#U$x_a variant", "UMemberX_a_"},
			},
		},
		{
			desc: "collision: operations with client methods and service-package names",
			shapes: []*ir.Shape{
				ntOp("ns#Options", "", ""),
				paginated(ntOp("ns#Foo", "", "")),
				paginated(ntOp("ns#NewFoo", "", "")),
				ntOp("ns#Client", "", ""),
				ntOp("other#foo", "", ""),
			},
			want: [][2]string{
				{"ns#Options", "Options_"},
				{"ns#Foo", "Foo"},
				{"ns#NewFoo", "NewFoo_"},
				{"ns#Client", "Client"},
				{"other#foo", "Foo_"},
			},
		},
		{
			desc: "prelude shapes and mixins get no names",
			shapes: []*ir.Shape{
				ntShape("smithy.api#Unit", ir.StructureType),
				func() *ir.Shape { s := ntShape("ns#Mix", ir.StructureType, "a"); s.IsMixin = true; return s }(),
			},
			want: [][2]string{
				{"smithy.api#Unit", ""},
				{"ns#Mix", ""},
				{"ns#Mix$a", ""},
			},
		},
	}
	for _, tt := range tests {
		m := ntModel(tt.rename, tt.shapes...)
		if err := deriveNames(m); err != nil {
			t.Errorf("%s: deriveNames: %v", tt.desc, err)
			continue
		}
		for _, w := range tt.want {
			if got := ntName(m, w[0]); got != w[1] {
				t.Errorf("%s: %s = %q, want %q", tt.desc, w[0], got, w[1])
			}
		}
	}
}

func TestDeriveNamesDeterministic(t *testing.T) {
	build := func() *ir.Model {
		return ntModel(nil,
			ntShape("b#Foo", ir.StructureType, "_a", "x_a"),
			ntShape("a#Foo", ir.StructureType),
			ntShape("a#foo", ir.UnionType, "v"),
			ntShape("a#E", ir.EnumType, "A_B", "a_b", "AB"),
		)
	}
	dump := func(m *ir.Model) string {
		var b strings.Builder
		for _, s := range m.Shapes() {
			fmt.Fprintf(&b, "%s=%s;", s.ID, s.GoName)
			for _, mem := range s.Members {
				fmt.Fprintf(&b, "%s=%s/%s;", mem.ID, mem.GoName, mem.UnionVariant)
			}
		}
		return b.String()
	}
	first := build()
	if err := deriveNames(first); err != nil {
		t.Fatal(err)
	}
	want := dump(first)
	for range 20 {
		m := build()
		if err := deriveNames(m); err != nil {
			t.Fatal(err)
		}
		if got := dump(m); got != want {
			t.Fatalf("names differ between runs:\n%s\n%s", got, want)
		}
		// Running the pass again changes nothing.
		if err := deriveNames(m); err != nil {
			t.Fatal(err)
		}
		if got := dump(m); got != want {
			t.Fatalf("second run changed names:\n%s\n%s", got, want)
		}
	}
}

func TestDeriveNamesBadRename(t *testing.T) {
	m := ntModel(nil, ntShape("ns#Foo", ir.StructureType))
	m.Service.Rename = []ir.Rename{{ID: "ns#Foo", Name: "not valid", Pos: ir.Pos{File: "m.json", Line: 3, Col: 5}}}
	err := deriveNames(m)
	if err == nil {
		t.Fatal("deriveNames: want an error for a rename to a non-identifier")
	}
	if want := `m.json:3:5: ns#Foo: rename: want a Smithy identifier, got "not valid"`; err.Error() != want {
		t.Errorf("error = %q, want %q", err, want)
	}
	if got := m.Shape("ns#Foo").GoName; got != "Foo" {
		t.Errorf("GoName after a bad rename = %q, want the shape name %q", got, "Foo")
	}
}

func TestValidGoNames(t *testing.T) {
	m := ntModel(nil,
		ntShape("ns#_odd", ir.StructureType, "_", "__x", "9lives"),
		ntShape("ns#E", ir.EnumType, "", "-", "ü"),
	)
	if err := deriveNames(m); err != nil {
		t.Fatal(err)
	}
	for _, s := range m.Shapes() {
		if s.GoName != "" && !isExportedIdent(s.GoName) {
			t.Errorf("%s: GoName %q is not an exported identifier", s.ID, s.GoName)
		}
		for _, mem := range s.Members {
			if !isExportedIdent(mem.GoName) {
				t.Errorf("%s: GoName %q is not an exported identifier", mem.ID, mem.GoName)
			}
		}
	}
}
