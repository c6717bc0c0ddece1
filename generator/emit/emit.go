// Package emit renders the IR as Go source. It is the only package that
// imports jennifer.
package emit

import "github.com/eksauthgen/eksauthgen/generator/ir"

// Config says how the output is named.
type Config struct {
	Package    string // Go package name of the service package (e.g. "eksauth")
	ImportPath string // import path of the output directory
	Source     string // the model's base name, for the "// source:" header line
}

// File is one generated file.
type File struct {
	Path    string // slash-separated, relative to the output directory
	Content []byte
}

// Emit renders every output file of m, sorted by path. TODO: placeholder.
func Emit(m *ir.Model, cfg Config) ([]File, error) { return nil, nil }
