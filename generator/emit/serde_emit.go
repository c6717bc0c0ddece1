package emit

import (
	"slices"
	"strings"
	"unicode"

	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// The restJson1 serde emitters produce three things:
//
//   - the package internal/serde (serde_codecs.go): for every structure,
//     union, list, set and map that can appear in a JSON body (reachable
//     from a body or payload member of an operation input, output or error,
//     service errors included), and for every error structure,
//
//     func Encode<Name>(w *awsrt.JSONWriter, v <GoType>)
//     func Decode<Name>(d *awsrt.Decoder) (<GoType>, error)
//
//     writing or reading one JSON value (null decodes to the zero value).
//     <Name> is the types GoName of a structure or union (GoType *types.X
//     for structures, types.X for unions); for a list, set or map it is the
//     shape's name with its first letter upper-cased, followed by as many
//     "_" as needed to differ from every structure or union codec name and
//     from the list and map codecs named before it in shape-ID order; its
//     GoType is the anonymous slice or map type. An error structure's codec
//     covers only its body members, and reads its message from "message" or
//     "Message". Documents use DocumentEncode/DocumentDecode.
//   - serializers.go in the service package (serde_serializers.go):
//     func serializeOp<Op>(in *<Op>Input) (*awsrt.Request, error).
//   - deserializers.go in the service package (serde_deserializers.go):
//     func deserializeOp<Op>(resp *http.Response, body []byte) (*<Op>Output, error)
//     and func deserializeOpError<Op>(code string, resp *http.Response, body []byte) error,
//     the latter through one deserializeError<Name>(resp, body) error per
//     error shape.
//
// Other emitters (the mock server) reuse the member-level helpers of a
// serdeGen: newSerde(g), s.encodeFunc/decodeFunc (codec names),
// s.encodeBodyMembers and s.decodeBodyMembers (operation bodies).

// serdeGen is the state of the serde emitters: the shapes that get a codec
// and the codec names.
type serdeGen struct {
	*gen
	names  map[ir.ShapeID]string // codec name of every shape in codecs
	codecs []*ir.Shape           // sorted by shape ID
}

// emitSerde renders internal/serde, serializers.go and deserializers.go.
func emitSerde(g *gen) ([]File, error) {
	if len(g.m.Operations) == 0 {
		return nil, nil
	}
	s := newSerde(g)
	var files []File
	for _, fn := range []func() (File, error){s.emitCodecs, s.emitSerializers, s.emitDeserializers} {
		f, err := fn()
		if err != nil {
			return nil, err
		}
		if f.Path != "" {
			files = append(files, f)
		}
	}
	return files, nil
}

// newSerde finds the shapes that need a codec and names their codecs.
func newSerde(g *gen) *serdeGen {
	s := &serdeGen{gen: g, names: map[ir.ShapeID]string{}}
	reach := map[ir.ShapeID]bool{}
	for _, op := range g.m.Operations {
		for _, mem := range g.opMembers(op.Input) {
			if mem.Binding == ir.BindBody || mem.Binding == ir.BindPayload {
				g.reach(mem.Target, reach)
			}
		}
		for _, mem := range g.opMembers(op.Output) {
			if responseBody(mem) || mem.Binding == ir.BindPayload {
				g.reach(mem.Target, reach)
			}
		}
	}
	for _, e := range s.errorShapes() {
		reach[e.ID] = true
		for _, mem := range e.Members {
			if responseBody(mem) || mem.Binding == ir.BindPayload {
				g.reach(mem.Target, reach)
			}
		}
	}
	for _, sh := range g.m.Shapes() {
		if !reach[sh.ID] || sh.IsMixin || sh.ID == ir.UnitID {
			continue
		}
		switch sh.Type {
		case ir.StructureType, ir.UnionType:
			if sh.GoPackage == ir.TypesPackage && sh.GoName != "" {
				s.codecs = append(s.codecs, sh)
				s.names[sh.ID] = sh.GoName
			}
		case ir.ListType, ir.SetType, ir.MapType:
			if len(sh.Members) > 0 {
				s.codecs = append(s.codecs, sh)
			}
		}
	}
	taken := map[string]bool{}
	for _, name := range s.names {
		taken[name] = true
	}
	for _, sh := range s.codecs {
		if _, ok := s.names[sh.ID]; ok {
			continue
		}
		name := exportedName(sh.ID.Name())
		for taken[name] {
			name += "_"
		}
		taken[name] = true
		s.names[sh.ID] = name
	}
	return s
}

// exportedName returns name with its first letter upper-cased ("L" is
// prefixed when it does not start with a letter).
func exportedName(name string) string {
	if name == "" {
		return "L"
	}
	r := []rune(name)
	if !unicode.IsLetter(r[0]) {
		return "L" + name
	}
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// responseBody reports whether a member of a response (output or error)
// goes in the JSON body: body members, and members whose binding only
// applies to requests (a structure used both ways is bound as an input).
func responseBody(mem *ir.Member) bool {
	switch mem.Binding {
	case ir.BindBody, ir.BindLabel, ir.BindQuery, ir.BindQueryParams:
		return true
	}
	return false
}

// errorShapes returns every error structure an operation can return
// (operation errors and service errors), sorted by shape ID.
func (s *serdeGen) errorShapes() []*ir.Shape {
	var ids []ir.ShapeID
	if s.m.Service != nil {
		ids = append(ids, s.m.Service.Errors...)
	}
	for _, op := range s.m.Operations {
		ids = append(ids, op.Errors...)
	}
	out := s.errorStructs(ids)
	slices.SortFunc(out, func(a, b *ir.Shape) int { return strings.Compare(string(a.ID), string(b.ID)) })
	return out
}

// opErrors returns the errors of op: its own, then the service's, without
// duplicates, in that order.
func (g *gen) opErrors(op *ir.Shape) []*ir.Shape {
	ids := slices.Clone(op.Errors)
	if g.m.Service != nil {
		ids = append(ids, g.m.Service.Errors...)
	}
	return g.errorStructs(ids)
}

// errorStructs returns the generated error structures (of the types
// package) that ids name, without duplicates, in the order of ids.
func (g *gen) errorStructs(ids []ir.ShapeID) []*ir.Shape {
	seen := map[ir.ShapeID]bool{}
	var out []*ir.Shape
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		if e := g.m.Shape(id); e != nil && e.Type == ir.StructureType && e.GoName != "" && e.GoPackage == ir.TypesPackage {
			out = append(out, e)
		}
	}
	return out
}

// serdePath is the import path of the generated serde package.
func (s *serdeGen) serdePath() string { return s.internalPath("serde") }

// rt returns a qualified name of the awsrt runtime.
func (s *serdeGen) rt(name string) *jen.Statement { return jen.Qual(s.internalPath("awsrt"), name) }

// encodeFunc returns the qualified name of the encoder of shape id.
func (s *serdeGen) encodeFunc(id ir.ShapeID) *jen.Statement {
	return jen.Qual(s.serdePath(), "Encode"+s.names[id])
}

// decodeFunc returns the qualified name of the decoder of shape id.
func (s *serdeGen) decodeFunc(id ir.ShapeID) *jen.Statement {
	return jen.Qual(s.serdePath(), "Decode"+s.names[id])
}

// decodeIntoName returns the name of the function, in the serde package,
// that decodes structure id in place (see genStructDecoder). It is not
// exported, so it cannot clash with the exported codec names.
func (s *serdeGen) decodeIntoName(id ir.ShapeID) string {
	return "decode" + s.names[id] + "Into"
}

// newServiceFile returns a jen file of the service package that names the
// serde package's import.
func (s *serdeGen) newServiceFile() *jen.File {
	f := s.newFile(s.cfg.ImportPath, s.cfg.Package)
	f.ImportName(s.serdePath(), "serde")
	return f
}
