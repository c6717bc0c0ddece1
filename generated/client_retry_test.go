package generated_test

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/eksauthgen/eksauthgen/generated/eksauth"
)

// TestRetries answers the first attempts with a status and the last with
// success, and checks which statuses are retried, that every attempt sends
// the same body, shares one invocation ID and carries
// Amz-Sdk-Request "attempt=N; max=3", and is signed anew.
func TestRetries(t *testing.T) {
	tests := []struct {
		status   int
		failures int // attempts answered with status before success
		attempts int // attempts expected
		wantErr  bool
	}{
		{500, 2, 3, false},
		{503, 2, 3, false},
		{429, 2, 3, false},
		{502, 1, 2, false},
		{504, 1, 2, false},
		{500, 3, 3, true},
		{400, 2, 1, true},
		{403, 2, 1, true},
		{404, 2, 1, true},
	}
	for _, tt := range tests {
		t.Run(strconv.Itoa(tt.status)+"x"+strconv.Itoa(tt.failures), func(t *testing.T) {
			s := newTestServer(t, func(n int, w http.ResponseWriter, r *http.Request) {
				if n <= tt.failures {
					w.WriteHeader(tt.status)
					w.Write([]byte(`{"message":"try again"}`))
					return
				}
				w.Write([]byte(`{"audience":"ok"}`))
			})
			out, err := newTestClient(s).AssumeRoleForPodIdentity(context.Background(), placeholderInput())
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if err == nil && aws.ToString(out.Audience) != "ok" {
				t.Errorf("Audience = %q", aws.ToString(out.Audience))
			}
			reqs := s.requests()
			if len(reqs) != tt.attempts {
				t.Fatalf("%d attempts, want %d", len(reqs), tt.attempts)
			}
			for i, r := range reqs {
				if want := "attempt=" + strconv.Itoa(i+1) + "; max=3"; r.header.Get("Amz-Sdk-Request") != want {
					t.Errorf("attempt %d: Amz-Sdk-Request = %q, want %q", i+1, r.header.Get("Amz-Sdk-Request"), want)
				}
				if !bytes.Equal(r.body, reqs[0].body) || len(r.body) == 0 {
					t.Errorf("attempt %d: body %q, first %q", i+1, r.body, reqs[0].body)
				}
				if r.header.Get("Amz-Sdk-Invocation-Id") != reqs[0].header.Get("Amz-Sdk-Invocation-Id") {
					t.Errorf("attempt %d: invocation ID changed", i+1)
				}
				if r.header.Get("Authorization") == "" {
					t.Errorf("attempt %d: not signed", i+1)
				}
			}
		})
	}
}

// TestRetryMaxAttemptsOptions checks RetryMaxAttempts on the client and per
// call (functional options), as the SDK applies them, and the default
// retryer's maximum (answered with a non-retryable 400, so nothing waits).
func TestRetryMaxAttemptsOptions(t *testing.T) {
	tests := []struct {
		name     string
		status   int
		client   func(*eksauth.Options)
		call     []func(*eksauth.Options)
		attempts int
		max      int
	}{
		{"client 5", 500, func(o *eksauth.Options) { o.RetryMaxAttempts = 5 }, nil, 5, 5},
		{"call 2", 500, func(*eksauth.Options) {}, []func(*eksauth.Options){func(o *eksauth.Options) { o.RetryMaxAttempts = 2 }}, 2, 2},
		{"default retryer", 400, func(o *eksauth.Options) { o.Retryer = nil }, nil, 1, 3},
		{"default retryer, 4", 400, func(o *eksauth.Options) { o.Retryer = nil; o.RetryMaxAttempts = 4 }, nil, 1, 4},
		{"default retryer, call 6", 400, func(o *eksauth.Options) { o.Retryer = nil }, []func(*eksauth.Options){func(o *eksauth.Options) { o.RetryMaxAttempts = 6 }}, 1, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestServer(t, respondWith(tt.status, nil, ""))
			c := newTestClient(s, tt.client)
			if _, err := c.AssumeRoleForPodIdentity(context.Background(), placeholderInput(), tt.call...); err == nil {
				t.Fatal("no error")
			}
			reqs := s.requests()
			if len(reqs) != tt.attempts {
				t.Fatalf("%d attempts, want %d", len(reqs), tt.attempts)
			}
			if got, want := reqs[0].header.Get("Amz-Sdk-Request"), "attempt=1; max="+strconv.Itoa(tt.max); got != want {
				t.Errorf("Amz-Sdk-Request = %q, want %q", got, want)
			}
		})
	}
}

// TestContextCancel checks that a cancelled context stops the call at once.
func TestContextCancel(t *testing.T) {
	s := newTestServer(t, respondWith(500, nil, ""))
	c := newTestClient(s, func(o *eksauth.Options) { o.Retryer = nil })
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	start := time.Now()
	_, err := c.AssumeRoleForPodIdentity(ctx, placeholderInput())
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("took %v", d)
	}
}
