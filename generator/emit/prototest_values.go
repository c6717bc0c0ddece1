package emit

import (
	"math/big"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// Go values from smithy.test params.
//
// The protocol-test emitters (client and server side) turn the params node
// of a smithy.test case into Go code that builds the value of the generated
// type. All names are qualified with jen.Qual, so the same code works in any
// package: the service package's external tests (package <pkg>_test) and
// the mock package's tests.
//
// In params, as in Smithy's protocol tests: member names are the names
// written in the model (not jsonName), blobs are strings, timestamps are
// epoch seconds (numbers), floats may be "NaN", "Infinity" or "-Infinity",
// documents are any node.

// protoInput returns an expression of type *<pkg>.<Op>Input holding params.
//
// Example output:
//
//	&restjson.AllQueryStringTypesInput{QueryString: aws.String("Hello there"), QueryByte: aws.Int8(1)}
func (g *gen) protoInput(op *ir.Shape, params ir.Node) (jen.Code, error) {
	return g.protoOperationStruct(op.Input, jen.Qual(g.cfg.ImportPath, inputName(op)), params, inInput)
}

// protoOutput returns an expression of type *<pkg>.<Op>Output holding params
// (ResultMetadata left zero).
func (g *gen) protoOutput(op *ir.Shape, params ir.Node) (jen.Code, error) {
	return g.protoOperationStruct(op.Output, jen.Qual(g.cfg.ImportPath, outputName(op)), params, inOutput)
}

// protoError returns an expression of type *types.<Error> holding params
// (ErrorCodeOverride left nil).
//
// Example output:
//
//	&types.ComplexError{Header: aws.String("Header"), TopLevel: aws.String("Top level")}
func (g *gen) protoError(e *ir.Shape, params ir.Node) (jen.Code, error) {
	pv := protoVal{g: g, d: inNested}
	fields := pv.fields(e, params, messageMember(e))
	if err := pv.errs.Err(); err != nil {
		return nil, err
	}
	return jen.Op("&").Qual(g.typesPath(), e.GoName).Values(fields), nil
}

// protoValue returns an expression of the Go type of shape target (as
// shapeType gives it, never an added pointer) holding v; d says whether the
// value is in an operation input or output (streaming blobs differ).
//
// Example output, for a list of strings: []string{"a", "b"}
func (g *gen) protoValue(target ir.ShapeID, v ir.Node, d direction) (jen.Code, error) {
	t := g.m.Shape(target)
	if t == nil {
		return nil, ir.Errorf(v.Pos, target, "params: shape %s not found", target)
	}
	pv := protoVal{g: g, d: d}
	code := pv.value(t, v)
	if err := pv.errs.Err(); err != nil {
		return nil, err
	}
	return code, nil
}

// protoOperationStruct returns &typ{...} for the members of the operation
// input or output shape id.
func (g *gen) protoOperationStruct(id ir.ShapeID, typ *jen.Statement, params ir.Node, d direction) (jen.Code, error) {
	pv := protoVal{g: g, d: d}
	var fields jen.Dict
	if s := g.m.Shape(id); s != nil && id != ir.UnitID {
		fields = pv.fields(s, params, nil)
	} else if params.Kind == ir.ObjectNode && len(params.Fields) > 0 {
		pv.errs.Addf(params.Pos, id, "params: the operation has no members, got %q", params.Fields[0].Key)
	}
	if err := pv.errs.Err(); err != nil {
		return nil, err
	}
	return jen.Op("&").Add(typ).Values(fields), nil
}

// protoVal converts one params node, collecting the problems found.
type protoVal struct {
	g         *gen
	d         direction
	inlinePtr bool // take the address of other values with an inline func, not prototest.Ptr (for non-test code)
	errs      ir.ErrorList
}

// fields returns the field values of structure s from the object node v, by
// member name. msg, when not nil, is an error's message member (always a
// *string field named Message). Null members are left out.
func (p *protoVal) fields(s *ir.Shape, v ir.Node, msg *ir.Member) jen.Dict {
	fields := jen.Dict{}
	if v.IsNull() {
		return fields
	}
	if v.Kind != ir.ObjectNode {
		p.errs.Addf(v.Pos, s.ID, "params: want an object for %s, got %s", s.ID, v.Kind)
		return fields
	}
	for _, f := range v.Fields {
		mem := s.Member(f.Key)
		if mem == nil {
			p.errs.Addf(f.KeyPos, s.ID, "params: %s has no member %q", s.ID, f.Key)
			continue
		}
		if f.Value.IsNull() {
			continue
		}
		if mem == msg {
			fields[jen.Id("Message")] = jen.Qual(awsPath, "String").Call(p.scalar(p.g.target(mem), f.Value))
			continue
		}
		fields[jen.Id(mem.GoName)] = p.member(mem, f.Value)
	}
	return fields
}

// member returns the value of v as the Go type of a member's field or
// collection element: a pointer when the member is a pointer to a
// non-nilable type.
func (p *protoVal) member(mem *ir.Member, v ir.Node) jen.Code {
	t := p.g.target(mem)
	if v.IsNull() {
		return jen.Nil()
	}
	if !mem.Pointer || nilableType(t) {
		return p.value(t, v)
	}
	if t.Type == ir.StructureType {
		return jen.Op("&").Add(p.value(t, v))
	}
	if fn := awsPointerFunc(t.Type); fn != "" {
		return jen.Qual(awsPath, fn).Call(p.value(t, v))
	}
	if p.inlinePtr {
		return jen.Func().Params().Op("*").Add(p.g.shapeType(t, p.d)).Block(
			jen.Id("v").Op(":=").Add(p.value(t, v)),
			jen.Return(jen.Op("&").Id("v")),
		).Call()
	}
	return jen.Qual(p.g.internalPath("prototest"), "Ptr").Call(p.value(t, v))
}

// awsPointerFunc returns the aws package's pointer helper for a value of
// shape type t (aws.String for a string, ...), or "" when it has none.
func awsPointerFunc(t ir.ShapeType) string {
	switch t {
	case ir.StringType:
		return "String"
	case ir.BooleanType:
		return "Bool"
	case ir.ByteType:
		return "Int8"
	case ir.ShortType:
		return "Int16"
	case ir.IntegerType:
		return "Int32"
	case ir.LongType:
		return "Int64"
	case ir.FloatType:
		return "Float32"
	case ir.DoubleType:
		return "Float64"
	case ir.TimestampType:
		return "Time"
	}
	return ""
}

// value returns the value of v as the Go type of shape t (no added pointer).
func (p *protoVal) value(t *ir.Shape, v ir.Node) jen.Code {
	switch t.Type {
	case ir.StructureType:
		if t.ID == ir.UnitID {
			return jen.Struct().Values()
		}
		return jen.Qual(p.g.typesPath(), t.GoName).Values(p.fields(t, v, nil))
	case ir.UnionType:
		return p.union(t, v)
	case ir.ListType, ir.SetType:
		return p.list(t, v)
	case ir.MapType:
		return p.mapValue(t, v)
	case ir.DocumentType:
		return jen.Qual(p.g.documentPath(), "NewLazyDocument").Call(p.document(v))
	case ir.EnumType, ir.IntEnumType:
		if t.GoPackage == ir.TypesPackage && t.GoName != "" {
			return jen.Qual(p.g.typesPath(), t.GoName).Call(p.scalar(t, v))
		}
		return p.scalar(t, v)
	case ir.BlobType:
		if t.Traits.Streaming {
			r := jen.Qual("strings", "NewReader").Call(jen.Lit(p.str(t, v)))
			if p.d == inOutput {
				return jen.Qual("io", "NopCloser").Call(r)
			}
			return r
		}
		return jen.Index().Byte().Call(jen.Lit(p.str(t, v)))
	}
	return p.scalar(t, v)
}

// scalar returns a simple value: an untyped constant for strings, booleans
// and numbers (so that it converts to any named type), math.NaN() and
// math.Inf for the special floats, *big.Int/*big.Float for big numbers and
// time.Time for timestamps.
func (p *protoVal) scalar(t *ir.Shape, v ir.Node) jen.Code {
	switch t.Type {
	case ir.StringType, ir.EnumType:
		return jen.Lit(p.str(t, v))
	case ir.BooleanType:
		if v.Kind != ir.BoolNode {
			p.mismatch(t, v, "a boolean")
			return jen.False()
		}
		return jen.Lit(v.Bool)
	case ir.ByteType, ir.ShortType, ir.IntegerType, ir.LongType, ir.IntEnumType:
		n, ok := v.Int64()
		if !ok {
			p.mismatch(t, v, "an integer")
		}
		return jen.Id(strconv.FormatInt(n, 10))
	case ir.FloatType, ir.DoubleType:
		return p.float(t, v)
	case ir.BigIntegerType:
		if _, ok := new(big.Int).SetString(v.Str, 10); v.Kind != ir.NumberNode || !ok {
			p.mismatch(t, v, "an integer")
		}
		return jen.Qual(p.g.internalPath("prototest"), "BigInt").Call(jen.Lit(v.Str))
	case ir.BigDecimalType:
		if _, ok := new(big.Float).SetString(v.Str); v.Kind != ir.NumberNode || !ok {
			p.mismatch(t, v, "a number")
		}
		return jen.Qual(p.g.internalPath("prototest"), "BigFloat").Call(jen.Lit(v.Str))
	case ir.TimestampType:
		sec, nsec, ok := epochParts(v)
		if !ok {
			p.mismatch(t, v, "epoch seconds")
		}
		return jen.Qual("time", "Unix").Call(jen.Lit(int(sec)), jen.Lit(int(nsec))).Dot("UTC").Call()
	}
	p.mismatch(t, v, "a simple value")
	return jen.Nil()
}

// float returns a float constant, or math.NaN()/math.Inf(±1) (converted to
// float32 for float shapes) for the strings "NaN", "Infinity", "-Infinity".
func (p *protoVal) float(t *ir.Shape, v ir.Node) jen.Code {
	var special *jen.Statement
	switch {
	case v.Kind == ir.StringNode && v.Str == "NaN":
		special = jen.Qual("math", "NaN").Call()
	case v.Kind == ir.StringNode && v.Str == "Infinity":
		special = jen.Qual("math", "Inf").Call(jen.Lit(1))
	case v.Kind == ir.StringNode && v.Str == "-Infinity":
		special = jen.Qual("math", "Inf").Call(jen.Lit(-1))
	case v.Kind == ir.NumberNode:
		f, ok := v.Float64()
		if !ok {
			p.mismatch(t, v, "a number")
		}
		bits := 64
		if t.Type == ir.FloatType {
			bits = 32
		}
		return jen.Id(strconv.FormatFloat(f, 'g', -1, bits))
	default:
		p.mismatch(t, v, "a number")
		return jen.Lit(0)
	}
	if t.Type == ir.FloatType {
		return jen.Float32().Call(special)
	}
	return special
}

// str returns the text of a string node (blobs and strings).
func (p *protoVal) str(t *ir.Shape, v ir.Node) string {
	if v.Kind != ir.StringNode {
		p.mismatch(t, v, "a string")
	}
	return v.Str
}

// list returns []T{...}; null elements (sparse lists) are nil.
func (p *protoVal) list(t *ir.Shape, v ir.Node) jen.Code {
	typ := p.g.shapeType(t, p.d)
	if v.Kind != ir.ArrayNode {
		p.mismatch(t, v, "an array")
		return typ.Clone().Values()
	}
	if len(t.Members) == 0 {
		return typ.Clone().Values()
	}
	items := make([]jen.Code, len(v.Items))
	for i, it := range v.Items {
		items[i] = p.member(t.Members[0], it)
	}
	return typ.Clone().Values(items...)
}

// mapValue returns map[string]V{...} in params order; null values (sparse
// maps) are nil.
func (p *protoVal) mapValue(t *ir.Shape, v ir.Node) jen.Code {
	typ := p.g.shapeType(t, p.d)
	val := t.Member("value")
	if v.Kind != ir.ObjectNode || val == nil {
		p.mismatch(t, v, "an object")
		return typ.Clone().Values()
	}
	entries := make([]jen.Code, len(v.Fields))
	for i, f := range v.Fields {
		entries[i] = jen.Lit(f.Key).Op(":").Add(p.member(val, f.Value))
	}
	return typ.Clone().Values(entries...)
}

// union returns &types.<Variant>{Value: ...} for the one member set in v.
func (p *protoVal) union(t *ir.Shape, v ir.Node) jen.Code {
	if v.Kind != ir.ObjectNode || len(v.Fields) != 1 {
		p.mismatch(t, v, "an object with one member")
		return jen.Nil()
	}
	f := v.Fields[0]
	mem := t.Member(f.Key)
	if mem == nil {
		p.errs.Addf(f.KeyPos, t.ID, "params: union %s has no member %q", t.ID, f.Key)
		return jen.Nil()
	}
	if p.g.target(mem).ID == ir.UnitID {
		return jen.Op("&").Qual(p.g.typesPath(), mem.UnionVariant).Values()
	}
	return jen.Op("&").Qual(p.g.typesPath(), mem.UnionVariant).Values(jen.Dict{jen.Id("Value"): p.member(mem, f.Value)})
}

// document returns the Go value of a document node: nil, bool, string,
// float64 or int64 constants, []any and map[string]any.
func (p *protoVal) document(v ir.Node) jen.Code {
	switch v.Kind {
	case ir.BoolNode:
		return jen.Lit(v.Bool)
	case ir.StringNode:
		return jen.Lit(v.Str)
	case ir.NumberNode:
		if n, ok := v.Int64(); ok && !strings.ContainsAny(v.Str, ".eE") {
			return jen.Lit(n)
		}
		f, _ := v.Float64()
		return jen.Lit(f)
	case ir.ArrayNode:
		items := make([]jen.Code, len(v.Items))
		for i, it := range v.Items {
			items[i] = p.document(it)
		}
		return jen.Index().Any().Values(items...)
	case ir.ObjectNode:
		entries := make([]jen.Code, len(v.Fields))
		for i, f := range v.Fields {
			entries[i] = jen.Lit(f.Key).Op(":").Add(p.document(f.Value))
		}
		return jen.Map(jen.String()).Any().Values(entries...)
	}
	return jen.Nil()
}

// mismatch reports a params value of the wrong kind for shape t.
func (p *protoVal) mismatch(t *ir.Shape, v ir.Node, want string) {
	text := v.Str
	if v.Kind == ir.BoolNode {
		text = strconv.FormatBool(v.Bool)
	}
	p.errs.Addf(v.Pos, t.ID, "params: want %s for %s %s, got %s %q", want, t.Type, t.ID, v.Kind, text)
}

// epochParts splits a number of epoch seconds (integer or decimal text)
// into whole seconds and nanoseconds, exactly (no float rounding).
func epochParts(v ir.Node) (sec, nsec int64, ok bool) {
	if v.Kind != ir.NumberNode {
		return 0, 0, false
	}
	r, ok := new(big.Rat).SetString(v.Str)
	if !ok {
		return 0, 0, false
	}
	ns := new(big.Rat).Mul(r, big.NewRat(1e9, 1))
	if !ns.IsInt() {
		return 0, 0, false
	}
	n := ns.Num()
	if !n.IsInt64() {
		return 0, 0, false
	}
	total := n.Int64()
	sec, nsec = total/1e9, total%1e9
	if nsec < 0 {
		sec, nsec = sec-1, nsec+1e9
	}
	return sec, nsec, true
}
