package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// The client-side protocol tests: protocol_client_test.go in the service
// directory (package <pkg>_test), one TestProtocolClient with a subtest per
// smithy.test#httpRequestTests and smithy.test#httpResponseTests case that
// applies to the client, named by the case ID, under a Request or Response
// group (request and response cases may share an ID). Request cases call the
// operation with a client whose HTTP client records the request (nothing is
// sent) and check it; response cases feed the canned response to the client
// and compare the output (or the typed error) with params.

// protoEndpoint is the endpoint of the clients in the tests, unless a case
// names a host.
const protoEndpoint = "https://example.com"

// protoIdempotencyToken is the idempotency token Smithy's protocol tests
// expect a client to fill in (the tests' token provider returns it).
const protoIdempotencyToken = "00000000-0000-4000-8000-000000000000"

// emitProtoClient renders protocol_client_test.go when the model has client
// test cases.
func emitProtoClient(g *gen) ([]File, error) {
	var requests, responses []jen.Code
	var errs ir.ErrorList
	add := func(to *[]jen.Code, code jen.Code, err error) {
		if err != nil {
			errs = append(errs, asErrorList(err)...)
			return
		}
		*to = append(*to, code)
	}
	for _, op := range g.m.Operations {
		if g.protoEventStream(op) {
			continue
		}
		for _, c := range g.protoCases(op, ir.TraitHTTPRequestTests, sideClient) {
			code, err := g.protoClientRequest(op, c)
			add(&requests, code, err)
		}
		for _, c := range g.protoCases(op, ir.TraitHTTPResponseTests, sideClient) {
			code, err := g.protoClientResponse(op, nil, c)
			add(&responses, code, err)
		}
	}
	for _, ec := range g.protoErrorCases(newSerde(g).errorShapes(), sideClient) {
		code, err := g.protoClientResponse(ec.Op, ec.Err, ec.Case)
		add(&responses, code, err)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	var groups []jen.Code
	if len(requests) > 0 {
		groups = append(groups, subtest("Request", requests...))
	}
	if len(responses) > 0 {
		groups = append(groups, subtest("Response", responses...))
	}
	if len(groups) == 0 {
		return nil, nil
	}
	f := g.newFile(g.cfg.ImportPath+"_test", g.cfg.Package+"_test")
	f.ImportName(g.cfg.ImportPath, g.cfg.Package)
	f.Comment("TestProtocolClient runs the client's protocol test cases of the model (smithy.test")
	f.Comment("traits): subtests Request/<case ID> and Response/<case ID>.")
	f.Func().Id("TestProtocolClient").Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(groups...)
	f.Line()
	g.genProtoNewClient(f)
	file, err := render("protocol_client_test.go", f)
	if err != nil {
		return nil, err
	}
	return []File{file}, nil
}

// genProtoNewClient declares newProtocolClient, the client of the tests,
// and, when the service has idempotency tokens, the protocolTokens provider.
//
// Example output:
//
//	func newProtocolClient(hc *prototest.Client, endpoint string) *restjson.Client {
//		return restjson.New(restjson.Options{...})
//	}
func (g *gen) genProtoNewClient(f *jen.File) {
	idempotent := g.clientFacts().Idempotent
	if idempotent {
		f.Comment("protocolTokens provides the idempotency token the protocol tests expect.")
		f.Type().Id("protocolTokens").Struct()
		f.Line()
		f.Comment("GetIdempotencyToken returns the fixed token of Smithy's protocol tests.")
		f.Func().Params(jen.Id("protocolTokens")).Id("GetIdempotencyToken").Params().Params(jen.String(), jen.Error()).Block(
			jen.Return(jen.Lit(protoIdempotencyToken), jen.Nil()),
		)
		f.Line()
	}
	opts := protoClientOptions(jen.Id("endpoint"))
	if idempotent {
		opts[jen.Id("IdempotencyTokenProvider")] = jen.Id("protocolTokens").Values()
	}
	f.Comment("newProtocolClient returns a client that sends its requests to hc, with fixed")
	f.Comment("credentials, region and idempotency tokens, and no retries.")
	f.Func().Id("newProtocolClient").Params(
		jen.Id("hc").Op("*").Qual(g.internalPath("prototest"), "Client"), jen.Id("endpoint").String(),
	).Op("*").Qual(g.cfg.ImportPath, "Client").Block(
		jen.Return(jen.Qual(g.cfg.ImportPath, "New").Call(jen.Qual(g.cfg.ImportPath, "Options").Values(opts))),
	)
}

// protoClientRequest returns the subtest of a request case.
//
// Example output:
//
//	t.Run("RestJsonAllQueryStringTypes", func(t *testing.T) {
//		hc := &prototest.Client{Header: http.Header{"Content-Type": {"application/json"}}, Body: []byte("{}")}
//		_, err := newProtocolClient(hc, "https://example.com").AllQueryStringTypes(context.Background(), &restjson.AllQueryStringTypesInput{...})
//		if err != nil {
//			t.Fatalf("AllQueryStringTypes: %v", err)
//		}
//		if err := (prototest.RequestCase{...}).Check(hc.Requests()); err != nil {
//			t.Error(err)
//		}
//	})
func (g *gen) protoClientRequest(op *ir.Shape, c protoCase) (jen.Code, error) {
	in, err := g.protoInput(op, c.Params)
	if err != nil {
		return nil, err
	}
	endpoint := protoEndpoint
	if c.Host != "" {
		endpoint = "https://" + c.Host
	}
	rc := jen.Dict{}
	if c.Method != "" {
		rc[jen.Id("Method")] = jen.Lit(c.Method)
	}
	if c.URI != "" {
		rc[jen.Id("URI")] = jen.Lit(c.URI)
	}
	if c.ResolvedHost != "" {
		rc[jen.Id("ResolvedHost")] = jen.Lit(c.ResolvedHost)
	}
	g.protoWireFields(rc, c, true)
	body := []jen.Code{
		jen.Id("hc").Op(":=").Op("&").Qual(g.internalPath("prototest"), "Client").Values(jen.Dict{
			jen.Id("Header"): jen.Qual("net/http", "Header").Values(jen.Dict{jen.Lit("Content-Type"): jen.Values(jen.Lit("application/json"))}),
			jen.Id("Body"):   jen.Index().Byte().Call(jen.Lit("{}")),
		}),
		jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("newProtocolClient").Call(jen.Id("hc"), jen.Lit(endpoint)).
			Dot(op.GoName).Call(jen.Qual("context", "Background").Call(), in),
		jen.If(jen.Err().Op("!=").Nil()).Block(
			jen.Id("t").Dot("Fatalf").Call(jen.Lit(op.GoName+": %v"), jen.Err()),
		),
		jen.If(
			jen.Err().Op(":=").Parens(jen.Qual(g.internalPath("prototest"), "RequestCase").Values(rc)).Dot("Check").Call(jen.Id("hc").Dot("Requests").Call()),
			jen.Err().Op("!=").Nil(),
		).Block(jen.Id("t").Dot("Error").Call(jen.Err())),
	}
	return subtest(c.ID, body...), nil
}

// protoWireFields adds the query (requests only), header and body
// expectations of c to a prototest.RequestCase or ResponseCase literal.
func (g *gen) protoWireFields(d jen.Dict, c protoCase, request bool) {
	if request {
		if c.QueryParams != nil {
			d[jen.Id("Query")] = strLits(c.QueryParams)
		}
		if c.ForbidQuery != nil {
			d[jen.Id("ForbidQuery")] = strLits(c.ForbidQuery)
		}
		if c.RequireQuery != nil {
			d[jen.Id("RequireQuery")] = strLits(c.RequireQuery)
		}
	}
	if c.Headers != nil {
		hs := make([]protoHeader, len(c.Headers))
		for i, h := range c.Headers {
			hs[i] = protoHeader{Name: h.Key, Value: h.Value.Str}
		}
		d[jen.Id("Headers")] = g.protoHeaderLits(hs)
	}
	if c.ForbidHeaders != nil {
		d[jen.Id("ForbidHeaders")] = strLits(c.ForbidHeaders)
	}
	if c.RequireHdrs != nil {
		d[jen.Id("RequireHeader")] = strLits(c.RequireHdrs)
	}
	if c.HasBody {
		d[jen.Id("Body")] = jen.Index().Byte().Call(jen.Lit(c.Body))
		d[jen.Id("HasBody")] = jen.True()
		if c.BodyMediaType != "" {
			d[jen.Id("BodyMediaType")] = jen.Lit(c.BodyMediaType)
		}
	}
}

// protoCannedResponse returns `hc := &prototest.Client{...}` answering with
// the response of case c.
func (g *gen) protoCannedResponse(c protoCase) jen.Code {
	hdr := jen.Dict{}
	for _, h := range c.Headers {
		hdr[jen.Lit(h.Key)] = jen.Values(jen.Lit(h.Value.Str))
	}
	d := jen.Dict{jen.Id("Header"): jen.Qual("net/http", "Header").Values(hdr)}
	if c.HasCode {
		d[jen.Id("Status")] = jen.Lit(c.Code)
	}
	if c.Body != "" {
		d[jen.Id("Body")] = jen.Index().Byte().Call(jen.Lit(c.Body))
	}
	return jen.Id("hc").Op(":=").Op("&").Qual(g.internalPath("prototest"), "Client").Values(d)
}

// protoClientResponse returns the subtest of a response case, run through
// operation op with placeholder input (protoDummyInput): with a nil error
// shape e the case is op's and params are its output; otherwise the case is
// e's and params are the error the call must return.
//
// Example output (an output case; an error case takes the error with
// errors.As into `var got *types.ComplexError` instead):
//
//	t.Run("RestJsonDeserializeStringUnionValue", func(t *testing.T) {
//		hc := &prototest.Client{Status: 200, Header: ..., Body: ...}
//		got, err := newProtocolClient(hc, "https://example.com").JsonUnions(context.Background(), &restjson.JsonUnionsInput{})
//		if err != nil {
//			t.Fatalf("JsonUnions: %v", err)
//		}
//		if err := prototest.Equal(&restjson.JsonUnionsOutput{...}, got); err != nil {
//			t.Error(err)
//		}
//	})
func (g *gen) protoClientResponse(op, e *ir.Shape, c protoCase) (jen.Code, error) {
	var want jen.Code
	var err error
	if e == nil {
		want, err = g.protoOutput(op, c.Params)
	} else {
		want, err = g.protoError(e, c.Params)
	}
	if err != nil {
		return nil, err
	}
	in, err := g.protoDummyInput(op)
	if err != nil {
		return nil, err
	}
	call := jen.Id("newProtocolClient").Call(jen.Id("hc"), jen.Lit(protoEndpoint)).
		Dot(op.GoName).Call(jen.Qual("context", "Background").Call(), in)
	body := []jen.Code{g.protoCannedResponse(c)}
	if e == nil {
		body = append(body,
			jen.List(jen.Id("got"), jen.Err()).Op(":=").Add(call),
			jen.If(jen.Err().Op("!=").Nil()).Block(
				jen.Id("t").Dot("Fatalf").Call(jen.Lit(op.GoName+": %v"), jen.Err()),
			))
	} else {
		body = append(body,
			jen.List(jen.Id("_"), jen.Err()).Op(":=").Add(call),
			jen.Var().Id("got").Op("*").Qual(g.typesPath(), e.GoName),
			jen.If(jen.Op("!").Qual("errors", "As").Call(jen.Err(), jen.Op("&").Id("got"))).Block(
				jen.Id("t").Dot("Fatalf").Call(jen.Lit("want a *types."+e.GoName+", got %v"), jen.Err()),
			))
	}
	body = append(body, jen.If(
		jen.Err().Op(":=").Qual(g.internalPath("prototest"), "Equal").Call(want, jen.Id("got")),
		jen.Err().Op("!=").Nil(),
	).Block(jen.Id("t").Dot("Error").Call(jen.Err())))
	return subtest(c.ID, body...), nil
}

// protoDummyInput returns the input literal of op that response tests call
// it with: placeholders for what the client checks (see protoDummy).
func (g *gen) protoDummyInput(op *ir.Shape) (jen.Code, error) {
	return g.protoInput(op, g.protoDummy(op.Input, 0))
}

// protoDummy returns params for shape id that pass the client's checks:
// every required, label and host-label member set to a placeholder (depth
// bounds recursive shapes). Response tests call operations with it.
func (g *gen) protoDummy(id ir.ShapeID, depth int) ir.Node {
	obj := ir.Node{Kind: ir.ObjectNode}
	s := g.m.Shape(id)
	if s == nil || id == ir.UnitID || depth > 8 {
		return obj
	}
	for _, mem := range s.Members {
		if !mem.Traits.Required && !mem.Traits.HTTPLabel && !mem.Traits.HostLabel {
			continue
		}
		obj.Fields = append(obj.Fields, ir.Field{Key: mem.Name, Value: g.protoDummyValue(g.target(mem), depth)})
	}
	return obj
}

// protoDummyValue returns a placeholder params value of shape t.
func (g *gen) protoDummyValue(t *ir.Shape, depth int) ir.Node {
	switch t.Type {
	case ir.StructureType:
		return g.protoDummy(t.ID, depth+1)
	case ir.UnionType:
		if len(t.Members) == 0 {
			return ir.Node{Kind: ir.ObjectNode}
		}
		m := t.Members[0]
		return ir.Node{Kind: ir.ObjectNode, Fields: []ir.Field{{Key: m.Name, Value: g.protoDummyValue(g.target(m), depth+1)}}}
	case ir.ListType, ir.SetType:
		return ir.Node{Kind: ir.ArrayNode}
	case ir.MapType, ir.DocumentType:
		return ir.Node{Kind: ir.ObjectNode}
	case ir.BooleanType:
		return ir.Node{Kind: ir.BoolNode}
	case ir.EnumType, ir.IntEnumType:
		n := ir.Node{Kind: ir.StringNode, Str: "a"}
		if t.Type == ir.IntEnumType {
			n = ir.Node{Kind: ir.NumberNode, Str: "0"}
		}
		if len(t.Members) > 0 {
			_, n.Str = g.enumValue(t, t.Members[0])
		}
		return n
	case ir.StringType, ir.BlobType:
		return ir.Node{Kind: ir.StringNode, Str: "a"}
	}
	if t.Type.IsNumber() || t.Type == ir.TimestampType {
		return ir.Node{Kind: ir.NumberNode, Str: "0"}
	}
	return ir.Node{}
}
