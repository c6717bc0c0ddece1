package smithy

import (
	"strconv"

	"github.com/eksauthgen/eksauthgen/generator/ir"
	"github.com/tidwall/gjson"
)

// where names the JSON value an error is about: a property, optionally an
// item of it (index >= 0) and a key inside that. It is formatted only when an
// error is reported.
type where struct {
	what   string // the property: errors
	index  int    // the array index, or -1
	key    string // a key inside, or ""
	target bool   // about the "target" of the reference named so far
}

// at names the property what.
func at(what string) where { return where{what: what, index: -1} }

// String formats w as `"errors"[2]."target"`.
func (w where) String() string {
	s := strconv.Quote(w.what)
	if w.index >= 0 {
		s += "[" + strconv.Itoa(w.index) + "]"
	}
	if w.key != "" {
		s += "." + strconv.Quote(w.key)
	}
	if w.target {
		s += `."target"`
	}
	return s
}

// targetID checks that r is a string holding an absolute shape ID and returns
// it; it returns "" after reporting an error.
func (p *parser) targetID(owner ir.ShapeID, w where, r gjson.Result) ir.ShapeID {
	if r.Type != gjson.String {
		p.errorf(r.Index, owner, "%s: expected a shape ID string, found %s", w, kind(r))
		return ""
	}
	if !validShapeID(r.Str, false) {
		p.errorf(r.Index, owner, `%s: expected an absolute shape ID "namespace#Name", found %q`, w, r.Str)
		return ""
	}
	return ir.ShapeID(r.Str)
}

// ref reads a shape reference, {"target": "namespace#Name"}.
func (p *parser) ref(owner ir.ShapeID, w where, r gjson.Result) ir.ShapeID {
	if !isObject(r) {
		p.errorf(r.Index, owner, `%s: expected a reference {"target": ...}, found %s`, w, kind(r))
		return ""
	}
	var target gjson.Result
	r.ForEach(func(k, v gjson.Result) bool {
		if k.Str == "target" {
			target = v
		}
		return true
	})
	if !target.Exists() {
		p.errorf(r.Index, owner, `%s: missing "target": expected a shape ID string`, w)
		return ""
	}
	w.target = true
	return p.targetID(owner, w, target)
}

// refs reads an array of shape references.
func (p *parser) refs(owner ir.ShapeID, what string, r gjson.Result) []ir.ShapeID {
	if !isArray(r) {
		p.errorf(r.Index, owner, "%q: expected an array of references, found %s", what, kind(r))
		return nil
	}
	var ids []ir.ShapeID
	w := at(what)
	r.ForEach(func(_, v gjson.Result) bool {
		w.index++
		if id := p.ref(owner, w, v); id != "" {
			ids = append(ids, id)
		}
		return true
	})
	return ids
}

// bindings reads a resource's "identifiers" or "properties": name →
// reference.
func (p *parser) bindings(owner ir.ShapeID, what string, r gjson.Result) []ir.ResourceBinding {
	if !isObject(r) {
		p.errorf(r.Index, owner, "%q: expected an object of references by name, found %s", what, kind(r))
		return nil
	}
	es, mark := p.entries(r)
	defer p.release(mark)
	bs := make([]ir.ResourceBinding, 0, len(es))
	for _, e := range es {
		if !validIdentifier(e.name) {
			p.errorf(e.at, owner, "%q: invalid name %q: expected an identifier", what, e.name)
		}
		pos := p.pos(e.at)
		target := p.ref(owner, where{what: what, index: -1, key: e.name}, e.val)
		bs = append(bs, ir.ResourceBinding{Name: e.name, Target: target, Pos: pos})
	}
	return bs
}
