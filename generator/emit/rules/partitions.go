package rules

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"regexp"
	"slices"
	"strconv"
	"sync"

	"github.com/eksauthgen/eksauthgen/templates"
)

// partitionConfig is what staleReason needs of the result of aws.partition
// for a region.
type partitionConfig struct {
	name                            string
	supportsFIPS, supportsDualStack bool
}

// partition is one partition of a partition table.
type partition struct {
	id          string
	regionRegex *regexp.Regexp
	regions     []string // the regions the partition lists (none has overrides)
	outputs     partitionConfig
}

// partitions is an ordered partition table.
type partitions []partition

// lookup implements aws.partition as the runtime's Partitions.Partition
// does: a region a partition lists wins, else the first partition whose
// region regex matches, else the "aws" partition; nil when there is none.
func (ps partitions) lookup(region string) *partitionConfig {
	for i := range ps {
		if slices.Contains(ps[i].regions, region) {
			return &ps[i].outputs
		}
	}
	for i := range ps {
		if ps[i].regionRegex != nil && ps[i].regionRegex.MatchString(region) {
			return &ps[i].outputs
		}
	}
	for i := range ps {
		if ps[i].id == "aws" {
			return &ps[i].outputs
		}
	}
	return nil
}

// partitionsFile is the file of templates.FS that holds the runtime's
// built-in partition table, the variable defaultPartitions.
const partitionsFile = "endpoints/partitions.go"

// builtInPartitions returns the built-in partition table of the endpoints
// runtime that the generated code gets (templates/endpoints, copied into
// the output), read from its embedded source on first use. Reading the
// source rather than importing the package keeps the runtime (and net/http,
// which it needs) out of the generator: importing it cost every run of the
// command several milliseconds of package initialization.
// TestBuiltInPartitionsMatchRuntime checks the result against the package.
var builtInPartitions = sync.OnceValues(func() (partitions, error) {
	src, err := fs.ReadFile(templates.FS, partitionsFile)
	if err != nil {
		return nil, err
	}
	return parsePartitions(src)
})

// parsePartitions decodes the composite literal of the variable
// defaultPartitions in src, a Go file of the endpoints runtime: each
// element's ID, RegionRegex (regexp.MustCompile of a string literal),
// Outputs (Name, SupportsFIPS, SupportsDualStack of a PartitionConfig
// literal) and Regions (a call of regions with string literals).
func parsePartitions(src []byte) (partitions, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, partitionsFile, src, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	lit := findVar(f, "defaultPartitions")
	if lit == nil {
		return nil, fmt.Errorf("%s: no composite literal defaultPartitions", partitionsFile)
	}
	var ps partitions
	for _, e := range lit.Elts {
		p, err := decodePartition(e)
		if err != nil {
			return nil, fmt.Errorf("%s: %v: %w", partitionsFile, fset.Position(e.Pos()), err)
		}
		ps = append(ps, p)
	}
	return ps, nil
}

// findVar returns the composite literal that variable name is set to in f.
func findVar(f *ast.File, name string) *ast.CompositeLit {
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.VAR {
			continue
		}
		for _, s := range g.Specs {
			v := s.(*ast.ValueSpec)
			for i, n := range v.Names {
				if n.Name == name && i < len(v.Values) {
					lit, _ := v.Values[i].(*ast.CompositeLit)
					return lit
				}
			}
		}
	}
	return nil
}

// decodePartition decodes one element of the table.
func decodePartition(e ast.Expr) (partition, error) {
	var p partition
	err := decodeFields(e, "partition: want a composite literal", map[string]func(ast.Expr) error{
		"ID":          decodeInto(&p.id, goStringLit),
		"RegionRegex": decodeInto(&p.regionRegex, mustCompileCall),
		"Outputs":     decodeInto(&p.outputs, decodeOutputs),
		"Regions":     decodeInto(&p.regions, regionsCall),
	})
	return p, err
}

// decodeOutputs decodes a PartitionConfig literal.
func decodeOutputs(e ast.Expr) (partitionConfig, error) {
	var c partitionConfig
	err := decodeFields(e, "want a PartitionConfig literal", map[string]func(ast.Expr) error{
		"Name":              decodeInto(&c.name, goStringLit),
		"SupportsFIPS":      decodeInto(&c.supportsFIPS, goBoolLit),
		"SupportsDualStack": decodeInto(&c.supportsDualStack, goBoolLit),
	})
	return c, err
}

// decodeFields runs, in source order, the decoder of fields for each keyed
// element "Key: value" of struct literal e; keys without a decoder are
// skipped. notLit is the error when e is no composite literal.
func decodeFields(e ast.Expr, notLit string, fields map[string]func(ast.Expr) error) error {
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return errors.New(notLit)
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		key, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		if decode := fields[key.Name]; decode != nil {
			if err := decode(kv.Value); err != nil {
				return fmt.Errorf("%s: %w", key.Name, err)
			}
		}
	}
	return nil
}

// decodeInto returns a decoder of fields that stores the result of decode
// in dst.
func decodeInto[T any](dst *T, decode func(ast.Expr) (T, error)) func(ast.Expr) error {
	return func(e ast.Expr) error {
		v, err := decode(e)
		*dst = v
		return err
	}
}

// goStringLit returns the value of a string literal.
func goStringLit(e ast.Expr) (string, error) {
	if b, ok := e.(*ast.BasicLit); ok && b.Kind == token.STRING {
		return strconv.Unquote(b.Value)
	}
	return "", fmt.Errorf("want a string literal")
}

// goBoolLit returns the value of true or false.
func goBoolLit(e ast.Expr) (bool, error) {
	if id, ok := e.(*ast.Ident); ok && (id.Name == "true" || id.Name == "false") {
		return id.Name == "true", nil
	}
	return false, fmt.Errorf("want true or false")
}

// mustCompileCall compiles the pattern of regexp.MustCompile(`...`).
func mustCompileCall(e ast.Expr) (*regexp.Regexp, error) {
	args, ok := callArgs(e, "regexp", "MustCompile")
	if !ok || len(args) != 1 {
		return nil, fmt.Errorf("want regexp.MustCompile of a string literal")
	}
	s, err := goStringLit(args[0])
	if err != nil {
		return nil, err
	}
	return regexp.Compile(s)
}

// regionsCall returns the region names of regions("a", "b", ...).
func regionsCall(e ast.Expr) ([]string, error) {
	args, ok := callArgs(e, "", "regions")
	if !ok {
		return nil, fmt.Errorf("want a call of regions with string literals")
	}
	names := make([]string, len(args))
	for i, a := range args {
		s, err := goStringLit(a)
		if err != nil {
			return nil, err
		}
		names[i] = s
	}
	return names, nil
}

// callArgs returns the arguments of a call of pkg.fun (fun alone when pkg
// is empty).
func callArgs(e ast.Expr, pkg, fun string) ([]ast.Expr, bool) {
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return nil, false
	}
	switch f := call.Fun.(type) {
	case *ast.Ident:
		return call.Args, pkg == "" && f.Name == fun
	case *ast.SelectorExpr:
		x, ok := f.X.(*ast.Ident)
		return call.Args, ok && x.Name == pkg && f.Sel.Name == fun
	}
	return nil, false
}
