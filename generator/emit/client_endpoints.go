package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/emit/rules"
	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// emitClientEndpoints renders endpoints.go (the compiled rule set, the
// legacy EndpointResolver types, the binding of built-in parameters from
// Options and the endpoint function of the runtime configuration) and, when
// the model has endpoint tests, endpoints_test.go.
func emitClientEndpoints(g *gen, svc clientService) ([]File, error) {
	f := g.newClientFile()
	rcfg := rules.Config{RuntimePath: g.internalPath("endpoints"), Shape: g.ruleSetShape()}
	var params []*rules.Param
	if svc.HasRuleSet {
		if err := rules.Generate(f, svc.RuleSet, rcfg); err != nil {
			return nil, err
		}
		ps, err := rules.Params(svc.RuleSet, rcfg.Shape)
		if err != nil {
			return nil, err
		}
		params = ps
	} else {
		g.genNoRuleSet(f, svc)
		params = []*rules.Param{
			{Name: "Region", GoName: "Region", Type: rules.StringParam, BuiltIn: "AWS::Region"},
			{Name: "Endpoint", GoName: "Endpoint", Type: rules.StringParam, BuiltIn: "SDK::Endpoint"},
		}
	}
	f.Line()
	genLegacyEndpoints(f)
	genBindEndpointParams(f, params)
	genResolveEndpointFunc(f)
	file, err := render("endpoints.go", f)
	if err != nil {
		return nil, err
	}
	files := []File{file}
	if svc.HasRuleSet && svc.HasTests {
		tf := g.newClientFile()
		if err := rules.GenerateTests(tf, svc.RuleSet, svc.Tests, rcfg); err != nil {
			return nil, err
		}
		file, err := render("endpoints_test.go", tf)
		if err != nil {
			return nil, err
		}
		files = append(files, file)
	}
	return files, nil
}

// genNoRuleSet declares, for a model without an endpoint rule set, the
// EndpointParameters and EndpointResolverV2 of the SDK's shape with a
// default resolver that requires BaseEndpoint.
func (g *gen) genNoRuleSet(f *jen.File, svc clientService) {
	f.Comment("EndpointParameters provides the parameters that influence how endpoints are")
	f.Comment("resolved.")
	f.Type().Id("EndpointParameters").Struct(
		jen.Comment("The AWS region used to dispatch the request."),
		jen.Comment(""),
		jen.Comment("AWS::Region"),
		jen.Id("Region").Op("*").String(),
		jen.Line(),
		jen.Comment("Override the endpoint used to send this request."),
		jen.Comment(""),
		jen.Comment("SDK::Endpoint"),
		jen.Id("Endpoint").Op("*").String(),
	)
	f.Line()
	f.Comment("EndpointResolverV2 provides the interface for resolving service endpoints.")
	f.Type().Id("EndpointResolverV2").Interface(
		jen.Id("ResolveEndpoint").Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("params").Id("EndpointParameters")).Params(
			jen.Qual(clientSmithyEndpointsPath, "Endpoint"), jen.Error()),
	)
	f.Line()
	f.Comment("resolver uses the Endpoint parameter: the model has no endpoint rule set.")
	f.Type().Id("resolver").Struct()
	f.Line()
	f.Comment("NewDefaultEndpointResolverV2 returns the default resolver, which needs")
	f.Comment("Options.BaseEndpoint: the service model has no endpoint rule set.")
	f.Func().Id("NewDefaultEndpointResolverV2").Params().Id("EndpointResolverV2").Block(
		jen.Return(jen.Op("&").Id("resolver").Values()),
	)
	f.Line()
	f.Comment("ResolveEndpoint returns params.Endpoint, or an error when it is not set.")
	f.Func().Params(jen.Id("r").Op("*").Id("resolver")).Id("ResolveEndpoint").Params(
		jen.Id("ctx").Qual("context", "Context"), jen.Id("params").Id("EndpointParameters"),
	).Params(jen.Qual(clientSmithyEndpointsPath, "Endpoint"), jen.Error()).Block(
		jen.If(jen.Id("params").Dot("Endpoint").Op("==").Nil()).Block(
			jen.Return(jen.Qual(clientSmithyEndpointsPath, "Endpoint").Values(), jen.Qual("errors", "New").Call(
				jen.Lit("the "+svc.SDKID+" model has no endpoint rule set: set Options.BaseEndpoint"))),
		),
		jen.List(jen.Id("u"), jen.Err()).Op(":=").Qual("net/url", "Parse").Call(jen.Op("*").Id("params").Dot("Endpoint")),
		jen.If(jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Qual(clientSmithyEndpointsPath, "Endpoint").Values(), jen.Qual("fmt", "Errorf").Call(jen.Lit("Failed to parse uri: %s"), jen.Op("*").Id("params").Dot("Endpoint"))),
		),
		jen.Return(jen.Qual(clientSmithyEndpointsPath, "Endpoint").Values(jen.Dict{
			jen.Id("URI"):     jen.Op("*").Id("u"),
			jen.Id("Headers"): jen.Qual("net/http", "Header").Values(),
		}), jen.Nil()),
	)
	f.Line()
}

