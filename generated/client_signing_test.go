package generated_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"

	"github.com/eksauthgen/eksauthgen/generated/eksauth"
)

// resign rebuilds the request r as the client sent it (net/http's
// transport adds Accept-Encoding after signing) and signs it with the
// SDK's v4.Signer at the time of its X-Amz-Date, returning the
// Authorization header the signer computes.
func resign(t *testing.T, r recorded, host, service, region string) string {
	t.Helper()
	signingTime, err := time.Parse("20060102T150405Z", r.header.Get("X-Amz-Date"))
	if err != nil {
		t.Fatalf("X-Amz-Date: %v", err)
	}
	u := &url.URL{Scheme: "http", Host: host, Path: r.path, RawQuery: r.rawQuery}
	req, err := http.NewRequest(r.method, u.String(), bytes.NewReader(r.body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header = r.header.Clone()
	for _, h := range []string{"Authorization", "Accept-Encoding", "Content-Length"} {
		req.Header.Del(h)
	}
	sum := sha256.Sum256(r.body)
	if err := v4.NewSigner().SignHTTP(context.Background(), testCredentials, req, hex.EncodeToString(sum[:]), service, region, signingTime); err != nil {
		t.Fatal(err)
	}
	return req.Header.Get("Authorization")
}

// TestSignature checks that the Authorization header equals what the SDK's
// v4.Signer computes for the same request, credentials and time, with the
// signing name of the model (eks-auth) and the region of the options, and
// that the session token is sent.
func TestSignature(t *testing.T) {
	s := newTestServer(t, respondWith(200, nil, "{}"))
	if _, err := newTestClient(s).AssumeRoleForPodIdentity(context.Background(), placeholderInput()); err != nil {
		t.Fatal(err)
	}
	r := s.requests()[0]
	got := r.header.Get("Authorization")
	if !strings.Contains(got, "/us-west-2/eks-auth/aws4_request") {
		t.Errorf("credential scope: %s", got)
	}
	host := strings.TrimPrefix(s.URL, "http://")
	if want := resign(t, r, host, "eks-auth", "us-west-2"); got != want {
		t.Errorf("Authorization:\n got %s\nwant %s", got, want)
	}
	if r.header.Get("X-Amz-Security-Token") != testCredentials.SessionToken {
		t.Errorf("X-Amz-Security-Token = %q", r.header.Get("X-Amz-Security-Token"))
	}
}

// TestUnsigned checks that requests go out unsigned without credentials
// and with anonymous credentials, as the SDK sends them.
func TestUnsigned(t *testing.T) {
	for name, creds := range map[string]aws.CredentialsProvider{
		"nil":       nil,
		"anonymous": aws.AnonymousCredentials{},
	} {
		t.Run(name, func(t *testing.T) {
			s := newTestServer(t, respondWith(200, nil, "{}"))
			c := newTestClient(s, func(o *eksauth.Options) { o.Credentials = creds })
			if _, err := c.AssumeRoleForPodIdentity(context.Background(), placeholderInput()); err != nil {
				t.Fatal(err)
			}
			h := s.requests()[0].header
			for _, k := range []string{"Authorization", "X-Amz-Date", "X-Amz-Security-Token"} {
				if h.Get(k) != "" {
					t.Errorf("%s sent: %q", k, h.Get(k))
				}
			}
		})
	}
}

// TestLegacyEndpointSigningScope checks that the SigningName and
// SigningRegion of an endpoint from a legacy resolver scope the signature.
func TestLegacyEndpointSigningScope(t *testing.T) {
	s := newTestServer(t, respondWith(200, nil, "{}"))
	c := eksauth.New(eksauth.Options{
		Region:      "us-west-2",
		Credentials: staticCredentials,
		Retryer:     fastRetryer(),
		EndpointResolver: eksauth.EndpointResolverFromURL(s.URL, func(e *aws.Endpoint) {
			e.SigningName = "custom-name"
			e.SigningRegion = "eu-central-1"
		}),
	})
	if _, err := c.AssumeRoleForPodIdentity(context.Background(), placeholderInput()); err != nil {
		t.Fatal(err)
	}
	r := s.requests()[0]
	got := r.header.Get("Authorization")
	if !strings.Contains(got, "/eu-central-1/custom-name/aws4_request") {
		t.Errorf("credential scope: %s", got)
	}
	if want := resign(t, r, strings.TrimPrefix(s.URL, "http://"), "custom-name", "eu-central-1"); got != want {
		t.Errorf("Authorization:\n got %s\nwant %s", got, want)
	}
}
