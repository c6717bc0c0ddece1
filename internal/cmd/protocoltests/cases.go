package main

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// sideFile returns the generated test file of one side of suite s, relative
// to the module directory.
func sideFile(s suite, side string) string {
	if side == "client" {
		return filepath.Join(s.Package, "protocol_client_test.go")
	}
	return filepath.Join(s.Package, s.Package+"mock", "protocol_server_test.go")
}

// discoverCases returns the leaf subtests (Kind/ID, or deeper) of the test
// function fn in a generated Go test file, from its t.Run calls with
// literal names; a missing file has none.
func discoverCases(path, fn string) ([]string, error) {
	src, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	f, err := parser.ParseFile(token.NewFileSet(), path, src, 0)
	if err != nil {
		return nil, err
	}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == fn && fd.Body != nil {
			var out []string
			collectRuns(fd.Body, "", &out)
			slices.Sort(out)
			return out, nil
		}
	}
	return nil, fmt.Errorf("%s: no function %s", path, fn)
}

// collectRuns appends to out the leaf subtest names under n: t.Run(name,
// func...) calls found in n, prefix/name when they hold no t.Run of their
// own, their leaves otherwise.
func collectRuns(n ast.Node, prefix string, out *[]string) {
	ast.Inspect(n, func(x ast.Node) bool {
		call, ok := x.(*ast.CallExpr)
		if !ok || len(call.Args) != 2 {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Run" {
			return true
		}
		lit, ok := call.Args[0].(*ast.BasicLit)
		body, ok2 := call.Args[1].(*ast.FuncLit)
		if !ok || !ok2 || lit.Kind != token.STRING {
			return true
		}
		name, err := strconv.Unquote(lit.Value)
		if err != nil {
			return true
		}
		full := strings.TrimPrefix(prefix+"/"+name, "/")
		before := len(*out)
		collectRuns(body.Body, full, out)
		if len(*out) == before {
			*out = append(*out, full)
		}
		return false
	})
}

// checkSkipsExist reports every skip entry whose case the generated tests
// do not have.
func checkSkipsExist(dir string, run []suite, skips skipList) error {
	var errs []error
	for _, s := range run {
		for _, sd := range sides {
			cases, err := discoverCases(filepath.Join(dir, sideFile(s, sd.Side)), sd.Func)
			if err != nil {
				return err
			}
			for _, c := range skips.of(s.Name).cases(sd.Side) {
				if _, found := slices.BinarySearch(cases, c); !found {
					errs = append(errs, fmt.Errorf("skip list: %s %s %s: no such case", s.Name, sd.Side, c))
				}
			}
		}
	}
	names := map[string]bool{}
	for _, s := range suites {
		names[s.Name] = true
	}
	for _, sk := range skips {
		if !names[sk.Suite] {
			errs = append(errs, fmt.Errorf("skip list line %d: no suite %q", sk.Line, sk.Suite))
		}
	}
	return errors.Join(errs...)
}
