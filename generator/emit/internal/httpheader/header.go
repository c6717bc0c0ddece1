// Package httpheader canonicalizes HTTP header names as net/http does, without
// importing net/textproto: that package imports net, which links the C
// resolver into the generator and makes its binary dynamically linked,
// slower to start.
package httpheader

// CanonicalKey returns the canonical form of the header name s, as
// net/textproto.CanonicalMIMEHeaderKey does: the first letter and every
// letter after a hyphen upper case, the others lower case
// ("x-amz-date" → "X-Amz-Date"). A name with a byte that may not appear in
// a header name (RFC 7230 token characters) is returned unchanged.
func CanonicalKey(s string) string {
	canonical := true
	upper := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !tokenByte(c) {
			return s
		}
		if upper && 'a' <= c && c <= 'z' || !upper && 'A' <= c && c <= 'Z' {
			canonical = false
		}
		upper = c == '-'
	}
	if canonical {
		return s
	}
	b := []byte(s)
	upper = true
	for i, c := range b {
		switch {
		case upper && 'a' <= c && c <= 'z':
			b[i] = c - ('a' - 'A')
		case !upper && 'A' <= c && c <= 'Z':
			b[i] = c + ('a' - 'A')
		}
		upper = c == '-'
	}
	return string(b)
}

// tokenByte reports whether c is an RFC 7230 token character:
// "!#$%&'*+-.^_`|~", digits and ASCII letters.
func tokenByte(c byte) bool {
	switch {
	case '0' <= c && c <= '9', 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		return true
	}
	switch c {
	case '!', '#', '$', '%', '&', '\'', '*', '+', '-', '.', '^', '_', '`', '|', '~':
		return true
	}
	return false
}
