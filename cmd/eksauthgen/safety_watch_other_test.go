//go:build !linux

package main

import "testing"

// openWatch is inactive outside Linux (no inotify).
type openWatch struct{ active bool }

// startOpenWatch logs that file opens are not watched here.
func startOpenWatch(t *testing.T, _ []string) *openWatch {
	t.Helper()
	t.Log("file opens are watched on Linux only")
	return &openWatch{}
}

// stop returns nothing.
func (w *openWatch) stop() []string { return nil }
