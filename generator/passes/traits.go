package passes

import "github.com/eksauthgen/eksauthgen/generator/ir"

// decodeTraits is a placeholder until the pass is written (TODO: owner replaces this file).
func decodeTraits(m *ir.Model) error { return nil }
