package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// The server-side protocol tests: <pkg>mock/protocol_server_test.go, one
// subtest of TestProtocolServer per smithy.test case that applies to the
// server (httpRequestTests, httpResponseTests and the expanded
// httpMalformedRequestTests), run against the generated handler. Cases of
// operations with event streams are left out.

// protoServer is the state of one rendering of the server test file.
type protoServer struct {
	*mock
	errs       ir.ErrorList
	usesClient bool // a subtest calls newProtocolServerClient
}

// emitProtoServer renders protocol_server_test.go when the model has test
// cases for the server: TestProtocolServer with the groups Request,
// Response and Malformed (each only when it has cases), one subtest per
// case named by its ID (<ID>_<n> for an expanded malformed case).
func emitProtoServer(g *gen) ([]File, error) {
	p := &protoServer{mock: newMock(g)}
	var requests, responses, malformed []jen.Code
	for _, op := range g.m.Operations {
		if p.protoEventStream(op) {
			continue
		}
		requests = append(requests, p.requestTests(op)...)
		responses = append(responses, p.responseTests(op)...)
		malformed = append(malformed, p.malformedTests(op)...)
	}
	responses = append(responses, p.errorResponseTests()...)
	if err := p.errs.Err(); err != nil {
		return nil, err
	}
	var groups []jen.Code
	for _, grp := range []struct {
		name string
		runs []jen.Code
	}{{"Request", requests}, {"Response", responses}, {"Malformed", malformed}} {
		if len(grp.runs) > 0 {
			groups = append(groups, subtest(grp.name, grp.runs...))
		}
	}
	if len(groups) == 0 {
		return nil, nil
	}
	f := g.newFile(p.path+"_test", p.name+"_test")
	f.ImportName(g.cfg.ImportPath, g.cfg.Package)
	f.ImportName(p.path, p.name)
	f.ImportName(g.internalPath("prototest"), "prototest")
	f.Comment("TestProtocolServer runs the smithy.test cases of the model that apply to")
	f.Comment("the server against the handler: subtests Request/<case ID>,")
	f.Comment("Response/<case ID> and Malformed/<case ID>[_<n>].")
	f.Func().Id("TestProtocolServer").Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(groups...)
	if len(malformed) > 0 {
		p.genOKMock(f)
	}
	if p.usesClient {
		p.genServerClient(f)
	}
	file, err := render(p.name+"/protocol_server_test.go", f)
	if err != nil {
		return nil, err
	}
	return []File{file}, nil
}

// pt returns a name of the prototest helper package.
func (p *protoServer) pt(name string) *jen.Statement {
	return jen.Qual(p.internalPath("prototest"), name)
}

// mockQ returns a name of the mock package.
func (p *protoServer) mockQ(name string) *jen.Statement { return jen.Qual(p.path, name) }

// genOKMock renders protocolServerMock, a Mock whose every operation
// answers an empty output.
//
// Example output:
//
//	func protocolServerMock() *restjsonmock.Mock {
//		return &restjsonmock.Mock{
//			AllQueryStringTypesFunc: func(context.Context, *restjson.AllQueryStringTypesInput) (*restjson.AllQueryStringTypesOutput, error) {
//				return &restjson.AllQueryStringTypesOutput{}, nil
//			},
//		}
//	}
func (p *protoServer) genOKMock(f *jen.File) {
	d := jen.Dict{}
	for _, op := range p.m.Operations {
		if p.protoEventStream(op) {
			continue
		}
		d[jen.Id(op.GoName+"Func")] = p.mockFunc(op, "", jen.Return(p.emptyOutput(op)...))
	}
	f.Comment("protocolServerMock returns a Mock whose every operation succeeds with an")
	f.Comment("empty output, so that only malformed input fails.")
	f.Func().Id("protocolServerMock").Params().Op("*").Add(p.mockQ("Mock")).Block(
		jen.Return(jen.Op("&").Add(p.mockQ("Mock")).Values(d)),
	)
}

