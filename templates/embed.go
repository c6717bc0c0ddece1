// Package templates holds the model-independent Go packages that the
// generator copies into its output. Each subdirectory is a real, compiled
// and tested package; its non-test .go files are embedded here.
package templates

import "embed"

// FS holds the .go files of every template package, as "<name>/<file>.go"
// (test files included; the emitter skips them). Only files directly in a
// template directory are embedded: subdirectories (testdata, ...) are not.
//
//go:embed */*.go
var FS embed.FS

// ImportPrefix is the import path of the template packages; the generator
// rewrites "ImportPrefix<name>" imports to the copied package's path.
const ImportPrefix = "github.com/eksauthgen/eksauthgen/templates/"
