package rules

import (
	"fmt"
	"strconv"

	"github.com/dave/jennifer/jen"
	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// testCase is one decoded case of smithy.rules#endpointTests.
type testCase struct {
	doc        string
	params     []jen.Code // EndpointParameters fields
	url        string
	headers    []header
	properties []ir.Field
	err        string
	isErr      bool
	skip       string // why the case is skipped: it contradicts the built-in partition table; empty to run it
}

// GenerateTests emits into f (the service package's endpoints_test.go) a
// table test that resolves every case of tests, the value of the
// endpointTests trait, with the resolver cfg.TestResolver returns, and checks
// the URL, headers and properties, or that the error contains the expected
// message. ruleSet gives the parameters' Go names and types.
//
// With the default resolver (built-in partition table), a case whose
// expected error says the region's partition lacks FIPS or dual-stack
// support that the built-in table gives it is emitted skipped, with the
// reason (see staleReason).
func GenerateTests(f *jen.File, ruleSet ir.Node, tests ir.Node, cfg Config) error {
	var table partitions // the table the cases are judged against; nil for none
	if cfg.TestResolver == "" {
		var err error
		if table, err = builtInPartitions(); err != nil {
			return fmt.Errorf("endpoint tests: built-in partition table: %w", err)
		}
	}
	cfg = cfg.withDefaults()
	var errs ir.ErrorList
	d := &decoder{shape: cfg.Shape, errs: &errs}
	params := d.decodeParams(ruleSet)
	cases := d.decodeTests(tests, params, table)
	if err := errs.Err(); err != nil {
		return err
	}
	anySkip := false
	for _, tc := range cases {
		anySkip = anySkip || tc.skip != ""
	}
	pinImports(f, cfg)
	lit := func(n ir.Node) *jen.Statement { return jen.Lit(n.Str) }
	var rows []jen.Code
	for i, tc := range cases {
		field := func(name string, v jen.Code) jen.Code { return jen.Id(name).Op(":").Add(v) }
		fields := []jen.Code{
			field("name", jen.Lit("case"+strconv.Itoa(i))),
			field("doc", jen.Lit(tc.doc)),
			field("params", jen.Id("EndpointParameters").Values(tc.params...)),
		}
		if tc.skip != "" {
			fields = append(fields, field("skip", jen.Lit(tc.skip)))
		}
		if tc.isErr {
			fields = append(fields, field("err", jen.Lit(tc.err)))
		} else {
			fields = append(fields,
				field("url", jen.Lit(tc.url)),
				field("headers", headersValue(tc.headers, func(e expr) *jen.Statement {
					if t, ok := e.(*template); ok && len(t.parts) == 1 {
						return jen.Lit(t.parts[0].lit)
					}
					return jen.Lit("")
				})),
				field("properties", propertiesValue(tc.properties, lit, d.errorf)),
			)
		}
		rows = append(rows, jen.Values(fields...))
	}
	if err := errs.Err(); err != nil {
		return err
	}
	t := jen.Id("t")
	fieldDecls := []jen.Code{
		jen.Id("name").String(),
		jen.Id("doc").String(),
		jen.Id("params").Id("EndpointParameters"),
		jen.Id("url").String().Comment("expected URL, when err is empty"),
		jen.Id("headers").Qual("net/http", "Header"),
		jen.Id("properties").Qual(smithyPath, "Properties"),
		jen.Id("err").String().Comment("expected error message part"),
	}
	var skipCheck jen.Code = jen.Null()
	if anySkip {
		fieldDecls = append(fieldDecls, jen.Id("skip").String().Comment("why the case is not run"))
		skipCheck = jen.If(jen.Id("tt").Dot("skip").Op("!=").Lit("")).Block(
			jen.Id("t").Dot("Skip").Call(jen.Id("tt").Dot("doc").Op("+").Lit(": ").Op("+").Id("tt").Dot("skip")),
		)
	}
	f.Comment("TestEndpointRules resolves the endpoint test cases of the service model.")
	f.Func().Id("TestEndpointRules").Params(t.Clone().Op("*").Qual("testing", "T")).Block(
		jen.Id("cases").Op(":=").Index().Struct(fieldDecls...).Values(rows...),
		jen.For(jen.List(jen.Id("_"), jen.Id("tt")).Op(":=").Range().Id("cases")).Block(
			jen.Id("t").Dot("Run").Call(jen.Id("tt").Dot("name"), jen.Func().Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
				skipCheck,
				jen.List(jen.Id("got"), jen.Err()).Op(":=").Id(cfg.TestResolver).Call().Dot("ResolveEndpoint").Call(
					jen.Qual("context", "Background").Call(), jen.Id("tt").Dot("params")),
				jen.If(jen.Id("tt").Dot("err").Op("!=").Lit("")).Block(
					jen.If(jen.Err().Op("==").Nil()).Block(
						jen.Id("t").Dot("Fatalf").Call(jen.Lit("%s: expect error %q, got endpoint %s"), jen.Id("tt").Dot("doc"), jen.Id("tt").Dot("err"), jen.Id("got").Dot("URI").Dot("String").Call()),
					),
					jen.If(jen.Op("!").Qual("strings", "Contains").Call(jen.Err().Dot("Error").Call(), jen.Id("tt").Dot("err"))).Block(
						jen.Id("t").Dot("Errorf").Call(jen.Lit("%s: expect error %q, got %q"), jen.Id("tt").Dot("doc"), jen.Id("tt").Dot("err"), jen.Err().Dot("Error").Call()),
					),
					jen.Return(),
				),
				jen.If(jen.Err().Op("!=").Nil()).Block(
					jen.Id("t").Dot("Fatalf").Call(jen.Lit("%s: expect no error, got %v"), jen.Id("tt").Dot("doc"), jen.Err()),
				),
				jen.List(jen.Id("want"), jen.Err()).Op(":=").Qual("net/url", "Parse").Call(jen.Id("tt").Dot("url")),
				jen.If(jen.Err().Op("!=").Nil()).Block(
					jen.Id("t").Dot("Fatalf").Call(jen.Lit("%s: bad expected URL: %v"), jen.Id("tt").Dot("doc"), jen.Err()),
				),
				jen.If(jen.Op("*").Id("want").Op("!=").Id("got").Dot("URI")).Block(
					jen.Id("t").Dot("Errorf").Call(jen.Lit("%s: expect URL %s, got %s"), jen.Id("tt").Dot("doc"), jen.Id("tt").Dot("url"), jen.Id("got").Dot("URI").Dot("String").Call()),
				),
				jen.If(jen.Op("!").Qual("reflect", "DeepEqual").Call(jen.Id("tt").Dot("headers"), jen.Id("got").Dot("Headers"))).Block(
					jen.Id("t").Dot("Errorf").Call(jen.Lit("%s: expect headers %v, got %v"), jen.Id("tt").Dot("doc"), jen.Id("tt").Dot("headers"), jen.Id("got").Dot("Headers")),
				),
				jen.If(jen.Op("!").Qual("reflect", "DeepEqual").Call(jen.Id("tt").Dot("properties"), jen.Id("got").Dot("Properties"))).Block(
					jen.Id("t").Dot("Errorf").Call(jen.Lit("%s: expect properties %v, got %v"), jen.Id("tt").Dot("doc"), jen.Id("tt").Dot("properties").Dot("Values").Call(), jen.Id("got").Dot("Properties").Dot("Values").Call()),
				),
			)),
		),
	)
	return nil
}

