package emit

import (
	"cmp"

	"github.com/dave/jennifer/jen"
)

// emitClientAPI renders api_client.go: ServiceID, ServiceAPIVersion,
// Client, New, NewFromConfig, Options() and the resolution of defaults and
// of the runtime configuration, in the SDK's order.
//
// Example output (abridged):
//
//	const ServiceID = "EKS Auth"
//
//	func New(options Options, optFns ...func(*Options)) *Client {
//		options = options.Copy()
//		resolveDefaultLogger(&options)
//		resolveRetryer(&options)
//		...
//		return &Client{options: options, config: newRuntimeConfig(options, v4.NewSigner())}
//	}
func emitClientAPI(g *gen, svc clientService) ([]File, error) {
	f := g.newClientFile()
	f.Comment("ServiceID is the identifier of the service (its sdkId).")
	f.Const().Id("ServiceID").Op("=").Lit(svc.SDKID)
	f.Line()
	f.Comment("ServiceAPIVersion is the version of the service's API.")
	f.Const().Id("ServiceAPIVersion").Op("=").Lit(svc.Version)
	f.Line()
	f.Comment("signingName is the SigV4 signing name of the service.")
	f.Const().Id("signingName").Op("=").Lit(svc.SigningName)
	f.Line()
	g.genClientType(f, svc)
	g.genClientNew(f)
	g.genClientDefaults(f)
	g.genRuntimeConfig(f)
	g.genNewFromConfig(f, svc)
	genConfigSources(f)
	file, err := render("api_client.go", f)
	return []File{file}, err
}

// genClientType declares Client and its Options method.
func (g *gen) genClientType(f *jen.File, svc clientService) {
	f.Comment("Client provides the API client to make operations call for " + cmp.Or(svc.Title, svc.SDKID) + ".")
	f.Type().Id("Client").Struct(
		jen.Id("options").Id("Options"),
		jen.Line(),
		jen.Comment("config is the runtime configuration of options, built once by New."),
		jen.Id("config").Op("*").Qual(g.internalPath("awsrt"), "Config"),
	)
	f.Line()
	f.Comment("Options returns a copy of the client configuration.")
	f.Comment("")
	f.Comment("Callers SHOULD NOT perform mutations on any inner structures within client")
	f.Comment("config. Config overrides should instead be made on a per-operation basis through")
	f.Comment("functional options.")
	f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id("Options").Params().Id("Options").Block(
		jen.Return(jen.Id("c").Dot("options").Dot("Copy").Call()),
	)
}

