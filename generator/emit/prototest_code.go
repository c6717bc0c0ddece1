package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// Code shared by the client-side (prototest_client.go) and the server-side
// (prototest_server*.go) protocol tests.

// subtest returns t.Run(name, func(t *testing.T) { body }).
func subtest(name string, body ...jen.Code) jen.Code {
	return jen.Id("t").Dot("Run").Call(jen.Lit(name), jen.Func().Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(body...))
}

// protoHeaderLits returns a []prototest.Header literal.
func (g *gen) protoHeaderLits(hs []protoHeader) jen.Code {
	items := make([]jen.Code, len(hs))
	for i, h := range hs {
		items[i] = jen.Values(jen.Dict{jen.Id("Name"): jen.Lit(h.Name), jen.Id("Value"): jen.Lit(h.Value)})
	}
	return jen.Index().Qual(g.internalPath("prototest"), "Header").Values(items...)
}

// strLits returns a []string literal.
func strLits(ss []string) jen.Code {
	items := make([]jen.Code, len(ss))
	for i, s := range ss {
		items[i] = jen.Lit(s)
	}
	return jen.Index().String().Values(items...)
}

// protoClientOptions returns the fields of the Options of a protocol-test
// client: the base endpoint, a fixed region and credentials, the HTTP
// client hc (a variable of the generated function) and no retries. The
// client and the server tests build their clients from it.
func protoClientOptions(endpoint jen.Code) jen.Dict {
	return jen.Dict{
		jen.Id("BaseEndpoint"):     jen.Qual(awsPath, "String").Call(endpoint),
		jen.Id("Region"):           jen.Lit("us-west-2"),
		jen.Id("HTTPClient"):       jen.Id("hc"),
		jen.Id("RetryMaxAttempts"): jen.Lit(1),
		jen.Id("Credentials"): jen.Qual(awsPath, "CredentialsProviderFunc").Call(
			jen.Func().Params(jen.Qual("context", "Context")).Params(jen.Qual(awsPath, "Credentials"), jen.Error()).Block(
				jen.Return(jen.Qual(awsPath, "Credentials").Values(jen.Dict{
					jen.Id("AccessKeyID"):     jen.Lit("AKID"),
					jen.Id("SecretAccessKey"): jen.Lit("SECRET"),
					jen.Id("Source"):          jen.Lit("protocol tests"),
				}), jen.Nil()),
			)),
	}
}

// asErrorList returns the model errors in err (an ir.ErrorList's error, or
// any error as one unpositioned entry).
func asErrorList(err error) ir.ErrorList {
	var out ir.ErrorList
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			out = append(out, asErrorList(e)...)
		}
		return out
	}
	if e, ok := err.(*ir.Error); ok {
		return ir.ErrorList{e}
	}
	out.Addf(ir.Pos{}, "", "%v", err)
	return out
}
