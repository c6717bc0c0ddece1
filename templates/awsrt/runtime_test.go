package awsrt

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	"github.com/aws/smithy-go/logging"
)

// TestCredentialsPerAttempt checks that the provider is asked once per
// attempt (Do caches nothing: caching is the provider's business) and that
// each attempt is signed with the credentials of its own retrieval.
func TestCredentialsPerAttempt(t *testing.T) {
	rec := newRecorder(t, func(n int, w http.ResponseWriter, _ *http.Request) {
		if n < 3 {
			replyJSON(500, `{"message":"again"}`)(w)
			return
		}
		replyJSON(200, `{}`)(w)
	})
	cfg := testConfig(rec)
	var calls atomic.Int32
	cfg.Credentials = aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		n := calls.Add(1)
		return aws.Credentials{AccessKeyID: fmt.Sprintf("AKID%d", n), SecretAccessKey: "SECRET"}, nil
	})
	if err := Do(context.Background(), cfg, "Op", testRequest(), nil, nil); err != nil {
		t.Fatal(err)
	}
	reqs := rec.requests()
	if got := calls.Load(); got != 3 || len(reqs) != 3 {
		t.Fatalf("%d retrievals for %d attempts, want 3 and 3", got, len(reqs))
	}
	for i, r := range reqs {
		want := fmt.Sprintf("Credential=AKID%d/", i+1)
		if got := r.header.Get("Authorization"); !strings.Contains(got, want) {
			t.Errorf("attempt %d: Authorization %q, want %s", i+1, got, want)
		}
		if r.header.Get("X-Amz-Security-Token") != "" {
			t.Errorf("attempt %d: security token sent without a session token", i+1)
		}
	}
}

// logRecorder is a logging.Logger keeping every line.
type logRecorder struct {
	mu    sync.Mutex
	lines []string
}

// Logf records one line.
func (l *logRecorder) Logf(cls logging.Classification, format string, v ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, string(cls)+" "+fmt.Sprintf(format, v...))
}

// text returns the lines recorded so far.
func (l *logRecorder) text() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.lines, "\n")
}

// TestLogging checks what each ClientLogMode logs: retries, request and
// response headers with credentials redacted, never bodies; and that
// nothing is logged without a mode.
func TestLogging(t *testing.T) {
	tests := []struct {
		name    string
		mode    aws.ClientLogMode
		want    []string
		notWant []string
	}{
		{"off", 0, nil, []string{"retrying", "Request", "Response"}},
		{"retries", aws.LogRetries, []string{"retrying request EKS Auth/Op, attempt 2"}, []string{"Request\n", "Response\n"}},
		{"request", aws.LogRequest, []string{"Request\nPOST /clusters/my%20cluster/assume-role-for-pod-identity HTTP/1.1", "Authorization: <redacted>", "X-Amz-Security-Token: <redacted>", "Amz-Sdk-Request: attempt=1; max=3"}, []string{"retrying", "TOKEN", "Signature=", `"token"`}},
		{"response", aws.LogResponse, []string{"Response\nHTTP/1.1 500 Internal Server Error", "X-Amzn-Requestid: req-1"}, []string{"again", "Request\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := newRecorder(t, func(n int, w http.ResponseWriter, _ *http.Request) {
				if n == 1 {
					replyJSON(500, `{"message":"again"}`)(w)
					return
				}
				replyJSON(200, `{}`)(w)
			})
			cfg := testConfig(rec)
			logs := &logRecorder{}
			cfg.Logger, cfg.ClientLogMode = logs, tt.mode
			if err := Do(context.Background(), cfg, "Op", testRequest(), nil, nil); err != nil {
				t.Fatal(err)
			}
			text := logs.text()
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("log lacks %q:\n%s", w, text)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(text, w) {
					t.Errorf("log has %q:\n%s", w, text)
				}
			}
		})
	}
}

// hostClient is an HTTPClient that records the request URL and answers {}.
type hostClient struct {
	mu   sync.Mutex
	urls []string
}

// Do records r's URL and host and answers 200 {}.
func (c *hostClient) Do(r *http.Request) (*http.Response, error) {
	c.mu.Lock()
	c.urls = append(c.urls, r.URL.String()+" host="+r.Host)
	c.mu.Unlock()
	return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(bytes.NewReader([]byte("{}"))), ContentLength: 2, Request: r}, nil
}

