package smithy

import (
	"github.com/eksauthgen/eksauthgen/generator/ir"
	"github.com/tidwall/gjson"
)

// shapeTypeList lists the shape types accepted in "type", for error messages.
const shapeTypeList = "blob, boolean, string, byte, short, integer, long, float, double, " +
	"bigInteger, bigDecimal, timestamp, document, enum, intEnum, list, set, map, " +
	"structure, union, operation, resource, service or apply"

// shapes reads the "shapes" object.
func (p *parser) shapes(m *ir.Model, r gjson.Result) {
	if !isObject(r) {
		p.errorf(r.Index, "", `"shapes": expected an object of shapes by ID, found %s`, kind(r))
		return
	}
	es, mark := p.entries(r)
	defer p.release(mark)
	for _, e := range es {
		p.shape(m, e)
	}
}

// shape reads one entry of "shapes" and adds it to m (or to m.Applies).
func (p *parser) shape(m *ir.Model, e entry) {
	id := ir.ShapeID(e.name)
	pos := p.pos(e.at)
	if !isObject(e.val) {
		p.errorf(e.val.Index, id, "shape: expected an object, found %s", kind(e.val))
		return
	}
	ps := &p.props
	ps.read(e.val)
	t := ps[pType].val
	switch {
	case !t.Exists():
		p.errs.Addf(pos, id, `shape: missing "type": expected one of %s`, shapeTypeList)
		return
	case t.Type != gjson.String:
		p.errorf(t.Index, id, `"type": expected a string, found %s`, kind(t))
		return
	case t.Str == "apply":
		p.apply(m, id, pos, ps)
		return
	}
	typ := ir.ShapeTypeOf(t.Str)
	if typ == ir.InvalidType || typ == ir.MemberType {
		p.errorf(t.Index, id, `"type": unknown shape type %q: expected one of %s`, t.Str, shapeTypeList)
		return
	}
	idOK := validShapeID(string(id), false)
	if !idOK {
		p.errs.Addf(pos, id, `invalid shape ID %q: expected an absolute shape ID "namespace#Name"`, id)
	}
	s := &ir.Shape{ID: id, Type: typ, Pos: pos}
	if ps.has(pTraits) {
		s.Traits.Raw = p.traits(id, ps[pTraits].val)
	}
	if ps.has(pMixins) {
		s.Mixins = p.refs(id, "mixins", ps[pMixins].val)
	}
	switch typ {
	case ir.EnumType, ir.IntEnumType:
		p.members(s, ps, true)
	case ir.StructureType, ir.UnionType:
		p.members(s, ps, false)
	case ir.ListType, ir.SetType:
		p.fixedMembers(s, ps, pMember)
	case ir.MapType:
		p.fixedMembers(s, ps, pKey, pValue)
	case ir.OperationType:
		p.operation(s, ps)
	case ir.ResourceType:
		p.resource(s, ps)
	case ir.ServiceType:
		p.service(s, ps)
	}
	if idOK {
		m.Add(s)
	}
}

// apply reads an apply statement: traits for a shape or member.
func (p *parser) apply(m *ir.Model, id ir.ShapeID, pos ir.Pos, ps *props) {
	if !validShapeID(string(id), true) {
		p.errs.Addf(pos, id, `invalid apply target %q: expected an absolute shape or member ID "namespace#Name" or "namespace#Name$member"`, id)
		return
	}
	a := ir.Apply{Target: id, Pos: pos}
	if ps.has(pTraits) {
		a.Traits = p.traits(id, ps[pTraits].val)
	}
	m.Applies = append(m.Applies, a)
}

// members reads the "members" object of a structure, union, enum or intEnum.
// Enum members target smithy.api#Unit.
func (p *parser) members(s *ir.Shape, ps *props, enum bool) {
	if !ps.has(pMembers) {
		return
	}
	r := ps[pMembers].val
	if !isObject(r) {
		p.errorf(r.Index, s.ID, `"members": expected an object of members by name, found %s`, kind(r))
		return
	}
	es, mark := p.entries(r)
	defer p.release(mark)
	s.Members = make([]*ir.Member, len(es))
	block := make([]ir.Member, len(es)) // one allocation for all members
	for i, e := range es {
		if !validIdentifier(e.name) {
			p.errorf(e.at, s.ID, `invalid member name %q: expected an identifier`, e.name)
		}
		s.Members[i] = &block[i]
		p.member(&block[i], s.ID, e, enum)
	}
}

// fixedMembers reads the required members of a list or set ("member") or
// map ("key", "value").
func (p *parser) fixedMembers(s *ir.Shape, ps *props, names ...prop) {
	for _, n := range names {
		if !ps.has(n) {
			p.errs.Addf(s.Pos, s.ID, "%s: missing %q: a %s needs one", s.Type, propNames[n], s.Type)
			continue
		}
		mem := new(ir.Member)
		p.member(mem, s.ID, ps[n], false)
		s.Members = append(s.Members, mem)
	}
}

// member reads one member into mem: its name, ID, target and traits.
func (p *parser) member(mem *ir.Member, parent ir.ShapeID, e entry, enum bool) {
	*mem = ir.Member{Name: e.name, ID: parent.WithMember(e.name), Pos: p.pos(e.at)}
	if enum {
		mem.Target = ir.UnitID
	}
	if !isObject(e.val) {
		p.errorf(e.val.Index, mem.ID, "member: expected an object, found %s", kind(e.val))
		return
	}
	var target, traits gjson.Result
	e.val.ForEach(func(k, v gjson.Result) bool {
		switch k.Str {
		case "target":
			target = v
		case "traits":
			traits = v
		}
		return true
	})
	switch {
	case !enum && !target.Exists():
		p.errs.Addf(mem.Pos, mem.ID, `member: missing "target": expected a shape ID string`)
	case !enum:
		mem.Target = p.targetID(mem.ID, at("target"), target)
	case target.Exists(): // an enum member may name its target, which must be unit
		if t := p.targetID(mem.ID, at("target"), target); t != "" && t != ir.UnitID {
			p.errorf(target.Index, mem.ID, `"target": expected %s for an enum member, found %q`, ir.UnitID, t)
		}
	}
	if traits.Exists() {
		mem.Traits.Raw = p.traits(mem.ID, traits)
	}
}

// traits reads a "traits" object: trait shape ID → node value.
func (p *parser) traits(owner ir.ShapeID, r gjson.Result) []ir.Trait {
	if !isObject(r) {
		p.errorf(r.Index, owner, `"traits": expected an object of traits by shape ID, found %s`, kind(r))
		return nil
	}
	es, mark := p.entries(r)
	defer p.release(mark)
	if len(es) == 0 {
		return nil
	}
	ts := make([]ir.Trait, len(es))
	for i, e := range es {
		if !validShapeID(e.name, false) {
			p.errorf(e.at, owner, `invalid trait ID %q: expected an absolute shape ID "namespace#Name"`, e.name)
		}
		ts[i] = ir.Trait{ID: ir.ShapeID(e.name), Pos: p.pos(e.at), Value: p.node(e.val)}
	}
	return ts
}
