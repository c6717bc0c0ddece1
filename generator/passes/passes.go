// Package passes turns a parsed model into one ready to emit: an ordered list
// of passes, each a func(*ir.Model) error that needs what the passes before
// it guarantee.
package passes

import "github.com/eksauthgen/eksauthgen/generator/ir"

// Config selects what the passes keep.
type Config struct {
	// Service is the absolute ID of the service to generate. Empty means the
	// model's only service (an error when it has none or several).
	Service ir.ShapeID
}

// Pass is one step of the pipeline.
type Pass struct {
	Name string
	Run  func(*ir.Model) error
}

// List returns the passes in the order they must run.
func List(cfg Config) []Pass {
	return []Pass{
		{"prelude", addPrelude},
		{"resolve", resolveTargets},
		{"apply", applyStatements},
		{"mixins", flattenMixins},
		{"traits", decodeTraits},
		{"legacyenums", convertLegacyEnums},
		{"service", func(m *ir.Model) error { return selectService(m, cfg.Service) }},
		{"bindings", deriveBindings},
		{"names", deriveNames},
		{"docs", convertDocs},
		{"nullability", deriveNullability},
	}
}

// Run runs every pass in order and stops at the first that fails (a pass
// reports all the errors it finds at once).
func Run(m *ir.Model, cfg Config) error {
	for _, p := range List(cfg) {
		if err := p.Run(m); err != nil {
			return err
		}
	}
	return nil
}
