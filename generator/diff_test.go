package generator_test

import (
	"strings"

	"github.com/pmezard/go-difflib/difflib"
)

// unifiedDiff returns a unified diff from a to b with 3 lines of context.
func unifiedDiff(fromName, toName string, a, b []byte) string {
	d, err := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
		A: splitLines(a), B: splitLines(b), FromFile: fromName, ToFile: toName, Context: 3,
	})
	if err != nil {
		return err.Error()
	}
	return d
}

// splitLines splits text into lines that each end in "\n".
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
