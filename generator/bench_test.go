package generator_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/eksauthgen/eksauthgen/generator"
	"github.com/eksauthgen/eksauthgen/models"
)

// BenchmarkGenerateEKSAuth generates EKS Auth from the bundled model in
// process (parse, passes, emit, gofmt; no disk I/O).
func BenchmarkGenerateEKSAuth(b *testing.B) {
	opts := generator.Options{Filename: models.EKSAuthFile, ImportPath: "example.com/bench/eksauth"}
	for b.Loop() {
		if _, err := generator.Generate(models.EKSAuth, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGenerateShared generates every model of ../shared/aws-models in
// one process, one after the other, and reports the total time per pass
// over all of them (s/all) and the number of models.
func BenchmarkGenerateShared(b *testing.B) {
	dir := os.Getenv("EKSAUTHGEN_SHARED")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "aws-models", "*", "service", "*", "*.json"))
	if len(files) == 0 {
		b.Skipf("no models under %s", filepath.Join(dir, "aws-models"))
	}
	srcs := make([][]byte, len(files))
	for i, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		srcs[i] = data
	}
	b.ResetTimer()
	var total time.Duration
	for b.Loop() {
		start := time.Now()
		for i, src := range srcs {
			if _, err := generator.Generate(src, generator.Options{Filename: filepath.Base(files[i]), ImportPath: "example.com/bench/m"}); err != nil {
				b.Fatalf("%s: %v", files[i], err)
			}
		}
		total += time.Since(start)
	}
	b.ReportMetric(total.Seconds()/float64(b.N), "s/all")
	b.ReportMetric(float64(len(files)), "models")
}