// genClientNew declares New and the per-call resolution of options.
func (g *gen) genClientNew(f *jen.File) {
	opts := jen.Op("&").Id("options")
	f.Comment("New returns an initialized Client based on the functional options. Provide")
	f.Comment("additional functional options to further configure the behavior of the client,")
	f.Comment("such as changing the client's endpoint or retry behavior.")
	f.Func().Id("New").Params(jen.Id("options").Id("Options"), jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id("Options"))).Op("*").Id("Client").Block(
		jen.Id("options").Op("=").Id("options").Dot("Copy").Call(),
		jen.Id("resolveDefaultLogger").Call(opts.Clone()),
		jen.Id("resolveRetryer").Call(opts.Clone()),
		jen.Id("resolveHTTPClient").Call(opts.Clone()),
		jen.Id("resolveEndpointResolverV2").Call(opts.Clone()),
		jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Id("optFns")).Block(jen.Id("fn").Call(opts.Clone())),
		jen.Comment("A functional option may have cleared the retryer."),
		jen.Id("resolveRetryer").Call(opts.Clone()),
		jen.Id("finalizeRetryMaxAttempts").Call(opts.Clone()),
		jen.Id("ignoreAnonymousAuth").Call(opts.Clone()),
		jen.Return(jen.Op("&").Id("Client").Values(jen.Dict{
			jen.Id("options"): jen.Id("options"),
			jen.Id("config"):  jen.Id("newRuntimeConfig").Call(jen.Id("options"), jen.Qual(clientSignerV4Path, "NewSigner").Call()),
		})),
	)
	f.Line()
	f.Comment("operationConfig returns the runtime configuration and the options of one")
	f.Comment("call: the client's own when there are no functional options, else new ones")
	f.Comment("built from a copy of the client's options.")
	f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id("operationConfig").Params(
		jen.Id("optFns").Index().Func().Params(jen.Op("*").Id("Options")),
	).Params(jen.Op("*").Qual(g.internalPath("awsrt"), "Config"), jen.Op("*").Id("Options")).Block(
		jen.If(jen.Len(jen.Id("optFns")).Op("==").Lit(0)).Block(
			jen.Return(jen.Id("c").Dot("config"), jen.Op("&").Id("c").Dot("options")),
		),
		jen.Id("options").Op(":=").Id("c").Dot("options").Dot("Copy").Call(),
		jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Id("optFns")).Block(jen.Id("fn").Call(opts.Clone())),
		jen.Id("resolveRetryer").Call(opts.Clone()),
		jen.Id("finalizeOperationRetryMaxAttempts").Call(opts.Clone(), jen.Id("c").Dot("options").Dot("RetryMaxAttempts")),
		jen.Id("ignoreAnonymousAuth").Call(opts.Clone()),
		jen.Return(jen.Id("newRuntimeConfig").Call(jen.Id("options"), jen.Id("c").Dot("config").Dot("Signer")), opts.Clone()),
	)
	f.Line()
	f.Comment("operationError wraps an error of the client side of a call (validation,")
	f.Comment("serialization) as the SDK does.")
	f.Func().Id("operationError").Params(jen.Id("operation").String(), jen.Err().Error()).Error().Block(
		jen.Return(jen.Op("&").Qual(smithyPath, "OperationError").Values(jen.Dict{
			jen.Id("ServiceID"):     jen.Id("ServiceID"),
			jen.Id("OperationName"): jen.Id("operation"),
			jen.Id("Err"):           jen.Err(),
		})),
	)
	f.Line()
	f.Comment("serializationError returns err as a *smithy.SerializationError.")
	f.Func().Id("serializationError").Params(jen.Err().Error()).Error().Block(
		jen.Var().Id("se").Op("*").Qual(smithyPath, "SerializationError"),
		jen.If(jen.Qual("errors", "As").Call(jen.Err(), jen.Op("&").Id("se"))).Block(jen.Return(jen.Err())),
		jen.Return(jen.Op("&").Qual(smithyPath, "SerializationError").Values(jen.Dict{jen.Id("Err"): jen.Err()})),
	)
	f.Line()
}

// genClientDefaults declares the resolve*/finalize* functions New calls.
func (g *gen) genClientDefaults(f *jen.File) {
	o := jen.Id("o")
	optsParam := func() jen.Code { return jen.Id("o").Op("*").Id("Options") }
	f.Comment("resolveDefaultLogger sets a logger that discards everything when none is set.")
	f.Func().Id("resolveDefaultLogger").Params(optsParam()).Block(
		jen.If(o.Clone().Dot("Logger").Op("==").Nil()).Block(
			o.Clone().Dot("Logger").Op("=").Qual(clientLoggingPath, "Nop").Values(),
		),
	)
	f.Line()
	f.Comment("resolveRetryer sets the default retryer (standard or adaptive by RetryMode,")
	f.Comment("with RetryMaxAttempts) when none is set.")
	f.Func().Id("resolveRetryer").Params(optsParam()).Block(
		jen.If(o.Clone().Dot("Retryer").Op("==").Nil()).Block(
			o.Clone().Dot("Retryer").Op("=").Qual(g.internalPath("awsrt"), "ResolveRetryer").Call(jen.Nil(), o.Clone().Dot("RetryMode"), o.Clone().Dot("RetryMaxAttempts")),
		),
	)
	f.Line()
	f.Comment("resolveHTTPClient sets the SDK's default HTTP client when none is set.")
	f.Func().Id("resolveHTTPClient").Params(optsParam()).Block(
		jen.If(o.Clone().Dot("HTTPClient").Op("==").Nil()).Block(
			o.Clone().Dot("HTTPClient").Op("=").Qual(clientAWSHTTPPath, "NewBuildableClient").Call(),
		),
	)
	f.Line()
	f.Comment("resolveEndpointResolverV2 sets the resolver of the service's endpoint rules")
	f.Comment("when none is set.")
	f.Func().Id("resolveEndpointResolverV2").Params(optsParam()).Block(
		jen.If(o.Clone().Dot("EndpointResolverV2").Op("==").Nil()).Block(
			o.Clone().Dot("EndpointResolverV2").Op("=").Id("NewDefaultEndpointResolverV2").Call(),
		),
	)
	f.Line()
	f.Comment("finalizeRetryMaxAttempts applies RetryMaxAttempts to the retryer.")
	f.Func().Id("finalizeRetryMaxAttempts").Params(optsParam()).Block(
		jen.If(o.Clone().Dot("RetryMaxAttempts").Op("!=").Lit(0)).Block(
			o.Clone().Dot("Retryer").Op("=").Qual(clientRetryPath, "AddWithMaxAttempts").Call(o.Clone().Dot("Retryer"), o.Clone().Dot("RetryMaxAttempts")),
		),
	)
	f.Line()
	f.Comment("finalizeOperationRetryMaxAttempts applies a RetryMaxAttempts that a call's")
	f.Comment("functional options changed to the retryer.")
	f.Func().Id("finalizeOperationRetryMaxAttempts").Params(optsParam(), jen.Id("client").Int()).Block(
		jen.If(jen.Id("v").Op(":=").Add(o.Clone()).Dot("RetryMaxAttempts"), jen.Id("v").Op("!=").Lit(0).Op("&&").Id("v").Op("!=").Id("client")).Block(
			o.Clone().Dot("Retryer").Op("=").Qual(clientRetryPath, "AddWithMaxAttempts").Call(o.Clone().Dot("Retryer"), jen.Id("v")),
		),
	)
	f.Line()
	f.Comment("ignoreAnonymousAuth drops anonymous credentials: requests are then sent unsigned.")
	f.Func().Id("ignoreAnonymousAuth").Params(optsParam()).Block(
		jen.If(jen.Qual(awsPath, "IsCredentialsProvider").Call(o.Clone().Dot("Credentials"), jen.Parens(jen.Op("*").Qual(awsPath, "AnonymousCredentials")).Parens(jen.Nil()))).Block(
			o.Clone().Dot("Credentials").Op("=").Nil(),
		),
	)
	f.Line()
}

