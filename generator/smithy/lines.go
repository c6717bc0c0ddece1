package smithy

import (
	"bytes"
	"sort"
)

// maxNesting bounds how deeply arrays and objects may nest in a model. Real
// models stay far below it; the bound keeps the recursive JSON reading of
// hostile input cheap and its stack small.
const maxNesting = 256

// lineTable turns byte offsets into 1-based line and column numbers.
type lineTable struct {
	starts []int // byte offset of the first byte of each line
	last   int   // index of the line found by the previous lookup
}

// scanSource builds the line table of src and finds the first place where
// arrays and objects nest deeper than maxNesting: its offset, or -1.
func scanSource(src []byte) (lines lineTable, tooDeep int) {
	starts := make([]int, 1, len(src)/32+1)
	for off := 0; ; {
		j := bytes.IndexByte(src[off:], '\n')
		if j < 0 {
			break
		}
		off += j + 1
		starts = append(starts, off)
	}
	return lineTable{starts: starts}, nestingLimit(src)
}

// nestingLimit returns the offset of the first bracket that opens a level
// deeper than maxNesting, or -1. Brackets inside strings do not count. On
// malformed JSON the answer is only a guess, but then the JSON validator,
// which lexes strings the same way, stops before any deeper level.
func nestingLimit(src []byte) int {
	depth := 0
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '"':
			i = stringEnd(src, i)
		case '[', '{':
			depth++
			if depth > maxNesting {
				return i
			}
		case ']', '}':
			depth--
		}
	}
	return -1
}

// stringEnd returns the offset of the quote closing the string that opens at
// offset open, or len(src) when it is not closed.
func stringEnd(src []byte, open int) int {
	i := open
	for {
		j := bytes.IndexByte(src[i+1:], '"')
		if j < 0 {
			return len(src)
		}
		i += 1 + j
		backslashes := 0
		for k := i - 1; k > open && src[k] == '\\'; k-- {
			backslashes++
		}
		if backslashes%2 == 0 {
			return i
		}
	}
}

// lineCol returns the 1-based line and byte column of offset off. Lookups
// mostly come in document order, so the previous line is tried first.
func (t *lineTable) lineCol(off int) (line, col int) {
	if off < 0 {
		off = 0
	}
	i := t.last
	if !t.holds(i, off) {
		if t.holds(i+1, off) {
			i++
		} else {
			i = sort.SearchInts(t.starts, off+1) - 1
		}
	}
	t.last = i
	return i + 1, off - t.starts[i] + 1
}

// holds reports whether line index i exists and contains offset off.
func (t *lineTable) holds(i, off int) bool {
	return i < len(t.starts) && t.starts[i] <= off && (i+1 == len(t.starts) || off < t.starts[i+1])
}
