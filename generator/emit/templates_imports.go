package emit

import (
	"bytes"
	"cmp"
	"slices"

	"github.com/eksauthgen/eksauthgen/templates"
)

// quotedImports returns, in order of appearance, the template names that
// byPath gives for the quoted strings "prefix+p" in src (p any key of
// byPath): the template packages src imports. One pass over src.
func quotedImports(src []byte, prefix string, byPath map[string]string) []string {
	var names []string
	for _, p := range quotedPaths(src, prefix) {
		if name, ok := byPath[string(src[p.start:p.end])]; ok {
			names = append(names, name)
		}
	}
	return names
}

// span is the part src[start:end] of a source text.
type span struct{ start, end int }

// quotedPaths returns the spans of the rests p of the quoted strings
// "prefix+p" in src that hold no backslash.
func quotedPaths(src []byte, prefix string) []span {
	var spans []span
	q := `"` + prefix
	for i := 0; ; {
		j := bytes.Index(src[i:], []byte(q))
		if j < 0 {
			return spans
		}
		start := i + j + len(q)
		k := bytes.IndexAny(src[start:], "\"\\\n")
		if k < 0 {
			return spans
		}
		i = start + k
		if src[i] == '"' {
			spans = append(spans, span{start, i})
		}
	}
}

// rewriteTemplateImports replaces the quoted import paths of template
// packages ("templates.ImportPrefix<name>") with the paths of their copies,
// in one pass. It returns src itself and false when there is none.
func (g *gen) rewriteTemplateImports(src []byte) ([]byte, bool) {
	var out []byte
	last := 0
	for _, p := range quotedPaths(src, templates.ImportPrefix) {
		name := string(src[p.start:p.end])
		if !slices.Contains(templateNames(), name) {
			continue
		}
		if out == nil {
			out = make([]byte, 0, len(src)+64)
		}
		out = append(out, src[last:p.start-len(templates.ImportPrefix)]...)
		out = append(out, g.cfg.ImportPath...)
		out = append(out, '/')
		out = append(out, templateDir(name)...)
		last = p.end
	}
	if out == nil {
		return src, false
	}
	return append(out, src[last:]...), true
}

// parseImportSpec splits one import spec line of an import block: a tab,
// an optional name (an identifier or ".") and a space, then a quoted path
// without backslashes and nothing after it. It reports false for any other
// line (comments, several specs).
func parseImportSpec(line []byte) (name, path []byte, ok bool) {
	rest, ok := bytes.CutPrefix(line, []byte("\t"))
	if !ok {
		return nil, nil, false
	}
	if len(rest) > 0 && rest[0] != '"' {
		n, after, found := bytes.Cut(rest, []byte(" "))
		if !found || !(string(n) == "." || isIdent(n)) {
			return nil, nil, false
		}
		name, rest = n, after
	}
	if len(rest) < 2 || rest[0] != '"' || rest[len(rest)-1] != '"' || bytes.ContainsAny(rest[1:len(rest)-1], "\"\\") {
		return nil, nil, false
	}
	return name, rest, true
}

// isIdent reports whether b is an ASCII identifier.
func isIdent(b []byte) bool {
	for i, c := range b {
		if !(c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || i > 0 && '0' <= c && c <= '9') {
			return false
		}
	}
	return len(b) > 0
}

// sortImportBlock sorts the specs of the first "import (...)" block of src
// within each group of lines separated by a blank line, by path and then
// name, as gofmt does. It reports false, leaving the work to go/format,
// when the block holds anything but simple spec lines (comments, several
// specs a line) or a path twice. A file without an import block is
// returned as it is.
func sortImportBlock(src []byte) ([]byte, bool) {
	start := bytes.Index(src, []byte("\nimport (\n"))
	if start < 0 {
		return src, !bytes.Contains(src, []byte("\nimport"))
	}
	start += len("\nimport (\n")
	end := bytes.Index(src[start:], []byte("\n)\n"))
	if end < 0 {
		return nil, false
	}
	end += start
	type spec struct{ line, name, path []byte }
	var out bytes.Buffer
	out.Write(src[:start])
	var group []spec
	flush := func() {
		slices.SortStableFunc(group, func(a, b spec) int {
			return cmp.Or(bytes.Compare(a.path, b.path), bytes.Compare(a.name, b.name))
		})
		for _, s := range group {
			out.Write(s.line)
			out.WriteByte('\n')
		}
		group = group[:0]
	}
	seen := map[string]bool{}
	for line := range bytes.SplitSeq(src[start:end], []byte("\n")) {
		if len(line) == 0 {
			flush()
			out.WriteByte('\n')
			continue
		}
		name, path, ok := parseImportSpec(line)
		if !ok || seen[string(path)] {
			return nil, false
		}
		seen[string(path)] = true
		group = append(group, spec{line: line, name: name, path: path})
	}
	flush()
	out.Write(src[end+1:])
	return out.Bytes(), true
}
