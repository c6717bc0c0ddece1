package emit

import (
	"slices"

	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// The body of the error that reports invalid input. Besides the message,
// which names every violation, a validation error shape commonly has:
//   - fieldList: a list of structures with a message and the field's path,
//     under the key "path" (smithy.framework#ValidationException) or "name"
//     (AWS services' own ValidationException);
//   - reason: an enum that has the value FIELD_VALIDATION_FAILED.
//
// The mock fills those members when the shape has them, so that clients
// (the AWS SDKs among them) see every required member set.

// fieldValidationFailed is the reason value of a field validation failure.
const fieldValidationFailed = "FIELD_VALIDATION_FAILED"

// validationPolicy returns the fields of the mockrt.ValidationPolicy
// literal for error shape e (nil for an unmodeled error) named code: Code,
// then Status when it is not 400, FieldList/FieldName and Reason when e
// has such members.
func (m *mock) validationPolicy(e *ir.Shape, code jen.Code) jen.Dict {
	d := jen.Dict{jen.Id("Code"): code}
	if e == nil {
		return d
	}
	if st := errorStatus(e); st != 400 {
		d[jen.Id("Status")] = jen.Lit(st)
	}
	if name, ok := m.fieldListPath(e); ok {
		d[jen.Id("FieldList")] = jen.True()
		if name != "path" {
			d[jen.Id("FieldName")] = jen.Lit(name)
		}
	}
	if mem := e.Member("reason"); mem != nil && mem.JSONName == "reason" {
		if t := m.target(mem); t.Type == ir.EnumType && slices.ContainsFunc(t.Members, func(v *ir.Member) bool {
			_, val := m.enumValue(t, v)
			return val == fieldValidationFailed
		}) {
			d[jen.Id("Reason")] = jen.Lit(fieldValidationFailed)
		}
	}
	return d
}

// fieldListPath reports whether error shape e has a "fieldList" member of
// structures holding a "message" and a path member, and returns the JSON
// key of the path ("path" or "name").
func (m *mock) fieldListPath(e *ir.Shape) (string, bool) {
	mem := e.Member("fieldList")
	if mem == nil || mem.JSONName != "fieldList" {
		return "", false
	}
	list := m.target(mem)
	if !list.Type.IsCollection() || len(list.Members) == 0 {
		return "", false
	}
	field := m.target(list.Members[0])
	if field.Type != ir.StructureType {
		return "", false
	}
	has := func(key string) bool {
		f := field.Member(key)
		return f != nil && f.JSONName == key && m.target(f).Type == ir.StringType
	}
	if !has("message") {
		return "", false
	}
	for _, key := range []string{"path", "name"} {
		if has(key) {
			return key, true
		}
	}
	return "", false
}
