package scratchmod

import (
	"bufio"
	"bytes"
	"encoding/json"
)

// TestEvent is one line of "go test -json" output (see "go doc test2json").
type TestEvent struct {
	Action      string // run, output, pass, fail, skip, build-output, build-fail, ...
	Package     string // the package's import path
	Test        string // the test's name; empty for package events
	Output      string // the output of an output or build-output event, with its newline
	ImportPath  string // the package of build-output and build-fail events
	FailedBuild string // a package's fail event when its build failed
}

// ParseTestJSON returns the events of "go test -json" output, in order. A
// line that is not JSON (e.g. from a go command that crashed) is an event
// with no Action whose Output is the line, without its newline. Lines
// longer than 16 MiB end the output.
func ParseTestJSON(data []byte) []TestEvent {
	var out []TestEvent
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	for sc.Scan() {
		var e TestEvent
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			e = TestEvent{Output: sc.Text()}
		}
		out = append(out, e)
	}
	return out
}