// TestHostPrefix checks the @endpoint host prefix: prepended to the
// endpoint's host (and signed host), ignored with DisableHostPrefix, an
// invalid resulting host rejected before sending.
func TestHostPrefix(t *testing.T) {
	tests := []struct {
		name    string
		prefix  string
		disable bool
		want    string // "" means an error
	}{
		{"none", "", false, "https://svc.us-west-2.amazonaws.com/p host=svc.us-west-2.amazonaws.com"},
		{"prefix", "data-", false, "https://data-svc.us-west-2.amazonaws.com/p host=data-svc.us-west-2.amazonaws.com"},
		{"label prefix", "acct-123.", false, "https://acct-123.svc.us-west-2.amazonaws.com/p host=acct-123.svc.us-west-2.amazonaws.com"},
		{"disabled", "data-", true, "https://svc.us-west-2.amazonaws.com/p host=svc.us-west-2.amazonaws.com"},
		{"invalid", "bad_label!.", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hc := &hostClient{}
			cfg := svcConfig("svc.us-west-2.amazonaws.com", hc)
			cfg.DisableHostPrefix = tt.disable
			err := Do(context.Background(), cfg, "Op", &Request{Method: "GET", Path: "/p", HostPrefix: tt.prefix}, nil, nil)
			if tt.want == "" {
				if err == nil || len(hc.urls) != 0 {
					t.Fatalf("err %v after %d requests, want an error before sending", err, len(hc.urls))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(hc.urls) != 1 || hc.urls[0] != tt.want {
				t.Errorf("sent %q, want %q", hc.urls, tt.want)
			}
		})
	}
}

// TestWirePathAndQuery checks that the serializer's path and query go on
// the wire as they are (literal sub-delims kept, a bare query key kept, the
// keys' order kept) although the signer canonicalizes them, and that the
// signature is the one v4.Signer computes for what is sent.
func TestWirePathAndQuery(t *testing.T) {
	tests := []struct{ path, query string }{
		{"/ReDosLiteral/abc/(a+)+", ""},
		{"/ConstantQueryString/hi", "foo=bar&hello"},
		{"/q", "z=1&a=2&a=1"},
		{"/a%20b/c", "k=v%20w"},
	}
	for _, tt := range tests {
		t.Run(tt.path+"?"+tt.query, func(t *testing.T) {
			var sent *http.Request
			hc := &hostClient{}
			cfg := svcConfig("svc.example.com", httpClientFunc(func(r *http.Request) (*http.Response, error) {
				sent = r
				return hc.Do(r)
			}))
			cfg.Credentials = aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
				return aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET"}, nil
			})
			cfg.Now = func() time.Time { return fixedTime }
			if err := Do(context.Background(), cfg, "Op", &Request{Method: "GET", Path: tt.path, RawQuery: tt.query}, nil, nil); err != nil {
				t.Fatal(err)
			}
			want := tt.path
			if tt.query != "" {
				want += "?" + tt.query
			}
			if got := sent.URL.RequestURI(); got != want {
				t.Errorf("request URI %q, want %q", got, want)
			}
			again, err := http.NewRequest("GET", "https://svc.example.com"+want, nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, k := range []string{headerInvocationID, headerSDKRequest} {
				again.Header[k] = sent.Header[k]
			}
			if err := v4.NewSigner().SignHTTP(context.Background(), aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET"}, again, emptyPayloadHash, "svc", "us-west-2", fixedTime); err != nil {
				t.Fatal(err)
			}
			if got, w := sent.Header.Get(headerAuthz), again.Header.Get(headerAuthz); got != w {
				t.Errorf("Authorization\n got %s\nwant %s", got, w)
			}
		})
	}
}

// svcConfig returns an unsigned Config of the service "svc" in us-west-2,
// whose endpoint is https://host, sending with hc.
func svcConfig(host string, hc HTTPClient) *Config {
	return &Config{
		ServiceID:   "Svc",
		SigningName: "svc", SigningRegion: "us-west-2",
		ResolveEndpoint: func(context.Context) (smithyendpoints.Endpoint, error) {
			return smithyendpoints.Endpoint{URI: url.URL{Scheme: "https", Host: host}}, nil
		},
		HTTPClient: hc,
	}
}

// httpClientFunc is an HTTPClient made of a function.
type httpClientFunc func(*http.Request) (*http.Response, error)

// Do calls f.
func (f httpClientFunc) Do(r *http.Request) (*http.Response, error) { return f(r) }
