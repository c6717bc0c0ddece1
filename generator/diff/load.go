package diff

import (
	"github.com/eksauthgen/eksauthgen/generator/ir"
	"github.com/eksauthgen/eksauthgen/generator/passes"
	"github.com/eksauthgen/eksauthgen/generator/smithy"
)

// Load parses a Smithy 2.0 JSON AST model (filename names it in errors) and
// runs the passes for service (an absolute shape ID; empty means the model's
// only service), giving the model Compare takes.
func Load(src []byte, filename, service string) (*ir.Model, error) {
	m, err := smithy.Parse(src, filename)
	if err != nil {
		return nil, err
	}
	if err := passes.Run(m, passes.Config{Service: ir.ShapeID(service)}); err != nil {
		return nil, err
	}
	return m, nil
}
