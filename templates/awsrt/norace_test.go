//go:build !race

package awsrt

// raceEnabled is true when the race detector is on; it adds allocations, so
// allocation counts are not checked then.
const raceEnabled = false
