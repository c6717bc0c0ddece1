package emit

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// collector is the *validation.Collector parameter of the full validators.
func collector() *jen.Statement { return jen.Id("c") }

// genOpFull declares the Validate method of op's input and, when it checks
// anything, the validateFullOp<Op>Input function it calls.
//
// Example output:
//
//	// Validate checks v against every constraint of the model (required
//	// members, non-empty labels, length, pattern, range, enum values and
//	// unique items) and returns a *validation.Error listing every violation,
//	// or nil.
//	func (v *GetThingInput) Validate() error {
//		if v == nil {
//			return nil
//		}
//		var c validation.Collector
//		validateFullOpGetThingInput(&c, v)
//		return c.Err("GetThingInput")
//	}
//
//	func validateFullOpGetThingInput(c *validation.Collector, v *GetThingInput) {
//		if v.Name == nil {
//			c.Required("Name", "name")
//		} else {
//			c.Enter("Name", "name")
//			if n := validation.StringLength(*v.Name); n < 1 || n > 10 {
//				c.Length(n, "1", "10")
//			}
//			c.Leave()
//		}
//	}
func (v *vgen) genOpFull(op *ir.Shape) {
	name := inputName(op)
	var checks []jen.Code
	for _, mem := range v.opMembers(op.Input) {
		checks = append(checks, v.fullMember(mem, v.fieldRef(mem), true, true)...)
	}
	fn := "validateFullOp" + name
	v.f.Comment("Validate checks v against every constraint of the model (required")
	v.f.Comment("members, non-empty labels, length, pattern, range, enum values and")
	v.f.Comment("unique items) and returns a *validation.Error listing every violation,")
	v.f.Comment("or nil.")
	recv := jen.Func().Params(jen.Id("v").Op("*").Id(name)).Id("Validate").Params().Error()
	if len(checks) == 0 {
		v.f.Add(recv.Block(jen.Return(jen.Nil())))
		return
	}
	v.f.Add(recv.Block(
		jen.If(jen.Id("v").Op("==").Nil()).Block(jen.Return(jen.Nil())),
		jen.Var().Id("c").Qual(v.internalPath("validation"), "Collector"),
		jen.Id(fn).Call(jen.Op("&").Id("c"), jen.Id("v")),
		jen.Return(jen.Id("c").Dot("Err").Call(jen.Lit(name))),
	))
	v.f.Func().Id(fn).Params(v.collectorParam(), jen.Id("v").Op("*").Id(name)).Block(checks...)
}

func (v *vgen) collectorParam() jen.Code {
	return jen.Id("c").Op("*").Qual(v.internalPath("validation"), "Collector")
}

// genTypeFull declares the full validator of a structure or union of the
// types package.
//
// Example output:
//
//	func validateFullThing(c *validation.Collector, v *types.Thing) {
//		c.Enter("Size", "size")
//		if !isKnownSize(v.Size) {
//			c.Enum("small", "large")
//		}
//		c.Leave()
//	}
func (v *vgen) genTypeFull(s *ir.Shape) {
	var checks []jen.Code
	param := jen.Id("v").Op("*").Qual(v.typesPath(), s.GoName)
	if s.Type == ir.UnionType {
		param = jen.Id("v").Qual(v.typesPath(), s.GoName)
		checks = v.unionSwitch(s, func(mem *ir.Member) []jen.Code {
			return v.fullMember(mem, valueRef{expr: uvValue, ptr: v.isPtr(mem)}, false, false)
		})
	} else {
		for _, mem := range s.Members {
			checks = append(checks, v.fullMember(mem, v.fieldRef(mem), true, false)...)
		}
	}
	v.f.Func().Id("validateFull"+s.GoName).Params(v.collectorParam(), param).Block(checks...)
}

// enterLeave wraps checks in c.Enter(goName, wire) ... c.Leave().
func enterLeave(mem *ir.Member, checks []jen.Code) []jen.Code {
	out := []jen.Code{collector().Dot("Enter").Call(jen.Lit(mem.GoName), jen.Lit(mem.Name))}
	out = append(out, checks...)
	return append(out, collector().Dot("Leave").Call())
}

// fullMember returns the full checks of a structure member or union
// variant whose value is ref.
func (v *vgen) fullMember(mem *ir.Member, ref valueRef, structMember, opInput bool) []jen.Code {
	t := v.target(mem)
	label := v.isStringLabel(mem, opInput)
	var checks []jen.Code
	if abs := v.absenceOf(mem, ref); abs.ok {
		checks = v.fullValue(mem, t, ref, 0, label, false)
		required := structMember && mem.Traits.Required && abs.required
		if !required && len(checks) == 0 {
			return nil
		}
		if !required {
			return []jen.Code{jen.If(abs.present()).Block(enterLeave(mem, checks)...)}
		}
		stmt := jen.If(abs.absent()).Block(
			collector().Dot("Required").Call(jen.Lit(mem.GoName), jen.Lit(mem.Name)))
		if len(checks) > 0 {
			stmt.Else().Block(enterLeave(mem, checks)...)
		}
		return []jen.Code{stmt}
	}
	checks = v.fullValue(mem, t, ref, 0, label, false)
	if len(checks) == 0 {
		return nil
	}
	return enterLeave(mem, checks)
}

