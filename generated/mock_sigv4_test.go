package generated_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"

	"github.com/eksauthgen/eksauthgen/generated/eksauth/eksauthmock"
)

func TestMockSigV4(t *testing.T) {
	creds := aws.Credentials{AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"}
	m := sampleMock()
	ts := startMock(t, m, eksauthmock.WithSigV4(creds, "us-west-2"))
	const body = `{"token":"h.p.s"}`
	// signedIn and signed return a request signed as the SDK signs EKS
	// Auth calls, in region or in us-west-2.
	signedIn := func(t *testing.T, c aws.Credentials, at time.Time, service, region, payload string) *http.Request {
		req, err := http.NewRequest(http.MethodPost, ts.URL+mockPath("my-cluster"), strings.NewReader(payload))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Amz-Sdk-Invocation-Id", "00000000-0000-4000-8000-000000000000")
		sum := sha256.Sum256([]byte(payload))
		if err := v4.NewSigner().SignHTTP(context.Background(), c, req, hex.EncodeToString(sum[:]), service, region, at); err != nil {
			t.Fatal(err)
		}
		return req
	}
	signed := func(t *testing.T, c aws.Credentials, at time.Time, service, payload string) *http.Request {
		return signedIn(t, c, at, service, "us-west-2", payload)
	}
	tests := []struct {
		name   string
		req    func(t *testing.T) *http.Request
		status int
		code   string
	}{
		{"valid", func(t *testing.T) *http.Request { return signed(t, creds, time.Now(), "eks-auth", body) }, 200, ""},
		{"missing", func(t *testing.T) *http.Request {
			r := signed(t, creds, time.Now(), "eks-auth", body)
			r.Header.Del("Authorization")
			return r
		}, 403, "MissingAuthenticationTokenException"},
		{"malformed", func(t *testing.T) *http.Request {
			r := signed(t, creds, time.Now(), "eks-auth", body)
			r.Header.Set("Authorization", strings.Split(r.Header.Get("Authorization"), ",")[0])
			return r
		}, 403, "IncompleteSignatureException"},
		{"stale", func(t *testing.T) *http.Request {
			return signed(t, creds, time.Now().Add(-10*time.Minute), "eks-auth", body)
		}, 403, "InvalidSignatureException"},
		{"wrong service", func(t *testing.T) *http.Request { return signed(t, creds, time.Now(), "sts", body) }, 403, "InvalidSignatureException"},
		{"unknown access key", func(t *testing.T) *http.Request {
			return signed(t, aws.Credentials{AccessKeyID: "AKIDOTHER", SecretAccessKey: creds.SecretAccessKey}, time.Now(), "eks-auth", body)
		}, 403, "UnrecognizedClientException"},
		{"wrong region", func(t *testing.T) *http.Request {
			return signedIn(t, creds, time.Now(), "eks-auth", "eu-west-1", body)
		}, 403, "InvalidSignatureException"},
		{"future date", func(t *testing.T) *http.Request {
			return signed(t, creds, time.Now().Add(10*time.Minute), "eks-auth", body)
		}, 403, "InvalidSignatureException"},
		{"wrong secret", func(t *testing.T) *http.Request {
			return signed(t, aws.Credentials{AccessKeyID: creds.AccessKeyID, SecretAccessKey: "wrong"}, time.Now(), "eks-auth", body)
		}, 403, "SignatureDoesNotMatch"},
		{"tampered body", func(t *testing.T) *http.Request {
			r := signed(t, creds, time.Now(), "eks-auth", `{"token":"h.p.x"}`)
			r.Body, r.ContentLength = http.NoBody, 0
			r2, _ := http.NewRequest(r.Method, r.URL.String(), strings.NewReader(`{"token":"h.p.y"}`))
			r2.Header = r.Header
			return r2
		}, 403, "SignatureDoesNotMatch"},
		{"tampered header", func(t *testing.T) *http.Request {
			r := signed(t, creds, time.Now(), "eks-auth", body)
			r.Header.Set("Amz-Sdk-Invocation-Id", "11111111-0000-4000-8000-000000000000")
			return r
		}, 403, "SignatureDoesNotMatch"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := send(t, tc.req(t))
			if r.status != tc.status || r.errorType() != tc.code {
				t.Errorf("got %d %q %s, want %d %q", r.status, r.errorType(), r.body, tc.status, tc.code)
			}
		})
	}
	if got := len(m.Calls()); got != 1 {
		t.Errorf("the service saw %d calls, want only the valid one", got)
	}
}
