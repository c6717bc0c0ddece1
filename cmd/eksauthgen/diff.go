package main

import (
	"io"
	"path/filepath"
	"strings"

	"github.com/pmezard/go-difflib/difflib"
)

// writeDiffs writes a unified diff of every change in p to w, from what is
// on disk to what would be generated.
func (p *plan) writeDiffs(w io.Writer) error {
	for _, c := range p.changes {
		name := filepath.ToSlash(filepath.Join(p.out, filepath.FromSlash(c.path)))
		from, to := name, name+" (generated)"
		switch c.kind {
		case create:
			from = "/dev/null"
		case remove:
			to = "/dev/null"
		}
		if err := difflib.WriteUnifiedDiff(w, difflib.UnifiedDiff{
			A: splitLines(c.old), B: splitLines(c.new),
			FromFile: from, ToFile: to, Context: 3,
		}); err != nil {
			return err
		}
	}
	return nil
}

// splitLines splits text into lines that each end in "\n" (one is added to a
// last line without it), as difflib wants.
func splitLines(text []byte) []string {
	if len(text) == 0 {
		return nil
	}
	lines := strings.SplitAfter(string(text), "\n")
	if lines[len(lines)-1] == "" {
		return lines[:len(lines)-1]
	}
	lines[len(lines)-1] += "\n"
	return lines
}
