package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
)

// skip is one line of the skip list: `<Suite> <client|server> <Kind>/<ID>: reason`.
type skip struct {
	Suite, Side, Case, Reason string
	Line                      int
}

// skipList is the whole skip list, in file order.
type skipList []skip

// readSkips reads the skip list at path; a missing file is an empty list.
func readSkips(path string) (skipList, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	l, err := parseSkips(b)
	if err != nil {
		return nil, fmt.Errorf("%s:%w", path, err)
	}
	return l, nil
}

// parseSkips parses a skip list; blank lines and lines starting with # are
// ignored. Every entry needs a reason, a known side, a case of the form
// Kind/ID, and may appear only once.
func parseSkips(b []byte) (skipList, error) {
	var out skipList
	seen := map[string]int{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		head, reason, ok := strings.Cut(line, ":")
		reason = strings.TrimSpace(reason)
		fields := strings.Fields(head)
		if !ok || reason == "" || len(fields) != 3 {
			return nil, fmt.Errorf("%d: want `<Suite> <client|server> <Kind>/<ID>: reason`, got %q", n, line)
		}
		s := skip{Suite: fields[0], Side: fields[1], Case: fields[2], Reason: reason, Line: n}
		if s.Side != "client" && s.Side != "server" {
			return nil, fmt.Errorf("%d: side %q is neither client nor server", n, s.Side)
		}
		if kind, id, ok := strings.Cut(s.Case, "/"); !ok || kind == "" || id == "" || strings.Contains(id, "/") {
			return nil, fmt.Errorf("%d: case %q is not of the form Kind/ID", n, s.Case)
		}
		key := s.Suite + " " + s.Side + " " + s.Case
		if first, dup := seen[key]; dup {
			return nil, fmt.Errorf("%d: %s already listed on line %d", n, key, first)
		}
		seen[key] = n
		out = append(out, s)
	}
	return out, sc.Err()
}

// of returns the entries of one suite.
func (l skipList) of(suite string) skipList {
	var out skipList
	for _, s := range l {
		if s.Suite == suite {
			out = append(out, s)
		}
	}
	return out
}

// cases returns the cases (Kind/ID) listed for one side, sorted.
func (l skipList) cases(side string) []string {
	var out []string
	for _, s := range l {
		if s.Side == side {
			out = append(out, s.Case)
		}
	}
	slices.Sort(out)
	return out
}
