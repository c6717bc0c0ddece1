package diff

import (
	"slices"
	"strings"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// view is one model version with the facts Compare needs about it.
type view struct {
	m        *ir.Model
	typeName map[ir.ShapeID]string   // Go type of a structure, union or enum: "types.X", or "<Op>Input"/"<Op>Output"
	input    map[ir.ShapeID]bool     // shapes reachable from an operation input
	output   map[ir.ShapeID]bool     // shapes reachable from an operation output or error
	users    map[ir.ShapeID][]string // Go names of the structure fields that target a shape, sorted
}

// newView indexes m.
func newView(m *ir.Model) *view {
	v := &view{m: m, typeName: map[ir.ShapeID]string{}, input: map[ir.ShapeID]bool{}, output: map[ir.ShapeID]bool{}, users: map[ir.ShapeID][]string{}}
	for _, s := range m.Shapes() {
		if s.GoPackage == ir.TypesPackage && s.GoName != "" {
			v.typeName[s.ID] = "types." + s.GoName
		}
	}
	var outs []ir.ShapeID
	for _, op := range m.Operations {
		if op.Input != "" {
			if _, ok := v.typeName[op.Input]; !ok {
				v.typeName[op.Input] = op.GoName + "Input"
			}
			v.mark(op.Input, v.input)
		}
		if op.Output != "" {
			if _, ok := v.typeName[op.Output]; !ok {
				v.typeName[op.Output] = op.GoName + "Output"
			}
			outs = append(outs, op.Output)
		}
		outs = append(outs, v.errors(op)...)
	}
	for _, id := range outs {
		v.mark(id, v.output)
	}
	for _, s := range m.Shapes() {
		for _, mem := range s.Members {
			if n := v.memberGoName(s, mem); n != "" && s.Type == ir.StructureType {
				v.users[mem.Target] = append(v.users[mem.Target], n)
			}
		}
	}
	for id, names := range v.users {
		slices.Sort(names)
		v.users[id] = slices.Compact(names)
	}
	return v
}

// shapeGoName returns the Go name affected by a change to shape id: its
// type's name, or for a shape without one (a string, a list), the fields
// that use it, comma-separated.
func (v *view) shapeGoName(id ir.ShapeID) string {
	if n := v.typeName[id]; n != "" {
		return n
	}
	return strings.Join(v.users[id], ", ")
}

// mark adds id and every shape its members reach to set.
func (v *view) mark(id ir.ShapeID, set map[ir.ShapeID]bool) {
	if set[id] {
		return
	}
	s := v.m.Shape(id)
	if s == nil {
		return
	}
	set[id] = true
	for _, mem := range s.Members {
		v.mark(mem.Target, set)
	}
}

// errors returns the errors op can return: its own, then the service's.
func (v *view) errors(op *ir.Shape) []ir.ShapeID {
	out := append([]ir.ShapeID(nil), op.Errors...)
	if v.m.Service != nil {
		out = append(out, v.m.Service.Errors...)
	}
	return out
}

// memberGoName returns the Go name of a member: "<Type>.<Field>" for a
// structure field, the variant type for a union member, the constant for an
// enum member, and "" for list and map members.
func (v *view) memberGoName(parent *ir.Shape, mem *ir.Member) string {
	switch parent.Type {
	case ir.UnionType:
		if mem.UnionVariant != "" {
			return "types." + mem.UnionVariant
		}
	case ir.EnumType, ir.IntEnumType:
		if mem.GoName != "" {
			return "types." + mem.GoName
		}
	case ir.StructureType:
		if t := v.typeName[parent.ID]; t != "" && mem.GoName != "" {
			return t + "." + mem.GoName
		}
	}
	return ""
}

// goType returns the Go type of a member's field or element as the
// generated code declares it, e.g. "*string", "[]types.Thing",
// "map[string]*int32".
func (v *view) goType(mem *ir.Member, output bool) string {
	t := v.m.Target(mem)
	if t == nil {
		return "?"
	}
	base := v.shapeType(t, output)
	if mem.Pointer && !nilable(t) {
		return "*" + base
	}
	return base
}

// shapeType returns the Go type of a value of shape t, without pointer.
func (v *view) shapeType(t *ir.Shape, output bool) string {
	switch t.Type {
	case ir.BlobType:
		if t.Traits.Streaming {
			if output {
				return "io.ReadCloser"
			}
			return "io.Reader"
		}
		return "[]byte"
	case ir.BooleanType:
		return "bool"
	case ir.ByteType:
		return "int8"
	case ir.ShortType:
		return "int16"
	case ir.IntegerType:
		return "int32"
	case ir.LongType:
		return "int64"
	case ir.FloatType:
		return "float32"
	case ir.DoubleType:
		return "float64"
	case ir.BigIntegerType:
		return "*big.Int"
	case ir.BigDecimalType:
		return "*big.Float"
	case ir.TimestampType:
		return "time.Time"
	case ir.DocumentType:
		return "document.Interface"
	case ir.EnumType, ir.IntEnumType, ir.StringType:
		if n := v.typeName[t.ID]; n != "" {
			return n
		}
		if t.Type == ir.IntEnumType {
			return "int32"
		}
		return "string"
	case ir.ListType, ir.SetType:
		if len(t.Members) == 0 {
			return "[]any"
		}
		return "[]" + v.goType(t.Members[0], output)
	case ir.MapType:
		if val := t.Member("value"); val != nil {
			return "map[string]" + v.goType(val, output)
		}
		return "map[string]any"
	case ir.StructureType, ir.UnionType:
		if t.ID == ir.UnitID {
			return "struct{}"
		}
		if n := v.typeName[t.ID]; n != "" {
			return n
		}
	}
	return t.ID.Name()
}

// nilable reports whether the Go type of shape t can be nil without a
// pointer (as the generator's emit package decides).
func nilable(t *ir.Shape) bool {
	switch t.Type {
	case ir.BlobType, ir.ListType, ir.SetType, ir.MapType, ir.UnionType, ir.DocumentType,
		ir.BigIntegerType, ir.BigDecimalType:
		return true
	}
	return false
}

// sensitive reports whether a member is sensitive, itself or through its target.
func (v *view) sensitive(mem *ir.Member) bool {
	if mem.Traits.Sensitive {
		return true
	}
	t := v.m.Target(mem)
	return t != nil && t.Traits.Sensitive
}
