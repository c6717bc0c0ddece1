package endpoints

import (
	"testing"

	"github.com/aws/smithy-go"
)

func TestParseURL(t *testing.T) {
	tests := []struct {
		in   string
		want *URL
	}{
		{"https://authority.com/custom-path", &URL{"https", "authority.com", "/custom-path", "/custom-path/", false}},
		{"https://authority.com", &URL{"https", "authority.com", "", "/", false}},
		{"http://authority.com:8000/port", &URL{"http", "authority.com:8000", "/port", "/port/", false}},
		{"http://192.168.1.1:1234/foo/", &URL{"http", "192.168.1.1:1234", "/foo/", "/foo/", true}},
		{"https://[2001:db8::1]:443", &URL{"https", "[2001:db8::1]:443", "", "/", true}},
		{"http://99_ab-.com", &URL{"http", "99_ab-.com", "", "/", false}},
		{"acbd://example.com", nil},
		{"http://abc.com:a/foo", nil},
		{"https://example.com/path?query1=foo", nil},
		{"not a url", nil},
	}
	for _, tt := range tests {
		got := ParseURL(tt.in)
		if (got == nil) != (tt.want == nil) || got != nil && *got != *tt.want {
			t.Errorf("ParseURL(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestURIEncode(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"abcdefg", "abcdefg"},
		{"abc:defg", "abc%3Adefg"},
		{"0123456789.underscore_dash-Tilda~", "0123456789.underscore_dash-Tilda~"},
		{"/:,?#[]{}|@! $&'()*+;=%<>\"^`\\", "%2F%3A%2C%3F%23%5B%5D%7B%7D%7C%40%21%20%24%26%27%28%29%2A%2B%3B%3D%25%3C%3E%22%5E%60%5C"},
		{"😹", "%F0%9F%98%B9"},
	}
	for _, tt := range tests {
		if got := URIEncode(tt.in); got != tt.want {
			t.Errorf("URIEncode(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNew(t *testing.T) {
	e, err := New("https://example.com:8443/base", nil, smithy.Properties{})
	if err != nil || e.URI.Host != "example.com:8443" || e.URI.Path != "/base" || e.URI.Scheme != "https" {
		t.Errorf("New = %+v, %v", e.URI, err)
	}
	if _, err := New("http://abc.com:a/", nil, smithy.Properties{}); err == nil {
		t.Error("New with a bad URL: want an error")
	}
}