// fullValue returns the checks of a non-nil value of shape t reached
// through member mem (whose constraints override t's). label adds the
// non-empty check of an HTTP label; rawKey says the value is a map key,
// a plain string even when t is an enum.
func (v *vgen) fullValue(mem *ir.Member, t *ir.Shape, ref valueRef, depth int, label, rawKey bool) []jen.Code {
	cons := constraintsOf(mem, t)
	var out []jen.Code
	switch t.Type {
	case ir.StringType, ir.EnumType:
		str := ref.val()
		if t.Type == ir.EnumType && !rawKey {
			str = jen.String().Call(ref.val())
		}
		out = append(out, v.lengthCheck(mem, cons, validationCall(v, "StringLength", str), label)...)
		out = append(out, v.patternCheck(mem, cons, str.Clone())...)
		out = append(out, v.enumCheck(t, ref.val(), rawKey)...)
	case ir.BlobType:
		if !t.Traits.Streaming {
			out = append(out, v.lengthCheck(mem, cons, jen.Len(ref.val()), false)...)
		}
	case ir.ByteType, ir.ShortType, ir.IntegerType, ir.LongType, ir.FloatType, ir.DoubleType,
		ir.BigIntegerType, ir.BigDecimalType:
		out = append(out, v.rangeCheck(mem, t, cons, ref.val())...)
	case ir.IntEnumType:
		out = append(out, v.rangeCheck(mem, t, cons, ref.val())...)
		out = append(out, v.enumCheck(t, ref.val(), false)...)
	case ir.ListType, ir.SetType:
		out = append(out, v.lengthCheck(mem, cons, jen.Len(ref.val()), false)...)
		if cons.unique {
			out = append(out, jen.If(jen.Op("!").Add(v.uniqueCall(t, ref.val()))).Block(collector().Dot("Unique").Call()))
		}
		out = append(out, v.listElems(t, ref, depth)...)
	case ir.MapType:
		out = append(out, v.lengthCheck(mem, cons, jen.Len(ref.val()), false)...)
		out = append(out, v.mapEntries(t, ref, depth)...)
	case ir.StructureType:
		if v.needsFull[t.ID] {
			out = append(out, jen.Id("validateFull"+t.GoName).Call(collector(), ref.addr()))
		}
	case ir.UnionType:
		if v.needsFull[t.ID] {
			out = append(out, jen.Id("validateFull"+t.GoName).Call(collector(), ref.val()))
		}
	}
	return out
}

func validationCall(v *vgen, fn string, args ...jen.Code) *jen.Statement {
	return jen.Qual(v.internalPath("validation"), fn).Call(args...)
}

// listElems returns the loop checking every element of a list.
//
// Example output:
//
//	for i0 := range v.Names {
//		c.EnterIndex(i0)
//		if n := validation.StringLength(v.Names[i0]); n > 8 {
//			c.Length(n, "", "8")
//		}
//		c.Leave()
//	}
func (v *vgen) listElems(t *ir.Shape, ref valueRef, depth int) []jen.Code {
	elem := t.Members[0]
	et := v.target(elem)
	i := loopVar("i", depth)
	elemRef := valueRef{expr: func() *jen.Statement { return ref.val().Index(jen.Id(i)) }, ptr: v.isPtr(elem)}
	checks := v.fullValue(elem, et, elemRef, depth+1, false, false)
	if len(checks) == 0 {
		return nil
	}
	body := append([]jen.Code{collector().Dot("EnterIndex").Call(jen.Id(i))}, checks...)
	body = append(body, collector().Dot("Leave").Call())
	if elem.Pointer || t.Traits.Sparse {
		body = []jen.Code{jen.If(elemRef.expr().Op("!=").Nil()).Block(body...)}
	}
	return []jen.Code{jen.For(jen.Id(i).Op(":=").Range().Add(ref.val())).Block(body...)}
}

