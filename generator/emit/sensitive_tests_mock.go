package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// stMockOp is one operation the mock's sensitive test calls.
type stMockOp struct {
	op      *ir.Shape
	results []stMockResult
}

// stMockResult is one call: the input sent and the Mock's answer, an
// output or an error.
type stMockResult struct {
	name     string
	input    jen.Code // the input value (not a pointer)
	out, err jen.Code // the returned output and error
}

// mockCases returns the operations whose input, output or errors hold
// sensitive data, in model order, each with what the Mock answers.
// Operations with streams are left out.
func (b stBuilder) mockCases() []stMockOp {
	g := b.g
	var ops []stMockOp
	for _, op := range g.m.Operations {
		if b.hasStream(op) {
			continue
		}
		inType := jen.Qual(g.cfg.ImportPath, inputName(op))
		// The output and error cases send only the required members (the
		// sensitive ones with the marker), which a validating server is
		// more likely to accept than every member filled.
		minimal := b.structValue(inType.Clone(), g.opMembers(op.Input), fillRequired, inInput, 0, func(m *ir.Member) string { return m.GoName })
		mo := stMockOp{op: op}
		if in := b.opValue(inType.Clone(), op.Input, inInput); in.marked {
			mo.results = append(mo.results, stMockResult{name: "input", input: in.code,
				out: jen.Op("&").Qual(g.cfg.ImportPath, outputName(op)).Values(), err: jen.Nil()})
		}
		if out := b.opValue(jen.Qual(g.cfg.ImportPath, outputName(op)), op.Output, inOutput); out.marked {
			mo.results = append(mo.results, stMockResult{name: "output", input: minimal.code, out: jen.Op("&").Add(out.code), err: jen.Nil()})
		}
		for _, e := range b.sensitiveErrors(op) {
			if v := b.errorValue(e); v.marked {
				mo.results = append(mo.results, stMockResult{name: e.GoName, input: minimal.code, out: jen.Nil(), err: jen.Op("&").Add(v.code)})
			}
		}
		if len(mo.results) > 0 {
			ops = append(ops, mo)
		}
	}
	return ops
}

// hasStream reports whether op's input or output has a streaming member.
func (b stBuilder) hasStream(op *ir.Shape) bool {
	for _, id := range []ir.ShapeID{op.Input, op.Output} {
		for _, mem := range b.g.opMembers(id) {
			if b.g.target(mem).Traits.Streaming {
				return true
			}
		}
	}
	return false
}

// sensitiveErrors returns the errors of op (gen.opErrors) that hold
// sensitive data.
func (b stBuilder) sensitiveErrors(op *ir.Shape) []*ir.Shape {
	var out []*ir.Shape
	for _, e := range b.g.opErrors(op) {
		if b.g.sensitive[e.ID] {
			out = append(out, e)
		}
	}
	return out
}

