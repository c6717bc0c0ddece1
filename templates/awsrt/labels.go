package awsrt

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
