package leanserver

import (
	"errors"
	"fmt"
	"runtime"
	"testing"

	"github.com/eksauthgen/eksauthgen/internal/cputime"
)

// fakeBench is a Bench that runs its loop a fixed number of times and
// records what MeasureCall reports; Fatal ends the goroutine, as
// testing.B's does.
type fakeBench struct {
	rounds  int
	allocs  bool
	fatal   []string
	metrics map[string]float64
}

func (f *fakeBench) Helper()       {}
func (f *fakeBench) ReportAllocs() { f.allocs = true }
func (f *fakeBench) Fatal(a ...any) {
	f.fatal = append(f.fatal, fmt.Sprint(a...))
	runtime.Goexit()
}
func (f *fakeBench) Loop() bool {
	f.rounds--
	return f.rounds >= 0
}
func (f *fakeBench) ReportMetric(n float64, unit string) {
	if f.metrics == nil {
		f.metrics = map[string]float64{}
	}
	f.metrics[unit] = n
}

// TestMeasureCall checks that MeasureCall calls once per loop round,
// reports allocations and cpu-ns/op (when the platform gives CPU time and
// every round succeeded), and fails the benchmark on the first error.
func TestMeasureCall(t *testing.T) {
	tests := []struct {
		name      string
		rounds    int
		failAt    int // the call that fails, from 1; 0: none
		wantCalls int
		wantFatal []string
	}{
		{name: "all succeed", rounds: 5, wantCalls: 5},
		{name: "no rounds", rounds: 0, wantCalls: 0},
		{name: "error stops", rounds: 5, failAt: 2, wantCalls: 2, wantFatal: []string{"call 2 failed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := &fakeBench{rounds: tt.rounds}
			calls := 0
			done := make(chan struct{})
			go func() {
				defer close(done)
				MeasureCall(b, func() error {
					calls++
					if calls == tt.failAt {
						return errors.New("call " + fmt.Sprint(calls) + " failed")
					}
					return nil
				})
			}()
			<-done
			if calls != tt.wantCalls {
				t.Errorf("%d calls, want %d", calls, tt.wantCalls)
			}
			if !b.allocs {
				t.Error("allocations not reported")
			}
			if fmt.Sprint(b.fatal) != fmt.Sprint(tt.wantFatal) {
				t.Errorf("Fatal with %q, want %q", b.fatal, tt.wantFatal)
			}
			cpu, reported := b.metrics["cpu-ns/op"]
			_, known := cputime.Process()
			if wantReported := known && tt.wantCalls > 0 && tt.wantFatal == nil; reported != wantReported {
				t.Errorf("cpu-ns/op reported: %v (%v), want %v", reported, cpu, wantReported)
			}
			if reported && cpu < 0 {
				t.Errorf("cpu-ns/op %v, want >= 0", cpu)
			}
		})
	}
}
