package rules

import (
	"go/token"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"
	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// ParamType is the type of a rule-set parameter.
type ParamType uint8

// The parameter types of the rules language.
const (
	StringParam      ParamType = iota // *string
	BooleanParam                      // *bool
	StringArrayParam                  // []string
)

// Param is one parameter of a rule set, in document order.
type Param struct {
	Name       string    // as written in the rule set
	GoName     string    // the EndpointParameters field: Name with its first letter upper-cased
	Type       ParamType //
	Required   bool      //
	Default    *ir.Node  // nil when the parameter has no default
	BuiltIn    string    // e.g. "AWS::Region", "AWS::UseFIPS", "SDK::Endpoint"; empty if none
	Doc        string    // documentation, as written
	Deprecated string    // deprecation message; empty when not deprecated
	Pos        ir.Pos
}

// optional reports whether the parameter may be unset after WithDefaults and
// ValidateRequired.
func (p *Param) optional() bool { return !p.Required && p.Default == nil }

// Params decodes the parameters of an endpointRuleSet trait value, for the
// emitters that bind them (builtIns) from client options.
func Params(ruleSet ir.Node, shape ir.ShapeID) ([]*Param, error) {
	var errs ir.ErrorList
	d := &decoder{shape: shape, errs: &errs}
	ps := d.decodeParams(ruleSet)
	return ps, errs.Err()
}

// decodeParams decodes the "parameters" object of a rule set.
func (d *decoder) decodeParams(rs ir.Node) []*Param {
	n, ok := rs.Get("parameters")
	if !ok {
		return nil
	}
	if n.Kind != ir.ObjectNode {
		d.errorf(n.Pos, "parameters: want an object, got %s", n.Kind)
		return nil
	}
	var out []*Param
	seen := map[string]string{}
	for _, f := range n.Fields {
		p := &Param{Name: f.Key, Pos: f.KeyPos}
		if !p.Pos.IsValid() {
			p.Pos = f.Value.Pos
		}
		if !isIdent(f.Key) {
			d.errorf(p.Pos, "parameter %q: not an identifier", f.Key)
			continue
		}
		r, size := utf8.DecodeRuneInString(f.Key)
		p.GoName = string(unicode.ToUpper(r)) + f.Key[size:]
		if !token.IsIdentifier(p.GoName) {
			d.errorf(p.Pos, "parameter %q: Go name %s is not an identifier", f.Key, p.GoName)
			continue
		}
		if prev, dup := seen[p.GoName]; dup {
			d.errorf(p.Pos, "parameters %q and %q have the same Go name %s", prev, f.Key, p.GoName)
			continue
		}
		seen[p.GoName] = f.Key
		if f.Value.Kind != ir.ObjectNode {
			d.errorf(f.Value.Pos, "parameter %q: want an object, got %s", f.Key, f.Value.Kind)
			continue
		}
		typ, hasType := f.Value.Get("type")
		switch strings.ToLower(typ.Str) {
		case "string":
			p.Type = StringParam
		case "boolean":
			p.Type = BooleanParam
		case "stringarray":
			p.Type = StringArrayParam
		default:
			if !hasType {
				d.errorf(f.Value.Pos, "parameter %q: no type (want string, boolean or stringArray)", f.Key)
				continue
			}
			d.errorf(typ.Pos, "parameter %q: want type string, boolean or stringArray, got %q", f.Key, typ.Str)
			continue
		}
		for _, attr := range f.Value.Fields {
			v := attr.Value
			switch attr.Key {
			case "required":
				p.Required = v.Kind == ir.BoolNode && v.Bool
			case "builtIn":
				p.BuiltIn = v.Str
			case "documentation":
				p.Doc = v.Str
			case "deprecated":
				msg, _ := v.Get("message")
				p.Deprecated = msg.Str
				if p.Deprecated == "" {
					p.Deprecated = "deprecated"
				}
			case "default":
				if !defaultMatches(p.Type, v) {
					d.errorf(v.Pos, "parameter %q: default %s does not match type %s", f.Key, v.Kind, typ.Str)
					continue
				}
				def := v
				p.Default = &def
			}
		}
		out = append(out, p)
	}
	return out
}

// defaultMatches reports whether v is a value of type t.
func defaultMatches(t ParamType, v ir.Node) bool {
	switch t {
	case StringParam:
		return v.Kind == ir.StringNode
	case BooleanParam:
		return v.Kind == ir.BoolNode
	default:
		if v.Kind != ir.ArrayNode {
			return false
		}
		for _, it := range v.Items {
			if it.Kind != ir.StringNode {
				return false
			}
		}
		return true
	}
}

// goType returns the Go type of the parameter's field.
func (p *Param) goType() *jen.Statement {
	switch p.Type {
	case StringParam:
		return jen.Op("*").String()
	case BooleanParam:
		return jen.Op("*").Bool()
	default:
		return jen.Index().String()
	}
}

// paramValue returns a Go expression of the field's type holding v, which
// matches the parameter's type.
func paramValue(t ParamType, v ir.Node) *jen.Statement {
	switch t {
	case StringParam:
		return jen.Qual(ptrPath, "String").Call(jen.Lit(v.Str))
	case BooleanParam:
		return jen.Qual(ptrPath, "Bool").Call(jen.Lit(v.Bool))
	default:
		items := make([]jen.Code, len(v.Items))
		for i, it := range v.Items {
			items[i] = jen.Lit(it.Str)
		}
		return jen.Index().String().Values(items...)
	}
}

// genParams emits EndpointParameters, ValidateRequired and WithDefaults.
//
// Example output:
//
//	type EndpointParameters struct {
//		// The AWS region used to dispatch the request.
//		//
//		// AWS::Region
//		Region *string
//	}
func genParams(f *jen.File, params []*Param) {
	f.Comment("EndpointParameters provides the parameters that influence how endpoints are")
	f.Comment("resolved.")
	fields := make([]jen.Code, 0, len(params))
	for i, p := range params {
		if i > 0 {
			fields = append(fields, jen.Line())
		}
		for _, line := range paramDoc(p) {
			if line == "" {
				fields = append(fields, jen.Comment(""))
			} else {
				fields = append(fields, jen.Comment(line))
			}
		}
		fields = append(fields, jen.Id(p.GoName).Add(p.goType()))
	}
	f.Type().Id("EndpointParameters").Struct(fields...)
	f.Line()

	var checks []jen.Code
	for _, p := range params {
		if p.Required {
			checks = append(checks, jen.If(jen.Id("p").Dot(p.GoName).Op("==").Nil()).Block(
				jen.Return(jen.Qual("fmt", "Errorf").Call(jen.Lit("parameter "+p.GoName+" is required"))),
			))
		}
	}
	f.Comment("ValidateRequired validates required parameters are set.")
	f.Func().Params(jen.Id("p").Id("EndpointParameters")).Id("ValidateRequired").Params().Error().Block(
		append(checks, jen.Return(jen.Nil()))...,
	)
	f.Line()

	var defaults []jen.Code
	for _, p := range params {
		if p.Default != nil {
			defaults = append(defaults, jen.If(jen.Id("p").Dot(p.GoName).Op("==").Nil()).Block(
				jen.Id("p").Dot(p.GoName).Op("=").Add(paramValue(p.Type, *p.Default)),
			))
		}
	}
	f.Comment("WithDefaults returns a shallow copy of EndpointParameters with default values")
	f.Comment("applied to members where applicable.")
	f.Func().Params(jen.Id("p").Id("EndpointParameters")).Id("WithDefaults").Params().Id("EndpointParameters").Block(
		append(defaults, jen.Return(jen.Id("p")))...,
	)
}

// paramDoc returns the doc comment lines of a parameter's field.
func paramDoc(p *Param) []string {
	var paras []string
	if doc := strings.TrimSpace(p.Doc); doc != "" {
		paras = append(paras, doc)
	}
	if p.Required {
		paras = append(paras, "Parameter is required.")
	}
	if p.Default != nil {
		paras = append(paras, "Defaults to "+defaultText(*p.Default)+" if no value is provided.")
	}
	if p.BuiltIn != "" {
		paras = append(paras, p.BuiltIn)
	}
	if p.Deprecated != "" {
		paras = append(paras, "Deprecated: "+p.Deprecated)
	}
	var lines []string
	for i, para := range paras {
		if i > 0 {
			lines = append(lines, "")
		}
		for _, l := range strings.Split(para, "\n") {
			lines = append(lines, wrapLine(l, 77)...)
		}
	}
	return lines
}

// wrapLine breaks s at spaces into lines of at most width bytes (longer
// words stay whole).
func wrapLine(s string, width int) []string {
	words := strings.Fields(s)
	if len(words) == 0 {
		return []string{""}
	}
	var lines []string
	line := words[0]
	for _, w := range words[1:] {
		if len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = w
			continue
		}
		line += " " + w
	}
	return append(lines, line)
}

// defaultText renders a default value for documentation.
func defaultText(v ir.Node) string {
	switch v.Kind {
	case ir.BoolNode:
		if v.Bool {
			return "true"
		}
		return "false"
	case ir.ArrayNode:
		items := make([]string, len(v.Items))
		for i, it := range v.Items {
			items[i] = `"` + it.Str + `"`
		}
		return "[" + strings.Join(items, ", ") + "]"
	default:
		return `"` + v.Str + `"`
	}
}
