package emit

import (
	"github.com/dave/jennifer/jen"
)

// genOptions renders options.go: Option and the With* options, the
// operation name constants, and the aliases of the runtime's types.
func (m *mock) genOptions(f *jen.File) {
	f.Comment("Option configures a handler made by NewHandler.")
	f.Type().Id("Option").Func().Params(jen.Op("*").Add(m.rt("Config")))

	f.Comment("Fault is a failure injected into an operation with WithFault: an error,")
	f.Comment("a status, a delay or a dropped connection, every Nth call or with a")
	f.Comment("probability.")
	f.Type().Id("Fault").Op("=").Add(m.rt("Fault"))
	f.Comment("NotImplementedError is the error of a Mock operation whose function is not set.")
	f.Type().Id("NotImplementedError").Op("=").Add(m.rt("NotImplementedError"))

	var consts []jen.Code
	for _, op := range m.m.Operations {
		consts = append(consts, jen.Id("Op"+op.GoName).Op("=").Lit(op.ID.Name()))
	}
	if len(consts) > 0 {
		f.Comment("The operation names, for WithFault and Call.Operation.")
		f.Const().Defs(consts...)
	}

	f.Comment("WithBodyLimit sets the largest request body accepted, in bytes (1 MiB by")
	f.Comment("default); a larger body is answered with 413 RequestEntityTooLargeException.")
	f.Func().Id("WithBodyLimit").Params(jen.Id("n").Int64()).Id("Option").Block(
		jen.Return(jen.Func().Params(jen.Id("c").Op("*").Add(m.rt("Config"))).Block(jen.Id("c").Dot("BodyLimit").Op("=").Id("n"))),
	)

	signing := ""
	if svc := m.m.Service; svc != nil && svc.Traits.SigV4 != nil {
		signing = svc.Traits.SigV4.Name
	}
	f.Comment("WithSigV4 makes the handler verify the Signature Version 4 of every request")
	f.Comment("against creds, recomputed with the AWS SDK's signer, for the signing name")
	f.Comment("\"" + signing + "\" and region (any region when empty). A request without a")
	f.Comment("signature, with a malformed, stale (beyond 5 minutes) or wrong one, or from")
	f.Comment("another access key is answered with 403 and the error type AWS uses")
	f.Comment("(MissingAuthenticationTokenException, IncompleteSignatureException,")
	f.Comment("InvalidSignatureException, SignatureDoesNotMatch, UnrecognizedClientException).")
	f.Func().Id("WithSigV4").Params(jen.Id("creds").Qual(awsPath, "Credentials"), jen.Id("region").String()).Id("Option").Block(
		jen.Return(jen.Func().Params(jen.Id("c").Op("*").Add(m.rt("Config"))).Block(
			jen.Id("c").Dot("SigV4").Op("=").Op("&").Add(m.rt("SigV4")).Values(jen.Dict{
				jen.Id("Credentials"): jen.Id("creds"),
				jen.Id("Region"):      jen.Id("region"),
				jen.Id("Service"):     jen.Lit(signing),
			}),
		)),
	)

	f.Comment("WithFault injects f into the operation named op (see the Op constants);")
	f.Comment("a later WithFault for the same operation replaces it.")
	f.Func().Id("WithFault").Params(jen.Id("op").String(), jen.Id("f").Id("Fault")).Id("Option").Block(
		jen.Return(jen.Func().Params(jen.Id("c").Op("*").Add(m.rt("Config"))).Block(
			jen.Id("c").Dot("Faults").Op("=").Append(jen.Id("c").Dot("Faults"), m.rt("OperationFault").Values(jen.Dict{
				jen.Id("Operation"): jen.Id("op"), jen.Id("Fault"): jen.Id("f"),
			})),
		)),
	)

	f.Comment("WithRequestLog logs one line per request to logger: operation (empty when")
	f.Comment("none matched), method, status, request ID, duration and the decoded input,")
	f.Comment("whose sensitive members are redacted. Headers, bodies and the request path")
	f.Comment("(its labels may be sensitive) are never logged.")
	f.Func().Id("WithRequestLog").Params(jen.Id("logger").Op("*").Qual("log/slog", "Logger")).Id("Option").Block(
		jen.Return(jen.Func().Params(jen.Id("c").Op("*").Add(m.rt("Config"))).Block(jen.Id("c").Dot("Logger").Op("=").Id("logger"))),
	)

	var cases []jen.Code
	for _, e := range m.errors {
		d := m.validationPolicy(e, jen.Id("code"))
		if len(d) > 1 {
			cases = append(cases, jen.Case(jen.Lit(e.ID.Name())).Block(
				jen.Id("p").Op("=").Add(m.rt("ValidationPolicy")).Values(d)))
		}
	}
	body := []jen.Code{jen.Id("p").Op(":=").Add(m.rt("ValidationPolicy")).Values(jen.Dict{jen.Id("Code"): jen.Id("code")})}
	if len(cases) > 0 {
		body = append(body, jen.Switch(jen.Id("code")).Block(cases...))
	}
	body = append(body, jen.Return(jen.Func().Params(jen.Id("c").Op("*").Add(m.rt("Config"))).Block(
		jen.Id("c").Dot("Validation").Op("=").Id("p"),
	)))
	f.Comment("WithValidationError names the error type that reports an input failing")
	f.Comment("validation (" + m.valCode + " by default), e.g. another modeled client error;")
	f.Comment("its status is the modeled one (400 for an unmodeled name). The message")
	f.Comment("names every violation; the error's fieldList and reason members, when it")
	f.Comment("has them, are filled too.")
	f.Func().Id("WithValidationError").Params(jen.Id("code").String()).Id("Option").Block(body...)

	f.Comment("RequestHeader returns the headers of the request being served, from the")
	f.Comment("context a Service method receives; nil outside a request.")
	f.Func().Id("RequestHeader").Params(jen.Id("ctx").Qual("context", "Context")).Qual("net/http", "Header").Block(
		jen.If(jen.Id("r").Op(":=").Add(m.rt("HTTPRequest")).Call(jen.Id("ctx")), jen.Id("r").Op("!=").Nil()).Block(jen.Return(jen.Id("r").Dot("Header"))),
		jen.Return(jen.Nil()),
	)
}
