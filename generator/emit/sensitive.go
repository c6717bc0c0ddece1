package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// redacted describes a struct type that holds sensitive data and gets
// Format, LogValue, String and GoString methods.
type redacted struct {
	name     string // the Go type name
	pkg      string // its package name, for %#v
	whole    bool   // the whole value is sensitive: print only the redaction text
	isError  bool   // an error type: %v and %s print Error()
	fields   []redactedField
	receiver string
}

// redactedField is one field of a redacted struct, in declaration order.
type redactedField struct {
	name   string
	redact bool
}

// memberSensitive reports whether a member's value must never be shown:
// the member or its target has the sensitive trait, or its target is a list
// or map holding sensitive values that cannot redact themselves (strings,
// blobs, numbers, ...: anything but structures and unions, whose generated
// methods redact them), e.g. a list of @sensitive strings.
func (g *gen) memberSensitive(mem *ir.Member) bool {
	return mem.Traits.Sensitive || g.target(mem).Traits.Sensitive || g.holdsBareSensitive(g.target(mem), 0)
}

// holdsBareSensitive reports whether collection t holds, at any depth of
// nested lists and maps, a sensitive value of a type without redacting
// methods, or an element whose member (not its type) is sensitive.
func (g *gen) holdsBareSensitive(t *ir.Shape, depth int) bool {
	if !t.Type.IsCollection() && t.Type != ir.MapType || depth > 16 {
		return false
	}
	for _, elem := range t.Members {
		et := g.target(elem)
		selfRedacting := et.Type == ir.StructureType || et.Type == ir.UnionType
		if elem.Traits.Sensitive || et.Traits.Sensitive && !selfRedacting || g.holdsBareSensitive(et, depth+1) {
			return true
		}
	}
	return false
}

// memberFields returns the redactedFields of members.
func (g *gen) memberFields(members []*ir.Member) []redactedField {
	out := make([]redactedField, 0, len(members))
	for _, mem := range members {
		out = append(out, redactedField{name: mem.GoName, redact: g.memberSensitive(mem)})
	}
	return out
}

// opFields returns the redactedFields of an operation input or output
// (id): every member is redacted when the shape itself is @sensitive (its
// Go struct also carries ResultMetadata, which stays visible).
func (g *gen) opFields(id ir.ShapeID) []redactedField {
	fields := g.memberFields(g.opMembers(id))
	if s := g.m.Shape(id); s != nil && s.Traits.Sensitive {
		for i := range fields {
			fields[i].redact = true
		}
	}
	return fields
}

// emitTypesSensitive renders types/sensitive.go: the redacting methods of
// the types-package structs (structures, errors, union variants) that hold
// sensitive data.
func emitTypesSensitive(g *gen) ([]File, error) {
	var rs []redacted
	for _, s := range g.structures() {
		if g.sensitive[s.ID] {
			rs = append(rs, redacted{name: s.GoName, pkg: "types", whole: s.Traits.Sensitive, fields: g.memberFields(s.Members), receiver: "v"})
		}
	}
	for _, s := range g.typeShapes(ir.StructureType) {
		if s.Traits.Error == "" || !g.sensitive[s.ID] {
			continue
		}
		msg := messageMember(s)
		fields := []redactedField{{name: "Message", redact: msg != nil && g.memberSensitive(msg)}, {name: "ErrorCodeOverride"}}
		for _, mem := range s.Members {
			if mem != msg {
				fields = append(fields, redactedField{name: mem.GoName, redact: g.memberSensitive(mem)})
			}
		}
		rs = append(rs, redacted{name: s.GoName, pkg: "types", whole: s.Traits.Sensitive, isError: true, fields: fields, receiver: "e"})
	}
	for _, u := range g.typeShapes(ir.UnionType) {
		if !g.sensitive[u.ID] {
			continue
		}
		for _, mem := range u.Members {
			if u.Traits.Sensitive || g.memberSensitive(mem) || g.sensitive[mem.Target] {
				rs = append(rs, redacted{name: mem.UnionVariant, pkg: "types", whole: u.Traits.Sensitive,
					fields: []redactedField{{name: "Value", redact: g.memberSensitive(mem)}}, receiver: "v"})
			}
		}
	}
	return g.emitRedacted("types/sensitive.go", g.typesPath(), "types", rs)
}

// emitSensitive renders sensitive.go: the redacting methods of the
// operation inputs and outputs that hold sensitive data.
func emitSensitive(g *gen) ([]File, error) {
	var rs []redacted
	for _, op := range g.m.Operations {
		if op.Input != "" && g.sensitive[op.Input] {
			rs = append(rs, redacted{name: inputName(op), pkg: g.cfg.Package, fields: g.opFields(op.Input), receiver: "v"})
		}
		if op.Output != "" && g.sensitive[op.Output] {
			fields := append(g.opFields(op.Output), redactedField{name: "ResultMetadata"})
			rs = append(rs, redacted{name: outputName(op), pkg: g.cfg.Package, fields: fields, receiver: "v"})
		}
	}
	return g.emitRedacted("sensitive.go", g.cfg.ImportPath, g.cfg.Package, rs)
}

