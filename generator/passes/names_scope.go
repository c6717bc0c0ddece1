package passes

// nameScope is a set of Go names declared in one scope (a package, a
// structure's fields and methods, a client's methods).
type nameScope struct {
	used map[string]bool
}

// newNameScope returns a scope in which the given names are already taken.
func newNameScope(reserved ...[]string) *nameScope {
	s := &nameScope{used: make(map[string]bool)}
	for _, names := range reserved {
		for _, n := range names {
			s.used[n] = true
		}
	}
	return s
}

// taken reports whether name is declared in s.
func (s *nameScope) taken(name string) bool { return s.used[name] }

// claim declares the first of name, name+"_", name+"__", ... that is free in
// s and in every scope of also, and returns it.
func (s *nameScope) claim(name string, also ...*nameScope) string {
	name = s.free(name, also...)
	s.used[name] = true
	return name
}

// free returns the first of name, name+"_", name+"__", ... that is free in s
// and in every scope of also, without declaring it.
func (s *nameScope) free(name string, also ...*nameScope) string {
	for s.takenAny(name, also) {
		name += "_"
	}
	return name
}

func (s *nameScope) takenAny(name string, also []*nameScope) bool {
	if s.used[name] {
		return true
	}
	for _, o := range also {
		if o.used[name] {
			return true
		}
	}
	return false
}
