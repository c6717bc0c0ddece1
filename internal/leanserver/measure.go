package leanserver

import (
	"runtime"

	"github.com/eksauthgen/eksauthgen/internal/cputime"
)

// Bench is the part of *testing.B that MeasureCall uses (this package does
// not import testing).
type Bench interface {
	Helper()
	ReportAllocs()
	Loop() bool
	Fatal(args ...any)
	ReportMetric(n float64, unit string)
}

// MeasureCall runs call in the benchmark loop of b, reporting allocations
// and the process's CPU time per call as "cpu-ns/op" (a loopback server's
// share included; other load on the machine disturbs it much less than the
// wall clock). It collects the garbage of earlier sub-benchmarks first, so
// that each pays only for its own, and stops the benchmark with b.Fatal at
// the first error call returns.
func MeasureCall(b Bench, call func() error) {
	b.Helper()
	b.ReportAllocs()
	runtime.GC()
	start, ok := cputime.Process()
	n := 0
	for b.Loop() {
		if err := call(); err != nil {
			b.Fatal(err)
		}
		n++
	}
	if end, ok2 := cputime.Process(); ok && ok2 && n > 0 {
		b.ReportMetric(float64(end-start)/float64(n), "cpu-ns/op")
	}
}
