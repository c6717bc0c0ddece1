package passes

import (
	"cmp"
	"slices"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// selectService picks the service to generate and prunes the model to what
// that service reaches.
//
// Needs: the resolve, mixins and traits passes (references exist, mixins
// are flattened and marked, errors are error structures).
//
// Guarantees:
//   - m.Service is the service with ID id, or, when id is empty, the
//     model's only service (mixin services are not candidates).
//   - m.Operations holds, sorted by ID and without duplicates, the
//     service's operations and those of its resources, recursively: each
//     resource's operations, collection operations and lifecycle operations
//     (create, put, read, update, delete, list), and those of its
//     sub-resources.
//   - m.Shapes() keeps only the service and the shapes it reaches: its
//     resources (their identifier and property targets too), operations,
//     common errors (which apply to every operation; they are not copied
//     into Shape.Errors), every operation's input, output and errors, and
//     the targets of the members of every shape kept, transitively. Mixins
//     (already flattened) and shapes of other services are dropped. The
//     order stays sorted by ID.
//
// Errors: no service, several services and an empty id, or an id that is
// not a service; each lists the services available.
func selectService(m *ir.Model, id ir.ShapeID) error {
	var services []ir.ShapeID
	for _, s := range m.Shapes() {
		if s.Type == ir.ServiceType && !s.IsMixin {
			services = append(services, s.ID)
		}
	}
	var errs ir.ErrorList
	at := ir.Pos{File: m.File}
	switch {
	case id != "" && !slices.Contains(services, id):
		errs.Addf(at, id, "no such service in the model; services: %s", serviceList(services))
	case id == "" && len(services) == 0:
		errs.Addf(at, "", "the model has no service")
	case id == "" && len(services) > 1:
		errs.Addf(at, "", "the model has %d services, choose one of: %s", len(services), serviceList(services))
	case id == "":
		id = services[0]
	}
	if err := errs.Err(); err != nil {
		return err
	}
	svc := m.Shape(id)
	m.Service = svc
	m.Operations = serviceOperations(m, svc)
	keep := reachable(m, svc)
	m.Retain(func(s *ir.Shape) bool { return keep[s.ID] })
	return nil
}

// serviceList formats service IDs for messages.
func serviceList(ids []ir.ShapeID) string {
	if len(ids) == 0 {
		return "none"
	}
	return joinIDs(ids, ", ")
}

// serviceOperations returns the operations of svc and of its resources,
// recursively, sorted by ID without duplicates.
func serviceOperations(m *ir.Model, svc *ir.Shape) []*ir.Shape {
	seen := make(map[ir.ShapeID]bool)
	var ops []*ir.Shape
	var walk func(s *ir.Shape)
	walk = func(s *ir.Shape) {
		if s == nil || seen[s.ID] {
			return
		}
		seen[s.ID] = true
		if s.Type == ir.OperationType {
			ops = append(ops, s)
			return
		}
		for _, id := range resourceRefs(s) {
			walk(m.Shape(id))
		}
	}
	walk(svc)
	slices.SortFunc(ops, func(a, b *ir.Shape) int { return cmp.Compare(a.ID, b.ID) })
	return ops
}

// resourceRefs returns the operations and resources a service or resource
// binds: operations, collection operations, lifecycle operations and
// resources.
func resourceRefs(s *ir.Shape) []ir.ShapeID {
	refs := slices.Concat(s.Operations, s.CollectionOperations, s.Resources)
	for _, b := range s.Lifecycle {
		refs = append(refs, b.Target)
	}
	return refs
}

// reachable returns the IDs of the shapes svc reaches, svc included.
func reachable(m *ir.Model, svc *ir.Shape) map[ir.ShapeID]bool {
	keep := make(map[ir.ShapeID]bool)
	queue := []ir.ShapeID{svc.ID}
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		s := m.Shape(id)
		if s == nil || keep[id] {
			continue
		}
		keep[id] = true
		refs := slices.Concat(resourceRefs(s), s.Errors)
		for _, mem := range s.Members {
			refs = append(refs, mem.Target)
		}
		for _, b := range slices.Concat(s.Identifiers, s.Properties) {
			refs = append(refs, b.Target)
		}
		if s.Input != "" {
			refs = append(refs, s.Input)
		}
		if s.Output != "" {
			refs = append(refs, s.Output)
		}
		for _, r := range refs {
			if !keep[r] {
				queue = append(queue, r)
			}
		}
	}
	return keep
}
