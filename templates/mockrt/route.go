package mockrt

import (
	"net/url"
	"strings"
)

// Segment is one "/"-separated segment of an operation's URI pattern: a
// literal, or a label ("{name}", or "{name+}" when Greedy).
type Segment struct {
	Literal string
	Label   bool
	Greedy  bool
}

// QueryLiteral is a constant query parameter of a URI pattern ("?a=b" or
// "?flag"); a request matches only when it carries it.
type QueryLiteral struct {
	Key, Value string
}

// match reports whether the escaped path and query of a request match the
// pattern, and returns the percent-decoded label values in pattern order.
func match(segs []Segment, lits []QueryLiteral, escapedPath string, query url.Values) ([]string, bool) {
	for len(segs) > 0 && !segs[len(segs)-1].Label && segs[len(segs)-1].Literal == "" {
		segs = segs[:len(segs)-1] // a pattern ending in "/": splitPath drops that slash too
	}
	parts := splitPath(escapedPath)
	labels := make([]string, 0, 2)
	i := 0
	for si, s := range segs {
		switch {
		case s.Greedy:
			rest := len(segs) - si - 1 // segments after the greedy label
			n := len(parts) - i - rest
			if n < 1 {
				return nil, false
			}
			v, err := url.PathUnescape(strings.Join(parts[i:i+n], "/"))
			if err != nil || v == "" {
				return nil, false
			}
			labels = append(labels, v)
			i += n
		case i >= len(parts):
			return nil, false
		case s.Label:
			v, err := url.PathUnescape(parts[i])
			if err != nil || v == "" {
				return nil, false
			}
			labels = append(labels, v)
			i++
		default:
			v, err := url.PathUnescape(parts[i])
			if err != nil || v != s.Literal {
				return nil, false
			}
			i++
		}
	}
	if i != len(parts) {
		return nil, false
	}
	for _, q := range lits {
		vs, ok := query[q.Key]
		if !ok || (q.Value != "" && !contains(vs, q.Value)) {
			return nil, false
		}
	}
	return labels, true
}

// splitPath splits an escaped path into its segments, ignoring the leading
// slash and one trailing slash.
func splitPath(p string) []string {
	p = strings.TrimPrefix(p, "/")
	p = strings.TrimSuffix(p, "/")
	if p == "" {
		return nil
	}
	return strings.Split(p, "/")
}

func contains(vs []string, v string) bool {
	for _, x := range vs {
		if x == v {
			return true
		}
	}
	return false
}
