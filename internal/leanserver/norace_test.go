//go:build !race

package leanserver

// raceEnabled reports whether the race detector is on (it allocates).
const raceEnabled = false
