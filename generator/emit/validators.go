package emit

import (
	"regexp"
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// Validation comes in two modes, both in the service package's validators.go:
//
//   - required-only, as the AWS SDK for Go v2 validates on the client:
//     validateOp<Op>Input(v *<Op>Input) error, for every operation, checks
//     @required members (recursing into nested structures, lists, maps and
//     unions) and that string HTTP labels are not empty, and returns a
//     smithy.InvalidParamsError built with smithy.NewErrParamRequired (and
//     validation.NewErrParamMinLen for labels), or nil. Helpers
//     validate<Type> cover the types-package shapes.
//   - full, for the mock server and for clients that opt in:
//     (*<Op>Input).Validate() error, for every operation, checks required
//     members, non-empty labels, length, pattern, range, enum and intEnum
//     membership and uniqueItems everywhere in the input, and returns a
//     *validation.Error listing every violation with its path, or nil.
//     Helpers validateFull<Type> cover the types-package shapes.

// emitValidators renders validators.go.
func emitValidators(g *gen) ([]File, error) {
	v := &vgen{gen: g, f: g.newFile(g.cfg.ImportPath, g.cfg.Package), patterns: map[string]string{}, enums: map[ir.ShapeID]bool{}}
	v.secret = secretShapes(g)
	for _, op := range g.m.Operations {
		v.genOpRequired(op)
	}
	for _, s := range v.validatedTypes(g.needsRequired) {
		v.genTypeRequired(s)
	}
	for _, op := range g.m.Operations {
		v.genOpFull(op)
	}
	for _, s := range v.validatedTypes(g.needsFull) {
		v.genTypeFull(s)
	}
	v.genEnumChecks()
	v.genPatterns()
	file, err := render("validators.go", v.f)
	return []File{file}, err
}

// vgen renders validators.go.
type vgen struct {
	*gen
	f            *jen.File
	patterns     map[string]string // pattern → variable name
	patternOrder []string
	enums        map[ir.ShapeID]bool // enums and intEnums whose isKnown function is used
	enumOrder    []*ir.Shape
	secret       map[ir.ShapeID]bool // shapes that are, or sit inside, a sensitive value
}

// validatedTypes returns the structures and unions of the types package
// reachable from an operation input and in set, sorted by Go name.
func (v *vgen) validatedTypes(set map[ir.ShapeID]bool) []*ir.Shape {
	var out []*ir.Shape
	for _, typ := range []ir.ShapeType{ir.StructureType, ir.UnionType} {
		for _, s := range v.typeShapes(typ) {
			if set[s.ID] && v.inputReach[s.ID] {
				out = append(out, s)
			}
		}
	}
	return out
}

// ctxExpr is the context of a nested invalid parameter: a fmt format and its
// arguments, e.g. "Items[%d]" and i0.
type ctxExpr struct {
	format string
	args   []jen.Code
}

func (c ctxExpr) code() jen.Code {
	if len(c.args) == 0 {
		return jen.Lit(c.format)
	}
	return jen.Qual("fmt", "Sprintf").Call(append([]jen.Code{jen.Lit(c.format)}, c.args...)...)
}

func (c ctxExpr) with(format string, arg jen.Code) ctxExpr {
	return ctxExpr{format: c.format + format, args: append(append([]jen.Code(nil), c.args...), arg)}
}

// invalidParamsBody wraps the checks of a required-only validator.
func invalidParamsBody(context string, nilCheck bool, checks []jen.Code) []jen.Code {
	var body []jen.Code
	if nilCheck {
		body = append(body, jen.If(jen.Id("v").Op("==").Nil()).Block(jen.Return(jen.Nil())))
	}
	if len(checks) == 0 {
		return append(body, jen.Return(jen.Nil()))
	}
	body = append(body, jen.Id("invalidParams").Op(":=").Qual(smithyPath, "InvalidParamsError").Values(jen.Dict{jen.Id("Context"): jen.Lit(context)}))
	body = append(body, checks...)
	return append(body,
		jen.If(jen.Id("invalidParams").Dot("Len").Call().Op(">").Lit(0)).Block(jen.Return(jen.Id("invalidParams"))),
		jen.Return(jen.Nil()),
	)
}

// genOpRequired declares the required-only validator of op's input.
//
// Example output:
//
//	func validateOpAssumeRoleForPodIdentityInput(v *AssumeRoleForPodIdentityInput) error {
//		if v == nil {
//			return nil
//		}
//		invalidParams := smithy.InvalidParamsError{Context: "AssumeRoleForPodIdentityInput"}
//		if v.ClusterName == nil {
//			invalidParams.Add(smithy.NewErrParamRequired("ClusterName"))
//		} else if len(*v.ClusterName) == 0 {
//			invalidParams.Add(validation.NewErrParamMinLen("ClusterName", 1))
//		}
//		if v.Token == nil {
//			invalidParams.Add(smithy.NewErrParamRequired("Token"))
//		}
//		if invalidParams.Len() > 0 {
//			return invalidParams
//		}
//		return nil
//	}
func (v *vgen) genOpRequired(op *ir.Shape) {
	var checks []jen.Code
	for _, mem := range v.opMembers(op.Input) {
		checks = append(checks, v.requiredMember(mem, true)...)
	}
	name := inputName(op)
	v.f.Commentf("validateOp%s checks the required members of %s, as the SDK's", name, name)
	v.f.Comment("client does before sending a request.")
	v.f.Func().Id("validateOp" + name).Params(jen.Id("v").Op("*").Id(name)).Error().Block(
		invalidParamsBody(name, true, checks)...,
	)
}

// genTypeRequired declares the required-only validator of a structure or
// union of the types package.
//
// Example output:
//
//	func validateThing(v *types.Thing) error {
//		if v == nil {
//			return nil
//		}
//		invalidParams := smithy.InvalidParamsError{Context: "Thing"}
//		if v.Name == nil {
//			invalidParams.Add(smithy.NewErrParamRequired("Name"))
//		}
//		if invalidParams.Len() > 0 {
//			return invalidParams
//		}
//		return nil
//	}
func (v *vgen) genTypeRequired(s *ir.Shape) {
	var checks []jen.Code
	param := jen.Id("v").Op("*").Qual(v.typesPath(), s.GoName)
	if s.Type == ir.UnionType {
		param = jen.Id("v").Qual(v.typesPath(), s.GoName)
		checks = v.unionSwitch(s, func(mem *ir.Member) []jen.Code {
			return v.requiredNested(mem, v.target(mem), valueRef{expr: uvValue, ptr: v.isPtr(mem)}, ctxExpr{format: "[" + mem.Name + "]"}, 0)
		})
	} else {
		for _, mem := range s.Members {
			checks = append(checks, v.requiredMember(mem, false)...)
		}
	}
	v.f.Func().Id("validate" + s.GoName).Params(param).Error().Block(invalidParamsBody(s.GoName, true, checks)...)
}

// uvValue is the value of a union variant in a type switch.
func uvValue() *jen.Statement { return jen.Id("uv").Dot("Value") }

// unionSwitch returns a type switch on the union v with one case per member
// for which body returns statements.
func (v *vgen) unionSwitch(u *ir.Shape, body func(mem *ir.Member) []jen.Code) []jen.Code {
	var cases []jen.Code
	for _, mem := range u.Members {
		if b := body(mem); len(b) > 0 {
			cases = append(cases, jen.Case(jen.Op("*").Qual(v.typesPath(), mem.UnionVariant)).Block(b...))
		}
	}
	if len(cases) == 0 {
		return nil
	}
	return []jen.Code{jen.Switch(jen.Id("uv").Op(":=").Id("v").Assert(jen.Type())).Block(cases...)}
}

// valueRef is a Go expression for a value; ptr says it is a pointer to the
// value (a member with Pointer whose type is not nilable already).
type valueRef struct {
	expr func() *jen.Statement
	ptr  bool
}

// val is the value itself (dereferenced).
func (r valueRef) val() *jen.Statement {
	if r.ptr {
		return jen.Op("*").Add(r.expr())
	}
	return r.expr()
}

// addr is a pointer to the value (the expression must be addressable).
func (r valueRef) addr() *jen.Statement {
	if r.ptr {
		return r.expr()
	}
	return jen.Op("&").Add(r.expr())
}

// isPtr reports whether a member's Go type is a pointer to its value.
func (v *vgen) isPtr(mem *ir.Member) bool { return mem.Pointer && !nilableType(v.target(mem)) }

// fieldRef is the field of mem in the struct v.
func (v *vgen) fieldRef(mem *ir.Member) valueRef {
	return valueRef{expr: func() *jen.Statement { return jen.Id("v").Dot(mem.GoName) }, ptr: v.isPtr(mem)}
}

// absence says how a member's value can be missing: absent and present
// build the tests (nil for nilable fields, empty for a non-pointer enum, 0
// for a non-pointer intEnum, as the SDK's serializers treat them); ok is
// false when the value is always there. required says whether a missing
// value can break @required (not for a zero intEnum, which may be a value).
type absence struct {
	absent, present func() *jen.Statement
	ok, required    bool
}

func (v *vgen) absenceOf(mem *ir.Member, ref valueRef) absence {
	t := v.target(mem)
	switch {
	case v.nilable(mem):
		return absence{
			absent:  func() *jen.Statement { return ref.expr().Op("==").Nil() },
			present: func() *jen.Statement { return ref.expr().Op("!=").Nil() },
			ok:      true, required: true,
		}
	case t.Type == ir.EnumType, t.Type == ir.StringType && !mem.Pointer:
		// A non-pointer string (an enum, or a string with the legacy enum
		// trait) is empty when absent.
		return absence{
			absent:  func() *jen.Statement { return jen.Len(ref.expr()).Op("==").Lit(0) },
			present: func() *jen.Statement { return jen.Len(ref.expr()).Op(">").Lit(0) },
			ok:      true, required: true,
		}
	case t.Type == ir.IntEnumType:
		return absence{
			absent:  func() *jen.Statement { return ref.expr().Op("==").Lit(0) },
			present: func() *jen.Statement { return ref.expr().Op("!=").Lit(0) },
			ok:      true,
		}
	}
	return absence{}
}

// isStringLabel reports whether mem is an HTTP label bound to a string.
func (v *vgen) isStringLabel(mem *ir.Member, opInput bool) bool {
	t := v.target(mem)
	return opInput && mem.Binding == ir.BindLabel && (t.Type == ir.StringType || t.Type == ir.EnumType)
}

// requiredMember returns the required-only checks of a structure member.
func (v *vgen) requiredMember(mem *ir.Member, opInput bool) []jen.Code {
	t := v.target(mem)
	ref := v.fieldRef(mem)
	nested := v.requiredNested(mem, t, ref, ctxExpr{format: mem.GoName}, 0)
	abs := v.absenceOf(mem, ref)
	required := mem.Traits.Required && abs.required
	var elseIf *jen.Statement
	if v.isStringLabel(mem, opInput) {
		cond := jen.Len(ref.val()).Op("==").Lit(0)
		if ref.ptr && !required {
			cond = ref.expr().Op("!=").Nil().Op("&&").Add(cond)
		}
		if t.Type == ir.EnumType && !ref.ptr {
			cond = nil // a non-pointer enum is empty when absent
		}
		if cond != nil {
			elseIf = jen.If(cond).Block(jen.Id("invalidParams").Dot("Add").Call(
				jen.Qual(v.internalPath("validation"), "NewErrParamMinLen").Call(jen.Lit(mem.GoName), jen.Lit(1))))
		}
	}
	if required {
		stmt := jen.If(abs.absent()).Block(
			jen.Id("invalidParams").Dot("Add").Call(jen.Qual(smithyPath, "NewErrParamRequired").Call(jen.Lit(mem.GoName))))
		switch {
		case len(nested) > 0:
			stmt.Else().Block(nested...)
		case elseIf != nil:
			stmt.Else().Add(elseIf)
		}
		return []jen.Code{stmt}
	}
	if elseIf != nil {
		nested = append(nested, elseIf)
	}
	return nested
}

// requiredNested returns the checks of the required members nested in a
// value of shape t, adding their errors under context ctx.
func (v *vgen) requiredNested(mem *ir.Member, t *ir.Shape, ref valueRef, ctx ctxExpr, depth int) []jen.Code {
	if !v.needsRequired[t.ID] {
		return nil
	}
	addNested := func(call jen.Code) []jen.Code {
		return []jen.Code{jen.If(jen.Err().Op(":=").Add(call), jen.Err().Op("!=").Nil()).Block(
			jen.Id("invalidParams").Dot("AddNested").Call(ctx.code(), jen.Err().Assert(jen.Qual(smithyPath, "InvalidParamsError"))),
		)}
	}
	switch t.Type {
	case ir.StructureType:
		return addNested(jen.Id("validate" + t.GoName).Call(ref.addr()))
	case ir.UnionType:
		return addNested(jen.Id("validate" + t.GoName).Call(ref.val()))
	case ir.ListType, ir.SetType:
		elem := t.Members[0]
		i := jen.Id(loopVar("i", depth))
		elemRef := valueRef{expr: func() *jen.Statement { return ref.val().Index(jen.Id(loopVar("i", depth))) }, ptr: v.isPtr(elem)}
		body := v.requiredNested(elem, v.target(elem), elemRef, ctx.with("[%d]", i.Clone()), depth+1)
		return []jen.Code{jen.For(i.Clone().Op(":=").Range().Add(ref.val())).Block(body...)}
	case ir.MapType:
		val := t.Member("value")
		k, e := loopVar("k", depth), loopVar("e", depth)
		elemRef := valueRef{expr: func() *jen.Statement { return jen.Id(e) }, ptr: v.isPtr(val)}
		key := jen.Id(k)
		if v.sensitiveKeys(t) {
			key = jen.Qual(v.internalPath("validation"), "RedactedKey")
		}
		body := v.requiredNested(val, v.target(val), elemRef, ctx.with("[%q]", key), depth+1)
		return []jen.Code{jen.For(jen.List(jen.Id("_"), jen.Id(k)).Op(":=").Range().Add(sortedKeys(ref.val()))).Block(
			append([]jen.Code{jen.Id(e).Op(":=").Add(ref.val()).Index(jen.Id(k))}, body...)...,
		)}
	}
	return nil
}

// sensitiveKeys reports whether the keys of map t may be secret: the map or
// its key shape is @sensitive, or the map sits inside a sensitive value (a
// sensitive shape's content is sensitive throughout). Error paths then name
// such an entry by validation.RedactedKey, never by its key.
func (v *vgen) sensitiveKeys(t *ir.Shape) bool {
	if v.secret[t.ID] {
		return true
	}
	key := t.Member("key")
	return key != nil && (key.Traits.Sensitive || v.target(key).Traits.Sensitive)
}

// secretShapes returns the shapes that are sensitive or reachable from a
// sensitive shape or from the target of a sensitive member.
func secretShapes(g *gen) map[ir.ShapeID]bool {
	set := map[ir.ShapeID]bool{}
	for _, s := range g.m.Shapes() {
		if s.Traits.Sensitive {
			g.reach(s.ID, set)
		}
		for _, mem := range s.Members {
			if mem.Traits.Sensitive {
				g.reach(mem.Target, set)
			}
		}
	}
	return set
}

// loopVar names a loop variable of nesting depth d ("i0", "k1", ...).
func loopVar(prefix string, d int) string { return prefix + strconv.Itoa(d) }

// sortedKeys is slices.Sorted(maps.Keys(m)): map entries are visited in key
// order so that errors come out in a stable order.
func sortedKeys(m *jen.Statement) *jen.Statement {
	return jen.Qual("slices", "Sorted").Call(jen.Qual("maps", "Keys").Call(m))
}

// compileOK reports whether Go's regexp (RE2) compiles an ECMA-262 pattern,
// and the error when it does not.
func compileOK(pattern string) error {
	_, err := regexp.Compile(pattern)
	return err
}