// genMockLogTest declares TestSensitiveNotLogged and checkSensitiveCall in
// the mock package.
//
// Example output:
//
//	func TestSensitiveNotLogged(t *testing.T) {
//		for _, format := range []string{"text", "json"} {
//			t.Run(format+"/AssumeRoleForPodIdentity/output", func(t *testing.T) {
//				checkSensitiveCall(t, format, &Mock{AssumeRoleForPodIdentityFunc: func(context.Context, *eksauth.AssumeRoleForPodIdentityInput) (*eksauth.AssumeRoleForPodIdentityOutput, error) {
//					return &eksauth.AssumeRoleForPodIdentityOutput{...}, nil
//				}}, func(c *eksauth.Client) error {
//					_, err := c.AssumeRoleForPodIdentity(context.Background(), &eksauth.AssumeRoleForPodIdentityInput{...})
//					return err
//				})
//			})
//		}
//	}
func (b stBuilder) genMockLogTest(f *jen.File, ops []stMockOp) {
	g := b.g
	root := g.cfg.ImportPath
	st := g.internalPath("sensitivetest")
	tParam := jen.Id("t").Op("*").Qual("testing", "T")
	f.Comment("TestSensitiveNotLogged serves every operation that carries @sensitive data")
	f.Comment("with a request log (slog text and JSON handlers) and calls it with the")
	f.Comment("generated client, sensitive members filled with sensitivetest.Marker: neither")
	f.Comment("the log nor the client's error may show the marker.")
	f.Func().Id("TestSensitiveNotLogged").Params(tParam.Clone()).Block(
		jen.For(jen.List(jen.Id("_"), jen.Id("format")).Op(":=").Range().Index().String().Values(jen.Lit("text"), jen.Lit("json"))).BlockFunc(func(gr *jen.Group) {
			for _, mo := range ops {
				in := jen.Op("*").Qual(root, inputName(mo.op))
				out := jen.Op("*").Qual(root, outputName(mo.op))
				for _, r := range mo.results {
					mockFn := jen.Func().Params(jen.Qual("context", "Context"), in.Clone()).Params(out.Clone(), jen.Error()).Block(
						jen.Return(r.out, r.err),
					)
					call := jen.Func().Params(jen.Id("c").Op("*").Qual(root, "Client")).Error().Block(
						jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("c").Dot(mo.op.GoName).Call(
							jen.Qual("context", "Background").Call(), jen.Op("&").Add(r.input)),
						jen.Return(jen.Err()),
					)
					gr.Id("t").Dot("Run").Call(jen.Id("format").Op("+").Lit("/"+mo.op.GoName+"/"+r.name), jen.Func().Params(tParam.Clone()).Block(
						jen.Id("checkSensitiveCall").Call(jen.Id("t"), jen.Id("format"),
							jen.Op("&").Id("Mock").Values(jen.Dict{jen.Id(mo.op.GoName + "Func"): mockFn}), call),
					))
				}
			}
		}),
	)
	f.Line()
	f.Comment("checkSensitiveCall serves m with a request log in format, makes call with")
	f.Comment("the generated client and checks that neither the call's error nor the log")
	f.Comment("shows sensitivetest.Marker.")
	f.Func().Id("checkSensitiveCall").Params(tParam.Clone(), jen.Id("format").String(), jen.Id("m").Op("*").Id("Mock"),
		jen.Id("call").Func().Params(jen.Op("*").Qual(root, "Client")).Error()).Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.Var().Id("log").Qual(st, "Buffer"),
		jen.Id("srv").Op(":=").Qual("net/http/httptest", "NewServer").Call(jen.Id("NewHandler").Call(jen.Id("m"),
			jen.Id("WithRequestLog").Call(jen.Qual(st, "Logger").Call(jen.Id("format"), jen.Op("&").Id("log"))))),
		jen.Id("client").Op(":=").Qual(root, "New").Call(jen.Qual(root, "Options").Values(jen.Dict{
			jen.Id("Region"):       jen.Lit("us-east-1"),
			jen.Id("BaseEndpoint"): jen.Qual(awsPath, "String").Call(jen.Id("srv").Dot("URL")),
			jen.Id("Credentials"):  jen.Qual(awsPath, "AnonymousCredentials").Values(),
			jen.Id("Retryer"):      jen.Qual(awsPath, "NopRetryer").Values(),
		})),
		jen.Err().Op(":=").Id("call").Call(jen.Id("client")),
		jen.Id("srv").Dot("Close").Call().Comment("waits for the handler, and so the log line"),
		jen.If(jen.Err().Op("!=").Nil()).Block(
			jen.Qual(st, "CheckError").Call(jen.Id("t"), jen.Err()),
		),
		jen.If(jen.Len(jen.Id("m").Dot("Calls").Call()).Op("==").Lit(0)).Block(
			jen.Id("t").Dot("Logf").Call(jen.Lit("the mock server did not call the service (error: %v); only the log and the error were checked"), jen.Err()),
		),
		jen.Qual(st, "CheckText").Call(jen.Id("t"), jen.Lit("request log"), jen.Id("log").Dot("String").Call()),
	)
}
