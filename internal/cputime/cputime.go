// Package cputime reads the CPU time the current process has used, for the
// benchmarks that report CPU time next to wall time (other load on a shared
// machine disturbs CPU time much less than the wall clock).
package cputime

import "time"

// Process returns the user plus system CPU time this process has used so
// far, and whether the platform reports it.
func Process() (time.Duration, bool) { return process() }
