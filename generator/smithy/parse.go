// Package smithy reads a Smithy 2.0 JSON AST model into the IR. It is the
// only package that decodes JSON.
//
// The parser reads structure only: shapes, members, references and traits as
// raw node values, each with its position. It neither decodes trait meanings
// nor resolves targets nor adds prelude shapes; the passes do that.
//
// When a JSON object has the same key twice, the last value wins and keeps
// the place of the first occurrence in document order (as in a JavaScript
// object).
package smithy

import (
	"github.com/eksauthgen/eksauthgen/generator/ir"
	"github.com/tidwall/gjson"
)

// parser holds the state of one Parse call.
type parser struct {
	file  string
	lines lineTable
	errs  ir.ErrorList
	stack []entry // scratch for entries, see parser.entries
	props props   // scratch for the properties of the shape being read
}

// Parse reads a Smithy JSON AST model (versions "2.0" and "1.0"). file names
// the source in positions. All structural errors are reported at once, each
// with its position and shape ID; on error the model is nil.
func Parse(src []byte, file string) (*ir.Model, error) {
	lines, tooDeep := scanSource(src)
	p := &parser{file: file, lines: lines}
	if tooDeep >= 0 {
		p.errorf(tooDeep, "", "model: arrays and objects nested deeper than %d levels", maxNesting)
		return nil, p.errs.Err()
	}
	if !gjson.ValidBytes(src) {
		off, what := syntaxError(src)
		p.errorf(off, "", "invalid JSON: %s", what)
		return nil, p.errs.Err()
	}
	m := &ir.Model{File: file}
	p.model(m, gjson.ParseBytes(src))
	if err := p.errs.Err(); err != nil {
		return nil, err
	}
	return m, nil
}

// model reads the top-level object.
func (p *parser) model(m *ir.Model, root gjson.Result) {
	if !isObject(root) {
		p.errorf(root.Index, "", "model: expected a JSON object, found %s", kind(root))
		return
	}
	var version, metadata, shapes entry
	es, mark := p.entries(root)
	defer p.release(mark)
	for _, e := range es {
		switch e.name {
		case "smithy":
			version = e
		case "metadata":
			metadata = e
		case "shapes":
			shapes = e
		}
	}
	m.Version = p.version(root, version)
	if metadata.val.Exists() {
		m.Metadata = p.fields(metadata.val, "", `"metadata"`)
	}
	if shapes.val.Exists() {
		p.shapes(m, shapes.val)
	}
}

// supportedVersions are the accepted values of the "smithy" key.
var supportedVersions = []string{"2", "2.0", "1", "1.0"}

// version checks the "smithy" key and returns its value.
func (p *parser) version(root gjson.Result, e entry) string {
	if !e.val.Exists() {
		p.errorf(root.Index, "", `model: missing "smithy" version: expected one of "2.0", "2", "1.0", "1"`)
		return ""
	}
	if e.val.Type != gjson.String {
		p.errorf(e.val.Index, "", `"smithy": expected a version string, found %s`, kind(e.val))
		return ""
	}
	for _, v := range supportedVersions {
		if e.val.Str == v {
			return v
		}
	}
	p.errorf(e.val.Index, "", `"smithy": unsupported version %q: expected one of "2.0", "2", "1.0", "1"`, e.val.Str)
	return e.val.Str
}

// pos turns a byte offset into a position.
func (p *parser) pos(off int) ir.Pos {
	line, col := p.lines.lineCol(off)
	return ir.Pos{File: p.file, Line: line, Col: col}
}

// errorf records an error at byte offset off about shape.
func (p *parser) errorf(off int, shape ir.ShapeID, format string, args ...any) {
	p.errs.Addf(p.pos(off), shape, format, args...)
}
