package emit

import (
	"github.com/dave/jennifer/jen"
)

// genLegacyEndpoints declares the SDK's legacy (v1) endpoint resolution
// types: EndpointResolverOptions, EndpointResolver, EndpointResolverFunc,
// EndpointResolverFromURL, the adapters of aws.Config's resolvers, and
// legacyEndpoint, which turns an aws.Endpoint into the endpoint of an
// attempt (its SigningName and SigningRegion become SigV4 signer
// properties).
func genLegacyEndpoints(f *jen.File) {
	genEndpointResolverOptions(f)
	awsEndpoint := func() *jen.Statement { return jen.Qual(awsPath, "Endpoint") }
	resolveSig := func() []jen.Code {
		return []jen.Code{jen.Id("region").String(), jen.Id("options").Id("EndpointResolverOptions")}
	}
	f.Comment("EndpointResolver interface for resolving service endpoints.")
	f.Type().Id("EndpointResolver").Interface(
		jen.Id("ResolveEndpoint").Params(resolveSig()...).Params(awsEndpoint(), jen.Error()),
	)
	f.Line()
	f.Comment("EndpointResolverFunc is a helper utility that wraps a function so it satisfies")
	f.Comment("the EndpointResolver interface. This is useful when you want to add additional")
	f.Comment("endpoint resolving logic, or stub out specific endpoints with custom values.")
	f.Type().Id("EndpointResolverFunc").Func().Params(resolveSig()...).Params(awsEndpoint(), jen.Error())
	f.Line()
	f.Comment("ResolveEndpoint calls fn.")
	f.Func().Params(jen.Id("fn").Id("EndpointResolverFunc")).Id("ResolveEndpoint").Params(resolveSig()...).Params(jen.Id("endpoint").Add(awsEndpoint()), jen.Err().Error()).Block(
		jen.Return(jen.Id("fn").Call(jen.Id("region"), jen.Id("options"))),
	)
	f.Line()
	f.Comment("EndpointResolverFromURL returns an EndpointResolver configured using the")
	f.Comment("provided endpoint url. By default, the resolved endpoint resolver uses the")
	f.Comment("client region as signing region, and the endpoint source is set to")
	f.Comment("EndpointSourceCustom.You can provide functional options to configure endpoint")
	f.Comment("values for the resolved endpoint.")
	f.Func().Id("EndpointResolverFromURL").Params(jen.Id("url").String(), jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Qual(awsPath, "Endpoint"))).Id("EndpointResolver").Block(
		jen.Id("e").Op(":=").Add(awsEndpoint()).Values(jen.Dict{
			jen.Id("URL"):    jen.Id("url"),
			jen.Id("Source"): jen.Qual(awsPath, "EndpointSourceCustom"),
		}),
		jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Id("optFns")).Block(jen.Id("fn").Call(jen.Op("&").Id("e"))),
		jen.Return(jen.Id("EndpointResolverFunc").Call(jen.Func().Params(resolveSig()...).Params(awsEndpoint(), jen.Error()).Block(
			jen.If(jen.Len(jen.Id("e").Dot("SigningRegion")).Op("==").Lit(0)).Block(
				jen.Id("e").Dot("SigningRegion").Op("=").Id("region"),
			),
			jen.Return(jen.Id("e"), jen.Nil()),
		))),
	)
	f.Line()
	f.Comment("wrappedEndpointResolver adapts an aws.EndpointResolverWithOptions.")
	f.Type().Id("wrappedEndpointResolver").Struct(jen.Id("awsResolver").Qual(awsPath, "EndpointResolverWithOptions"))
	f.Line()
	f.Comment("ResolveEndpoint asks the wrapped resolver for this service's endpoint.")
	f.Func().Params(jen.Id("w").Op("*").Id("wrappedEndpointResolver")).Id("ResolveEndpoint").Params(resolveSig()...).Params(jen.Id("endpoint").Add(awsEndpoint()), jen.Err().Error()).Block(
		jen.Return(jen.Id("w").Dot("awsResolver").Dot("ResolveEndpoint").Call(jen.Id("ServiceID"), jen.Id("region"), jen.Id("options"))),
	)
	f.Line()
	f.Comment("awsEndpointResolverAdaptor adapts an aws.EndpointResolver.")
	f.Type().Id("awsEndpointResolverAdaptor").Func().Params(jen.List(jen.Id("service"), jen.Id("region")).String()).Params(awsEndpoint(), jen.Error())
	f.Line()
	f.Comment("ResolveEndpoint calls a, ignoring the options.")
	f.Func().Params(jen.Id("a").Id("awsEndpointResolverAdaptor")).Id("ResolveEndpoint").Params(
		jen.List(jen.Id("service"), jen.Id("region")).String(), jen.Id("options").Op("...").Any(),
	).Params(awsEndpoint(), jen.Error()).Block(
		jen.Return(jen.Id("a").Call(jen.Id("service"), jen.Id("region"))),
	)
	f.Line()
	f.Comment("withEndpointResolver returns an EndpointResolver that delegates to")
	f.Comment("awsResolverWithOptions, else to awsResolver.")
	f.Func().Id("withEndpointResolver").Params(
		jen.Id("awsResolver").Qual(awsPath, "EndpointResolver"), jen.Id("awsResolverWithOptions").Qual(awsPath, "EndpointResolverWithOptions"),
	).Id("EndpointResolver").Block(
		jen.Var().Id("resolver").Qual(awsPath, "EndpointResolverWithOptions"),
		jen.If(jen.Id("awsResolverWithOptions").Op("!=").Nil()).Block(
			jen.Id("resolver").Op("=").Id("awsResolverWithOptions"),
		).Else().If(jen.Id("awsResolver").Op("!=").Nil()).Block(
			jen.Id("resolver").Op("=").Id("awsEndpointResolverAdaptor").Call(jen.Id("awsResolver").Dot("ResolveEndpoint")),
		),
		jen.Return(jen.Op("&").Id("wrappedEndpointResolver").Values(jen.Dict{jen.Id("awsResolver"): jen.Id("resolver")})),
	)
	f.Line()
	ep := func() *jen.Statement { return jen.Qual(clientSmithyEndpointsPath, "Endpoint") }
	f.Comment("legacyEndpoint returns the endpoint of an attempt for an endpoint a legacy")
	f.Comment("resolver returned; its SigningName and SigningRegion, when set, override the")
	f.Comment("client's SigV4 scope.")
	f.Func().Id("legacyEndpoint").Params(jen.Id("e").Add(awsEndpoint())).Params(ep(), jen.Error()).Block(
		jen.List(jen.Id("u"), jen.Err()).Op(":=").Qual("net/url", "Parse").Call(jen.Id("e").Dot("URL")),
		jen.If(jen.Err().Op("!=").Nil()).Block(
			jen.Return(ep().Values(), jen.Qual("fmt", "Errorf").Call(jen.Lit("failed to parse endpoint URL: %w"), jen.Err())),
		),
		jen.Id("out").Op(":=").Add(ep()).Values(jen.Dict{
			jen.Id("URI"):     jen.Op("*").Id("u"),
			jen.Id("Headers"): jen.Qual("net/http", "Header").Values(),
		}),
		jen.If(jen.Id("e").Dot("SigningName").Op("!=").Lit("").Op("||").Id("e").Dot("SigningRegion").Op("!=").Lit("")).Block(
			jen.Var().Id("signer").Qual(smithyPath, "Properties"),
			jen.If(jen.Id("e").Dot("SigningName").Op("!=").Lit("")).Block(
				jen.Qual(smithyHTTPPath, "SetSigV4SigningName").Call(jen.Op("&").Id("signer"), jen.Id("e").Dot("SigningName")),
			),
			jen.If(jen.Id("e").Dot("SigningRegion").Op("!=").Lit("")).Block(
				jen.Qual(smithyHTTPPath, "SetSigV4SigningRegion").Call(jen.Op("&").Id("signer"), jen.Id("e").Dot("SigningRegion")),
			),
			jen.Qual(clientSmithyAuthPath, "SetAuthOptions").Call(jen.Op("&").Id("out").Dot("Properties"), jen.Index().Op("*").Qual(clientSmithyAuthPath, "Option").Values(
				jen.Values(jen.Dict{
					jen.Id("SchemeID"):         jen.Lit("aws.auth#sigv4"),
					jen.Id("SignerProperties"): jen.Id("signer"),
				}),
			)),
		),
		jen.Return(jen.Id("out"), jen.Nil()),
	)
	f.Line()
}

