package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// The sensitive tests: sensitive_test.go checks, for every type holding a
// @sensitive member or shape (operation inputs and outputs, structures,
// errors, union variants), that a value with sensitivetest.Marker in its
// sensitive members never shows it through fmt, log/slog or an error
// message, and that encoding/json shows it unchanged (as it would the AWS
// SDK for Go v2's type); <pkg>mock/sensitive_test.go checks that the mock
// server's request log and the client's errors never show it. The checks
// themselves are the template package sensitivetest.

// stCase is one type checked by sensitive_test.go.
type stCase struct {
	name  string         // the subtest name: the Go type name
	typ   *jen.Statement // the Go type
	value stValue
}

// emitSensitiveTests renders sensitive_test.go and
// <pkg>mock/sensitive_test.go; no file when the model has no sensitive
// data that a string, enum or blob can carry.
func emitSensitiveTests(g *gen) ([]File, error) {
	b := stBuilder{g: g}
	var files []File
	if cases := b.cases(); len(cases) > 0 {
		f := g.newFile(g.cfg.ImportPath, g.cfg.Package)
		b.genValueTest(f, cases)
		file, err := render("sensitive_test.go", f)
		if err != nil {
			return nil, err
		}
		files = append(files, file)
	}
	if ops := (stBuilder{g: g, validEnums: true}).mockCases(); len(ops) > 0 {
		mockName := g.cfg.Package + "mock"
		f := g.newFile(g.cfg.ImportPath+"/"+mockName, mockName)
		b.genMockLogTest(f, ops)
		file, err := render(mockName+"/sensitive_test.go", f)
		if err != nil {
			return nil, err
		}
		files = append(files, file)
	}
	return files, nil
}

// cases returns the types to check, in a fixed order: operation inputs
// and outputs in model order, then the types package's structures, errors
// and union variants by name.
func (b stBuilder) cases() []stCase {
	g := b.g
	var cases []stCase
	add := func(typ *jen.Statement, name string, v stValue) {
		if v.marked {
			cases = append(cases, stCase{name: name, typ: typ, value: v})
		}
	}
	for _, op := range g.m.Operations {
		if op.Input != "" && g.sensitive[op.Input] {
			add(jen.Id(inputName(op)), inputName(op), b.opValue(jen.Id(inputName(op)), op.Input, inInput))
		}
		if op.Output != "" && g.sensitive[op.Output] {
			add(jen.Id(outputName(op)), outputName(op), b.opValue(jen.Id(outputName(op)), op.Output, inOutput))
		}
	}
	for _, s := range g.structures() {
		if g.sensitive[s.ID] {
			v, _ := b.shapeValue(s, fillSensitive, inNested, 0)
			add(jen.Qual(g.typesPath(), s.GoName), "types."+s.GoName, v)
		}
	}
	for _, s := range g.typeShapes(ir.StructureType) {
		if s.Traits.Error != "" && g.sensitive[s.ID] {
			add(jen.Qual(g.typesPath(), s.GoName), "types."+s.GoName, b.errorValue(s))
		}
	}
	for _, u := range g.typeShapes(ir.UnionType) {
		if !g.sensitive[u.ID] || u.Traits.Streaming {
			continue
		}
		for _, mem := range u.Members {
			mode := fillSensitive
			if u.Traits.Sensitive || g.memberSensitive(mem) {
				mode = fillAll
			}
			if v, ok := b.memberValue(mem, mode, inNested, 1); ok {
				typ := jen.Qual(g.typesPath(), mem.UnionVariant)
				add(typ, "types."+mem.UnionVariant, stValue{code: typ.Clone().Values(jen.Dict{jen.Id("Value"): v.code}), marked: v.marked})
			}
		}
	}
	return cases
}

// opValue returns the value of an operation input or output (id) of Go
// type typ with its sensitive members filled.
func (b stBuilder) opValue(typ *jen.Statement, id ir.ShapeID, d direction) stValue {
	mode := fillSensitive
	if s := b.g.m.Shape(id); s != nil && s.Traits.Sensitive {
		mode = fillAll
	}
	return b.structValue(typ, b.g.opMembers(id), mode, d, 0, func(m *ir.Member) string { return m.GoName })
}

// errorValue returns a value of error shape s with its sensitive members
// filled; the message member is the Message field.
func (b stBuilder) errorValue(s *ir.Shape) stValue {
	msg := messageMember(s)
	mode := fillSensitive
	if s.Traits.Sensitive {
		mode = fillAll
	}
	return b.structValue(jen.Qual(b.g.typesPath(), s.GoName), s.Members, mode, inNested, 0, func(m *ir.Member) string {
		if m == msg {
			return "Message"
		}
		return m.GoName
	})
}

// genValueTest declares TestSensitiveRedacted.
//
// Example output:
//
//	func TestSensitiveRedacted(t *testing.T) {
//		t.Run("types.Credentials", func(t *testing.T) {
//			v := types.Credentials{SecretAccessKey: sensitivetest.Ptr(sensitivetest.Marker)}
//			sensitivetest.CheckValue(t, v)
//			type plain types.Credentials
//			sensitivetest.CheckJSON(t, v, plain(v))
//		})
//	}
func (b stBuilder) genValueTest(f *jen.File, cases []stCase) {
	st := b.g.internalPath("sensitivetest")
	f.Comment("TestSensitiveRedacted checks, for every type that holds @sensitive data, that")
	f.Comment("a value with sensitivetest.Marker in its sensitive members shows no marker")
	f.Comment("through any fmt verb, log/slog handler or error message, and that")
	f.Comment("encoding/json shows it unchanged: json.Marshal gives the bytes of the same")
	f.Comment("struct without the redacting methods, as for the AWS SDK for Go v2's type.")
	f.Func().Id("TestSensitiveRedacted").Params(jen.Id("t").Op("*").Qual("testing", "T")).BlockFunc(func(gr *jen.Group) {
		for _, c := range cases {
			gr.Id("t").Dot("Run").Call(jen.Lit(c.name), jen.Func().Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
				jen.Id("v").Op(":=").Add(c.value.code),
				jen.Qual(st, "CheckValue").Call(jen.Id("t"), jen.Id("v")),
				jen.Type().Id("plain").Add(c.typ),
				jen.Qual(st, "CheckJSON").Call(jen.Id("t"), jen.Id("v"), jen.Id("plain").Call(jen.Id("v"))),
			))
		}
	})
}
