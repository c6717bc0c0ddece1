package awsrt

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
)

// seen is one request as the test server received it.
type seen struct {
	header http.Header
	body   []byte
	path   string
}

// recorder is an httptest server answering with a scripted handler per
// attempt and recording every request.
type recorder struct {
	mu    sync.Mutex
	reqs  []seen
	srv   *httptest.Server
	reply func(n int, w http.ResponseWriter, r *http.Request)
}

func newRecorder(t testing.TB, reply func(n int, w http.ResponseWriter, r *http.Request)) *recorder {
	rec := &recorder{reply: reply}
	rec.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		rec.mu.Lock()
		rec.reqs = append(rec.reqs, seen{header: r.Header.Clone(), body: body, path: r.URL.EscapedPath()})
		n := len(rec.reqs)
		rec.mu.Unlock()
		rec.reply(n, w, r)
	}))
	t.Cleanup(rec.srv.Close)
	return rec
}

func (rec *recorder) requests() []seen {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return append([]seen(nil), rec.reqs...)
}

var fixedTime = time.Date(2026, 11, 29, 2, 50, 25, 0, time.UTC)

// testConfig returns a Config aimed at rec with static credentials, the
// standard retryer and no sleeping.
func testConfig(rec *recorder) *Config {
	u, _ := url.Parse(rec.srv.URL)
	return &Config{
		ServiceID:     "EKS Auth",
		SigningName:   "eks-auth",
		SigningRegion: "us-west-2",
		ResolveEndpoint: func(context.Context) (smithyendpoints.Endpoint, error) {
			return smithyendpoints.Endpoint{URI: *u}, nil
		},
		HTTPClient: rec.srv.Client(),
		Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET", SessionToken: "TOKEN"}, nil
		}),
		Signer:    v4.NewSigner(),
		Retryer:   retry.NewStandard(),
		UserAgent: UserAgent(UserAgentOptions{API: "eksauth", Version: "1.0.0", Features: []string{"E"}}),
		Now:       func() time.Time { return fixedTime },
		Sleep:     func(ctx context.Context, d time.Duration) error { return ctx.Err() },
	}
}

func testRequest() *Request {
	return &Request{
		Method:      "POST",
		Path:        "/clusters/" + EscapeLabel("my cluster", false) + "/assume-role-for-pod-identity",
		Body:        []byte(`{"token":"abc"}`),
		ContentType: "application/json",
	}
}

// testAPIError is a modeled error for the tests' ErrorDecoder.
type testAPIError struct{ Code, Message string }

func (e *testAPIError) Error() string                 { return e.Code + ": " + e.Message }
func (e *testAPIError) ErrorCode() string             { return e.Code }
func (e *testAPIError) ErrorMessage() string          { return e.Message }
func (e *testAPIError) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// testModeled models InvalidTokenException and ThrottlingException.
func testModeled(code string, _ *http.Response, body []byte) error {
	for _, name := range []string{"InvalidTokenException", "ThrottlingException"} {
		if strings.EqualFold(code, name) {
			_, msg, _ := ErrorInfo(body)
			return &testAPIError{Code: name, Message: msg}
		}
	}
	return nil
}

func replyJSON(status int, body string, hdr ...string) func(http.ResponseWriter) {
	return func(w http.ResponseWriter) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Amzn-Requestid", "req-1")
		for i := 0; i+1 < len(hdr); i += 2 {
			w.Header().Set(hdr[i], hdr[i+1])
		}
		w.WriteHeader(status)
		io.WriteString(w, body)
	}
}