// genBindEndpointParams declares bindEndpointParams, which sets the
// built-in parameters of the rule set from the options: AWS::Region (a
// valid host label, FIPS pseudo-regions mapped), AWS::UseFIPS,
// AWS::UseDualStack and SDK::Endpoint. Other built-ins stay unset (their
// defaults apply).
//
// Example output:
//
//	func bindEndpointParams(o *Options, region string, eo EndpointResolverOptions) (EndpointParameters, error) {
//		var p EndpointParameters
//		if region != "" {
//			if !endpoints.IsValidHostLabel(region, true) {
//				return p, fmt.Errorf("invalid input region %s", region)
//			}
//			p.Region = aws.String(region)
//		}
//		p.UseFIPS = aws.Bool(eo.UseFIPSEndpoint == aws.FIPSEndpointStateEnabled)
//		p.Endpoint = o.BaseEndpoint
//		return p, nil
//	}
func genBindEndpointParams(f *jen.File, params []*rules.Param) {
	p := func() *jen.Statement { return jen.Id("p") }
	stmts := []jen.Code{jen.Var().Id("p").Id("EndpointParameters")}
	for _, prm := range params {
		switch {
		case prm.BuiltIn == "AWS::Region" && prm.Type == rules.StringParam:
			stmts = append(stmts, jen.If(jen.Id("region").Op("!=").Lit("")).Block(
				jen.If(jen.Op("!").Id("validRegion").Call(jen.Id("region"))).Block(
					jen.Return(p(), jen.Qual("fmt", "Errorf").Call(jen.Lit("invalid input region %s"), jen.Id("region"))),
				),
				p().Dot(prm.GoName).Op("=").Qual(awsPath, "String").Call(jen.Id("region")),
			))
		case prm.BuiltIn == "AWS::UseFIPS" && prm.Type == rules.BooleanParam:
			stmts = append(stmts, p().Dot(prm.GoName).Op("=").Qual(awsPath, "Bool").Call(
				jen.Id("eo").Dot("UseFIPSEndpoint").Op("==").Qual(awsPath, "FIPSEndpointStateEnabled")))
		case prm.BuiltIn == "AWS::UseDualStack" && prm.Type == rules.BooleanParam:
			stmts = append(stmts, p().Dot(prm.GoName).Op("=").Qual(awsPath, "Bool").Call(
				jen.Id("eo").Dot("UseDualStackEndpoint").Op("==").Qual(awsPath, "DualStackEndpointStateEnabled")))
		case prm.BuiltIn == "SDK::Endpoint" && prm.Type == rules.StringParam:
			stmts = append(stmts, p().Dot(prm.GoName).Op("=").Id("o").Dot("BaseEndpoint"))
		}
	}
	stmts = append(stmts, jen.Return(p(), jen.Nil()))
	f.Comment("bindEndpointParams returns the endpoint parameters bound to the options: the")
	f.Comment("built-in parameters the SDK binds (AWS::Region, AWS::UseFIPS,")
	f.Comment("AWS::UseDualStack, SDK::Endpoint) that the rule set declares.")
	f.Func().Id("bindEndpointParams").Params(
		jen.Id("o").Op("*").Id("Options"), jen.Id("region").String(), jen.Id("eo").Id("EndpointResolverOptions"),
	).Params(jen.Id("EndpointParameters"), jen.Error()).Block(stmts...)
	f.Line()
	f.Comment("validRegion reports whether region is a valid host label (dots allowed), as")
	f.Comment("the SDK requires of the AWS::Region parameter.")
	f.Func().Id("validRegion").Params(jen.Id("region").String()).Bool().Block(
		jen.For(jen.List(jen.Id("i"), jen.Id("c")).Op(":=").Range().Id("region")).Block(
			jen.Switch().Block(
				jen.Case(jen.Id("c").Op(">=").LitRune('a').Op("&&").Id("c").Op("<=").LitRune('z'),
					jen.Id("c").Op(">=").LitRune('A').Op("&&").Id("c").Op("<=").LitRune('Z'),
					jen.Id("c").Op(">=").LitRune('0').Op("&&").Id("c").Op("<=").LitRune('9')),
				jen.Case(jen.Id("c").Op("==").LitRune('-').Op("||").Id("c").Op("==").LitRune('.')).Block(
					jen.If(jen.Id("i").Op("==").Lit(0)).Block(jen.Return(jen.False())),
				),
				jen.Default().Block(jen.Return(jen.False())),
			),
		),
		jen.Return(jen.Len(jen.Id("region")).Op("<=").Lit(255)),
	)
	f.Line()
}

