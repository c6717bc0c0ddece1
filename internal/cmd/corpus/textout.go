package main

import (
	"slices"
	"strings"
)

// textErrors reads the text output of "go build" or "go vet" (a "# pkg"
// line, then one line per problem) and returns the first problem of each
// model directory named in dirs, by the package header it comes under or,
// without one, by the file path it starts with. modPath is the scratch
// module's path. Lines it cannot attribute are returned in rest.
func textErrors(out []byte, modPath string, dirs []string) (first map[string]string, rest []string) {
	first = map[string]string{}
	current := ""
	for line := range strings.SplitSeq(string(out), "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" {
			continue
		}
		if pkg, ok := strings.CutPrefix(line, "# "); ok {
			current = dirOfPackage(pkg, modPath)
			continue
		}
		msg := strings.TrimSpace(strings.TrimPrefix(line, "vet: "))
		dir := dirOfPath(msg, modPath, dirs)
		if dir == "" {
			dir = current
		}
		if dir == "" || !slices.Contains(dirs, dir) {
			rest = append(rest, msg)
			continue
		}
		if _, seen := first[dir]; !seen {
			first[dir] = msg
		}
	}
	return first, rest
}

// dirOfPackage returns the model directory of a package path of the scratch
// module ("<modPath>/<dir>/..."; test variants "pkg [pkg.test]" included),
// or "".
func dirOfPackage(pkg, modPath string) string {
	pkg, _, _ = strings.Cut(pkg, " ")
	rest, ok := strings.CutPrefix(pkg, modPath+"/")
	if !ok {
		return ""
	}
	dir, _, _ := strings.Cut(rest, "/")
	return strings.TrimSuffix(dir, "_test")
}

// dirOfPath returns the model directory a diagnostic's file path names:
// "<dir>/...", "./<dir>/..." or "<modPath>/<dir>/..." (with -trimpath), or
// "" when it is none of dirs.
func dirOfPath(msg, modPath string, dirs []string) string {
	p := strings.TrimPrefix(msg, "./")
	p = strings.TrimPrefix(p, modPath+"/")
	dir, _, ok := strings.Cut(p, "/")
	if !ok || !slices.Contains(dirs, dir) {
		return ""
	}
	return dir
}