// genEndpointResolverOptions declares EndpointResolverOptions, the SDK's
// endpoint resolver options, with its getters.
func genEndpointResolverOptions(f *jen.File) {
	fields := []struct {
		name string
		typ  jen.Code
		doc  string
	}{
		{"Logger", jen.Qual(clientLoggingPath, "Logger"), "Logger is a logging implementation that log events should be sent to."},
		{"LogDeprecated", jen.Bool(), "LogDeprecated indicates that deprecated endpoints should be logged to the\nprovided logger."},
		{"ResolvedRegion", jen.String(), "ResolvedRegion is used to override the region to be resolved, rather then the\nusing the value passed to the ResolveEndpoint method. This value is used by the\nSDK to translate regions like fips-us-east-1 or us-east-1-fips to an alternative\nname. You must not set this value directly in your application."},
		{"DisableHTTPS", jen.Bool(), "DisableHTTPS informs the resolver to return an endpoint that does not use the\nHTTPS scheme."},
		{"UseDualStackEndpoint", jen.Qual(awsPath, "DualStackEndpointState"), "UseDualStackEndpoint specifies the resolver must resolve a dual-stack endpoint."},
		{"UseFIPSEndpoint", jen.Qual(awsPath, "FIPSEndpointState"), "UseFIPSEndpoint specifies the resolver must resolve a FIPS endpoint."},
	}
	var decl []jen.Code
	for i, fd := range fields {
		if i > 0 {
			decl = append(decl, jen.Line())
		}
		decl = append(decl, docComment(fd.doc)...)
		decl = append(decl, jen.Id(fd.name).Add(fd.typ))
	}
	f.Comment("EndpointResolverOptions is the service endpoint resolver options")
	f.Type().Id("EndpointResolverOptions").Struct(decl...)
	f.Line()
	for _, fd := range fields[2:] {
		f.Comment("Get" + fd.name + " returns o." + fd.name + ".")
		f.Func().Params(jen.Id("o").Id("EndpointResolverOptions")).Id("Get" + fd.name).Params().Add(fd.typ).Block(
			jen.Return(jen.Id("o").Dot(fd.name)),
		)
		f.Line()
	}
}
