package generated_test

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"

	"github.com/eksauthgen/eksauthgen/generated/eksauth/types"
)

// hostileOK is a complete AssumeRoleForPodIdentity response body.
const hostileOK = `{"audience":"pods.eks.amazonaws.com","subject":{"namespace":"ns","serviceAccount":"sa"},"credentials":{"accessKeyId":"AK","secretAccessKey":"SK","sessionToken":"ST","expiration":1700000000}}`

// httpStatus returns the HTTP status an error carries, or 0.
func httpStatus(err error) int {
	var re *awshttp.ResponseError
	if errors.As(err, &re) {
		return re.HTTPStatusCode()
	}
	return 0
}

// TestHostileResponses runs the client against servers answering bodies a
// well-behaved service never sends; each must end in the expected typed
// error after the expected number of attempts.
func TestHostileResponses(t *testing.T) {
	tests := []struct {
		name     string
		status   int
		header   map[string]string
		body     string
		attempts int // requests the client makes (3 when retried)
		check    func(t *testing.T, err error)
	}{
		{
			name: "truncated JSON", status: 200, header: map[string]string{"Content-Type": "application/json"},
			body: hostileOK[:len(hostileOK)/2], attempts: 1, check: wantDeserialization,
		},
		{
			name: "wrong JSON types", status: 200, header: map[string]string{"Content-Type": "application/json"},
			body: `{"audience":5,"subject":"not an object","credentials":[]}`, attempts: 1, check: wantDeserialization,
		},
		{
			name: "wrong timestamp type", status: 200, header: map[string]string{"Content-Type": "application/json"},
			body: `{"credentials":{"expiration":{"seconds":1}}}`, attempts: 1, check: wantDeserialization,
		},
		{
			name: "HTML 502 from a proxy", status: 502, header: map[string]string{"Content-Type": "text/html"},
			body:     "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>",
			attempts: 3, check: wantDeserialization,
		},
		{
			name: "empty 500", status: 500, attempts: 3,
			check: func(t *testing.T, err error) { wantAPIError(t, err, "UnknownError", 500) },
		},
		{
			name: "unknown error code", status: 400,
			header: map[string]string{"X-Amzn-ErrorType": "BrandNewException:http://internal.amazon.com/", "Content-Type": "application/json"},
			body:   `{"message":"something new"}`, attempts: 1,
			check: func(t *testing.T, err error) {
				apiErr := wantAPIError(t, err, "BrandNewException", 400)
				if apiErr != nil && apiErr.ErrorMessage() != "something new" {
					t.Errorf("message %q, want %q", apiErr.ErrorMessage(), "something new")
				}
			},
		},
		{
			name: "error body of the wrong type", status: 400, header: map[string]string{"Content-Type": "application/json"},
			body: `["InvalidTokenException"]`, attempts: 1, check: wantDeserialization,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestServer(t, respondWith(tt.status, tt.header, tt.body))
			out, err := newTestClient(s).AssumeRoleForPodIdentity(context.Background(), placeholderInput())
			if err == nil {
				t.Fatalf("got output %v, want an error", out)
			}
			if tt.status != 200 && httpStatus(err) != tt.status {
				t.Errorf("HTTP status %d not reachable from %v", tt.status, err)
			}
			tt.check(t, err)
			if n := len(s.requests()); n != tt.attempts {
				t.Errorf("%d requests, want %d", n, tt.attempts)
			}
		})
	}
}

// wantDeserialization checks that err is a *smithy.DeserializationError.
func wantDeserialization(t *testing.T, err error) {
	t.Helper()
	var de *smithy.DeserializationError
	if !errors.As(err, &de) {
		t.Errorf("error %v (%T) is not a *smithy.DeserializationError", err, err)
	}
}

// wantAPIError checks that err is an API error with code and HTTP status.
func wantAPIError(t *testing.T, err error, code string, status int) smithy.APIError {
	t.Helper()
	var apiErr smithy.APIError
	if !errors.As(err, &apiErr) {
		t.Errorf("error %v (%T) is not a smithy.APIError", err, err)
		return nil
	}
	if apiErr.ErrorCode() != code {
		t.Errorf("code %q, want %q", apiErr.ErrorCode(), code)
	}
	if got := httpStatus(err); got != status {
		t.Errorf("HTTP status %d, want %d", got, status)
	}
	return apiErr
}

// TestHostileHugeErrorBody streams a 100 MB error body: the client must
// stop reading after a bounded prefix instead of buffering it all, and must
// still fail with a typed error.
func TestHostileHugeErrorBody(t *testing.T) {
	const total = 100 << 20
	const bound = 32 << 20 // client's limit plus what kernel buffers can absorb
	var mu sync.Mutex
	var written []int64
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Amzn-ErrorType", "InvalidRequestException")
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", strconv.Itoa(total))
		w.WriteHeader(http.StatusBadRequest)
		n, _ := io.Copy(w, io.LimitReader(&repeatReader{b: []byte(`{"message":"`)}, total))
		mu.Lock()
		written = append(written, n)
		mu.Unlock()
	}))
	t.Cleanup(ts.Close)
	start := time.Now()
	_, err := clientAt(ts.URL).AssumeRoleForPodIdentity(context.Background(), placeholderInput())
	if err == nil {
		t.Fatal("no error for a 100 MB error body")
	}
	wantDeserialization(t, err)
	if httpStatus(err) != http.StatusBadRequest {
		t.Errorf("HTTP status not reachable from %v", err)
	}
	ts.Close() // waits for the handler to finish writing
	mu.Lock()
	defer mu.Unlock()
	if len(written) != 1 {
		t.Fatalf("%d requests, want 1", len(written))
	}
	if written[0] > bound {
		t.Errorf("server wrote %d bytes before the client hung up, want at most %d", written[0], bound)
	}
	t.Logf("server could write %d of %d bytes; call took %v", written[0], total, time.Since(start))
}

