package passes

import "github.com/eksauthgen/eksauthgen/generator/ir"

// deriveNullability is a placeholder until the pass is written (TODO: owner replaces this file).
func deriveNullability(m *ir.Model) error { return nil }
