package smithy

import (
	"github.com/eksauthgen/eksauthgen/generator/ir"
	"github.com/tidwall/gjson"
)

// operation reads an operation's input, output and errors. An input or
// output of smithy.api#Unit is stored as "" (no input, no output).
func (p *parser) operation(s *ir.Shape, ps *props) {
	io := func(i prop) ir.ShapeID {
		if !ps.has(i) {
			return ""
		}
		id := p.ref(s.ID, at(propNames[i]), ps[i].val)
		if id == ir.UnitID {
			return ""
		}
		return id
	}
	s.Input = io(pInput)
	s.Output = io(pOutput)
	if ps.has(pErrors) {
		s.Errors = p.refs(s.ID, "errors", ps[pErrors].val)
	}
}

// lifecycleProps are the resource lifecycle properties, in stored order.
var lifecycleProps = [...]prop{pCreate, pPut, pRead, pUpdate, pDelete, pList}

// resource reads a resource's identifiers, properties, lifecycle operations
// (in the order create, put, read, update, delete, list), operations,
// collection operations and child resources.
func (p *parser) resource(s *ir.Shape, ps *props) {
	if ps.has(pIdentifiers) {
		s.Identifiers = p.bindings(s.ID, "identifiers", ps[pIdentifiers].val)
	}
	if ps.has(pProperties) {
		s.Properties = p.bindings(s.ID, "properties", ps[pProperties].val)
	}
	for _, i := range lifecycleProps {
		if !ps.has(i) {
			continue
		}
		e := ps[i]
		pos := p.pos(e.at)
		if id := p.ref(s.ID, at(propNames[i]), e.val); id != "" {
			s.Lifecycle = append(s.Lifecycle, ir.ResourceBinding{Name: propNames[i], Target: id, Pos: pos})
		}
	}
	if ps.has(pOperations) {
		s.Operations = p.refs(s.ID, "operations", ps[pOperations].val)
	}
	if ps.has(pCollectionOperations) {
		s.CollectionOperations = p.refs(s.ID, "collectionOperations", ps[pCollectionOperations].val)
	}
	if ps.has(pResources) {
		s.Resources = p.refs(s.ID, "resources", ps[pResources].val)
	}
}

// service reads a service's version, operations, resources, common errors
// and rename map.
func (p *parser) service(s *ir.Shape, ps *props) {
	if ps.has(pVersion) {
		v := ps[pVersion].val
		if v.Type == gjson.String {
			s.Version = v.Str
		} else {
			p.errorf(v.Index, s.ID, `"version": expected a string, found %s`, kind(v))
		}
	}
	if ps.has(pOperations) {
		s.Operations = p.refs(s.ID, "operations", ps[pOperations].val)
	}
	if ps.has(pResources) {
		s.Resources = p.refs(s.ID, "resources", ps[pResources].val)
	}
	if ps.has(pErrors) {
		s.Errors = p.refs(s.ID, "errors", ps[pErrors].val)
	}
	if ps.has(pRename) {
		s.Rename = p.rename(s.ID, ps[pRename].val)
	}
}

// rename reads a service's "rename" object: shape ID → name, in document
// order.
func (p *parser) rename(owner ir.ShapeID, r gjson.Result) []ir.Rename {
	if !isObject(r) {
		p.errorf(r.Index, owner, `"rename": expected an object of names by shape ID, found %s`, kind(r))
		return nil
	}
	es, mark := p.entries(r)
	defer p.release(mark)
	rs := make([]ir.Rename, 0, len(es))
	for _, e := range es {
		if !validShapeID(e.name, false) {
			p.errorf(e.at, owner, `"rename": invalid shape ID %q: expected an absolute shape ID "namespace#Name"`, e.name)
		}
		pos := p.pos(e.at)
		if e.val.Type != gjson.String {
			p.errorf(e.val.Index, owner, `"rename".%q: expected a name string, found %s`, e.name, kind(e.val))
			continue
		}
		rs = append(rs, ir.Rename{ID: ir.ShapeID(e.name), Name: e.val.Str, Pos: pos})
	}
	return rs
}
