package emit

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/ir"
	"github.com/eksauthgen/eksauthgen/generator/passes"
	"github.com/eksauthgen/eksauthgen/generator/smithy"
)

func TestMockValidationError(t *testing.T) {
	errShape := func(id ir.ShapeID, kind string, status int) *ir.Shape {
		return &ir.Shape{ID: id, Type: ir.StructureType, GoName: id.Name(), GoPackage: ir.TypesPackage,
			Traits: ir.Traits{Error: kind, HTTPError: status}}
	}
	tests := []struct {
		name   string
		errors []*ir.Shape
		code   string
		shape  ir.ShapeID
	}{
		{"framework", []*ir.Shape{errShape(sid("InvalidParameterException"), "client", 400), errShape(frameworkValidation, "client", 400)},
			"ValidationException", frameworkValidation},
		{"usual name", []*ir.Shape{errShape(sid("AccessDenied"), "client", 400), errShape(sid("InvalidParameterException"), "client", 400)},
			"InvalidParameterException", sid("InvalidParameterException")},
		{"first 400 client error", []*ir.Shape{errShape(sid("Boom"), "server", 500), errShape(sid("Nope"), "client", 400)},
			"Nope", sid("Nope")},
		{"none", []*ir.Shape{errShape(sid("Boom"), "server", 500)}, "ValidationException", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := &mock{gen: &gen{m: &ir.Model{}}, errors: tc.errors}
			code, shape := m.validationError()
			var id ir.ShapeID
			if shape != nil {
				id = shape.ID
			}
			if code != tc.code || id != tc.shape {
				t.Errorf("got %s %s, want %s %s", code, id, tc.code, tc.shape)
			}
		})
	}
}

// TestMockValidationPolicy checks the policy of validation error shapes:
// smithy.framework's (fieldList with "path"), an AWS service's own (reason
// and fieldList with "name"), and a plain error with another status.
func TestMockValidationPolicy(t *testing.T) {
	src := `{"smithy": "2.0", "shapes": {
		"ex.test#Svc": {"type": "service", "version": "1", "operations": [{"target": "ex.test#Op"}],
			"traits": {"aws.protocols#restJson1": {}}},
		"ex.test#Op": {"type": "operation", "errors": [{"target": "ex.test#ValidationException"}, {"target": "ex.test#Denied"}],
			"traits": {"smithy.api#http": {"method": "POST", "uri": "/op"}}},
		"ex.test#ValidationException": {"type": "structure", "members": {
			"message": {"target": "smithy.api#String"},
			"reason": {"target": "ex.test#Reason"},
			"fieldList": {"target": "ex.test#Fields"}},
			"traits": {"smithy.api#error": "client"}},
		"ex.test#Reason": {"type": "enum", "members": {
			"A": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "OTHER"}},
			"B": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "FIELD_VALIDATION_FAILED"}}}},
		"ex.test#Fields": {"type": "list", "member": {"target": "ex.test#Field"}},
		"ex.test#Field": {"type": "structure", "members": {
			"name": {"target": "smithy.api#String"}, "message": {"target": "smithy.api#String"}}},
		"ex.test#Denied": {"type": "structure", "members": {"message": {"target": "smithy.api#String"}},
			"traits": {"smithy.api#error": "client", "smithy.api#httpError": 403}}
	}}`
	m, err := smithy.Parse([]byte(src), "v.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := passes.Run(m, passes.Config{}); err != nil {
		t.Fatal(err)
	}
	mk := newMock(newGen(m, Config{Package: "v", ImportPath: "ex/v"}))
	if mk.valCode != "ValidationException" || mk.valShape == nil {
		t.Fatalf("validation error: %s %v", mk.valCode, mk.valShape)
	}
	render := func(e *ir.Shape) string {
		return fmt.Sprintf("%#v", jen.Id("p").Op("=").Add(mk.rt("ValidationPolicy")).Values(mk.validationPolicy(e, jen.Lit(e.ID.Name()))))
	}
	got := render(mk.valShape)
	for _, want := range []string{`FieldList: true`, `FieldName: "name"`, `Reason:    "FIELD_VALIDATION_FAILED"`} {
		if !strings.Contains(got, want) {
			t.Errorf("ValidationException policy %s: no %s", got, want)
		}
	}
	denied := render(m.Shape("ex.test#Denied"))
	if !strings.Contains(denied, "Status: 403") || strings.Contains(denied, "FieldList") || strings.Contains(denied, "Reason") {
		t.Errorf("Denied policy: %s", denied)
	}
}

func TestPayloadMediaType(t *testing.T) {
	tests := []struct {
		shape *ir.Shape
		want  string
	}{
		{&ir.Shape{Type: ir.StringType}, "text/plain"},
		{&ir.Shape{Type: ir.BlobType}, "application/octet-stream"},
		{&ir.Shape{Type: ir.BlobType, Traits: ir.Traits{MediaType: "image/png"}}, "image/png"},
		{&ir.Shape{Type: ir.StructureType}, "application/json"},
		{&ir.Shape{Type: ir.DocumentType}, "application/json"},
	}
	for _, tc := range tests {
		if got := payloadMediaType(tc.shape); got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.shape.Type, got, tc.want)
		}
	}
}

// TestMockBindings generates the mock of testdata/mock/bindings.json (every
// HTTP binding, payloads, response codes, a literal query, a modeled error
// with a header) into a temporary directory of the module, vets it, and
// runs testdata/mock/bindings_test.go.txt against the generated handler.
func TestMockBindings(t *testing.T) {
	p := NewTempPackage(t, "mock", "bindings")
	m := parseTestModel(t, "testdata/mock/bindings.json")
	files, err := Emit(m, Config{Package: "bindings", ImportPath: p.ImportPath, Source: "bindings.json"})
	if err != nil {
		t.Fatal(err)
	}
	p.Write(t, files)
	p.AddTest(t, "testdata/mock/bindings_test.go.txt", "bindingsmock/bindings_test.go")
	p.Go(t, nil, "vet", p.ImportPath+"/bindingsmock")
	p.Go(t, nil, "test", "-count=1", p.ImportPath+"/bindingsmock")
}
