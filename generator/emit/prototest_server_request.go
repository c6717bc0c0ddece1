package emit

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// The request and response cases of the server-side protocol tests.

// requestTests returns the subtests of op's httpRequestTests that apply to
// the server: the case's request is served by a handler whose Mock
// captures the decoded input, which must equal params.
//
// Example output:
//
//	t.Run("RestJsonAllQueryStringTypes", func(t *testing.T) {
//		var got *restjson.AllQueryStringTypesInput
//		m := &restjsonmock.Mock{AllQueryStringTypesFunc: func(_ context.Context, in *restjson.AllQueryStringTypesInput) (*restjson.AllQueryStringTypesOutput, error) {
//			got = in
//			return &restjson.AllQueryStringTypesOutput{}, nil
//		}}
//		resp, body, err := prototest.Serve(restjsonmock.NewHandler(m), prototest.ServerRequest{...})
//		if err != nil {
//			t.Fatal(err)
//		}
//		if got == nil {
//			t.Fatalf("AllQueryStringTypes was not called: status %d, body %s", resp.StatusCode, body)
//		}
//		if err := prototest.Equal(&restjson.AllQueryStringTypesInput{...}, got); err != nil {
//			t.Error(err)
//		}
//	})
func (p *protoServer) requestTests(op *ir.Shape) []jen.Code {
	var runs []jen.Code
	for _, c := range p.protoCases(op, ir.TraitHTTPRequestTests, sideServer) {
		want, err := p.protoInput(op, c.Params)
		if err != nil {
			p.errs = append(p.errs, asErrorList(err)...)
			continue
		}
		mock := p.mockQ("Mock").Values(jen.Dict{
			jen.Id(op.GoName + "Func"): p.mockFunc(op, "in", jen.Id("got").Op("=").Id("in"), jen.Return(p.emptyOutput(op)...)),
		})
		send := []jen.Code{
			jen.List(jen.Id("resp"), jen.Id("body"), jen.Err()).Op(":=").Add(p.pt("Serve")).Call(
				p.mockQ("NewHandler").Call(jen.Id("m")), p.serverRequest(caseMessage(c))),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Id("t").Dot("Fatal").Call(jen.Err())),
			jen.If(jen.Id("got").Op("==").Nil()).Block(
				jen.Id("t").Dot("Fatalf").Call(jen.Lit(op.GoName+" was not called: status %d, body %s"), jen.Id("resp").Dot("StatusCode"), jen.Id("body")),
			),
		}
		if !c.HasBody && len(op.Traits.RequestCompression) > 0 {
			// The case (SDKAppliedContentEncoding_restJson1, ...) gives no
			// body: it is about the client compressing. The server side
			// decodes what the generated client sends for params.
			p.usesClient = true
			send = []jen.Code{
				jen.Id("hc").Op(":=").Op("&").Add(p.pt("HandlerClient")).Values(jen.Dict{jen.Id("Handler"): p.mockQ("NewHandler").Call(jen.Id("m"))}),
				jen.If(
					jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("newProtocolServerClient").Call(jen.Id("hc")).Dot(op.GoName).Call(jen.Qual("context", "Background").Call(), want),
					jen.Err().Op("!=").Nil(),
				).Block(jen.Id("t").Dot("Fatal").Call(jen.Err())),
			}
		}
		runs = append(runs, subtest(c.ID, append([]jen.Code{
			jen.Var().Id("got").Op("*").Add(p.svc(inputName(op))),
			jen.Id("m").Op(":=").Op("&").Add(mock)}, append(send,
			jen.If(jen.Err().Op(":=").Add(p.pt("Equal")).Call(want, jen.Id("got")), jen.Err().Op("!=").Nil()).Block(
				jen.Id("t").Dot("Error").Call(jen.Err()),
			),
		)...)...))
	}
	return runs
}

// caseMessage returns the request of a request case. A JSON body
// (bodyMediaType application/json) whose case lists no Content-Type gets
// one, as every client sends it: such cases (RestJsonEndpointTraitWithHostLabel)
// list only the headers the client test checks, and a server must refuse a
// JSON body without it (RestJsonWithBodyExpectsApplicationJsonContentTypeNoHeaders).
func caseMessage(c protoCase) protoMessage {
	msg := protoMessage{Method: c.Method, URI: c.URI, Host: c.Host, Query: c.QueryParams, Body: c.Body, HasBody: c.HasBody}
	hasType := false
	for _, h := range c.Headers {
		msg.Headers = append(msg.Headers, protoHeader{Name: h.Key, Value: h.Value.Str})
		hasType = hasType || strings.EqualFold(h.Key, "Content-Type")
	}
	if !hasType && c.Body != "" && c.BodyMediaType == "application/json" {
		msg.Headers = append(msg.Headers, protoHeader{Name: "Content-Type", Value: "application/json"})
	}
	return msg
}

