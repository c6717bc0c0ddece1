package smithy

import (
	"github.com/eksauthgen/eksauthgen/generator/ir"
	"github.com/tidwall/gjson"
)

// node converts a JSON value into a node value. Numbers keep their literal
// text; objects keep their key order. Nesting is bounded by scanSource.
func (p *parser) node(r gjson.Result) ir.Node {
	n := ir.Node{Pos: p.pos(r.Index)}
	switch r.Type {
	case gjson.Null:
		n.Kind = ir.NullNode
	case gjson.True:
		n.Kind, n.Bool = ir.BoolNode, true
	case gjson.False:
		n.Kind = ir.BoolNode
	case gjson.Number:
		n.Kind, n.Str = ir.NumberNode, r.Raw
	case gjson.String:
		n.Kind, n.Str = ir.StringNode, r.Str
	case gjson.JSON:
		if isArray(r) {
			n.Kind = ir.ArrayNode
			r.ForEach(func(_, v gjson.Result) bool {
				n.Items = append(n.Items, p.node(v))
				return true
			})
		} else {
			n.Kind = ir.ObjectNode
			n.Fields = p.objectFields(r)
		}
	}
	return n
}

// objectFields converts the keys of a JSON object into fields, in document
// order.
func (p *parser) objectFields(r gjson.Result) []ir.Field {
	es, mark := p.entries(r)
	defer p.release(mark)
	if len(es) == 0 {
		return nil
	}
	fs := make([]ir.Field, len(es))
	for i, e := range es {
		fs[i] = ir.Field{Key: e.name, KeyPos: p.pos(e.at), Value: p.node(e.val)}
	}
	return fs
}

// fields converts a JSON object that must be one (what names it in errors,
// shape is the shape concerned) into fields.
func (p *parser) fields(r gjson.Result, shape ir.ShapeID, what string) []ir.Field {
	if !isObject(r) {
		p.errorf(r.Index, shape, "%s: expected an object, found %s", what, kind(r))
		return nil
	}
	return p.objectFields(r)
}
