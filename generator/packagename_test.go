package generator_test

import (
	"testing"

	"github.com/eksauthgen/eksauthgen/generator"
	"github.com/eksauthgen/eksauthgen/generator/ir"
)

func TestPackageName(t *testing.T) {
	for _, c := range []struct{ sdkID, want string }{
		{"EKS Auth", "eksauth"},
		{"Application Auto Scaling", "applicationautoscaling"},
		{"ACM-PCA", "acmpca"},
		{"Range", "rangeapi"},
		{"func", "funcapi"},
		{"2048 Games", "svc2048games"},
		{"---", "service"},
	} {
		svc := &ir.Shape{ID: "example#Svc", Traits: ir.Traits{AWSService: &ir.AWSService{SDKID: c.sdkID}}}
		if got := generator.PackageName(svc); got != c.want {
			t.Errorf("PackageName(sdkId %q) = %q, want %q", c.sdkID, got, c.want)
		}
	}
}

func TestGenerateRejectsBadPackageName(t *testing.T) {
	model := []byte(`{"smithy":"2.0","shapes":{"example#Svc":{"type":"service","version":"1"}}}`)
	for _, pkg := range []string{"range", "1x", "a-b", "_"} {
		_, err := generator.Generate(model, generator.Options{Filename: "m.json", Package: pkg, ImportPath: "x/y"})
		if err == nil {
			t.Errorf("Package %q: no error", pkg)
		}
	}
}
