package passes

import "github.com/eksauthgen/eksauthgen/generator/ir"

// flattenMixins is a placeholder until the pass is written (TODO: owner replaces this file).
func flattenMixins(m *ir.Model) error { return nil }
