package rules

import (
	"github.com/dave/jennifer/jen"
	"github.com/eksauthgen/eksauthgen/generator/emit/internal/httpheader"
	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// authSchemeIDs maps the names of endpoint authSchemes to Smithy auth scheme
// IDs; other names are used as they are.
var authSchemeIDs = map[string]string{
	"sigv4":           "aws.auth#sigv4",
	"sigv4a":          "aws.auth#sigv4a",
	"sigv4-s3express": "com.amazonaws.s3#sigv4express",
	"none":            "smithy.api#noAuth",
}

// literalValue compiles a literal value (a property, a test expectation):
// strings via valueString, booleans, numbers, arrays as []any and objects as
// map[string]any.
func literalValue(n ir.Node, str func(ir.Node) *jen.Statement) *jen.Statement {
	switch n.Kind {
	case ir.StringNode:
		return str(n)
	case ir.BoolNode:
		return jen.Lit(n.Bool)
	case ir.NumberNode:
		if i, ok := n.Int64(); ok {
			return jen.Lit(int(i))
		}
		f, _ := n.Float64()
		return jen.Lit(f)
	case ir.ArrayNode:
		items := make([]jen.Code, len(n.Items))
		for i, it := range n.Items {
			items[i] = literalValue(it, str)
		}
		return jen.Index().Any().Values(items...)
	case ir.ObjectNode:
		return jen.Map(jen.String()).Any().Values(jen.DictFunc(func(d jen.Dict) {
			for _, f := range n.Fields {
				d[jen.Lit(f.Key)] = literalValue(f.Value, str)
			}
		}))
	}
	return jen.Nil()
}

// headersValue returns an http.Header literal of the headers, names
// canonicalized and values of the same canonical name merged in order.
func headersValue(headers []header, value func(expr) *jen.Statement) *jen.Statement {
	var names []string
	values := map[string][]jen.Code{}
	for _, h := range headers {
		name := httpheader.CanonicalKey(h.name)
		if _, seen := values[name]; !seen {
			names = append(names, name)
			values[name] = []jen.Code{}
		}
		for _, v := range h.values {
			values[name] = append(values[name], value(v))
		}
	}
	return jen.Qual("net/http", "Header").Values(jen.DictFunc(func(d jen.Dict) {
		for _, n := range names {
			d[jen.Lit(n)] = jen.Values(values[n]...)
		}
	}))
}

// propertiesValue returns a smithy.Properties expression holding the
// endpoint properties: authSchemes as smithy auth options (what the SDK's
// signing middleware reads), every other key with out.Set.
func propertiesValue(props []ir.Field, str func(ir.Node) *jen.Statement, errorf func(ir.Pos, string, ...any)) *jen.Statement {
	if len(props) == 0 {
		return jen.Qual(smithyPath, "Properties").Values()
	}
	body := []jen.Code{jen.Var().Id("out").Qual(smithyPath, "Properties")}
	for _, f := range props {
		if f.Key == "authSchemes" {
			body = append(body, jen.Qual(smithyAuthPath, "SetAuthOptions").Call(jen.Op("&").Id("out"), authOptions(f.Value, str, errorf)))
			continue
		}
		body = append(body, jen.Id("out").Dot("Set").Call(jen.Lit(f.Key), literalValue(f.Value, str)))
	}
	body = append(body, jen.Return(jen.Id("out")))
	return jen.Func().Params().Qual(smithyPath, "Properties").Block(body...).Call()
}

// authOptions compiles the authSchemes property to []*smithyauth.Option.
//
// Example output:
//
//	[]*smithyauth.Option{{
//		SchemeID: "aws.auth#sigv4",
//		SignerProperties: func() smithy.Properties {
//			var sp smithy.Properties
//			smithyhttp.SetSigV4SigningName(&sp, "events")
//			return sp
//		}(),
//	}}
func authOptions(n ir.Node, str func(ir.Node) *jen.Statement, errorf func(ir.Pos, string, ...any)) *jen.Statement {
	if n.Kind != ir.ArrayNode {
		errorf(n.Pos, "authSchemes: want an array, got %s", n.Kind)
		return jen.Nil()
	}
	var opts []jen.Code
	for _, scheme := range n.Items {
		name, ok := scheme.Get("name")
		if scheme.Kind != ir.ObjectNode || !ok || name.Kind != ir.StringNode {
			errorf(scheme.Pos, "authSchemes: want an object with a string \"name\"")
			continue
		}
		id, known := authSchemeIDs[name.Str]
		if !known {
			id = name.Str
		}
		sp := []jen.Code{jen.Var().Id("sp").Qual(smithyPath, "Properties")}
		for _, f := range scheme.Fields {
			v := f.Value
			set := func(fn string, arg jen.Code) {
				sp = append(sp, jen.Qual(smithyHTTPPath, fn).Call(jen.Op("&").Id("sp"), arg))
			}
			switch {
			case f.Key == "name":
			case f.Key == "signingName" && v.Kind == ir.StringNode && name.Str == "sigv4a":
				set("SetSigV4ASigningName", str(v))
			case f.Key == "signingName" && v.Kind == ir.StringNode:
				set("SetSigV4SigningName", str(v))
			case f.Key == "signingRegion" && v.Kind == ir.StringNode:
				set("SetSigV4SigningRegion", str(v))
			case f.Key == "signingRegionSet" && v.Kind == ir.ArrayNode:
				regions := make([]jen.Code, len(v.Items))
				for i, r := range v.Items {
					if r.Kind != ir.StringNode {
						errorf(r.Pos, "authSchemes signingRegionSet: want strings, got %s", r.Kind)
					}
					regions[i] = str(r)
				}
				set("SetSigV4ASigningRegions", jen.Index().String().Values(regions...))
			case f.Key == "disableDoubleEncoding" && v.Kind == ir.BoolNode:
				set("SetDisableDoubleEncoding", jen.Lit(v.Bool))
			default:
				sp = append(sp, jen.Id("sp").Dot("Set").Call(jen.Lit(f.Key), literalValue(v, str)))
			}
		}
		sp = append(sp, jen.Return(jen.Id("sp")))
		opts = append(opts, jen.Values(jen.Dict{
			jen.Id("SchemeID"):         jen.Lit(id),
			jen.Id("SignerProperties"): jen.Func().Params().Qual(smithyPath, "Properties").Block(sp...).Call(),
		}))
	}
	return jen.Index().Op("*").Qual(smithyAuthPath, "Option").Values(opts...)
}

// endpoint compiles an endpoint rule's result: a call of the runtime's New.
func (c *compiler) endpoint(e *endpointDef, sc scope) jen.Code {
	str := func(n ir.Node) *jen.Statement {
		t := c.d.decodeExpr(n)
		if t == nil {
			return jen.Lit("")
		}
		v, ok := c.needKind(t, kString, "endpoint property", sc, nil)
		if !ok {
			return jen.Lit("")
		}
		return v.code
	}
	value := func(x expr) *jen.Statement {
		if x == nil {
			return jen.Lit("")
		}
		v, ok := c.needKind(x, kString, "endpoint header value", sc, nil)
		if !ok {
			return jen.Lit("")
		}
		return v.code
	}
	url := jen.Lit("")
	if e.url != nil {
		if v, ok := c.needKind(e.url, kString, "endpoint url", sc, nil); ok {
			url = v.code
		}
	}
	return jen.Qual(c.cfg.RuntimePath, "New").Call(
		url,
		headersValue(e.headers, value),
		propertiesValue(e.properties, str, c.d.errorf),
	)
}
