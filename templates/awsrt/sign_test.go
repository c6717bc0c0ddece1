package awsrt

import (
	"context"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
)

// TestSignMatchesSigner checks that call.sign (which skips the signer's
// second path escaping for plain paths) gives the signature v4.Signer
// computes with its defaults, for plain and escaped paths.
func TestSignMatchesSigner(t *testing.T) {
	when := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	creds := aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET", SessionToken: "TOKEN"}
	paths := []struct {
		escaped string
		plain   bool
	}{
		{"", true},
		{"/", true},
		{"/workspaces/ws-1_a.b~c", true},
		{"/a%20b", false},
		{"/a%2Fb/c", false},
		{"/a:b", false},
		{"/a+b=c", false},
		{"/%C3%A9", false},
		{"/a!b*c", false},
	}
	for _, p := range paths {
		if got := plainPath(p.escaped); got != p.plain {
			t.Errorf("plainPath(%q) = %v, want %v", p.escaped, got, p.plain)
		}
		newReq := func() *http.Request {
			unescaped, err := url.PathUnescape(p.escaped)
			if err != nil {
				t.Fatal(err)
			}
			u := &url.URL{Scheme: "https", Host: "aps.us-west-2.amazonaws.com", Path: unescaped, RawPath: p.escaped}
			r := &http.Request{Method: "GET", URL: u, Host: u.Host, Header: http.Header{"Amz-Sdk-Request": {"attempt=1; max=3"}}}
			return r.WithContext(context.Background())
		}
		c := &call{
			cfg:         &Config{SigningName: "aps", SigningRegion: "us-west-2", Now: func() time.Time { return when }},
			payloadHash: emptyPayloadHash,
			signer:      v4.NewSigner(),
		}
		got := newReq()
		if err := c.sign(context.Background(), creds, got, &smithyendpoints.Endpoint{}); err != nil {
			t.Fatal(err)
		}
		want := newReq()
		if err := v4.NewSigner().SignHTTP(context.Background(), creds, want, emptyPayloadHash, "aps", "us-west-2", when); err != nil {
			t.Fatal(err)
		}
		if g, w := got.Header.Get("Authorization"), want.Header.Get("Authorization"); g != w || g == "" {
			t.Errorf("path %q: Authorization\n got %s\nwant %s", p.escaped, g, w)
		}
	}
}
