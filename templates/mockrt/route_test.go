package mockrt

import (
	"net/url"
	"slices"
	"testing"
)

func TestMatch(t *testing.T) {
	lit := func(s string) Segment { return Segment{Literal: s} }
	label := Segment{Label: true}
	greedy := Segment{Label: true, Greedy: true}
	tests := []struct {
		name   string
		segs   []Segment
		query  []QueryLiteral
		path   string
		rawq   string
		labels []string
		ok     bool
	}{
		{"literal", []Segment{lit("things")}, nil, "/things", "", []string{}, true},
		{"trailing slash", []Segment{lit("things")}, nil, "/things/", "", []string{}, true},
		{"other literal", []Segment{lit("things")}, nil, "/other", "", nil, false},
		{"label decoded", []Segment{lit("clusters"), label, lit("x")}, nil, "/clusters/a%20b%2Fc/x", "", []string{"a b/c"}, true},
		{"empty label", []Segment{lit("clusters"), label}, nil, "/clusters/", "", nil, false},
		{"too long", []Segment{lit("clusters"), label}, nil, "/clusters/a/b", "", nil, false},
		{"greedy", []Segment{lit("files"), greedy}, nil, "/files/a/b/c.txt", "", []string{"a/b/c.txt"}, true},
		{"greedy then literal", []Segment{lit("files"), greedy, lit("meta")}, nil, "/files/a/b/meta", "", []string{"a/b"}, true},
		{"greedy empty", []Segment{lit("files"), greedy, lit("meta")}, nil, "/files/meta", "", nil, false},
		{"query literal present", []Segment{lit("q")}, []QueryLiteral{{Key: "op", Value: "x"}}, "/q", "op=x&a=1", []string{}, true},
		{"query literal wrong value", []Segment{lit("q")}, []QueryLiteral{{Key: "op", Value: "x"}}, "/q", "op=y", nil, false},
		{"query flag", []Segment{lit("q")}, []QueryLiteral{{Key: "flag"}}, "/q", "flag", []string{}, true},
		{"query flag missing", []Segment{lit("q")}, []QueryLiteral{{Key: "flag"}}, "/q", "", nil, false},
		{"root", nil, nil, "/", "", []string{}, true},
		{"pattern ending in a slash", []Segment{lit("runtimes"), label, lit("")}, nil, "/runtimes/r1/", "", []string{"r1"}, true},
		{"pattern ending in a slash, request without", []Segment{lit("runtimes"), label, lit("")}, nil, "/runtimes/r1", "", []string{"r1"}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q, _ := url.ParseQuery(tc.rawq)
			labels, ok := match(tc.segs, tc.query, tc.path, q)
			if ok != tc.ok || (ok && !slices.Equal(labels, tc.labels)) {
				t.Errorf("match(%q) = %q, %v; want %q, %v", tc.path, labels, ok, tc.labels, tc.ok)
			}
		})
	}
}

func TestSpecificityOrder(t *testing.T) {
	ops := []Operation{
		{Name: "greedy", Path: []Segment{{Literal: "a"}, {Label: true, Greedy: true}}},
		{Name: "label", Path: []Segment{{Literal: "a"}, {Label: true}}},
		{Name: "literal", Path: []Segment{{Literal: "a"}, {Literal: "b"}}},
		{Name: "literalQuery", Path: []Segment{{Literal: "a"}, {Literal: "b"}}, Query: []QueryLiteral{{Key: "x"}}},
	}
	s := NewServer(Config{}, ops)
	var got []string
	for _, op := range s.ops {
		got = append(got, op.Name)
	}
	want := []string{"literalQuery", "literal", "label", "greedy"}
	if !slices.Equal(got, want) {
		t.Errorf("order = %v, want %v", got, want)
	}
}
