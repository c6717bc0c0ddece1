// Package rules compiles a Smithy endpoint rule set
// (smithy.rules#endpointRuleSet) into Go code of the AWS SDK for Go v2
// shape: EndpointParameters, EndpointResolverV2 and a resolver whose rules
// are straight if-blocks, plus tests from smithy.rules#endpointTests.
//
// The generated code calls the runtime package templates/endpoints (copied
// into the output as internal/endpoints) for the library functions and the
// partition table.
package rules

import (
	"github.com/dave/jennifer/jen"
	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// Import paths used by the generated code.
const (
	// RuntimeImportPath is the runtime package in this repository; generated
	// code imports its copy, Config.RuntimePath.
	RuntimeImportPath = "github.com/eksauthgen/eksauthgen/templates/endpoints"

	smithyPath          = "github.com/aws/smithy-go"
	smithyAuthPath      = "github.com/aws/smithy-go/auth"
	smithyEndpointsPath = "github.com/aws/smithy-go/endpoints"
	smithyHTTPPath      = "github.com/aws/smithy-go/transport/http"
	ptrPath             = "github.com/aws/smithy-go/ptr"
)

// Config says where the generated code finds its runtime and whom errors
// are about.
type Config struct {
	// RuntimePath is the import path of the copied runtime package
	// (<importPath>/internal/endpoints); empty means RuntimeImportPath.
	RuntimePath string
	// Shape is the service shape carrying the rule set, named in errors.
	Shape ir.ShapeID
	// TestResolver is the function the generated tests call to get a
	// resolver; empty means NewDefaultEndpointResolverV2.
	TestResolver string
}

func (c Config) withDefaults() Config {
	if c.RuntimePath == "" {
		c.RuntimePath = RuntimeImportPath
	}
	if c.TestResolver == "" {
		c.TestResolver = "NewDefaultEndpointResolverV2"
	}
	return c
}

// pinImports fixes the aliases of the packages the generated code uses.
func pinImports(f *jen.File, cfg Config) {
	f.ImportAlias(smithyPath, "smithy")
	f.ImportAlias(smithyAuthPath, "smithyauth")
	f.ImportAlias(smithyEndpointsPath, "smithyendpoints")
	f.ImportAlias(smithyHTTPPath, "smithyhttp")
	f.ImportName(ptrPath, "ptr")
	f.ImportName(cfg.RuntimePath, "endpoints")
}

// Generate emits into f (the service package's endpoints.go) the
// EndpointParameters struct with ValidateRequired and WithDefaults, the
// EndpointResolverV2 interface, NewDefaultEndpointResolverV2 and the
// resolver compiled from ruleSet, the value of the endpointRuleSet trait.
// Errors in the rule set (unknown function or reference, wrong arity or
// type) are returned together, each at its position.
func Generate(f *jen.File, ruleSet ir.Node, cfg Config) error {
	cfg = cfg.withDefaults()
	var errs ir.ErrorList
	d := &decoder{shape: cfg.Shape, errs: &errs}
	rs := d.decodeRuleSet(ruleSet)
	c := &compiler{cfg: cfg, d: d}
	body, terminates := c.rules(rs.rules, paramScope(rs.params))
	if err := errs.Err(); err != nil {
		return err
	}
	pinImports(f, cfg)
	genParams(f, rs.params)
	f.Line()
	genResolver(f, cfg, body, terminates)
	return nil
}

// paramScope binds every parameter to its EndpointParameters field: a
// parameter that is required or has a default is always set (after
// WithDefaults and ValidateRequired); the others are optional.
func paramScope(params []*Param) scope {
	sc := scope{}
	for _, p := range params {
		field := func() *jen.Statement { return jen.Id("params").Dot(p.GoName) }
		k := map[ParamType]kind{StringParam: kString, BooleanParam: kBool, StringArrayParam: kStringArray}[p.Type]
		value := field
		if k != kStringArray {
			value = func() *jen.Statement { return jen.Op("*").Add(field()) }
		}
		b := binding{gen: value, k: k, used: new(bool)}
		if p.optional() {
			b = binding{gen: field, k: k, opt: true, used: b.used, narrow: value}
		}
		sc[p.Name] = b
	}
	return sc
}

// genResolver emits the resolver interface, type, constructor and method.
//
// Example output:
//
//	func (r *resolver) ResolveEndpoint(ctx context.Context, params EndpointParameters) (endpoint smithyendpoints.Endpoint, err error) {
//		params = params.WithDefaults()
//		...
//		if params.Region != nil {
//			if _PartitionResult := r.partitions.Partition(*params.Region); _PartitionResult != nil {
//				return endpoints.New("https://eks-auth."+*params.Region+"."+_PartitionResult.DNSSuffix, http.Header{}, smithy.Properties{})
//			}
//		}
//		return endpoint, fmt.Errorf("endpoint rule error, %s", "Invalid Configuration: Missing Region")
//	}
func genResolver(f *jen.File, cfg Config, body []jen.Code, terminates bool) {
	f.Comment("EndpointResolverV2 provides the interface for resolving service endpoints.")
	f.Type().Id("EndpointResolverV2").Interface(
		jen.Id("ResolveEndpoint").Params(
			jen.Id("ctx").Qual("context", "Context"), jen.Id("params").Id("EndpointParameters"),
		).Params(jen.Qual(smithyEndpointsPath, "Endpoint"), jen.Error()),
	)
	f.Line()
	f.Comment("resolver resolves endpoints by the service's endpoint rules, compiled to Go.")
	f.Type().Id("resolver").Struct(
		jen.Id("partitions").Qual(cfg.RuntimePath, "Partitions").Comment("the table aws.partition consults"),
	)
	f.Line()
	f.Comment("NewDefaultEndpointResolverV2 returns the resolver of the service's endpoint")
	f.Comment("rules, using the built-in AWS partitions.")
	f.Func().Id("NewDefaultEndpointResolverV2").Params().Id("EndpointResolverV2").Block(
		jen.Return(jen.Op("&").Id("resolver").Values(jen.Dict{
			jen.Id("partitions"): jen.Qual(cfg.RuntimePath, "DefaultPartitions").Call(),
		})),
	)
	f.Line()
	stmts := []jen.Code{
		jen.Id("params").Op("=").Id("params").Dot("WithDefaults").Call(),
		jen.If(jen.Id("err").Op("=").Id("params").Dot("ValidateRequired").Call(), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Id("endpoint"), jen.Qual("fmt", "Errorf").Call(jen.Lit("endpoint parameters are not valid, %w"), jen.Err())),
		),
	}
	stmts = append(stmts, body...)
	if !terminates {
		stmts = append(stmts, jen.Return(jen.Id("endpoint"), jen.Qual("fmt", "Errorf").Call(jen.Lit(noMatch))))
	}
	f.Comment("ResolveEndpoint resolves params to an endpoint by the service's endpoint")
	f.Comment("rules, or returns the error of the rule that matched.")
	f.Func().Params(jen.Id("r").Op("*").Id("resolver")).Id("ResolveEndpoint").Params(
		jen.Id("ctx").Qual("context", "Context"), jen.Id("params").Id("EndpointParameters"),
	).Params(jen.Id("endpoint").Qual(smithyEndpointsPath, "Endpoint"), jen.Err().Error()).Block(stmts...)
}
