package awsrt

import (
	"slices"
	"strings"
)

// unreserved reports whether c is an RFC 3986 unreserved character, the only
// bytes Smithy leaves unescaped in labels and query strings.
func unreserved(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}

const upperHex = "0123456789ABCDEF"

// EscapeLabel percent-encodes an HTTP label value: every byte outside the
// RFC 3986 unreserved set becomes %XX (upper-case hex); a greedy label
// ({name+}) keeps '/'. It returns v itself, without allocating, when nothing
// needs escaping. The result equals smithy-go's httpbinding.EscapePath(v,
// !greedy), which costs a buffer and an fmt call per escaped byte.
func EscapeLabel(v string, greedy bool) string {
	n := 0
	for i := 0; i < len(v); i++ {
		if c := v[i]; !unreserved(c) && !(greedy && c == '/') {
			n++
		}
	}
	if n == 0 {
		return v
	}
	return string(AppendEscapedLabel(make([]byte, 0, len(v)+2*n), v, greedy))
}

// AppendEscapedLabel appends the EscapeLabel form of v to dst.
func AppendEscapedLabel(dst []byte, v string, greedy bool) []byte {
	for i := 0; i < len(v); i++ {
		c := v[i]
		if unreserved(c) || greedy && c == '/' {
			dst = append(dst, c)
			continue
		}
		dst = append(dst, '%', upperHex[c>>4], upperHex[c&0xF])
	}
	return dst
}

// Query collects the query parameters of a request in the order they are
// added (a generated serializer adds each httpQuery member, then the
// httpQueryParams entries whose key is not there yet).
type Query struct {
	pairs []queryPair
}

type queryPair struct{ key, value string }

// Grow makes room for n more parameters.
func (q *Query) Grow(n int) { q.pairs = slices.Grow(q.pairs, n) }

// Add adds the parameter key=value.
func (q *Query) Add(key, value string) { q.pairs = append(q.pairs, queryPair{key, value}) }

// Has reports whether a parameter named key was added.
func (q *Query) Has(key string) bool {
	for _, p := range q.pairs {
		if p.key == key {
			return true
		}
	}
	return false
}

// Encode returns the query string of a request: literal (the constant
// query of the operation's URI, as written in the model, possibly "") then
// the parameters sorted by key (the values of one key in the order added),
// each key and value percent-encoded as a label is (a space is %20, not +).
func (q *Query) Encode(literal string) string {
	slices.SortStableFunc(q.pairs, func(a, b queryPair) int { return strings.Compare(a.key, b.key) })
	n := len(literal)
	for _, p := range q.pairs {
		n += len(p.key) + len(p.value) + 2
	}
	var b strings.Builder
	b.Grow(n + n/2)
	b.WriteString(literal)
	for _, p := range q.pairs {
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		writeEscaped(&b, p.key)
		b.WriteByte('=')
		writeEscaped(&b, p.value)
	}
	return b.String()
}

// writeEscaped writes the EscapeLabel form (not greedy) of v to b.
func writeEscaped(b *strings.Builder, v string) {
	for i := 0; i < len(v); i++ {
		c := v[i]
		if unreserved(c) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(upperHex[c>>4])
		b.WriteByte(upperHex[c&0xF])
	}
}
