package emit

import (
	"bytes"
	"cmp"
	"regexp"
	"slices"
)

// importSpecLine matches one import spec line of an import block: a tab,
// an optional name, and a quoted path without comments.
var importSpecLine = regexp.MustCompile(`^\t(?:([A-Za-z_][A-Za-z0-9_]*|\.) )?("[^"\\]*")$`)

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
		m := importSpecLine.FindSubmatch(line)
		if m == nil || seen[string(m[2])] {
			return nil, false
		}
		seen[string(m[2])] = true
		group = append(group, spec{line: line, name: m[1], path: m[2]})
	}
	flush()
	out.Write(src[end+1:])
	return out.Bytes(), true
}
