package ir

import "strings"

// ShapeID is an absolute Smithy shape ID, "namespace#Name", or a member ID,
// "namespace#Name$member".
type ShapeID string

// Namespace returns the part before '#'.
func (id ShapeID) Namespace() string {
	ns, _, _ := strings.Cut(string(id), "#")
	return ns
}

// Name returns the shape name: the part after '#' and before any '$'.
func (id ShapeID) Name() string {
	_, rest, _ := strings.Cut(string(id), "#")
	name, _, _ := strings.Cut(rest, "$")
	return name
}

// Member returns the member name after '$', or "".
func (id ShapeID) Member() string {
	_, m, _ := strings.Cut(string(id), "$")
	return m
}

// Root returns the ID without its member part.
func (id ShapeID) Root() ShapeID {
	root, _, _ := strings.Cut(string(id), "$")
	return ShapeID(root)
}

// WithMember returns the member ID root$member.
func (id ShapeID) WithMember(member string) ShapeID {
	return id.Root() + "$" + ShapeID(member)
}

// PreludeNamespace is the namespace of Smithy's implicit prelude shapes.
const PreludeNamespace = "smithy.api"

// IsPrelude reports whether id is in the smithy.api namespace.
func (id ShapeID) IsPrelude() bool { return id.Namespace() == PreludeNamespace }
