package smithy

import "strings"

// validShapeID reports whether s is an absolute shape ID,
// namespace#Name, or with member allowed also namespace#Name$member.
func validShapeID(s string, member bool) bool {
	ns, rest, ok := strings.Cut(s, "#")
	if !ok || !validNamespace(ns) {
		return false
	}
	name, mem, hasMember := strings.Cut(rest, "$")
	if !validIdentifier(name) {
		return false
	}
	if hasMember {
		return member && validIdentifier(mem)
	}
	return true
}

// validNamespace reports whether s is dotted identifiers.
func validNamespace(s string) bool {
	for {
		part, rest, more := strings.Cut(s, ".")
		if !validIdentifier(part) {
			return false
		}
		if !more {
			return true
		}
		s = rest
	}
}

// validIdentifier reports whether s is a Smithy identifier: leading
// underscores, a letter, then letters, digits and underscores.
func validIdentifier(s string) bool {
	i := 0
	for i < len(s) && s[i] == '_' {
		i++
	}
	if i == len(s) || !isLetter(s[i]) {
		return false
	}
	for _, c := range []byte(s[i+1:]) {
		if !isLetter(c) && !isDigit(c) && c != '_' {
			return false
		}
	}
	return true
}

// isLetter reports whether c is an ASCII letter.
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// isDigit reports whether c is an ASCII digit.
func isDigit(c byte) bool { return c >= '0' && c <= '9' }
