package rules

import (
	"errors"
	"strings"
)

// templatePart is a literal run of a template string, or (when name is set)
// a reference: {name} or {name#path}.
type templatePart struct {
	lit  string
	name string
	path string
}

// parseTemplate splits a rules-language string into literal and reference
// parts. "{{" and "}}" stand for literal braces.
func parseTemplate(s string) ([]templatePart, error) {
	var parts []templatePart
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			parts = append(parts, templatePart{lit: lit.String()})
			lit.Reset()
		}
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '{' && i+1 < len(s) && s[i+1] == '{', c == '}' && i+1 < len(s) && s[i+1] == '}':
			lit.WriteByte(c)
			i++
		case c == '{':
			end := strings.IndexByte(s[i+1:], '}')
			if end < 0 {
				return nil, errors.New("unclosed '{'")
			}
			name, path, hasPath := strings.Cut(s[i+1:i+1+end], "#")
			if !isIdent(name) || hasPath && path == "" {
				return nil, errors.New("bad reference {" + s[i+1:i+1+end] + "}")
			}
			flush()
			parts = append(parts, templatePart{name: name, path: path})
			i += end + 1
		case c == '}':
			return nil, errors.New("unmatched '}'")
		default:
			lit.WriteByte(c)
		}
	}
	flush()
	return parts, nil
}