// genRuntimeConfig declares newRuntimeConfig, which turns resolved Options
// into the awsrt.Config the operations run with. The signer is the client's
// own, shared by every call: its cache of derived signing keys then saves
// four HMACs and some 30 allocations per call, as the SDK's per-client
// signer does.
func (g *gen) genRuntimeConfig(f *jen.File) {
	awsrt := g.internalPath("awsrt")
	o := func() *jen.Statement { return jen.Id("o") }
	f.Comment("newRuntimeConfig returns the runtime configuration of resolved options,")
	f.Comment("signing with the client's signer.")
	f.Func().Id("newRuntimeConfig").Params(jen.Id("o").Id("Options"), jen.Id("signer").Op("*").Qual(clientSignerV4Path, "Signer")).Op("*").Qual(awsrt, "Config").Block(
		jen.Return(jen.Op("&").Qual(awsrt, "Config").Values(jen.DictFunc(func(d jen.Dict) {
			d[jen.Id("ServiceID")] = jen.Id("ServiceID")
			d[jen.Id("SigningName")] = jen.Id("signingName")
			d[jen.Id("SigningRegion")] = o().Dot("Region")
			d[jen.Id("ResolveEndpoint")] = jen.Id("resolveEndpointFunc").Call(jen.Op("&").Id("o"))
			d[jen.Id("DisableHTTPS")] = o().Dot("EndpointOptions").Dot("DisableHTTPS")
			d[jen.Id("HTTPClient")] = o().Dot("HTTPClient")
			d[jen.Id("Credentials")] = o().Dot("Credentials")
			d[jen.Id("Retryer")] = o().Dot("Retryer")
			d[jen.Id("Signer")] = jen.Id("signer")
			d[jen.Id("UserAgent")] = jen.Qual(awsrt, "UserAgent").Call(jen.Qual(awsrt, "UserAgentOptions").Values(jen.Dict{
				jen.Id("API"):      jen.Lit(g.cfg.Package),
				jen.Id("Version"):  jen.Id("ServiceAPIVersion"),
				jen.Id("AppID"):    o().Dot("AppID"),
				jen.Id("Features"): jen.Qual(awsrt, "UserAgentFeatures").Call(o().Dot("Retryer"), o().Dot("Credentials")),
			}))
			d[jen.Id("Logger")] = o().Dot("Logger")
			d[jen.Id("ClientLogMode")] = o().Dot("ClientLogMode")
		}))),
	)
	f.Line()
}