// repeatReader repeats b forever, then 'x' bytes.
type repeatReader struct {
	b   []byte
	off int
}

// Read fills p with the prefix b once, then 'x'.
func (r *repeatReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		if r.off < len(r.b) {
			c := copy(p[n:], r.b[r.off:])
			r.off += c
			n += c
			continue
		}
		p[n] = 'x'
		n++
	}
	return n, nil
}

// TestHostileConnectionReset resets the connection in the middle of the
// first response body; the client retries and the second attempt succeeds.
func TestHostileConnectionReset(t *testing.T) {
	var calls atomic.Int32
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		if calls.Add(1) > 1 {
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, hostileOK)
			return
		}
		conn, buf, err := http.NewResponseController(w).Hijack()
		if err != nil {
			t.Errorf("hijack: %v", err)
			return
		}
		resetMidBody(t, conn, buf)
	}))
	t.Cleanup(ts.Close)
	out, err := clientAt(ts.URL).AssumeRoleForPodIdentity(context.Background(), placeholderInput())
	if err != nil {
		t.Fatalf("retry after a reset failed: %v", err)
	}
	if aws.ToString(out.Audience) != "pods.eks.amazonaws.com" {
		t.Errorf("audience %q", aws.ToString(out.Audience))
	}
	if n := calls.Load(); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}
}

// resetMidBody writes a response head promising the whole body, half of
// it, and closes the connection with a TCP reset.
func resetMidBody(t *testing.T, conn net.Conn, buf *bufio.ReadWriter) {
	t.Helper()
	half := hostileOK[:len(hostileOK)/2]
	buf.WriteString("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + strconv.Itoa(len(hostileOK)) + "\r\n\r\n" + half)
	if err := buf.Flush(); err != nil {
		t.Errorf("write: %v", err)
	}
	time.Sleep(20 * time.Millisecond) // let the client read the head
	if tc, ok := conn.(*net.TCPConn); ok {
		_ = tc.SetLinger(0) // close sends RST
	}
	_ = conn.Close()
}

// TestHostileNeverAnswers: a server that accepts the request and never
// answers; the context deadline ends the call promptly.
func TestHostileNeverAnswers(t *testing.T) {
	release := make(chan struct{})
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	t.Cleanup(ts.Close)
	t.Cleanup(func() { close(release) })
	const deadline = 300 * time.Millisecond
	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	defer cancel()
	start := time.Now()
	_, err := clientAt(ts.URL).AssumeRoleForPodIdentity(ctx, placeholderInput())
	elapsed := time.Since(start)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error %v, want one wrapping context.DeadlineExceeded", err)
	}
	if elapsed > deadline+2*time.Second {
		t.Errorf("call took %v, deadline was %v", elapsed, deadline)
	}
}

// TestHostileThrottling answers ThrottlingException with Retry-After twice,
// then succeeds: the client waits at least the x-amz-retry-after delay
// between attempts and succeeds within its max attempts.
func TestHostileThrottling(t *testing.T) {
	const retryAfter = 60 * time.Millisecond
	var mu sync.Mutex
	var times []time.Time
	s := newTestServer(t, func(n int, w http.ResponseWriter, _ *http.Request) {
		mu.Lock()
		times = append(times, time.Now())
		mu.Unlock()
		if n <= 2 {
			w.Header().Set("X-Amzn-ErrorType", "ThrottlingException")
			w.Header().Set("Retry-After", "1")
			w.Header().Set("X-Amz-Retry-After", strconv.Itoa(int(retryAfter/time.Millisecond)))
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusTooManyRequests)
			io.WriteString(w, `{"message":"Rate exceeded"}`)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, hostileOK)
	})
	out, err := newTestClient(s).AssumeRoleForPodIdentity(context.Background(), placeholderInput())
	if err != nil {
		var te *types.ThrottlingException
		t.Fatalf("throttled call failed (throttling error: %v): %v", errors.As(err, &te), err)
	}
	if aws.ToString(out.Credentials.AccessKeyId) != "AK" {
		t.Errorf("credentials %v", out.Credentials)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(times) != 3 {
		t.Fatalf("%d attempts, want 3", len(times))
	}
	for i := 1; i < len(times); i++ {
		if d := times[i].Sub(times[i-1]); d < retryAfter {
			t.Errorf("attempt %d came %v after the previous one, want at least %v", i+1, d, retryAfter)
		}
	}
}

// TestHostileThrottlingExhausted: throttling that never ends fails after
// max attempts with the modeled error.
func TestHostileThrottlingExhausted(t *testing.T) {
	s := newTestServer(t, respondWith(http.StatusTooManyRequests,
		map[string]string{"X-Amzn-ErrorType": "ThrottlingException", "Content-Type": "application/json"}, `{"message":"Rate exceeded"}`))
	_, err := newTestClient(s).AssumeRoleForPodIdentity(context.Background(), placeholderInput())
	var te *types.ThrottlingException
	if !errors.As(err, &te) {
		t.Fatalf("error %v, want *types.ThrottlingException", err)
	}
	var maxErr *retry.MaxAttemptsError
	if !errors.As(err, &maxErr) {
		t.Errorf("error %q does not say the attempts were exhausted", err)
	}
	if n := len(s.requests()); n != 3 {
		t.Errorf("%d requests, want 3", n)
	}
}
