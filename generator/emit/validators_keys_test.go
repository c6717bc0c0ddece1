package emit

import (
	"testing"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// TestSensitiveKeys checks which maps get their keys redacted in validation
// paths: a sensitive map, a map with a sensitive key shape, and any map inside
// a sensitive value; not a plain map.
func TestSensitiveKeys(t *testing.T) {
	m := testModel()
	str := ir.ShapeID("smithy.api#String")
	secretKey := shape("SecretKey", ir.StringType, ir.Traits{Sensitive: true})
	mapOf := func(name string, key ir.ShapeID, traits ir.Traits) *ir.Shape {
		return shape(name, ir.MapType, traits,
			member("key", key, false, ir.Traits{}, ""),
			member("value", str, false, ir.Traits{}, ""))
	}
	plain := mapOf("PlainMap", str, ir.Traits{})
	sealed := mapOf("SealedMap", str, ir.Traits{Sensitive: true})
	keyed := mapOf("KeyedMap", secretKey.ID, ir.Traits{})
	inner := mapOf("InnerMap", str, ir.Traits{})
	memberInner := mapOf("MemberInnerMap", str, ir.Traits{})
	vault := shape("Vault", ir.StructureType, ir.Traits{Sensitive: true},
		member("notes", inner.ID, false, ir.Traits{}, ""))
	holder := shape("Holder", ir.StructureType, ir.Traits{},
		member("labels", memberInner.ID, false, ir.Traits{Sensitive: true}, ""),
		member("plain", plain.ID, false, ir.Traits{}, ""))
	for _, s := range []*ir.Shape{secretKey, plain, sealed, keyed, inner, memberInner, vault, holder} {
		m.Add(s)
	}
	g := newGen(m, testConfig("example.com/things"))
	v := &vgen{gen: g, secret: secretShapes(g)}
	for _, tt := range []struct {
		s    *ir.Shape
		want bool
	}{
		{plain, false},
		{sealed, true},
		{keyed, true},
		{inner, true},
		{memberInner, true},
	} {
		if got := v.sensitiveKeys(tt.s); got != tt.want {
			t.Errorf("sensitiveKeys(%s) = %v, want %v", tt.s.ID, got, tt.want)
		}
	}
}
