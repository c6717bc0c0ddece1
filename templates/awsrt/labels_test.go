package awsrt

import (
	"testing"
)

func TestQueryEncode(t *testing.T) {
	tests := []struct {
		literal string
		pairs   [][2]string
		want    string
	}{
		{"", nil, ""},
		{"foo=bar&hello", nil, "foo=bar&hello"},
		{"foo=bar", [][2]string{{"b", "x y"}, {"a", "1"}, {"a", "2"}}, "foo=bar&a=1&a=2&b=x%20y"},
		{"", [][2]string{{"k/", "%:+"}}, "k%2F=%25%3A%2B"},
		{"", [][2]string{{"e", ""}}, "e="},
	}
	for _, tt := range tests {
		var q Query
		q.Grow(len(tt.pairs))
		for _, p := range tt.pairs {
			q.Add(p[0], p[1])
		}
		if got := q.Encode(tt.literal); got != tt.want {
			t.Errorf("Encode(%q) of %v = %q, want %q", tt.literal, tt.pairs, got, tt.want)
		}
	}
}

func TestQueryHas(t *testing.T) {
	var q Query
	q.Add("a", "1")
	if !q.Has("a") || q.Has("b") {
		t.Errorf("Has: a=%v b=%v", q.Has("a"), q.Has("b"))
	}
}

func TestQueryEncodeAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector adds allocations")
	}
	allocs := testing.AllocsPerRun(100, func() {
		var q Query
		q.Grow(3)
		q.Add("maxResults", "10")
		q.Add("nextToken", "abc")
		q.Add("alias", "x y")
		_ = q.Encode("")
	})
	if allocs > 2 {
		t.Errorf("Query: %v allocations per request, want at most 2", allocs)
	}
}
