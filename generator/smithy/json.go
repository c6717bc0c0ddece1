package smithy

import (
	"encoding/json"
	"errors"
	"strings"

	"github.com/tidwall/gjson"
)

// entry is one key of a JSON object with its value.
type entry struct {
	name string       // the key, unescaped
	at   int          // byte offset of the key
	val  gjson.Result // the value
}

// dedupeQuadratic is the object size up to which duplicate keys are found by
// comparing every pair rather than with a map.
const dedupeQuadratic = 16

// entries returns the keys of a JSON object in document order. A key that
// occurs more than once keeps its first place and takes its last value.
//
// The entries live on the parser's scratch stack: the caller must call
// p.release(mark) once done with them, and not before.
func (p *parser) entries(obj gjson.Result) (es []entry, mark int) {
	mark = len(p.stack)
	obj.ForEach(func(k, v gjson.Result) bool {
		p.stack = append(p.stack, entry{k.Str, k.Index, v})
		return true
	})
	es = p.stack[mark:len(p.stack):len(p.stack)]
	if hasDuplicates(es) {
		es = dedupe(es)
	}
	return es, mark
}

// release pops the scratch stack back to mark.
func (p *parser) release(mark int) {
	clear(p.stack[mark:])
	p.stack = p.stack[:mark]
}

// hasDuplicates reports whether a key occurs twice in es.
func hasDuplicates(es []entry) bool {
	if len(es) <= dedupeQuadratic {
		for i := 1; i < len(es); i++ {
			for j := 0; j < i; j++ {
				if es[i].name == es[j].name {
					return true
				}
			}
		}
		return false
	}
	seen := make(map[string]struct{}, len(es))
	for _, e := range es {
		if _, ok := seen[e.name]; ok {
			return true
		}
		seen[e.name] = struct{}{}
	}
	return false
}

// dedupe returns a copy of es with repeated keys merged: the first place,
// the last value.
func dedupe(es []entry) []entry {
	at := make(map[string]int, len(es))
	out := make([]entry, 0, len(es))
	for _, e := range es {
		if i, ok := at[e.name]; ok {
			out[i].val = e.val
			continue
		}
		at[e.name] = len(out)
		out = append(out, e)
	}
	return out
}

// isObject reports whether r is a JSON object.
func isObject(r gjson.Result) bool {
	return r.Type == gjson.JSON && strings.HasPrefix(r.Raw, "{")
}

// isArray reports whether r is a JSON array.
func isArray(r gjson.Result) bool {
	return r.Type == gjson.JSON && strings.HasPrefix(r.Raw, "[")
}

// kind names the JSON kind of r for error messages.
func kind(r gjson.Result) string {
	switch {
	case !r.Exists():
		return "nothing"
	case r.Type == gjson.Null:
		return "null"
	case r.Type == gjson.True, r.Type == gjson.False:
		return "a boolean"
	case r.Type == gjson.Number:
		return "a number"
	case r.Type == gjson.String:
		return "a string"
	case isArray(r):
		return "an array"
	default:
		return "an object"
	}
}

// syntaxError locates the first JSON syntax error in src: the byte offset of
// the offending character (or the end of input) and what is wrong.
func syntaxError(src []byte) (offset int, what string) {
	var raw json.RawMessage
	err := json.Unmarshal(src, &raw)
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return 0, "malformed document"
	}
	off := int(se.Offset)
	if off > 0 && !strings.HasPrefix(se.Error(), "unexpected end") {
		off-- // Offset counts the bytes read, the bad one included
	}
	return off, se.Error()
}
