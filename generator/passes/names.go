package passes

import (
	"cmp"
	"slices"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// deriveNames derives every Go name of the generated packages, once, so that
// emitters never case-convert anything. The names are those of the AWS SDK
// for Go v2, so that a user can switch import paths.
//
// Needs: the service pass (m.Service and m.Operations set, m.Shapes() pruned
// to what the service reaches), flattened mixins, and typed traits
// (Traits.Error; Shape.IsMixin), and the legacyenums pass.
//
// Guarantees:
//   - Every structure that is an error, or the target of a member, or not an
//     operation's input or output, and every union, enum and intEnum, has GoPackage TypesPackage and a GoName
//     unique in the types package. Other shapes (simple types, lists, maps,
//     inputs and outputs used only as such, prelude shapes, mixins) have
//     NoPackage and an empty GoName.
//   - Every operation of m.Operations has a GoName (the client method); the
//     names GoName+"Input" and GoName+"Output" (and, for a paginated
//     operation, "New"+GoName+"Paginator", GoName+"Paginator",
//     GoName+"PaginatorOptions" and GoName+"APIClient") are free in the
//     service package.
//   - Every member of those structures and unions has a GoName: a field name
//     unique in its structure, or for a union the name used in its variant
//     type, and UnionVariant, the variant's Go type "<Union>Member<Member>".
//   - Every member of an enum or intEnum, and every legacy enum definition
//     (EnumDefinition.GoName), has the Go name of its constant.
//
// Names: a shape's name is its service rename, else its shape name, with the
// first letter upper-cased (see exportedName); an operation's name likewise.
// A field is the member name with the first letter upper-cased. An enum
// constant is the enum's GoName followed by enumConstantSuffix of the member
// name (legacy enum: of the definition's name, else of its value; the SDK
// declares no constants for unnamed legacy definitions).
//
// Collisions: a name that is already taken in its scope gets the suffix "_"
// (repeated until free), as protobuf-go and the SDK's reserved-word escaper
// do. The scopes and the names reserved in them are in names_reserved.go.
// Names are claimed in a fixed order, so the output never depends on map
// order: types-package shapes that have a rename first, then the others, by
// shape ID (the variant names of all unions and UnknownUnionMember are
// reserved before, so a shape named like a variant gets the suffix, as in the
// SDK); then union variants and enum constants by shape ID and member order
// (an enum constant that repeats one of its own enum takes the member's raw
// name when that is a free exported identifier, as the SDK does); then
// operations by shape ID; then fields per structure by member name.
//
// Errors: a rename to a string that is not a Smithy identifier.
func deriveNames(m *ir.Model) error {
	var errs ir.ErrorList
	renames := serviceRenames(m, &errs)
	uses := shapeUses(m)

	var typeShapes []*ir.Shape
	for _, s := range m.Shapes() {
		s.GoPackage, s.GoName = ir.NoPackage, ""
		if getsTypeName(s, uses[s.ID]) {
			s.GoPackage = ir.TypesPackage
			typeShapes = append(typeShapes, s)
		}
	}

	types := newNameScope(reservedTypesNames)
	nameTypes(typeShapes, renames, types)
	for _, s := range typeShapes {
		switch s.Type {
		case ir.UnionType:
			nameUnionMembers(s, types)
		case ir.EnumType, ir.IntEnumType:
			nameEnumMembers(s, types)
		}
	}
	nameOperations(m, renames)
	for _, s := range m.Shapes() {
		if s.Type == ir.StructureType && (s.GoPackage == ir.TypesPackage || uses[s.ID].input || uses[s.ID].output) {
			nameFields(s, uses[s.ID])
		}
	}
	return errs.Err()
}

// serviceRenames returns the rename map of the selected service, reporting
// renames to strings that are not identifiers.
func serviceRenames(m *ir.Model, errs *ir.ErrorList) map[ir.ShapeID]string {
	renames := make(map[ir.ShapeID]string)
	if m.Service == nil {
		return renames
	}
	for _, r := range m.Service.Rename {
		if !isSmithyIdentifier(r.Name) {
			errs.Addf(r.Pos, r.ID, "rename: want a Smithy identifier, got %q", r.Name)
			continue
		}
		renames[r.ID] = r.Name
	}
	return renames
}

// shapeUse says how the service uses a structure.
type shapeUse struct {
	input, output bool // an operation's input or output
	target        bool // the target of a member
	err           bool // an operation or service error
	sensitive     bool // holds sensitive data, directly or through its members' targets
}

// shapeUses finds how the service uses each shape.
func shapeUses(m *ir.Model) map[ir.ShapeID]shapeUse {
	uses := make(map[ir.ShapeID]shapeUse)
	mark := func(id ir.ShapeID, f func(*shapeUse)) {
		u := uses[id]
		f(&u)
		uses[id] = u
	}
	for _, op := range m.Operations {
		if op.Input != "" {
			mark(op.Input, func(u *shapeUse) { u.input = true })
		}
		if op.Output != "" {
			mark(op.Output, func(u *shapeUse) { u.output = true })
		}
		for _, e := range op.Errors {
			mark(e, func(u *shapeUse) { u.err = true })
		}
	}
	if m.Service != nil {
		for _, e := range m.Service.Errors {
			mark(e, func(u *shapeUse) { u.err = true })
		}
	}
	for _, s := range m.Shapes() {
		if isMixin(s) {
			continue
		}
		for _, mem := range s.Members {
			mark(mem.Target, func(u *shapeUse) { u.target = true })
		}
	}
	for changed := true; changed; {
		changed = false
		for _, s := range m.Shapes() {
			if !uses[s.ID].sensitive && holdsSensitive(s, uses) {
				mark(s.ID, func(u *shapeUse) { u.sensitive = true })
				changed = true
			}
		}
	}
	return uses
}

// holdsSensitive reports whether s is sensitive, has a sensitive member, or
// has a member whose target is already known to hold sensitive data.
func holdsSensitive(s *ir.Shape, uses map[ir.ShapeID]shapeUse) bool {
	if s.Traits.Sensitive {
		return true
	}
	for _, mem := range s.Members {
		if mem.Traits.Sensitive || uses[mem.Target].sensitive {
			return true
		}
	}
	return false
}

// getsTypeName reports whether s is declared as a named type in the types
// package.
func getsTypeName(s *ir.Shape, u shapeUse) bool {
	if s.ID.IsPrelude() || isMixin(s) {
		return false
	}
	switch s.Type {
	case ir.StructureType:
		return u.target || u.err || s.Traits.Error != "" || !(u.input || u.output)
	case ir.UnionType, ir.EnumType, ir.IntEnumType:
		return true
	}
	return false
}

func isMixin(s *ir.Shape) bool { return s.IsMixin || s.Traits.Mixin }

// baseName returns the name a shape is known by in the service: its rename,
// else its shape name.
func baseName(s *ir.Shape, renames map[ir.ShapeID]string) string {
	if n, ok := renames[s.ID]; ok {
		return n
	}
	return s.ID.Name()
}

// nameTypes gives the types-package shapes their GoName: renamed shapes
// first, then the others, each group by shape ID; union variant names are
// reserved before.
func nameTypes(shapes []*ir.Shape, renames map[ir.ShapeID]string, types *nameScope) {
	variants := newNameScope()
	for _, s := range shapes {
		if s.Type == ir.UnionType {
			for _, mem := range s.Members {
				variants.used[exportedName(baseName(s, renames))+"Member"+exportedName(mem.Name)] = true
			}
		}
	}
	ordered := slices.Clone(shapes)
	slices.SortStableFunc(ordered, func(a, b *ir.Shape) int {
		_, ra := renames[a.ID]
		_, rb := renames[b.ID]
		if ra != rb {
			if ra {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.ID, b.ID)
	})
	for _, s := range ordered {
		s.GoName = types.claim(exportedName(baseName(s, renames)), variants)
	}
}

// nameUnionMembers names a union's members and their variant types.
func nameUnionMembers(s *ir.Shape, types *nameScope) {
	fields := newNameScope()
	for _, mem := range s.Members {
		mem.GoName = fields.claim(exportedName(mem.Name))
		mem.UnionVariant = types.claim(s.GoName + "Member" + mem.GoName)
	}
}

// nameEnumMembers names the constants of an enum or intEnum.
func nameEnumMembers(s *ir.Shape, types *nameScope) {
	own := newNameScope()
	for _, mem := range s.Members {
		mem.GoName = enumConstant(s.GoName, mem.Name, own, types)
	}
}

// enumConstant claims the name of one enum constant; own holds the constants
// of the same enum.
func enumConstant(typeName, name string, own, types *nameScope) string {
	label := typeName + enumConstantSuffix(name)
	if own.taken(label) && isExportedIdent(name) && !types.taken(name) {
		label = name
	}
	label = types.claim(label)
	own.used[label] = true
	return label
}

// nameOperations names the client methods, keeping the service-package names
// derived from them free.
func nameOperations(m *ir.Model, renames map[ir.ShapeID]string) {
	root := newNameScope(reservedRootNames)
	methods := newNameScope(reservedClientMethods)
	for _, op := range m.Operations {
		op.GoPackage = ir.NoPackage
		name := exportedName(baseName(op, renames))
		paginated := op.Traits.Has(ir.TraitPaginated)
		for methods.taken(name) || slices.ContainsFunc(operationRootNames(name, paginated), root.taken) {
			name += "_"
		}
		op.GoName = methods.claim(name)
		for _, n := range operationRootNames(name, paginated) {
			root.claim(n)
		}
	}
}

// operationRootNames returns the service-package names declared for an
// operation named name.
func operationRootNames(name string, paginated bool) []string {
	names := []string{name + "Input", name + "Output"}
	if paginated {
		names = append(names, "New"+name+"Paginator", name+"Paginator", name+"PaginatorOptions", name+"APIClient")
	}
	return names
}

// nameFields names the fields of a structure, in member-name order, avoiding
// the methods and fields the generated type declares in every role it has.
func nameFields(s *ir.Shape, u shapeUse) {
	reserved := [][]string{reservedStructMembers}
	if s.Traits.Error != "" || u.err {
		reserved = append(reserved, reservedErrorMembers)
	}
	if u.input {
		reserved = append(reserved, reservedInputMembers)
	}
	if u.output {
		reserved = append(reserved, reservedOutputMembers)
	}
	if u.sensitive {
		reserved = append(reserved, reservedSensitiveMembers)
	}
	fields := newNameScope(reserved...)
	members := slices.Clone(s.Members)
	slices.SortStableFunc(members, func(a, b *ir.Member) int { return cmp.Compare(a.Name, b.Name) })
	for _, mem := range members {
		mem.GoName = fields.claim(exportedName(mem.Name))
	}
}
