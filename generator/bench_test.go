package generator_test

import (
	"github.com/eksauthgen/eksauthgen/internal/cputime"

	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/eksauthgen/eksauthgen/generator"
	"github.com/eksauthgen/eksauthgen/models"
)

// BenchmarkGenerateEKSAuth generates EKS Auth from the bundled model in
// process (parse, passes, emit, gofmt; no disk I/O). Besides ns/op (wall
// clock) it reports cpu-ms/op, the CPU time of the whole process per
// generation, which other load on the machine disturbs much less.
func BenchmarkGenerateEKSAuth(b *testing.B) {
	opts := generator.Options{Filename: models.EKSAuthFile, ImportPath: "example.com/bench/eksauth"}
	cpu := processCPU()
	for b.Loop() {
		if _, err := generator.Generate(models.EKSAuth, opts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((processCPU()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

// BenchmarkGenerateShared generates every model of ../shared/aws-models in
// one process and reports the time per pass over all of them (s/all, wall
// clock), the CPU time of the process per pass (cpu-s/all) and the number
// of models. "sequential" generates the models one after the other (each
// Generate call runs its emitters GOMAXPROCS at a time), as a loop over
// models does; "concurrent" runs GOMAXPROCS Generate calls at a time, as a
// program generating many models can (Generate is safe for concurrent use).
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
	generate := func(i int) error {
		_, err := generator.Generate(srcs[i], generator.Options{Filename: filepath.Base(files[i]), ImportPath: "example.com/bench/m"})
		if err != nil {
			return fmt.Errorf("%s: %w", files[i], err)
		}
		return nil
	}
	sequential := func() error {
		for i := range srcs {
			if err := generate(i); err != nil {
				return err
			}
		}
		return nil
	}
	concurrent := func() error {
		errs := make([]error, len(srcs))
		next := make(chan int)
		var wg sync.WaitGroup
		for range runtime.GOMAXPROCS(0) {
			wg.Go(func() {
				for i := range next {
					errs[i] = generate(i)
				}
			})
		}
		for i := range srcs {
			next <- i
		}
		close(next)
		wg.Wait()
		return errors.Join(errs...)
	}
	for _, bm := range []struct {
		name string
		all  func() error
	}{{"sequential", sequential}, {"concurrent", concurrent}} {
		b.Run(bm.name, func(b *testing.B) {
			var wall, cpu time.Duration
			for b.Loop() {
				start, startCPU := time.Now(), processCPU()
				if err := bm.all(); err != nil {
					b.Fatal(err)
				}
				wall += time.Since(start)
				cpu += processCPU() - startCPU
			}
			b.ReportMetric(wall.Seconds()/float64(b.N), "s/all")
			b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/all")
			b.ReportMetric(float64(len(files)), "models")
		})
	}
}

// processCPU returns the CPU time this process has used, 0 when unknown.
func processCPU() time.Duration {
	d, _ := cputime.Process()
	return d
}
