package emit

import (
	"github.com/dave/jennifer/jen"
)

// genNewFromConfig declares NewFromConfig and the resolve* functions that
// read an aws.Config as the SDK does.
//
// Example output (abridged):
//
//	func NewFromConfig(cfg aws.Config, optFns ...func(*Options)) *Client {
//		opts := Options{Region: cfg.Region, ...}
//		resolveAWSRetryerProvider(cfg, &opts)
//		...
//		return New(opts, func(o *Options) { ... })
//	}
func (g *gen) genNewFromConfig(f *jen.File, svc clientService) {
	cfg := func() *jen.Statement { return jen.Id("cfg") }
	opts := func() *jen.Statement { return jen.Op("&").Id("opts") }
	f.Comment("NewFromConfig returns a new client from the provided config.")
	f.Func().Id("NewFromConfig").Params(jen.Id("cfg").Qual(awsPath, "Config"), jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id("Options"))).Op("*").Id("Client").Block(
		jen.Id("opts").Op(":=").Id("Options").Values(jen.DictFunc(func(d jen.Dict) {
			for _, name := range []string{"Region", "HTTPClient", "Credentials", "Logger", "ClientLogMode", "AppID"} {
				d[jen.Id(name)] = cfg().Dot(name)
			}
		})),
		jen.Id("resolveAWSRetryerProvider").Call(cfg(), opts()),
		jen.Id("resolveAWSRetryMaxAttempts").Call(cfg(), opts()),
		jen.Id("resolveAWSRetryMode").Call(cfg(), opts()),
		jen.Id("resolveAWSEndpointResolver").Call(cfg(), opts()),
		jen.Id("resolveUseDualStackEndpoint").Call(cfg(), opts()),
		jen.Id("resolveUseFIPSEndpoint").Call(cfg(), opts()),
		jen.Id("resolveBaseEndpoint").Call(cfg(), opts()),
		jen.Return(jen.Id("New").Call(jen.Id("opts"), jen.Func().Params(jen.Id("o").Op("*").Id("Options")).Block(
			jen.For(jen.List(jen.Id("_"), jen.Id("opt")).Op(":=").Range().Add(cfg()).Dot("ServiceOptions")).Block(
				jen.Id("opt").Call(jen.Id("ServiceID"), jen.Id("o")),
			),
			jen.For(jen.List(jen.Id("_"), jen.Id("opt")).Op(":=").Range().Id("optFns")).Block(
				jen.Id("opt").Call(jen.Id("o")),
			),
		))),
	)
	f.Line()
	param := func() []jen.Code {
		return []jen.Code{jen.Id("cfg").Qual(awsPath, "Config"), jen.Id("o").Op("*").Id("Options")}
	}
	f.Comment("resolveAWSRetryerProvider uses the retryer of cfg, when it has one.")
	f.Func().Id("resolveAWSRetryerProvider").Params(param()...).Block(
		jen.If(cfg().Dot("Retryer").Op("!=").Nil()).Block(jen.Id("o").Dot("Retryer").Op("=").Add(cfg()).Dot("Retryer").Call()),
	)
	f.Line()
	f.Comment("resolveAWSRetryMaxAttempts uses the RetryMaxAttempts of cfg, when set.")
	f.Func().Id("resolveAWSRetryMaxAttempts").Params(param()...).Block(
		jen.If(cfg().Dot("RetryMaxAttempts").Op("!=").Lit(0)).Block(jen.Id("o").Dot("RetryMaxAttempts").Op("=").Add(cfg()).Dot("RetryMaxAttempts")),
	)
	f.Line()
	f.Comment("resolveAWSRetryMode uses the RetryMode of cfg, when set.")
	f.Func().Id("resolveAWSRetryMode").Params(param()...).Block(
		jen.If(jen.Len(cfg().Dot("RetryMode")).Op("!=").Lit(0)).Block(jen.Id("o").Dot("RetryMode").Op("=").Add(cfg()).Dot("RetryMode")),
	)
	f.Line()
	f.Comment("resolveAWSEndpointResolver uses the legacy endpoint resolver of cfg")
	f.Comment("(EndpointResolverWithOptions, else EndpointResolver), when it has one.")
	f.Func().Id("resolveAWSEndpointResolver").Params(param()...).Block(
		jen.If(cfg().Dot("EndpointResolver").Op("==").Nil().Op("&&").Add(cfg()).Dot("EndpointResolverWithOptions").Op("==").Nil()).Block(jen.Return()),
		jen.Id("o").Dot("EndpointResolver").Op("=").Id("withEndpointResolver").Call(cfg().Dot("EndpointResolver"), cfg().Dot("EndpointResolverWithOptions")),
	)
	f.Line()
	for _, r := range []struct{ name, field, get, doc string }{
		{"resolveUseDualStackEndpoint", "UseDualStackEndpoint", "resolveConfigUseDualStack", "dual-stack"},
		{"resolveUseFIPSEndpoint", "UseFIPSEndpoint", "resolveConfigUseFIPS", "FIPS"},
	} {
		f.Comment(r.name + " reads the " + r.doc + " endpoint setting of the configuration sources of cfg.")
		f.Func().Id(r.name).Params(param()...).Block(
			jen.List(jen.Id("value"), jen.Id("found"), jen.Err()).Op(":=").Id(r.get).Call(jen.Qual("context", "Background").Call(), cfg().Dot("ConfigSources")),
			jen.If(jen.Err().Op("==").Nil().Op("&&").Id("found")).Block(
				jen.Id("o").Dot("EndpointOptions").Dot(r.field).Op("=").Id("value"),
			),
		)
		f.Line()
	}
	f.Comment("resolveBaseEndpoint uses the BaseEndpoint of cfg, or the service-specific")
	f.Comment("endpoint of its configuration sources (AWS_ENDPOINT_URL_" + clientEnvName(svc.SDKID) + ", the")
	f.Comment("shared config's services section), as the SDK does.")
	f.Func().Id("resolveBaseEndpoint").Params(param()...).Block(
		jen.If(cfg().Dot("BaseEndpoint").Op("!=").Nil()).Block(jen.Id("o").Dot("BaseEndpoint").Op("=").Add(cfg()).Dot("BaseEndpoint")),
		jen.List(jen.Id("_"), jen.Id("global")).Op(":=").Qual("os", "LookupEnv").Call(jen.Lit("AWS_ENDPOINT_URL")),
		jen.List(jen.Id("_"), jen.Id("service")).Op(":=").Qual("os", "LookupEnv").Call(jen.Lit("AWS_ENDPOINT_URL_"+clientEnvName(svc.SDKID))),
		jen.If(jen.Id("global").Op("&&").Op("!").Id("service")).Block(jen.Return()),
		jen.List(jen.Id("value"), jen.Id("found"), jen.Err()).Op(":=").Id("resolveConfigServiceBaseEndpoint").Call(jen.Qual("context", "Background").Call(), jen.Id("ServiceID"), cfg().Dot("ConfigSources")),
		jen.If(jen.Id("found").Op("&&").Err().Op("==").Nil()).Block(jen.Id("o").Dot("BaseEndpoint").Op("=").Op("&").Id("value")),
	)
	f.Line()
}

