package cputime

import (
	"runtime"
	"testing"
)

// TestProcessGrows checks that busy work shows up as CPU time.
func TestProcessGrows(t *testing.T) {
	before, ok := Process()
	if !ok {
		t.Skip("CPU time is not reported on " + runtime.GOOS)
	}
	x := 0
	for i := range 50_000_000 {
		x += i % 7
	}
	after, _ := Process()
	if after <= before {
		t.Errorf("CPU time went from %v to %v after busy work (%d)", before, after, x)
	}
}
