package passes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// exportedName turns a Smithy identifier (a shape name, member name or
// rename value) into an exported Go identifier the way the AWS SDK for Go v2
// does: the first letter is upper-cased and the rest is kept as written
// ("fooBar" → "FooBar", "ARN" → "ARN", "eTag" → "ETag").
//
// Beyond the SDK, the result is always a valid exported identifier: a rune
// that Go does not allow in identifiers becomes '_', and a name that does not
// start with a letter that has an upper-case form gets the prefix "X"
// ("_foo" → "X_foo", "2fa" → "X2fa", "" → "X"), as protobuf-go does.
func exportedName(s string) string {
	s = identRunes(s)
	r, n := utf8.DecodeRuneInString(s)
	if unicode.IsLetter(r) {
		if up := unicode.ToUpper(r); unicode.IsUpper(up) {
			return string(up) + s[n:]
		}
	}
	return "X" + s
}

// identRunes replaces every rune that may not appear in a Go identifier with
// '_'.
func identRunes(s string) string {
	ok := true
	for _, r := range s {
		if !isIdentRune(r) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isIdentRune(r) {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	return b.String()
}

// isIdentRune reports whether r may appear in a Go identifier.
func isIdentRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isExportedIdent reports whether s is a valid exported Go identifier.
func isExportedIdent(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return false
	}
	for _, r := range s {
		if !isIdentRune(r) {
			return false
		}
	}
	return true
}

// enumConstantSuffix returns the part of an enum constant's name that
// follows the enum's type name, as smithy-go's EnumGenerator and
// IntEnumGenerator build it: name is split at every rune that is not a letter
// or digit ('_' included); a part mixing ASCII upper and lower case keeps its
// case with the first letter upper-cased, any other part is title-cased
// ("CREATE_FAILED" → "CreateFailed", "t2.micro" → "T2Micro",
// "fooBar_BAZ" → "FooBarBaz", "application/json" → "ApplicationJson").
func enumConstantSuffix(name string) string {
	var b strings.Builder
	for part := range strings.FieldsFuncSeq(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if !mixedCase(part) {
			part = strings.ToLower(part)
		}
		r, n := utf8.DecodeRuneInString(part)
		b.WriteRune(unicode.ToUpper(r))
		b.WriteString(part[n:])
	}
	return b.String()
}

// mixedCase reports whether s has both an ASCII lower-case and an ASCII
// upper-case letter (the SDK's test is the regular expressions [a-z] and
// [A-Z]).
func mixedCase(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r >= 'a' && r <= 'z' }) &&
		strings.ContainsFunc(s, func(r rune) bool { return r >= 'A' && r <= 'Z' })
}

// isSmithyIdentifier reports whether s is a Smithy identifier:
// (_*[A-Za-z])[A-Za-z0-9_]*.
func isSmithyIdentifier(s string) bool {
	t := strings.TrimLeft(s, "_")
	if t == "" || !isASCIILetter(t[0]) {
		return false
	}
	for i := 1; i < len(t); i++ {
		c := t[i]
		if c != '_' && !isASCIILetter(c) && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
