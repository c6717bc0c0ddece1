package httpheader

import (
	"net/textproto"
	"testing"
)

// TestCanonicalKeyMatchesTextproto compares CanonicalKey with
// textproto.CanonicalMIMEHeaderKey on typical names and on every string of
// up to three bytes over an alphabet of letters of both cases, hyphens,
// digits, other token characters and bytes that are not allowed.
func TestCanonicalKeyMatchesTextproto(t *testing.T) {
	names := []string{
		"", "x-amz-date", "X-Amz-Date", "X-AMZ-DATE", "content-type", "ETag", "x-amzn-ErrorType",
		"x-amz-meta-", "-x", "--a", "a--b", "x_y-z", "x y", "x:y", "é-a", "a\x00", "A\x80", "x-amz-1a",
	}
	alphabet := []byte("aZ-9_ :\x80")
	for _, a := range alphabet {
		names = append(names, string(a))
		for _, b := range alphabet {
			names = append(names, string([]byte{a, b}))
			for _, c := range alphabet {
				names = append(names, string([]byte{a, b, c}))
			}
		}
	}
	for _, n := range names {
		if got, want := CanonicalKey(n), textproto.CanonicalMIMEHeaderKey(n); got != want {
			t.Errorf("CanonicalKey(%q) = %q, textproto gives %q", n, got, want)
		}
	}
}