// responseTests returns the subtests of op's httpResponseTests that apply
// to the server: the Mock answers params, the operation is called through
// the generated client (with an input holding only the required members)
// and the response as the handler wrote it must match the case.
//
// Example output:
//
//	t.Run("RestJsonHttpResponseCode", func(t *testing.T) {
//		hc := &prototest.HandlerClient{Handler: restjsonmock.NewHandler(&restjsonmock.Mock{
//			HttpResponseCodeFunc: func(context.Context, *restjson.HttpResponseCodeInput) (*restjson.HttpResponseCodeOutput, error) {
//				return &restjson.HttpResponseCodeOutput{Status: aws.Int32(201)}, nil
//			},
//		})}
//		_, _ = newProtocolServerClient(hc).HttpResponseCode(context.Background(), &restjson.HttpResponseCodeInput{})
//		status, header, body := hc.Last()
//		if err := (prototest.ResponseCase{...}).Check(status, header, body); err != nil {
//			t.Error(err)
//		}
//	})
func (p *protoServer) responseTests(op *ir.Shape) []jen.Code {
	var runs []jen.Code
	for _, c := range p.protoCases(op, ir.TraitHTTPResponseTests, sideServer) {
		out, err := p.protoOutput(op, c.Params)
		if err != nil {
			p.errs = append(p.errs, asErrorList(err)...)
			continue
		}
		if run, ok := p.responseRun(op, c, out); ok {
			p.usesClient = true
			runs = append(runs, run)
		}
	}
	return runs
}

// errorResponseTests returns the subtests of the httpResponseTests of the
// error shapes that apply to the server: the Mock of the first operation
// that can return the error answers it.
func (p *protoServer) errorResponseTests() []jen.Code {
	var runs []jen.Code
	for _, ec := range p.protoErrorCases(p.errors, sideServer) {
		val, err := p.protoError(ec.Err, ec.Case.Params)
		if err != nil {
			p.errs = append(p.errs, asErrorList(err)...)
			continue
		}
		if run, ok := p.responseRun(ec.Op, ec.Case, jen.Nil(), val); ok {
			p.usesClient = true
			runs = append(runs, run)
		}
	}
	return runs
}

// responseRun returns the subtest of response case c of op whose Mock
// function returns ret (an output, or nil and an error).
func (p *protoServer) responseRun(op *ir.Shape, c protoCase, ret ...jen.Code) (jen.Code, bool) {
	if len(ret) == 1 {
		ret = append(ret, jen.Nil())
	}
	in, err := p.protoDummyInput(op)
	if err != nil {
		p.errs = append(p.errs, asErrorList(err)...)
		return nil, false
	}
	rc := jen.Dict{}
	if c.HasCode {
		rc[jen.Id("Code")] = jen.Lit(c.Code)
	}
	p.protoWireFields(rc, c, false)
	handler := p.mockQ("NewHandler").Call(jen.Op("&").Add(p.mockQ("Mock")).Values(jen.Dict{
		jen.Id(op.GoName + "Func"): p.mockFunc(op, "", jen.Return(ret...)),
	}))
	return subtest(c.ID,
		jen.Id("hc").Op(":=").Op("&").Add(p.pt("HandlerClient")).Values(jen.Dict{jen.Id("Handler"): handler}),
		jen.List(jen.Id("_"), jen.Id("_")).Op("=").Id("newProtocolServerClient").Call(jen.Id("hc")).Dot(op.GoName).Call(
			jen.Qual("context", "Background").Call(), in),
		jen.List(jen.Id("status"), jen.Id("header"), jen.Id("body")).Op(":=").Id("hc").Dot("Last").Call(),
		jen.If(jen.Id("status").Op("==").Lit(0)).Block(
			jen.Id("t").Dot("Fatal").Call(jen.Lit("the client sent no request to the handler")),
		),
		jen.If(
			jen.Err().Op(":=").Parens(p.pt("ResponseCase").Values(rc)).Dot("Check").Call(jen.Id("status"), jen.Id("header"), jen.Id("body")),
			jen.Err().Op("!=").Nil(),
		).Block(jen.Id("t").Dot("Error").Call(jen.Err())),
	), true
}

// genServerClient declares newProtocolServerClient, the client that
// response tests reach the handler with.
//
// Example output:
//
//	func newProtocolServerClient(hc *prototest.HandlerClient) *restjson.Client {
//		return restjson.New(restjson.Options{BaseEndpoint: aws.String("https://example.com"), ...})
//	}
func (p *protoServer) genServerClient(f *jen.File) {
	f.Comment("newProtocolServerClient returns a client whose requests hc serves in")
	f.Comment("process, with fixed credentials and region, and no retries.")
	f.Func().Id("newProtocolServerClient").Params(jen.Id("hc").Op("*").Add(p.pt("HandlerClient"))).Op("*").Add(p.svc("Client")).Block(
		jen.Return(p.svc("New").Call(p.svc("Options").Values(protoClientOptions(jen.Lit(protoEndpoint))))),
	)
}
