// Command eksauthgen generates a Go client, types, validators and a mock
// server from a Smithy 2.0 JSON AST model (by default the Amazon EKS Auth
// model that ships with it).
//
// Usage:
//
//	eksauthgen [generate] [-model FILE] [-service ID] [-out DIR] [-pkg NAME] [-import-path PATH] [-check]
//	eksauthgen diff [-service ID] [-json] [-fail-on-breaking] OLD.json NEW.json
//
// Run "eksauthgen -h" for the flags. The exit status is 0 on success, 1 when
// generation fails or -check finds differences, and 2 for usage errors.
package main

import (
	"os"
	"runtime/debug"
)

// gcPercent is the garbage collector's target for a run, unless the GOGC
// environment variable sets one. A run is short and keeps little alive
// (about 1 MB for EKS Auth, under 30 MB for the largest shared model) while
// it allocates much more: with the default of 100, EKS Auth took two
// collections, each stopping the world (15–20 ms of wall time on a busy
// 2-core machine), and the largest model 18; with 200, EKS Auth needs none
// and the largest model 9, for a peak of 120–160 MB instead of 90–110 MB
// (BenchmarkProcessLargestModel; the target is 300 MB).
const gcPercent = 200

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
