package generated_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/eksauthgen/eksauthgen/generated/eksauth"
	"github.com/eksauthgen/eksauthgen/generated/eksauth/eksauthmock"
	"github.com/eksauthgen/eksauthgen/generated/eksauth/types"
)

// countingMock serves a Mock answering sampleOutput with opts, counting
// the HTTP requests that reach the server (faults included).
func countingMock(t *testing.T, opts ...eksauthmock.Option) (url string, m *eksauthmock.Mock, requests *atomic.Int64) {
	t.Helper()
	m = sampleMock()
	requests = &atomic.Int64{}
	h := eksauthmock.NewHandler(m, opts...)
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(ts.Close)
	return ts.URL, m, requests
}

func TestMockFaultsThroughClient(t *testing.T) {
	in := &eksauth.AssumeRoleForPodIdentityInput{ClusterName: aws.String("c"), Token: aws.String("h.p.s")}
	tests := []struct {
		name     string
		fault    eksauthmock.Fault
		requests int64 // for two calls with up to three attempts each
		calls    int   // that reached the service
		second   func(error) bool
	}{
		{"503 every 2nd, retried", eksauthmock.Fault{Status: 503, EveryNth: 2}, 3, 2, nil},
		{"dropped connection every 2nd, retried", eksauthmock.Fault{Drop: true, EveryNth: 2}, 3, 2, nil},
		{"modeled 500 every 2nd, retried", eksauthmock.Fault{Err: &types.InternalServerException{Message: aws.String("x")}, EveryNth: 2}, 3, 2, nil},
		{"always unavailable: gives up", eksauthmock.Fault{Err: &types.ServiceUnavailableException{Message: aws.String("x")}}, 6, 0,
			as[*types.ServiceUnavailableException]},
		{"non-retryable: one attempt", eksauthmock.Fault{Err: &types.ExpiredTokenException{Message: aws.String("x")}, EveryNth: 2}, 2, 1,
			as[*types.ExpiredTokenException]},
		{"delay only", eksauthmock.Fault{Delay: 30 * time.Millisecond}, 2, 2, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			url, m, requests := countingMock(t, eksauthmock.WithFault(eksauthmock.OpAssumeRoleForPodIdentity, tc.fault))
			client := mockClient(url)
			start := time.Now()
			_, err1 := client.AssumeRoleForPodIdentity(context.Background(), in)
			_, err2 := client.AssumeRoleForPodIdentity(context.Background(), in)
			if tc.second == nil && (err1 != nil || err2 != nil) {
				t.Fatalf("calls failed: %v / %v", err1, err2)
			}
			if tc.second != nil && !tc.second(err2) {
				t.Errorf("second call: %v", err2)
			}
			if got := requests.Load(); got != tc.requests {
				t.Errorf("%d HTTP requests, want %d", got, tc.requests)
			}
			if got := len(m.Calls()); got != tc.calls {
				t.Errorf("%d calls reached the service, want %d", got, tc.calls)
			}
			if d := tc.fault.Delay; d > 0 && time.Since(start) < 2*d {
				t.Errorf("two delayed calls took %v, want >= %v", time.Since(start), 2*d)
			}
		})
	}
}

func TestMockDelayHonoursClientDeadline(t *testing.T) {
	// (The delay is short: the mock injects it before reading the body, so
	// net/http does not cancel the request's context when the client
	// leaves, and the server's Close waits for it; see /work/notes/bugs.md.)
	url, m, _ := countingMock(t, eksauthmock.WithFault(eksauthmock.OpAssumeRoleForPodIdentity, eksauthmock.Fault{Delay: 3 * time.Second}))
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := mockClient(url).AssumeRoleForPodIdentity(ctx, &eksauth.AssumeRoleForPodIdentityInput{ClusterName: aws.String("c"), Token: aws.String("h.p.s")})
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 2*time.Second {
		t.Errorf("got %v after %v, want the deadline", err, time.Since(start))
	}
	if len(m.Calls()) != 0 {
		t.Error("a delayed call that the client gave up on reached the service")
	}
}

func TestMockFaultProbability(t *testing.T) {
	const n = 400
	url, _, _ := countingMock(t, eksauthmock.WithFault(eksauthmock.OpAssumeRoleForPodIdentity, eksauthmock.Fault{Status: 429, Probability: 0.5}))
	failed := 0
	for range n {
		r := post(t, url, mockPath("c"), "application/json", `{"token":"h.p.s"}`)
		switch {
		case r.status == 429 && r.errorType() == "ThrottlingException":
			failed++
		case r.status != 200:
			t.Fatalf("status %d %q", r.status, r.errorType())
		}
	}
	// Binomial(400, 0.5): outside [120, 280] with probability < 1e-16.
	if failed < 120 || failed > 280 {
		t.Errorf("%d of %d calls failed, want about half", failed, n)
	}
}

func TestMockRecordsConcurrentClientCalls(t *testing.T) {
	url, m, _ := countingMock(t)
	client := mockClient(url)
	const callers, each = 8, 10
	var wg sync.WaitGroup
	stop := make(chan struct{})
	// Readers look at the record while calls are being made.
	readers := sync.WaitGroup{}
	for range 2 {
		readers.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
					for _, c := range m.Calls() {
						_ = c.Header.Get("Authorization")
					}
					_ = m.AssumeRoleForPodIdentityCalls()
				}
			}
		})
	}
	for i := range callers {
		wg.Go(func() {
			for j := range each {
				token := strings.Repeat("t", i+1) + ".p." + strings.Repeat("s", j+1)
				if _, err := client.AssumeRoleForPodIdentity(context.Background(),
					&eksauth.AssumeRoleForPodIdentityInput{ClusterName: aws.String("c"), Token: aws.String(token)}); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	close(stop)
	readers.Wait()
	calls := m.AssumeRoleForPodIdentityCalls()
	seen := map[string]bool{}
	for _, c := range calls {
		seen[*c.Token] = true
	}
	if len(calls) != callers*each || len(seen) != callers*each {
		t.Errorf("recorded %d calls with %d distinct tokens, want %d", len(calls), len(seen), callers*each)
	}
	for _, c := range m.Calls() {
		if !strings.HasPrefix(c.Header.Get("Authorization"), "AWS4-HMAC-SHA256 ") {
			t.Fatalf("recorded headers lack the signature: %v", c.Header)
		}
	}
}