// decodeTests decodes {"testCases": [{"documentation", "params", "expect"}]}.
// With a table, error cases that contradict it (see staleReason) are marked
// skipped.
func (d *decoder) decodeTests(n ir.Node, params []*Param, table partitions) []testCase {
	byName := map[string]*Param{}
	for _, p := range params {
		byName[p.Name] = p
	}
	list, ok := n.Get("testCases")
	if !ok || list.Kind != ir.ArrayNode {
		d.errorf(n.Pos, "endpoint tests: want an array \"testCases\"")
		return nil
	}
	var out []testCase
	for _, c := range list.Items {
		tc := testCase{}
		doc, _ := c.Get("documentation")
		tc.doc = doc.Str
		ps, _ := c.Get("params")
		for _, f := range ps.Fields {
			p, ok := byName[f.Key]
			if !ok {
				d.errorf(f.KeyPos, "endpoint test %q: unknown parameter %q", tc.doc, f.Key)
				continue
			}
			if !defaultMatches(p.Type, f.Value) {
				d.errorf(f.Value.Pos, "endpoint test %q: parameter %q: want a value of its type, got %s", tc.doc, f.Key, f.Value.Kind)
				continue
			}
			tc.params = append(tc.params, jen.Id(p.GoName).Op(":").Add(paramValue(p.Type, f.Value)))
		}
		expect, _ := c.Get("expect")
		if e, ok := expect.Get("error"); ok {
			tc.isErr, tc.err = true, e.Str
			if table != nil {
				tc.skip = staleReason(e.Str, flagsOf(ps, params), table)
			}
		} else if ep, ok := expect.Get("endpoint"); ok {
			u, _ := ep.Get("url")
			tc.url = u.Str
			if h, ok := ep.Get("headers"); ok {
				for _, f := range h.Fields {
					hd := header{name: f.Key}
					for _, v := range f.Value.Items {
						hd.values = append(hd.values, &template{parts: []templatePart{{lit: v.Str}}, pos: v.Pos})
					}
					tc.headers = append(tc.headers, hd)
				}
			}
			if p, ok := ep.Get("properties"); ok {
				tc.properties = p.Fields
			}
		} else {
			d.errorf(c.Pos, "endpoint test %q: want \"expect\" with \"error\" or \"endpoint\"", tc.doc)
			continue
		}
		out = append(out, tc)
	}
	return out
}
