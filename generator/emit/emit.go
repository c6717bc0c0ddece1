// Package emit renders the IR as Go source. It is the only package that
// imports jennifer.
//
// Each kind of output has its own file here (types.go, enums.go, unions.go,
// errors.go, inputs.go, sensitive.go, validators.go, templates.go); Emit runs
// them in order over a gen, which holds the model, the configuration and the
// facts several emitters share (which shapes hold sensitive data, which need
// validation).
package emit

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// Config says how the output is named.
type Config struct {
	Package    string // Go package name of the service package (e.g. "eksauth")
	ImportPath string // import path of the output directory
	Source     string // the model's base name, for the "// source:" header line
}

// File is one generated file.
type File struct {
	Path     string // slash-separated, relative to the output directory
	Content  []byte
	Template string // the template package this file is a copy of; empty for model-specific output
}

// emitter renders one kind of output file(s).
type emitter func(*gen) ([]File, error)

// emitters lists every emitter. Their outputs are gathered in this order
// (see runEmitters). heavy marks the emitters with the most work on typical
// models (profiles of EKS Auth and the shared models: serde, mock server,
// client, validators): they are started first, so that with emitters
// running GOMAXPROCS at a time none of them is left running alone at the
// end.
var emitters = [...]struct {
	run   emitter
	heavy bool
}{
	{emitTypes, false},
	{emitEnums, false},
	{emitErrors, false},
	{emitTypesSensitive, false},
	{emitInputs, false},
	{emitSensitive, false},
	{emitValidators, true},
	{emitSerde, true},
	{emitMock, true},
	{emitProtoServer, false},
	{emitClient, true},
	{emitProtoClient, false},
	{emitSensitiveTests, false},
}

// Emit renders every output file of m, sorted by path. m must have been
// through all the passes. Problems in the model found while emitting are
// reported all at once, each with its position.
func Emit(m *ir.Model, cfg Config) ([]File, error) {
	if cfg.Package == "" || cfg.ImportPath == "" {
		return nil, fmt.Errorf("emit: Config.Package and Config.ImportPath are required")
	}
	g := newGen(m, cfg)
	files, err := runEmitters(g)
	if err != nil {
		return nil, err
	}
	tmpl, err := emitTemplates(g, files)
	if err != nil {
		return nil, err
	}
	files = append(files, tmpl...)
	if err := g.errs.Err(); err != nil {
		return nil, err
	}
	slices.SortFunc(files, func(a, b File) int { return cmp.Compare(a.Path, b.Path) })
	for i := 1; i < len(files); i++ {
		if files[i].Path == files[i-1].Path {
			return nil, fmt.Errorf("emit: two files at %s", files[i].Path)
		}
	}
	return files, nil
}

// gen is the state shared by the emitters of one Emit call.
type gen struct {
	m    *ir.Model
	cfg  Config
	errs ir.ErrorList

	sensitive     map[ir.ShapeID]bool // shapes holding sensitive data, directly or not
	needsRequired map[ir.ShapeID]bool // shapes whose required-only validation checks something
	needsFull     map[ir.ShapeID]bool // shapes whose full validation checks something
	inputReach    map[ir.ShapeID]bool // shapes reachable from an operation input
}

func newGen(m *ir.Model, cfg Config) *gen {
	g := &gen{m: m, cfg: cfg}
	g.sensitive = g.fixpoint(func(s *ir.Shape, in map[ir.ShapeID]bool) bool {
		if s.Traits.Sensitive {
			return true
		}
		for _, mem := range s.Members {
			if mem.Traits.Sensitive || in[mem.Target] {
				return true
			}
		}
		return false
	})
	g.needsRequired = g.fixpoint(g.checksRequired)
	g.needsFull = g.fixpoint(g.checksFull)
	g.inputReach = map[ir.ShapeID]bool{}
	for _, op := range m.Operations {
		if op.Input != "" {
			g.reach(op.Input, g.inputReach)
		}
	}
	return g
}

// fixpoint returns the set of aggregate shapes for which has returns true,
// has being called with the set found so far until it no longer grows (so
// that recursive shapes are handled).
func (g *gen) fixpoint(has func(s *ir.Shape, in map[ir.ShapeID]bool) bool) map[ir.ShapeID]bool {
	in := map[ir.ShapeID]bool{}
	for changed := true; changed; {
		changed = false
		for _, s := range g.m.Shapes() {
			if !in[s.ID] && has(s, in) {
				in[s.ID] = true
				changed = true
			}
		}
	}
	return in
}

// reach adds id and every shape its members target to set.
func (g *gen) reach(id ir.ShapeID, set map[ir.ShapeID]bool) {
	if set[id] {
		return
	}
	set[id] = true
	if s := g.m.Shape(id); s != nil {
		for _, mem := range s.Members {
			g.reach(mem.Target, set)
		}
	}
}

// target returns the shape mem targets; a missing target is reported as a
// model error and replaced by a string shape so that emitting goes on.
func (g *gen) target(mem *ir.Member) *ir.Shape {
	if t := g.m.Target(mem); t != nil {
		return t
	}
	g.errs.Addf(mem.Pos, mem.ID, "target %s not found", mem.Target)
	return &ir.Shape{ID: mem.Target, Type: ir.StringType}
}

// typesPath is the import path of the types subpackage.
func (g *gen) typesPath() string { return g.cfg.ImportPath + "/types" }

// documentPath is the import path of the document package.
func (g *gen) documentPath() string { return g.cfg.ImportPath + "/document" }

// internalPath is the import path of the copy of template package name.
func (g *gen) internalPath(name string) string { return g.cfg.ImportPath + "/internal/" + name }
