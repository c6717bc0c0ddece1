package endpoints

import (
	"net"
	"net/url"
	"strings"
)

// URL is the result of parseURL.
type URL struct {
	Scheme         string // "http" or "https"
	Authority      string // host and port, as written
	Path           string // the path, as written (may be empty)
	NormalizedPath string // the path with a leading and a trailing '/'
	IsIP           bool   // the host is an IPv4 or IPv6 address
}

// ParseURL implements parseURL: nil unless input is an http or https URL
// without a query.
func ParseURL(input string) *URL {
	u, err := url.Parse(input)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.RawQuery != "" || u.ForceQuery || u.Host == "" {
		return nil
	}
	path := u.EscapedPath()
	norm := path
	if !strings.HasPrefix(norm, "/") {
		norm = "/" + norm
	}
	if !strings.HasSuffix(norm, "/") {
		norm += "/"
	}
	host := u.Hostname()
	if i := strings.LastIndexByte(host, '%'); i >= 0 { // an IPv6 zone
		host = host[:i]
	}
	return &URL{
		Scheme:         u.Scheme,
		Authority:      u.Host,
		Path:           path,
		NormalizedPath: norm,
		IsIP:           net.ParseIP(host) != nil,
	}
}

// URIEncode implements uriEncode: every byte outside the RFC 3986
// unreserved set (A-Z a-z 0-9 - . _ ~) becomes %XX, upper-case hex.
func URIEncode(input string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(input); i++ {
		c := input[i]
		if isUnreserved(c) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

// isUnreserved reports whether c is an RFC 3986 unreserved character.
func isUnreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}
