package endpoints

import (
	"strings"
	"testing"
)

func TestSubstring(t *testing.T) {
	tests := []struct {
		in          string
		start, stop int
		reverse     bool
		want        *string
	}{
		{"abcdefg", 0, 4, false, strPtr("abcd")},
		{"abcd", 0, 4, false, strPtr("abcd")},
		{"abc", 0, 4, false, nil},
		{"", 0, 4, false, nil},
		{"abcdefg", 0, 4, true, strPtr("defg")},
		{"defg", 1, 3, false, strPtr("ef")},
		{"defg", 1, 3, true, strPtr("ef")},
		{"abcdefg", 1, 3, true, strPtr("ef")},
		{"\u007fabcdef", 0, 4, false, strPtr("\u007fabc")},
		{"abcdef\u0080", 0, 4, false, nil},
		{"\ufdfd", 0, 1, false, nil},
		{"abc", 2, 2, false, nil},
		{"abc", -1, 2, false, nil},
	}
	for _, tt := range tests {
		got := Substring(tt.in, tt.start, tt.stop, tt.reverse)
		if (got == nil) != (tt.want == nil) || got != nil && *got != *tt.want {
			t.Errorf("Substring(%q, %d, %d, %v) = %v, want %v", tt.in, tt.start, tt.stop, tt.reverse, deref(got), deref(tt.want))
		}
	}
}

func deref(p *string) string {
	if p == nil {
		return "<nil>"
	}
	return *p
}

func TestIsValidHostLabel(t *testing.T) {
	tests := []struct {
		in   string
		sub  bool
		want bool
	}{
		{"us-east-1", false, true},
		{"3aws4", false, true},
		{"part1.part2", false, false},
		{"part1.part2", true, true},
		{"part1 part2", true, false},
		{"", false, false},
		{"-a", false, false},
		{"a-", false, false},
		{"a..b", true, false},
		{strings.Repeat("a", 63), false, true},
		{strings.Repeat("a", 64), false, false},
	}
	for _, tt := range tests {
		if got := IsValidHostLabel(tt.in, tt.sub); got != tt.want {
			t.Errorf("IsValidHostLabel(%q, %v) = %v, want %v", tt.in, tt.sub, got, tt.want)
		}
	}
}

func TestIsVirtualHostableS3Bucket(t *testing.T) {
	tests := []struct {
		in   string
		sub  bool
		want bool
	}{
		{"bucket-name", false, true},
		{"bucket-with-number-1", false, true},
		{"BucketName", false, false},
		{"bucket_name", false, false},
		{"bucket.name", false, false},
		{"bucket.name", true, true},
		{"bucket.name.multiple.dots1", true, true},
		{"-bucket-name", false, false},
		{"bucket-name-", false, false},
		{"aa", false, false},
		{"abc", false, true},
		{strings.Repeat("a", 64), false, false},
		{".bucket-name", true, false},
		{"bucket-name.", true, false},
		{"192.168.5.4", true, false},
		{"bucket-.name", true, false},
		{"bucket.-name", true, false},
	}
	for _, tt := range tests {
		if got := IsVirtualHostableS3Bucket(tt.in, tt.sub); got != tt.want {
			t.Errorf("IsVirtualHostableS3Bucket(%q, %v) = %v, want %v", tt.in, tt.sub, got, tt.want)
		}
	}
}

func TestIndex(t *testing.T) {
	list := []string{"a", "b"}
	tests := []struct {
		i    int
		want *string
	}{{0, strPtr("a")}, {1, strPtr("b")}, {2, nil}, {-1, nil}}
	for _, tt := range tests {
		got := Index(list, tt.i)
		if (got == nil) != (tt.want == nil) || got != nil && *got != *tt.want {
			t.Errorf("Index(%v, %d) = %v, want %v", list, tt.i, deref(got), deref(tt.want))
		}
	}
}