func TestDoSuccessWire(t *testing.T) {
	rec := newRecorder(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
		replyJSON(200, `{"subject":"s"}`)(w)
	})
	cfg := testConfig(rec)
	var got string
	err := Do(context.Background(), cfg, "AssumeRoleForPodIdentity", testRequest(), func(_ *http.Response, body []byte) error {
		d := NewDecoder(body)
		if err := d.BeginObject(); err != nil {
			return err
		}
		for {
			k, ok, err := d.NextKey()
			if err != nil || !ok {
				return err
			}
			if k == "subject" {
				if got, err = d.String(); err != nil {
					return err
				}
			} else if err := d.Skip(); err != nil {
				return err
			}
		}
	}, testModeled)
	if err != nil {
		t.Fatal(err)
	}
	if got != "s" {
		t.Errorf("decoded subject %q", got)
	}
	reqs := rec.requests()
	if len(reqs) != 1 {
		t.Fatalf("%d requests", len(reqs))
	}
	r := reqs[0]
	checks := map[string]string{
		"Content-Type":         "application/json",
		"Content-Length":       "15",
		"Amz-Sdk-Request":      "attempt=1; max=3",
		"X-Amz-Date":           "20261129T025025Z",
		"X-Amz-Security-Token": "TOKEN",
		"User-Agent":           cfg.UserAgent,
	}
	for k, want := range checks {
		if v := r.header.Get(k); v != want {
			t.Errorf("%s = %q, want %q", k, v, want)
		}
	}
	if !regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`).MatchString(r.header.Get("Amz-Sdk-Invocation-Id")) {
		t.Errorf("invocation id %q is not a UUID v4", r.header.Get("Amz-Sdk-Invocation-Id"))
	}
	if want := "AWS4-HMAC-SHA256 Credential=AKID/20261129/us-west-2/eks-auth/aws4_request, SignedHeaders=amz-sdk-invocation-id;amz-sdk-request;content-length;content-type;host;x-amz-date;x-amz-security-token, Signature="; !strings.HasPrefix(r.header.Get("Authorization"), want) {
		t.Errorf("Authorization = %q, want prefix %q", r.header.Get("Authorization"), want)
	}
	if r.path != "/clusters/my%20cluster/assume-role-for-pod-identity" {
		t.Errorf("path %q", r.path)
	}
	if string(r.body) != `{"token":"abc"}` {
		t.Errorf("body %q", r.body)
	}
}

// TestDoSignatureMatchesSigner re-signs the received request with v4.Signer
// at the same time and compares the Authorization headers.
func TestDoSignatureMatchesSigner(t *testing.T) {
	rec := newRecorder(t, func(_ int, w http.ResponseWriter, _ *http.Request) { replyJSON(200, `{}`)(w) })
	cfg := testConfig(rec)
	req := testRequest()
	if err := Do(context.Background(), cfg, "Op", req, nil, nil); err != nil {
		t.Fatal(err)
	}
	got := rec.requests()[0]
	u, _ := url.Parse(rec.srv.URL + got.path)
	r, _ := http.NewRequest("POST", u.String(), bytes.NewReader(got.body))
	for _, k := range []string{"Content-Type", "Amz-Sdk-Invocation-Id", "Amz-Sdk-Request", "User-Agent"} {
		r.Header.Set(k, got.header.Get(k))
	}
	creds := aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET", SessionToken: "TOKEN"}
	if err := v4.NewSigner().SignHTTP(context.Background(), creds, r, payloadHash(got.body), "eks-auth", "us-west-2", fixedTime); err != nil {
		t.Fatal(err)
	}
	if a, b := got.header.Get("Authorization"), r.Header.Get("Authorization"); a != b {
		t.Errorf("Authorization\n got %s\nwant %s", a, b)
	}
}

func TestDoUnsigned(t *testing.T) {
	for name, creds := range map[string]aws.CredentialsProvider{"nil": nil, "anonymous": aws.AnonymousCredentials{}} {
		t.Run(name, func(t *testing.T) {
			rec := newRecorder(t, func(_ int, w http.ResponseWriter, _ *http.Request) { replyJSON(200, `{}`)(w) })
			cfg := testConfig(rec)
			cfg.Credentials = creds
			if err := Do(context.Background(), cfg, "Op", testRequest(), nil, nil); err != nil {
				t.Fatal(err)
			}
			h := rec.requests()[0].header
			for _, k := range []string{"Authorization", "X-Amz-Date", "X-Amz-Security-Token"} {
				if v, ok := h[k]; ok {
					t.Errorf("unsigned request has %s: %q", k, v)
				}
			}
		})
	}
}

func TestDoNoBodyNoContentType(t *testing.T) {
	rec := newRecorder(t, func(_ int, w http.ResponseWriter, _ *http.Request) { replyJSON(200, ``)(w) })
	cfg := testConfig(rec)
	req := testRequest()
	req.Body = nil
	if err := Do(context.Background(), cfg, "Op", req, nil, nil); err != nil {
		t.Fatal(err)
	}
	if v, ok := rec.requests()[0].header["Content-Type"]; ok {
		t.Errorf("Content-Type %q sent without a body", v)
	}
}

func TestDoRetries(t *testing.T) {
	reset := func(w http.ResponseWriter) {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			if tc, ok := conn.(*net.TCPConn); ok {
				tc.SetLinger(0)
			}
			conn.Close()
		}
	}
	tests := []struct {
		name  string
		fail  func(http.ResponseWriter)
		tries int // attempts made when every attempt fails
	}{
		{"500", replyJSON(500, `{"__type":"InternalServerException","message":"x"}`), 3},
		{"503", replyJSON(503, `{}`), 3},
		{"429 unmodeled", replyJSON(429, `{"message":"slow"}`), 3},
		{"throttling code 400", replyJSON(400, `{"__type":"ThrottlingException"}`), 3},
		{"connection reset", reset, 3},
		{"400 not retried", replyJSON(400, `{"__type":"InvalidTokenException","message":"bad"}`), 1},
		{"404 not retried", replyJSON(404, `{"code":"ResourceNotFoundException"}`), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name+"/recovers", func(t *testing.T) {
			rec := newRecorder(t, func(n int, w http.ResponseWriter, _ *http.Request) {
				if n == 1 {
					tt.fail(w)
					return
				}
				replyJSON(200, `{}`)(w)
			})
			err := Do(context.Background(), testConfig(rec), "Op", testRequest(), nil, testModeled)
			reqs := rec.requests()
			if tt.tries == 1 {
				if err == nil || len(reqs) != 1 {
					t.Fatalf("err=%v after %d requests; want an error after 1", err, len(reqs))
				}
				return
			}
			if err != nil {
				t.Fatalf("err=%v", err)
			}
			if len(reqs) != 2 {
				t.Fatalf("%d requests, want 2", len(reqs))
			}
			checkAttempts(t, reqs)
		})
		t.Run(tt.name+"/exhausted", func(t *testing.T) {
			rec := newRecorder(t, func(_ int, w http.ResponseWriter, _ *http.Request) { tt.fail(w) })
			err := Do(context.Background(), testConfig(rec), "Op", testRequest(), nil, testModeled)
			if err == nil {
				t.Fatal("no error")
			}
			if n := len(rec.requests()); n != tt.tries {
				t.Errorf("%d attempts, want %d", n, tt.tries)
			}
			var maxErr *retry.MaxAttemptsError
			if got := errors.As(err, &maxErr); got != (tt.tries > 1) {
				t.Errorf("MaxAttemptsError found=%v for %v", got, err)
			}
			var opErr *smithy.OperationError
			if !errors.As(err, &opErr) || opErr.ServiceID != "EKS Auth" || opErr.OperationName != "Op" {
				t.Errorf("no OperationError in %v", err)
			}
		})
	}
}

// checkAttempts verifies what must stay and what must change across attempts.
func checkAttempts(t *testing.T, reqs []seen) {
	t.Helper()
	id := reqs[0].header.Get("Amz-Sdk-Invocation-Id")
	for i, r := range reqs {
		if !bytes.Equal(r.body, reqs[0].body) {
			t.Errorf("attempt %d body %q != %q", i+1, r.body, reqs[0].body)
		}
		if got := r.header.Get("Amz-Sdk-Invocation-Id"); got != id {
			t.Errorf("attempt %d invocation id %q != %q", i+1, got, id)
		}
		if got, want := r.header.Get("Amz-Sdk-Request"), fmt.Sprintf("attempt=%d; max=3", i+1); got != want {
			t.Errorf("attempt %d Amz-Sdk-Request %q, want %q", i+1, got, want)
		}
	}
}

func TestDoErrorDecoding(t *testing.T) {
	tests := []struct {
		name             string
		status           int
		header           []string
		body             string
		code, msg        string
		modeled, generic bool
	}{
		{"header", 400, []string{"X-Amzn-ErrorType", "InvalidTokenException:http://internal.amazon.com/coral/"}, `{"message":"m"}`, "InvalidTokenException", "m", true, false},
		{"header beats body", 400, []string{"X-Amzn-ErrorType", "com.amazonaws.eksauth#InvalidTokenException"}, `{"code":"Other"}`, "InvalidTokenException", "m0", true, false},
		{"body code", 400, nil, `{"code":"com.amazonaws.eksauth#InvalidTokenException","Message":"mm"}`, "InvalidTokenException", "mm", true, false},
		{"code beats __type", 400, nil, `{"__type":"A","code":"B"}`, "B", "UnknownError", false, true},
		{"__type sanitised", 400, nil, `{"__type":"aws.protocoltests#FooError:http://x","message":"z"}`, "FooError", "z", false, true},
		{"nested __type ignored", 400, nil, `{"x":{"__type":"Inner"}}`, "UnknownError", "UnknownError", false, true},
		{"case-insensitive", 400, nil, `{"__type":"invalidtokenexception","MESSAGE":"q"}`, "InvalidTokenException", "q", true, false},
		{"empty body", 400, nil, ``, "UnknownError", "UnknownError", false, true},
		{"unknown code", 400, nil, `{"__type":"NewException","message":"n"}`, "NewException", "n", false, true},
		{"code sanitised to nothing", 400, nil, `{"__tYpe":"#"}`, "UnknownError", "UnknownError", false, true},
		{"header sanitised to nothing", 400, []string{"X-Amzn-ErrorType", ":http://x"}, `{"code":"B"}`, "UnknownError", "UnknownError", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := tt.body
			if tt.name == "header beats body" {
				body = `{"code":"Other","message":"m0"}`
			}
			rec := newRecorder(t, func(_ int, w http.ResponseWriter, _ *http.Request) { replyJSON(tt.status, body, tt.header...)(w) })
			err := Do(context.Background(), testConfig(rec), "AssumeRoleForPodIdentity", testRequest(), nil, testModeled)
			var apiErr smithy.APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("no APIError in %v", err)
			}
			if apiErr.ErrorCode() != tt.code || apiErr.ErrorMessage() != tt.msg {
				t.Errorf("code %q message %q, want %q %q", apiErr.ErrorCode(), apiErr.ErrorMessage(), tt.code, tt.msg)
			}
			var modeled *testAPIError
			var generic *smithy.GenericAPIError
			if errors.As(err, &modeled) != tt.modeled || errors.As(err, &generic) != tt.generic {
				t.Errorf("modeled/generic = %v/%v, want %v/%v", modeled != nil, generic != nil, tt.modeled, tt.generic)
			}
			var re *awshttp.ResponseError
			if !errors.As(err, &re) || re.HTTPStatusCode() != tt.status || re.ServiceRequestID() != "req-1" {
				t.Errorf("ResponseError missing or wrong in %v", err)
			}
		})
	}
}

func TestDoErrorText(t *testing.T) {
	rec := newRecorder(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
		replyJSON(400, `{"__type":"InvalidTokenException","message":"bad token"}`)(w)
	})
	err := Do(context.Background(), testConfig(rec), "AssumeRoleForPodIdentity", testRequest(), nil, testModeled)
	want := "operation error EKS Auth: AssumeRoleForPodIdentity, https response error StatusCode: 400, RequestID: req-1, InvalidTokenException: bad token"
	if err == nil || err.Error() != want {
		t.Errorf("error text\n got %v\nwant %s", err, want)
	}
}

func TestDoMalformedErrorBody(t *testing.T) {
	rec := newRecorder(t, func(_ int, w http.ResponseWriter, _ *http.Request) { replyJSON(400, `[1,2]`)(w) })
	err := Do(context.Background(), testConfig(rec), "Op", testRequest(), nil, testModeled)
	var de *smithy.DeserializationError
	if !errors.As(err, &de) {
		t.Fatalf("want DeserializationError, got %v", err)
	}
}

func TestDoSuccessDecodeError(t *testing.T) {
	rec := newRecorder(t, func(_ int, w http.ResponseWriter, _ *http.Request) { replyJSON(200, `{"a":`)(w) })
	err := Do(context.Background(), testConfig(rec), "Op", testRequest(), func(_ *http.Response, b []byte) error {
		return NewDecoder(b).Skip()
	}, nil)
	var de *smithy.DeserializationError
	var re *awshttp.ResponseError
	if !errors.As(err, &de) || !errors.As(err, &re) || re.HTTPStatusCode() != 200 {
		t.Fatalf("want DeserializationError inside a 200 ResponseError, got %v", err)
	}
}

func TestDoCancelDuringBackoff(t *testing.T) {
	rec := newRecorder(t, func(_ int, w http.ResponseWriter, _ *http.Request) { replyJSON(503, `{}`)(w) })
	cfg := testConfig(rec)
	cfg.Sleep = nil // real, cancellable sleep
	cfg.Retryer = retry.NewStandard(func(o *retry.StandardOptions) {
		o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return time.Hour, nil })
	})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	start := time.Now()
	err := Do(ctx, cfg, "Op", testRequest(), nil, nil)
	if el := time.Since(start); el > 5*time.Second {
		t.Fatalf("returned after %v", el)
	}
	var ce *aws.RequestCanceledError
	if !errors.As(err, &ce) || !errors.Is(err, context.Canceled) {
		t.Fatalf("want RequestCanceledError(context.Canceled), got %v", err)
	}
	if n := len(rec.requests()); n != 1 {
		t.Errorf("%d attempts, want 1", n)
	}
}

func TestDoDeadlineNotRetried(t *testing.T) {
	rec := newRecorder(t, func(_ int, w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	err := Do(ctx, testConfig(rec), "Op", testRequest(), nil, nil)
	var ce *smithy.CanceledError
	if !errors.As(err, &ce) || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("want CanceledError(deadline), got %v", err)
	}
	if n := len(rec.requests()); n != 1 {
		t.Errorf("%d attempts, want 1", n)
	}
}

func TestDoBoundedErrorBody(t *testing.T) {
	var written int64
	var mu sync.Mutex
	rec := newRecorder(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Length", "100000000")
		w.WriteHeader(400)
		chunk := bytes.Repeat([]byte("x"), 64<<10)
		for i := 0; i < 100000000/len(chunk); i++ {
			n, err := w.Write(chunk)
			mu.Lock()
			written += int64(n)
			mu.Unlock()
			if err != nil {
				return
			}
		}
	})
	err := Do(context.Background(), testConfig(rec), "Op", testRequest(), nil, nil)
	var de *smithy.DeserializationError
	if !errors.As(err, &de) {
		t.Fatalf("want DeserializationError, got %v", err)
	}
	rec.srv.CloseClientConnections()
	time.Sleep(50 * time.Millisecond)
	mu.Lock()
	defer mu.Unlock()
	if written > 20<<20 {
		t.Errorf("server wrote %d bytes before the client stopped reading", written)
	}
}

func TestDoEndpointAndCredentialErrors(t *testing.T) {
	rec := newRecorder(t, func(_ int, w http.ResponseWriter, _ *http.Request) { replyJSON(200, `{}`)(w) })
	cfg := testConfig(rec)
	cfg.ResolveEndpoint = func(context.Context) (smithyendpoints.Endpoint, error) {
		return smithyendpoints.Endpoint{}, errors.New("Invalid Configuration: Missing Region")
	}
	err := Do(context.Background(), cfg, "Op", testRequest(), nil, nil)
	if want := "operation error EKS Auth: Op, failed to resolve service endpoint, Invalid Configuration: Missing Region"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
	cfg = testConfig(rec)
	cfg.Credentials = aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{}, errors.New("no creds")
	})
	err = Do(context.Background(), cfg, "Op", testRequest(), nil, nil)
	if want := "operation error EKS Auth: Op, get identity: get credentials: no creds"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
	if n := len(rec.requests()); n != 0 {
		t.Errorf("%d requests sent", n)
	}
}

func TestRetryAfter(t *testing.T) {
	mk := func(v string) error {
		h := http.Header{}
		if v != "" {
			h.Set("X-Amz-Retry-After", v)
		}
		return responseError(&http.Response{StatusCode: 503, Header: h}, errors.New("x"))
	}
	tests := []struct {
		hdr  string
		want time.Duration
	}{
		{"", time.Second},
		{"1500", 1500 * time.Millisecond},
		{"10", time.Second},
		{"60000", 6 * time.Second},
		{"-5", time.Second},
		{"abc", time.Second},
	}
	for _, tt := range tests {
		if got := retryAfter(time.Second, mk(tt.hdr)); got != tt.want {
			t.Errorf("retryAfter(%q) = %v, want %v", tt.hdr, got, tt.want)
		}
	}
}

// payloadHash returns the hex SHA-256 of body, which SigV4 signs.
func payloadHash(body []byte) string {
	sum := sha256.Sum256(body)
	return hex.EncodeToString(sum[:])
}