// genResolveEndpointFunc declares resolveEndpointFunc, which returns the
// endpoint step of the runtime configuration: the legacy EndpointResolver
// first when set (falling back on *aws.EndpointNotFoundError), then
// EndpointResolverV2 with the bound parameters. The default resolver is a
// pure function of the parameters, so its result is computed once per
// runtime configuration.
func genResolveEndpointFunc(f *jen.File) {
	ep := func() *jen.Statement { return jen.Qual(clientSmithyEndpointsPath, "Endpoint") }
	fnType := func() *jen.Statement {
		return jen.Func().Params(jen.Qual("context", "Context")).Params(ep(), jen.Error())
	}
	ctxParam := func() *jen.Statement { return jen.Id("ctx").Qual("context", "Context") }
	f.Comment("resolveEndpointFunc returns how the calls made with o resolve their endpoint.")
	f.Func().Id("resolveEndpointFunc").Params(jen.Id("o").Op("*").Id("Options")).Add(fnType()).Block(
		jen.List(jen.Id("region"), jen.Id("eo")).Op(":=").Id("endpointRegion").Call(jen.Id("o")),
		jen.Id("v2").Op(":=").Id("o").Dot("EndpointResolverV2"),
		jen.List(jen.Id("params"), jen.Id("bindErr")).Op(":=").Id("bindEndpointParams").Call(jen.Id("o"), jen.Id("region"), jen.Id("eo")),
		jen.Var().Id("resolveV2").Add(fnType()),
		jen.Switch().Block(
			jen.Case(jen.Id("bindErr").Op("!=").Nil()).Block(
				jen.Id("resolveV2").Op("=").Func().Params(jen.Qual("context", "Context")).Params(ep(), jen.Error()).Block(
					jen.Return(ep().Values(), jen.Id("bindErr")),
				),
			),
			jen.Case(jen.Id("v2").Op("==").Nil()).Block(
				jen.Id("resolveV2").Op("=").Func().Params(jen.Qual("context", "Context")).Params(ep(), jen.Error()).Block(
					jen.Return(ep().Values(), jen.Qual("errors", "New").Call(jen.Lit("expected endpoint resolver to not be nil"))),
				),
			),
			jen.Case(jen.Id("isDefaultResolver").Call(jen.Id("v2"))).Block(
				jen.List(jen.Id("endpoint"), jen.Err()).Op(":=").Id("v2").Dot("ResolveEndpoint").Call(jen.Qual("context", "Background").Call(), jen.Id("params")),
				jen.Id("resolveV2").Op("=").Func().Params(jen.Qual("context", "Context")).Params(ep(), jen.Error()).Block(
					jen.Return(jen.Id("endpoint"), jen.Err()),
				),
			),
			jen.Default().Block(
				jen.Id("resolveV2").Op("=").Func().Params(ctxParam()).Params(ep(), jen.Error()).Block(
					jen.Return(jen.Id("v2").Dot("ResolveEndpoint").Call(jen.Id("ctx"), jen.Id("params"))),
				),
			),
		),
		jen.Id("legacy").Op(":=").Id("o").Dot("EndpointResolver"),
		jen.If(jen.Id("legacy").Op("==").Nil()).Block(jen.Return(jen.Id("resolveV2"))),
		jen.Id("legacyRegion").Op(":=").Id("o").Dot("Region"),
		jen.Return(jen.Func().Params(ctxParam()).Params(ep(), jen.Error()).Block(
			jen.List(jen.Id("endpoint"), jen.Err()).Op(":=").Id("legacy").Dot("ResolveEndpoint").Call(jen.Id("legacyRegion"), jen.Id("eo")),
			jen.If(jen.Err().Op("!=").Nil()).Block(
				jen.Var().Id("nf").Op("*").Qual(awsPath, "EndpointNotFoundError"),
				jen.If(jen.Qual("errors", "As").Call(jen.Err(), jen.Op("&").Id("nf"))).Block(
					jen.Return(jen.Id("resolveV2").Call(jen.Id("ctx"))),
				),
				jen.Return(ep().Values(), jen.Err()),
			),
			jen.Return(jen.Id("legacyEndpoint").Call(jen.Id("endpoint"))),
		)),
	)
	f.Line()
	f.Comment("isDefaultResolver reports whether r is the resolver NewDefaultEndpointResolverV2")
	f.Comment("returns, whose result depends only on the parameters.")
	f.Func().Id("isDefaultResolver").Params(jen.Id("r").Id("EndpointResolverV2")).Bool().Block(
		jen.List(jen.Id("_"), jen.Id("ok")).Op(":=").Id("r").Assert(jen.Op("*").Id("resolver")),
		jen.Return(jen.Id("ok")),
	)
	f.Line()
	f.Comment("endpointRegion returns the region the endpoint rules see and the endpoint")
	f.Comment("options of o, as the SDK finalizes them: a FIPS pseudo-region")
	f.Comment("(fips-us-east-1, us-east-1-fips) means the FIPS endpoint of the region.")
	f.Func().Id("endpointRegion").Params(jen.Id("o").Op("*").Id("Options")).Params(jen.String(), jen.Id("EndpointResolverOptions")).Block(
		jen.Id("eo").Op(":=").Id("o").Dot("EndpointOptions"),
		jen.Id("eo").Dot("Logger").Op("=").Id("o").Dot("Logger"),
		jen.Id("eo").Dot("LogDeprecated").Op("=").Id("o").Dot("ClientLogMode").Dot("IsDeprecatedUsage").Call(),
		jen.If(jen.Id("eo").Dot("ResolvedRegion").Op("==").Lit("")).Block(
			jen.Id("r").Op(":=").Id("o").Dot("Region"),
			jen.If(jen.Qual("strings", "Contains").Call(jen.Id("r"), jen.Lit("-fips-")).Op("||").Qual("strings", "Contains").Call(jen.Id("r"), jen.Lit("fips-")).Op("||").Qual("strings", "Contains").Call(jen.Id("r"), jen.Lit("-fips"))).Block(
				jen.Id("eo").Dot("ResolvedRegion").Op("=").Qual("strings", "ReplaceAll").Call(
					jen.Qual("strings", "ReplaceAll").Call(
						jen.Qual("strings", "ReplaceAll").Call(jen.Id("r"), jen.Lit("-fips-"), jen.Lit("-")),
						jen.Lit("fips-"), jen.Lit("")),
					jen.Lit("-fips"), jen.Lit("")),
				jen.Id("eo").Dot("UseFIPSEndpoint").Op("=").Qual(awsPath, "FIPSEndpointStateEnabled"),
			),
		),
		jen.If(jen.Id("eo").Dot("ResolvedRegion").Op("!=").Lit("")).Block(
			jen.Return(jen.Id("eo").Dot("ResolvedRegion"), jen.Id("eo")),
		),
		jen.Return(jen.Id("o").Dot("Region"), jen.Id("eo")),
	)
	f.Line()
}

// ruleSetShape returns the service's ID, or "" without a service.
func (g *gen) ruleSetShape() ir.ShapeID {
	if g.m.Service == nil {
		return ""
	}
	return g.m.Service.ID
}