// emitRedacted renders the file at path with the methods of rs; no file
// when rs is empty.
func (g *gen) emitRedacted(path, pkgPath, pkgName string, rs []redacted) ([]File, error) {
	if len(rs) == 0 {
		return nil, nil
	}
	f := g.newFile(pkgPath, pkgName)
	for _, r := range rs {
		g.genRedacted(f, r)
	}
	file, err := render(path, f)
	return []File{file}, err
}

// genRedacted declares the methods that keep r's sensitive values out of
// fmt and log/slog. encoding/json is left alone (no MarshalJSON), so that
// json.Marshal gives the AWS SDK for Go v2's bytes, secrets included: see
// the doc of the sensitive template package for what slog's JSON handler
// then shows.
//
// Example output:
//
//	// Format implements fmt.Formatter: v prints as fmt would print it, with
//	// "*** Sensitive Information Redacted ***" in place of sensitive values.
//	func (v Credentials) Format(f fmt.State, verb rune) {
//		sensitive.Format(f, verb, "types.Credentials", v.redactedFields())
//	}
//
//	// LogValue implements slog.LogValuer, with the same redaction as Format.
//	// slog resolves it for v, &v and v inside a logged type with LogValue;
//	// a bare slice or map of Credentials is encoded by slog's JSON handler with
//	// encoding/json, which does not redact (as in the AWS SDK for Go v2).
//	func (v Credentials) LogValue() slog.Value {
//		return sensitive.LogValue(v.redactedFields())
//	}
//
//	// String returns v formatted with %v, sensitive values redacted.
//	func (v Credentials) String() string { return sensitive.String(v.Format) }
//
//	// GoString returns v formatted with %#v, sensitive values redacted.
//	func (v Credentials) GoString() string { return sensitive.GoString(v.Format) }
//
//	func (v Credentials) redactedFields() []sensitive.Field {
//		return []sensitive.Field{
//			{Name: "AccessKeyId", Value: v.AccessKeyId},
//			{Name: "SecretAccessKey", Value: v.SecretAccessKey, Redact: true},
//		}
//	}
func (g *gen) genRedacted(f *jen.File, r redacted) {
	pkg := g.internalPath("sensitive")
	rv := r.receiver
	recv := func() *jen.Statement { return jen.Func().Params(jen.Id(rv).Id(r.name)) }
	fieldsCall := jen.Id(rv).Dot("redactedFields").Call()

	var format, logValue jen.Code
	switch {
	case r.whole:
		format = jen.Qual(pkg, "FormatRedacted").Call(jen.Id("f"), jen.Id("verb"))
		logValue = jen.Return(jen.Qual("log/slog", "StringValue").Call(jen.Qual(pkg, "Text")))
	case r.isError:
		format = jen.Qual(pkg, "FormatError").Call(jen.Id("f"), jen.Id("verb"), jen.Id(rv).Dot("Error").Call(), jen.Lit(r.pkg+"."+r.name), fieldsCall.Clone())
		logValue = jen.Return(jen.Qual(pkg, "LogValue").Call(fieldsCall.Clone()))
	default:
		format = jen.Qual(pkg, "Format").Call(jen.Id("f"), jen.Id("verb"), jen.Lit(r.pkg+"."+r.name), fieldsCall.Clone())
		logValue = jen.Return(jen.Qual(pkg, "LogValue").Call(fieldsCall.Clone()))
	}
	f.Comment("Format implements fmt.Formatter: " + rv + " prints as fmt would print it, with")
	f.Comment("\"*** Sensitive Information Redacted ***\" in place of sensitive values.")
	if r.isError && !r.whole {
		f.Comment("For %v and %s it prints Error().")
	}
	f.Add(recv().Id("Format").Params(jen.Id("f").Qual("fmt", "State"), jen.Id("verb").Rune()).Block(format))
	f.Comment("LogValue implements slog.LogValuer, with the same redaction as Format.")
	f.Comment("slog resolves it for " + rv + ", &" + rv + " and " + rv + " inside a logged type with LogValue;")
	f.Comment("a bare slice or map of " + r.name + " is encoded by slog's JSON handler with")
	f.Comment("encoding/json, which does not redact (as in the AWS SDK for Go v2).")
	f.Add(recv().Id("LogValue").Params().Qual("log/slog", "Value").Block(logValue))
	f.Comment("String returns " + rv + " formatted with %v, sensitive values redacted.")
	f.Add(recv().Id("String").Params().String().Block(jen.Return(jen.Qual(pkg, "String").Call(jen.Id(rv).Dot("Format")))))
	f.Comment("GoString returns " + rv + " formatted with %#v, sensitive values redacted.")
	f.Add(recv().Id("GoString").Params().String().Block(jen.Return(jen.Qual(pkg, "GoString").Call(jen.Id(rv).Dot("Format")))))
	if r.whole {
		return
	}
	f.Add(recv().Id("redactedFields").Params().Index().Qual(pkg, "Field").Block(
		jen.Return(jen.Index().Qual(pkg, "Field").CustomFunc(jen.Options{Open: "{", Close: "}", Separator: ",", Multi: true}, func(gr *jen.Group) {
			for _, fl := range r.fields {
				items := []jen.Code{jen.Id("Name").Op(":").Lit(fl.name), jen.Id("Value").Op(":").Id(rv).Dot(fl.name)}
				if fl.redact {
					items = append(items, jen.Id("Redact").Op(":").True())
				}
				gr.Values(items...)
			}
		})),
	))
}