// mockFunc returns the function literal of op's Mock field running body;
// in names its input parameter (the context is then "_"), none when empty.
func (p *protoServer) mockFunc(op *ir.Shape, in string, body ...jen.Code) *jen.Statement {
	ctx, input := jen.Qual("context", "Context"), jen.Op("*").Add(p.svc(inputName(op)))
	if in != "" {
		ctx, input = jen.Id("_").Add(ctx), jen.Id(in).Add(input)
	}
	return jen.Func().Params(ctx, input).Params(jen.Op("*").Add(p.svc(outputName(op))), jen.Error()).Block(body...)
}

// emptyOutput returns the values a Mock function succeeding with an empty
// output of op returns.
func (p *protoServer) emptyOutput(op *ir.Shape) []jen.Code {
	return []jen.Code{jen.Op("&").Add(p.svc(outputName(op))).Values(), jen.Nil()}
}

// serverRequest returns the prototest.ServerRequest literal of msg.
func (p *protoServer) serverRequest(msg protoMessage) jen.Code {
	d := jen.Dict{
		jen.Id("Method"): jen.Lit(msg.Method),
		jen.Id("URI"):    jen.Lit(msg.URI),
	}
	if msg.Host != "" {
		d[jen.Id("Host")] = jen.Lit(msg.Host)
	}
	if len(msg.Query) > 0 {
		d[jen.Id("Query")] = strLits(msg.Query)
	}
	if len(msg.Headers) > 0 {
		d[jen.Id("Header")] = p.protoHeaderLits(msg.Headers)
	}
	if msg.Body != "" {
		d[jen.Id("Body")] = jen.Index().Byte().Call(jen.Lit(msg.Body))
	}
	return p.pt("ServerRequest").Values(d)
}

// serverResponse returns the prototest.ServerResponse literal of msg.
func (p *protoServer) serverResponse(msg protoMessage) jen.Code {
	d := jen.Dict{jen.Id("Code"): jen.Lit(msg.Code)}
	if len(msg.Headers) > 0 {
		d[jen.Id("Header")] = p.protoHeaderLits(msg.Headers)
	}
	if len(msg.Forbid) > 0 {
		d[jen.Id("Forbid")] = strLits(msg.Forbid)
	}
	if len(msg.Require) > 0 {
		d[jen.Id("Require")] = strLits(msg.Require)
	}
	if msg.HasBody {
		d[jen.Id("HasBody")] = jen.True()
		d[jen.Id("Body")] = jen.Index().Byte().Call(jen.Lit(msg.Body))
		if msg.MediaType != "" {
			d[jen.Id("MediaType")] = jen.Lit(msg.MediaType)
		}
	}
	if msg.MessageRegex != "" {
		d[jen.Id("MessageRegex")] = jen.Lit(msg.MessageRegex)
	}
	return p.pt("ServerResponse").Values(d)
}

// malformedTests returns the subtests of op's httpMalformedRequestTests.
//
// Example output:
//
//	t.Run("RestJsonBodyIntegerUnderflowOverflow_1", func(t *testing.T) {
//		resp, body, err := prototest.Serve(restjsonmock.NewHandler(protocolServerMock()), prototest.ServerRequest{...})
//		if err != nil {
//			t.Fatal(err)
//		}
//		if err := prototest.CheckResponse(resp, body, prototest.ServerResponse{...}); err != nil {
//			t.Error(err)
//		}
//	})
func (p *protoServer) malformedTests(op *ir.Shape) []jen.Code {
	var runs []jen.Code
	for _, c := range p.protoCases(op, ir.TraitHTTPMalformedTests, sideServer) {
		cases, err := readMalformed(op, c)
		if err != nil {
			p.errs.Add(err)
			continue
		}
		for _, mc := range cases {
			runs = append(runs, subtest(mc.Name,
				jen.List(jen.Id("resp"), jen.Id("body"), jen.Err()).Op(":=").Add(p.pt("Serve")).Call(
					p.mockQ("NewHandler").Call(jen.Id("protocolServerMock").Call()), p.serverRequest(mc.Request)),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Id("t").Dot("Fatal").Call(jen.Err())),
				jen.If(jen.Err().Op(":=").Add(p.pt("CheckResponse")).Call(jen.Id("resp"), jen.Id("body"), p.serverResponse(mc.Response)), jen.Err().Op("!=").Nil()).Block(
					jen.Id("t").Dot("Error").Call(jen.Err()),
				),
			))
		}
	}
	return runs
}
