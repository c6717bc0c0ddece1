package generated_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"

	"github.com/eksauthgen/eksauthgen/generated/eksauth"
)

// sharedDir is the reference data beside the project (../shared from the
// project root).
var sharedDir = filepath.Join("..", "..", "shared")

// readShared returns the content of a file under ../shared, skipping the
// test when the folder is absent.
func readShared(t *testing.T, rel string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(sharedDir, filepath.FromSlash(rel)))
	if os.IsNotExist(err) {
		t.Skipf("../shared/%s not found: reference data absent", rel)
	}
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// recorded is one request as the test server received it.
type recorded struct {
	method, path, rawQuery string
	header                 http.Header
	body                   []byte
}

// testServer is an httptest server that records every request and answers
// with respond(n, w, r), n counting requests from 1.
type testServer struct {
	*httptest.Server
	mu   sync.Mutex
	reqs []recorded
}

func newTestServer(t *testing.T, respond func(n int, w http.ResponseWriter, r *http.Request)) *testServer {
	t.Helper()
	s := &testServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			t.Errorf("read request body: %v", err)
		}
		path := r.URL.RawPath
		if path == "" {
			path = r.URL.Path
		}
		s.mu.Lock()
		s.reqs = append(s.reqs, recorded{r.Method, path, r.URL.RawQuery, r.Header.Clone(), body})
		n := len(s.reqs)
		s.mu.Unlock()
		respond(n, w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

// requests returns what the server has received so far.
func (s *testServer) requests() []recorded {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]recorded(nil), s.reqs...)
}

// respondWith returns a responder that always answers status, headers and body.
func respondWith(status int, header map[string]string, body string) func(int, http.ResponseWriter, *http.Request) {
	return func(_ int, w http.ResponseWriter, _ *http.Request) {
		for k, v := range header {
			w.Header().Set(k, v)
		}
		w.WriteHeader(status)
		io.WriteString(w, body)
	}
}

// testCredentials are fixed credentials with a session token.
var testCredentials = aws.Credentials{
	AccessKeyID:     "AKIDEXAMPLE",
	SecretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
	SessionToken:    "session-token",
	Source:          "test",
}

// staticCredentials provides testCredentials.
var staticCredentials = aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
	return testCredentials, nil
})

// noBackoff is a retry backoff of zero, so that retry tests do not wait.
var noBackoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })

// fastRetryer is the SDK's standard retryer without delays or retry quota.
func fastRetryer() aws.Retryer {
	return retry.NewStandard(func(o *retry.StandardOptions) {
		o.Backoff = noBackoff
		o.RateLimiter = ratelimit.None
	})
}

// newTestClient returns a client of the generated package that sends to s,
// signed with testCredentials in us-west-2, with fastRetryer.
func newTestClient(s *testServer, optFns ...func(*eksauth.Options)) *eksauth.Client {
	return clientAt(s.URL, optFns...)
}

// clientAt is newTestClient for any server URL.
func clientAt(url string, optFns ...func(*eksauth.Options)) *eksauth.Client {
	return eksauth.New(eksauth.Options{
		Region:       "us-west-2",
		BaseEndpoint: aws.String(url),
		Credentials:  staticCredentials,
		Retryer:      fastRetryer(),
	}, optFns...)
}

// as reports whether err's chain holds a T, the way callers check modeled
// errors.
func as[T error](err error) bool {
	var target T
	return errors.As(err, &target)
}

// placeholderInput is the input of the SDK's request snapshot: every member
// set to its placeholder.
func placeholderInput() *eksauth.AssumeRoleForPodIdentityInput {
	return &eksauth.AssumeRoleForPodIdentityInput{
		ClusterName: aws.String("__ClusterName__"),
		Token:       aws.String("__Token__"),
	}
}