// genConfigSources declares the lookups over aws.Config.ConfigSources that
// the SDK keeps in its internal/configsources module (which generated code
// cannot import): each asks every source that implements the provider
// interface, in order, until one has the value or fails.
func genConfigSources(f *jen.File) {
	ctx := jen.Qual("context", "Context")
	type lookup struct {
		iface, method, fn, doc string
		value                  jen.Code
		sdkID                  bool
	}
	for _, l := range []lookup{
		{"useFIPSEndpointProvider", "GetUseFIPSEndpoint", "resolveConfigUseFIPS", "the FIPS endpoint setting", jen.Qual(awsPath, "FIPSEndpointState"), false},
		{"useDualStackEndpointProvider", "GetUseDualStackEndpoint", "resolveConfigUseDualStack", "the dual-stack endpoint setting", jen.Qual(awsPath, "DualStackEndpointState"), false},
		{"ignoreConfiguredEndpointsProvider", "GetIgnoreConfiguredEndpoints", "configIgnoreConfiguredEndpoints", "whether configured endpoints are ignored", jen.Bool(), false},
		{"serviceBaseEndpointProvider", "GetServiceBaseEndpoint", "resolveConfigServiceBaseEndpointRaw", "the service-specific base endpoint", jen.String(), true},
	} {
		params := []jen.Code{ctx.Clone()}
		args := []jen.Code{jen.Id("ctx")}
		if l.sdkID {
			params = append(params, jen.String())
			args = append(args, jen.Id("sdkID"))
		}
		f.Comment(l.iface + " is implemented by configuration sources that know " + l.doc + ".")
		f.Type().Id(l.iface).Interface(
			jen.Id(l.method).Params(params...).Params(jen.Add(l.value), jen.Bool(), jen.Error()),
		)
		f.Line()
		fparams := []jen.Code{jen.Id("ctx").Qual("context", "Context")}
		if l.sdkID {
			fparams = append(fparams, jen.Id("sdkID").String())
		}
		fparams = append(fparams, jen.Id("sources").Index().Any())
		f.Comment(l.fn + " returns " + l.doc + " from the first source that has it.")
		f.Func().Id(l.fn).Params(fparams...).Params(jen.Id("value").Add(l.value), jen.Id("found").Bool(), jen.Err().Error()).Block(
			jen.For(jen.List(jen.Id("_"), jen.Id("s")).Op(":=").Range().Id("sources")).Block(
				jen.If(jen.List(jen.Id("p"), jen.Id("ok")).Op(":=").Id("s").Assert(jen.Id(l.iface)), jen.Id("ok")).Block(
					jen.List(jen.Id("value"), jen.Id("found"), jen.Err()).Op("=").Id("p").Dot(l.method).Call(args...),
					jen.If(jen.Err().Op("!=").Nil().Op("||").Id("found")).Block(jen.Return()),
				),
			),
			jen.Return(),
		)
		f.Line()
	}
	f.Comment("resolveConfigServiceBaseEndpoint returns the service-specific base endpoint")
	f.Comment("of the configuration sources, unless they say to ignore configured endpoints.")
	f.Func().Id("resolveConfigServiceBaseEndpoint").Params(
		jen.Id("ctx").Qual("context", "Context"), jen.Id("sdkID").String(), jen.Id("sources").Index().Any(),
	).Params(jen.String(), jen.Bool(), jen.Error()).Block(
		jen.If(jen.List(jen.Id("ignore"), jen.Id("_"), jen.Id("_")).Op(":=").Id("configIgnoreConfiguredEndpoints").Call(jen.Id("ctx"), jen.Id("sources")), jen.Id("ignore")).Block(
			jen.Return(jen.Lit(""), jen.False(), jen.Nil()),
		),
		jen.Return(jen.Id("resolveConfigServiceBaseEndpointRaw").Call(jen.Id("ctx"), jen.Id("sdkID"), jen.Id("sources"))),
	)
	f.Line()
}