// mapEntries returns the loop checking every key and value of a map, in
// key order. A key's violations are reported at the map's path, as Smithy
// servers do.
//
// Example output:
//
//	for _, k0 := range slices.Sorted(maps.Keys(v.Tags)) {
//		if n := validation.StringLength(k0); n < 1 {
//			c.Length(n, "1", "")
//		}
//		e0 := v.Tags[k0]
//		c.EnterKey(k0)
//		validateFullThing(c, &e0)
//		c.Leave()
//	}
func (v *vgen) mapEntries(t *ir.Shape, ref valueRef, depth int) []jen.Code {
	key, val := t.Member("key"), t.Member("value")
	k, e := loopVar("k", depth), loopVar("e", depth)
	var body []jen.Code
	if key != nil {
		body = v.fullValue(key, v.target(key), valueRef{expr: func() *jen.Statement { return jen.Id(k) }}, depth+1, false, true)
	}
	if val != nil {
		elemRef := valueRef{expr: func() *jen.Statement { return jen.Id(e) }, ptr: v.isPtr(val)}
		if checks := v.fullValue(val, v.target(val), elemRef, depth+1, false, false); len(checks) > 0 {
			enter := collector().Dot("EnterKey").Call(jen.Id(k))
			if v.sensitiveKeys(t) {
				enter = collector().Dot("EnterRedactedKey").Call()
			}
			inner := append([]jen.Code{enter}, checks...)
			inner = append(inner, collector().Dot("Leave").Call())
			if val.Pointer || t.Traits.Sparse {
				inner = []jen.Code{jen.If(jen.Id(e).Op("!=").Nil()).Block(inner...)}
			}
			body = append(body, jen.Id(e).Op(":=").Add(ref.val()).Index(jen.Id(k)))
			body = append(body, inner...)
		}
	}
	if len(body) == 0 {
		return nil
	}
	return []jen.Code{jen.For(jen.List(jen.Id("_"), jen.Id(k)).Op(":=").Range().Add(sortedKeys(ref.val()))).Block(body...)}
}

// lengthCheck returns the length check of a value whose length is n (an
// expression); label adds "at least 1" when the length trait does not.
//
// Example output:
//
//	if n := validation.StringLength(*v.Name); n < 1 || n > 10 {
//		c.Length(n, "1", "10")
//	}
func (v *vgen) lengthCheck(mem *ir.Member, cons constraints, n jen.Code, label bool) []jen.Code {
	min, max := int64(-1), int64(-1)
	minText, maxText := "", ""
	if cons.length != nil {
		min, max = v.lengthBounds(cons.length, mem.Pos, mem.ID)
		minText, maxText = boundText(cons.length.Min), boundText(cons.length.Max)
	}
	if label && min < 1 {
		min, minText = 1, "1"
		if max < 0 {
			maxText = ""
		}
	}
	var cond *jen.Statement
	if min > 0 {
		cond = jen.Id("n").Op("<").Lit(int(min))
	}
	if max >= 0 {
		c := jen.Id("n").Op(">").Lit(int(max))
		if cond == nil {
			cond = c
		} else {
			cond = cond.Op("||").Add(c)
		}
	}
	if cond == nil {
		return nil
	}
	return []jen.Code{jen.If(jen.Id("n").Op(":=").Add(n), cond).Block(
		collector().Dot("Length").Call(jen.Id("n"), jen.Lit(minText), jen.Lit(maxText)))}
}

// patternCheck returns the pattern check of a string value, or a comment
// when Go's regexp cannot compile the pattern.
//
// Example output:
//
//	if !validationPattern0.MatchString(*v.Name) {
//		c.Pattern("^[a-z]+$")
//	}
func (v *vgen) patternCheck(mem *ir.Member, cons constraints, val jen.Code) []jen.Code {
	if !cons.hasPattern {
		return nil
	}
	if err := compileOK(cons.pattern); err != nil {
		msg := strings.ReplaceAll(err.Error(), "\n", " ")
		return []jen.Code{jen.Comment("The pattern " + quoteComment(cons.pattern) + " is not checked: Go's regexp cannot compile it (" + msg + ").")}
	}
	name, ok := v.patterns[cons.pattern]
	if !ok {
		name = "validationPattern" + loopVar("", len(v.patternOrder))
		v.patterns[cons.pattern] = name
		v.patternOrder = append(v.patternOrder, cons.pattern)
	}
	str := val
	if t := v.target(mem); t.Type == ir.EnumType {
		str = jen.String().Call(val)
	}
	return []jen.Code{jen.If(jen.Op("!").Id(name).Dot("MatchString").Call(str)).Block(
		collector().Dot("Pattern").Call(jen.Lit(cons.pattern)))}
}

// quoteComment makes s safe inside a line comment.
func quoteComment(s string) string {
	return "`" + strings.NewReplacer("\n", `\n`, "\r", `\r`).Replace(s) + "`"
}

// genPatterns declares the compiled patterns, in order of first use. Each
// was compiled at generation time, so MustCompile cannot fail; the
// validation template matches simple anchored patterns without regexp.
//
// Example output:
//
//	var validationPattern0 = validation.MustCompile("^[a-z]+$")
func (v *vgen) genPatterns() {
	if len(v.patternOrder) == 0 {
		return
	}
	v.f.Comment("The patterns of the model, compiled once (each compiled at generation time).")
	v.f.Var().DefsFunc(func(gr *jen.Group) {
		for _, p := range v.patternOrder {
			gr.Id(v.patterns[p]).Op("=").Qual(v.internalPath("validation"), "MustCompile").Call(jen.Lit(p))
		}
	})
}
