package emit

import (
	"slices"

	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// genServer renders server.go: the package doc, Service, NewHandler, the
// operation table and one serve function per operation.
//
// Example output:
//
//	type Service interface {
//		AssumeRoleForPodIdentity(ctx context.Context, in *eksauth.AssumeRoleForPodIdentityInput) (*eksauth.AssumeRoleForPodIdentityOutput, error)
//	}
//
//	func NewHandler(svc Service, opts ...Option) http.Handler { ... }
func (m *mock) genServer(f *jen.File) {
	op := "GetThing"
	if len(m.m.Operations) > 0 {
		op = m.m.Operations[0].GoName
	}
	for _, l := range []string{
		"Package " + m.name + " serves the " + m.cfg.Package + " API over HTTP with the",
		"restJson1 protocol, for tests: implement Service, or fill a Mock, serve it",
		"with NewHandler and point a client's endpoint at the server.",
		"",
		"\tm := &" + m.name + ".Mock{",
		"\t\t" + op + "Func: func(ctx context.Context, in *" + m.cfg.Package + "." + op + "Input) (*" + m.cfg.Package + "." + op + "Output, error) {",
		"\t\t\treturn &" + m.cfg.Package + "." + op + "Output{}, nil",
		"\t\t},",
		"\t}",
		"\tsrv := httptest.NewServer(" + m.name + ".NewHandler(m))",
		"\tdefer srv.Close()",
		"\t// ... call srv.URL, then check m." + op + "Calls()",
		"",
		"The handler routes on method and URI pattern, decodes and fully validates",
		"inputs, and encodes outputs and modeled errors as the real service does.",
		"Malformed input is answered with 400 SerializationException, a constraint",
		"violation with 400 " + m.valCode + " naming every violation, an unknown",
		"route with 404 UnknownOperationException, a body of the wrong Content-Type",
		"with 415 UnsupportedMediaTypeException, an Accept header that excludes the",
		"response's media type with 406 NotAcceptableException, and a Go error that",
		"is not a modeled error with 500 InternalFailure, which does not show the",
		"error's text.",
	} {
		f.PackageComment(l)
	}

	f.Comment("Service is the server side of the " + m.cfg.Package + " API: one method per operation,")
	f.Comment("with the client's own input and output types. A method returns a modeled")
	f.Comment("error (a *types.<Name> value) to answer that error.")
	var methods []jen.Code
	for _, op := range m.m.Operations {
		methods = append(methods, jen.Id(op.GoName).Params(
			jen.Id("ctx").Qual("context", "Context"),
			jen.Id("in").Op("*").Add(m.svc(inputName(op))),
		).Params(jen.Op("*").Add(m.svc(outputName(op))), jen.Error()))
	}
	f.Type().Id("Service").Interface(methods...)

	f.Comment("NewHandler returns an http.Handler serving svc with the restJson1 protocol.")
	var ops []jen.Code
	for _, op := range m.m.Operations {
		ops = append(ops, m.operation(op))
	}
	f.Func().Id("NewHandler").Params(jen.Id("svc").Id("Service"), jen.Id("opts").Op("...").Id("Option")).Qual("net/http", "Handler").Block(
		jen.Id("cfg").Op(":=").Add(m.rt("Config")).Values(jen.Dict{
			jen.Id("Validation"): m.rt("ValidationPolicy").Values(m.validationPolicy(m.valShape, jen.Lit(m.valCode))),
			jen.Id("Errors"):     jen.Id("encodeError"),
		}),
		jen.For(jen.List(jen.Id("_"), jen.Id("o")).Op(":=").Range().Id("opts")).Block(jen.Id("o").Call(jen.Op("&").Id("cfg"))),
		jen.Id("h").Op(":=").Op("&").Id("handler").Values(jen.Dict{jen.Id("svc"): jen.Id("svc")}),
		jen.Return(m.rt("NewServer").Call(jen.Id("cfg"), jen.Index().Add(m.rt("Operation")).Values(ops...))),
	)

	f.Comment("handler calls the Service of one NewHandler.")
	f.Type().Id("handler").Struct(jen.Id("svc").Id("Service"))

	for _, op := range m.m.Operations {
		m.genServe(f, op)
	}

	f.Comment("failure is the response to an error returned by the Service: the modeled")
	f.Comment("error's, else 501 for an unset Mock function, else 500 InternalFailure.")
	f.Func().Id("failure").Params(jen.Id("err").Error()).Op("*").Add(m.rt("Response")).Block(
		jen.If(jen.Id("resp").Op(":=").Id("encodeError").Call(jen.Id("err")), jen.Id("resp").Op("!=").Nil()).Block(jen.Return(jen.Id("resp"))),
		jen.Return(m.rt("Failure").Call(jen.Id("err"))),
	)
}

// operation returns the mockrt.Operation literal of op.
//
// Example output:
//
//	{Name: "AssumeRoleForPodIdentity", Method: "POST", Path: []mockrt.Segment{{Literal: "clusters"}, {Label: true}, {Literal: "assume-role-for-pod-identity"}}, MediaType: "application/json", Handle: h.serveAssumeRoleForPodIdentity}
func (m *mock) operation(op *ir.Shape) jen.Code {
	d := jen.Dict{
		jen.Id("Name"):   jen.Lit(op.ID.Name()),
		jen.Id("Handle"): jen.Id("h").Dot("serve" + op.GoName),
	}
	method, segs, query := "POST", []jen.Code{}, []jen.Code{}
	if h := op.Traits.HTTP; h != nil {
		method = h.Method
		for _, s := range h.Path {
			switch {
			case s.Greedy:
				segs = append(segs, jen.Values(jen.Dict{jen.Id("Label"): jen.True(), jen.Id("Greedy"): jen.True()}))
			case s.Label != "":
				segs = append(segs, jen.Values(jen.Dict{jen.Id("Label"): jen.True()}))
			default:
				segs = append(segs, jen.Values(jen.Dict{jen.Id("Literal"): jen.Lit(s.Literal)}))
			}
		}
		for _, q := range h.Query {
			qd := jen.Dict{jen.Id("Key"): jen.Lit(q.Key)}
			if q.Value != "" {
				qd[jen.Id("Value")] = jen.Lit(q.Value)
			}
			query = append(query, jen.Values(qd))
		}
	} else {
		// Not a valid restJson1 operation: route it as POST /<name>.
		segs = append(segs, jen.Values(jen.Dict{jen.Id("Literal"): jen.Lit(op.ID.Name())}))
	}
	if slices.Contains(op.Traits.RequestCompression, "gzip") {
		d[jen.Id("Gzip")] = jen.True()
	}
	d[jen.Id("Method")] = jen.Lit(method)
	if len(segs) > 0 {
		d[jen.Id("Path")] = jen.Index().Add(m.rt("Segment")).Values(segs...)
	}
	if len(query) > 0 {
		d[jen.Id("Query")] = jen.Index().Add(m.rt("QueryLiteral")).Values(query...)
	}
	if mt := m.requestMediaType(op); mt != "" {
		d[jen.Id("MediaType")] = jen.Lit(mt)
	}
	if mt := m.responseMediaType(op); mt != "" {
		d[jen.Id("ResponseMediaType")] = jen.Lit(mt)
	}
	return jen.Values(d)
}

// anyMediaType is the MediaType of an operation that takes a body of any
// Content-Type, or none.
const anyMediaType = "*/*"

// responseMediaType is the media type of op's successful response: its
// output payload's, else application/json (a JSON body, "{}" when empty);
// "" (no Accept check) when op has no output (smithy.api#Unit), answered
// with no body, or a blob payload without @mediaType.
func (m *mock) responseMediaType(op *ir.Shape) string {
	if op.Output == "" || op.Output == ir.UnitID {
		return ""
	}
	for _, mem := range m.opMembers(op.Output) {
		if mem.Binding == ir.BindPayload {
			if t := m.target(mem); t.Type == ir.BlobType && t.Traits.MediaType == "" {
				return "" // any bytes: whatever the client accepts
			}
			return payloadMediaType(m.target(mem))
		}
	}
	return "application/json"
}

// requestMediaType is the media type of op's request body: its payload's
// (anyMediaType for a blob without @mediaType), else application/json when
// it has body members, else "" (no body), or anyMediaType when the input
// is a structure without members (whatever body comes is ignored, as
// Smithy's RestJsonEmptyInputAndEmptyOutputWithJson wants).
func (m *mock) requestMediaType(op *ir.Shape) string {
	if op.Input == "" || op.Input == ir.UnitID {
		return ""
	}
	body := false
	members := m.opMembers(op.Input)
	if len(members) == 0 {
		return anyMediaType
	}
	for _, mem := range members {
		switch mem.Binding {
		case ir.BindPayload:
			if t := m.target(mem); t.Type == ir.BlobType && t.Traits.MediaType == "" {
				return anyMediaType
			}
			return payloadMediaType(m.target(mem))
		case ir.BindBody:
			body = true
		}
	}
	if body {
		return "application/json"
	}
	return ""
}

// payloadMediaType is the Content-Type of an httpPayload of shape t.
func payloadMediaType(t *ir.Shape) string {
	switch {
	case t.Traits.MediaType != "":
		return t.Traits.MediaType
	case t.Type == ir.StringType || t.Type == ir.EnumType:
		return "text/plain"
	case t.Type == ir.BlobType:
		return "application/octet-stream"
	}
	return "application/json"
}

// genServe renders the serve function of op.
//
// Example output:
//
//	func (h *handler) serveAssumeRoleForPodIdentity(ctx context.Context, req *mockrt.Request) *mockrt.Response {
//		in, err := decodeAssumeRoleForPodIdentityInput(req)
//		if err != nil {
//			return mockrt.SerializationError(err)
//		}
//		req.Input = in
//		if err := in.Validate(); err != nil {
//			return req.Invalid(err)
//		}
//		out, err := h.svc.AssumeRoleForPodIdentity(ctx, in)
//		if err != nil {
//			return failure(err)
//		}
//		return encodeAssumeRoleForPodIdentityOutput(out)
//	}
func (m *mock) genServe(f *jen.File, op *ir.Shape) {
	f.Comment("serve" + op.GoName + " answers one " + op.ID.Name() + " request.")
	f.Func().Params(jen.Id("h").Op("*").Id("handler")).Id("serve"+op.GoName).Params(
		jen.Id("ctx").Qual("context", "Context"), jen.Id("req").Op("*").Add(m.rt("Request")),
	).Op("*").Add(m.rt("Response")).Block(
		jen.List(jen.Id("in"), jen.Err()).Op(":=").Id("decode"+inputName(op)).Call(jen.Id("req")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(m.rt("SerializationError").Call(jen.Err()))),
		jen.Id("req").Dot("Input").Op("=").Id("in"),
		jen.If(jen.Err().Op(":=").Id("in").Dot("Validate").Call(), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Id("req").Dot("Invalid").Call(jen.Err())),
		),
		jen.List(jen.Id("out"), jen.Err()).Op(":=").Id("h").Dot("svc").Dot(op.GoName).Call(jen.Id("ctx"), jen.Id("in")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Id("failure").Call(jen.Err()))),
		jen.Return(jen.Id("encode"+outputName(op)).Call(jen.Id("out"))),
	)
}
