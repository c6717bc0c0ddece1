package emit

import (
	"github.com/dave/jennifer/jen"
)

// genMock renders mock.go: Mock, a Service built from one function field
// per operation that records every call.
//
// Example output:
//
//	type Mock struct {
//		AssumeRoleForPodIdentityFunc func(ctx context.Context, in *eksauth.AssumeRoleForPodIdentityInput) (*eksauth.AssumeRoleForPodIdentityOutput, error)
//		mu    sync.Mutex
//		calls []Call
//	}
func (m *mock) genMock(f *jen.File) {
	f.Comment("Mock is a Service made of functions, one field per operation, that records")
	f.Comment("every call. An operation whose field is nil fails with a *NotImplementedError,")
	f.Comment("which the handler answers with 501 NotImplemented. Set the fields before")
	f.Comment("serving; the methods and accessors are safe for concurrent use.")
	var fields []jen.Code
	for _, op := range m.m.Operations {
		fields = append(fields,
			jen.Comment(op.GoName+"Func answers "+op.ID.Name()+" calls."),
			jen.Id(op.GoName+"Func").Func().Params(
				jen.Id("ctx").Qual("context", "Context"), jen.Id("in").Op("*").Add(m.svc(inputName(op))),
			).Params(jen.Op("*").Add(m.svc(outputName(op))), jen.Error()),
			jen.Line(),
		)
	}
	fields = append(fields,
		jen.Id("mu").Qual("sync", "Mutex"),
		jen.Id("calls").Index().Id("Call"),
	)
	f.Type().Id("Mock").Struct(fields...)

	f.Comment("Call is one call recorded by a Mock.")
	f.Type().Id("Call").Struct(
		jen.Comment("Operation is the operation's name, e.g. "+m.exampleOp()+"."),
		jen.Id("Operation").String(),
		jen.Comment("Input is the decoded input, a *"+m.cfg.Package+".<Operation>Input."),
		jen.Id("Input").Any(),
		jen.Comment("Header holds the request's headers."),
		jen.Id("Header").Qual("net/http", "Header"),
	)
	f.Var().Id("_").Id("Service").Op("=").Parens(jen.Op("*").Id("Mock")).Call(jen.Nil())

	recv := func() *jen.Statement { return jen.Func().Params(jen.Id("m").Op("*").Id("Mock")) }
	for _, op := range m.m.Operations {
		f.Comment(op.GoName + " records the call and answers it with " + op.GoName + "Func.")
		f.Add(recv().Id(op.GoName).Params(
			jen.Id("ctx").Qual("context", "Context"), jen.Id("in").Op("*").Add(m.svc(inputName(op))),
		).Params(jen.Op("*").Add(m.svc(outputName(op))), jen.Error()).Block(
			jen.Id("m").Dot("record").Call(jen.Id("ctx"), jen.Lit(op.ID.Name()), jen.Id("in")),
			jen.If(jen.Id("m").Dot(op.GoName+"Func").Op("==").Nil()).Block(
				jen.Return(jen.Nil(), jen.Op("&").Id("NotImplementedError").Values(jen.Dict{
					jen.Id("Operation"): jen.Lit(op.ID.Name()),
					jen.Id("Field"):     jen.Lit(op.GoName + "Func"),
				})),
			),
			jen.Return(jen.Id("m").Dot(op.GoName+"Func").Call(jen.Id("ctx"), jen.Id("in"))),
		))
		f.Comment(op.GoName + "Calls returns the inputs of the " + op.ID.Name() + " calls so far, in order.")
		f.Add(recv().Id(op.GoName+"Calls").Params().Index().Op("*").Add(m.svc(inputName(op))).Block(
			jen.Var().Id("ins").Index().Op("*").Add(m.svc(inputName(op))),
			jen.For(jen.List(jen.Id("_"), jen.Id("c")).Op(":=").Range().Id("m").Dot("Calls").Call()).Block(
				jen.If(jen.List(jen.Id("in"), jen.Id("ok")).Op(":=").Id("c").Dot("Input").Assert(jen.Op("*").Add(m.svc(inputName(op)))), jen.Id("ok")).Block(
					jen.Id("ins").Op("=").Append(jen.Id("ins"), jen.Id("in")),
				),
			),
			jen.Return(jen.Id("ins")),
		))
	}

	f.Comment("Calls returns every call so far, in the order they were made.")
	f.Add(recv().Id("Calls").Params().Index().Id("Call").Block(
		jen.Id("m").Dot("mu").Dot("Lock").Call(),
		jen.Defer().Id("m").Dot("mu").Dot("Unlock").Call(),
		jen.Return(jen.Append(jen.Index().Id("Call").Call(jen.Nil()), jen.Id("m").Dot("calls").Op("..."))),
	))
	f.Comment("Reset forgets the calls recorded so far.")
	f.Add(recv().Id("Reset").Params().Block(
		jen.Id("m").Dot("mu").Dot("Lock").Call(),
		jen.Defer().Id("m").Dot("mu").Dot("Unlock").Call(),
		jen.Id("m").Dot("calls").Op("=").Nil(),
	))
	f.Comment("record appends a call, with the headers of the request being served.")
	f.Add(recv().Id("record").Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("op").String(), jen.Id("in").Any()).Block(
		jen.Id("c").Op(":=").Id("Call").Values(jen.Dict{jen.Id("Operation"): jen.Id("op"), jen.Id("Input"): jen.Id("in")}),
		jen.If(jen.Id("r").Op(":=").Add(m.rt("HTTPRequest")).Call(jen.Id("ctx")), jen.Id("r").Op("!=").Nil()).Block(
			jen.Id("c").Dot("Header").Op("=").Id("r").Dot("Header").Dot("Clone").Call(),
		),
		jen.Id("m").Dot("mu").Dot("Lock").Call(),
		jen.Defer().Id("m").Dot("mu").Dot("Unlock").Call(),
		jen.Id("m").Dot("calls").Op("=").Append(jen.Id("m").Dot("calls"), jen.Id("c")),
	))
}

// exampleOp returns the quoted name of the first operation, for docs.
func (m *mock) exampleOp() string {
	if len(m.m.Operations) == 0 {
		return `"GetThing"`
	}
	return `"` + m.m.Operations[0].ID.Name() + `"`
}
