//go:build !unix

package cputime

import "time"

// process reports that the CPU time is not known on this platform.
func process() (time.Duration, bool) { return 0, false }
