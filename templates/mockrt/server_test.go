package mockrt

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"

	"github.com/eksauthgen/eksauthgen/templates/validation"
)

// testError is a "modeled" error of the test service.
type testError struct{}

func (testError) Error() string { return "boom" }

// newTestServer serves one operation, POST /things/{name}, that echoes the
// label and body, and answers the error named by the "fail" query.
func newTestServer(cfg Config) *Server {
	cfg.Errors = func(err error) *Response {
		if errors.As(err, new(testError)) {
			return ErrorResponse(409, "ConflictException", "modeled")
		}
		return nil
	}
	cfg.Validation = ValidationPolicy{Code: "ValidationException", FieldList: true}
	return NewServer(cfg, []Operation{{
		Name:      "PutThing",
		Method:    http.MethodPost,
		Path:      []Segment{{Literal: "things"}, {Label: true}},
		MediaType: "application/json",
		Handle: func(ctx context.Context, req *Request) *Response {
			if HTTPRequest(ctx) != req.HTTP {
				return ErrorResponse(500, "NoRequest", "request not in context")
			}
			req.Input = map[string]string{"name": req.Labels[0]}
			switch req.Query().Get("fail") {
			case "unmodeled":
				return Failure(errors.New("secret database password"))
			case "notimpl":
				return Failure(&NotImplementedError{Operation: "PutThing", Field: "PutThingFunc"})
			case "invalid":
				var c validation.Collector
				c.Required("Name", "name")
				return req.Invalid(c.Err("PutThingInput"))
			}
			return &Response{Status: 200, Body: append([]byte(req.Labels[0]+":"), req.Body...)}
		},
	}})
}

// do serves one request and returns the recorder.
func do(s http.Handler, method, target, contentType, body string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, target, strings.NewReader(body))
	if contentType != "" {
		r.Header.Set("Content-Type", contentType)
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	return w
}

func TestServeErrors(t *testing.T) {
	s := newTestServer(Config{BodyLimit: 16})
	tests := []struct {
		name, method, target, ct, body string
		status                         int
		code, bodyHas                  string
	}{
		{"ok", "POST", "/things/a%20b", "application/json", "{}", 200, "", "a b:{}"},
		{"charset accepted", "POST", "/things/x", "application/json; charset=utf-8", "{}", 200, "", "x:{}"},
		{"no body no type", "POST", "/things/x", "", "", 200, "", "x:"},
		{"wrong type", "POST", "/things/x", "text/plain", "{}", 415, CodeUnsupportedMediaType, "application/json"},
		{"missing type", "POST", "/things/x", "", "{}", 415, CodeUnsupportedMediaType, ""},
		{"too large", "POST", "/things/x", "application/json", strings.Repeat("a", 17), 413, CodeTooLarge, "16 bytes"},
		{"unknown route", "POST", "/nothing", "", "", 404, CodeUnknownOperation, "no operation matches POST on this path"},
		{"wrong method", "GET", "/things/x", "", "", 405, CodeMethodNotAllowed, "method GET is not allowed on this path, which takes POST"},
		{"unmodeled", "POST", "/things/x?fail=unmodeled", "", "", 500, CodeInternalFailure, "internal error"},
		{"not implemented", "POST", "/things/x?fail=notimpl", "", "", 501, CodeNotImplemented, "PutThingFunc"},
		{"invalid", "POST", "/things/x?fail=invalid", "", "", 400, "ValidationException", `"fieldList":[{"message":"Value at '/name' failed to satisfy constraint: Member must not be null","path":"/name"}]`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := do(s, tc.method, tc.target, tc.ct, tc.body)
			if w.Code != tc.status {
				t.Fatalf("status %d, want %d; body %s", w.Code, tc.status, w.Body)
			}
			if got := w.Header().Get("X-Amzn-ErrorType"); got != tc.code {
				t.Errorf("X-Amzn-ErrorType %q, want %q", got, tc.code)
			}
			if !strings.Contains(w.Body.String(), tc.bodyHas) {
				t.Errorf("body %s does not contain %s", w.Body, tc.bodyHas)
			}
			if strings.Contains(w.Body.String(), "secret") {
				t.Errorf("body leaks the error text: %s", w.Body)
			}
			if w.Header().Get("X-Amzn-Requestid") == "" {
				t.Error("no request ID")
			}
			if tc.code != "" && !json.Valid(w.Body.Bytes()) {
				t.Errorf("error body is not JSON: %s", w.Body)
			}
		})
	}
}

// TestRouteErrorsHidePath checks that the 404 and 405 answers and the
// request log do not show the request path, whose labels may be sensitive.
func TestRouteErrorsHidePath(t *testing.T) {
	const secret = "hunter2"
	var log bytes.Buffer
	s := newTestServer(Config{Logger: slog.New(slog.NewTextHandler(&log, nil))})
	tests := []struct {
		name, method, target string
		status               int
		code, allow          string
	}{
		{"near miss", "POST", "/things/" + secret + "/more", 404, CodeUnknownOperation, ""},
		{"unknown", "DELETE", "/" + secret, 404, CodeUnknownOperation, ""},
		{"wrong method", "PUT", "/things/" + secret, 405, CodeMethodNotAllowed, "POST"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			log.Reset()
			w := do(s, tc.method, tc.target, "", "")
			if w.Code != tc.status || w.Header().Get("X-Amzn-ErrorType") != tc.code {
				t.Errorf("got %d %q, want %d %q", w.Code, w.Header().Get("X-Amzn-ErrorType"), tc.status, tc.code)
			}
			if got := w.Header().Get("Allow"); got != tc.allow {
				t.Errorf("Allow %q, want %q", got, tc.allow)
			}
			if !strings.Contains(w.Body.String(), tc.method) {
				t.Errorf("body %s does not name the method", w.Body)
			}
			if strings.Contains(w.Body.String(), secret) || strings.Contains(log.String(), secret) {
				t.Errorf("the path shows:\nbody %s\nlog %s", w.Body, log.String())
			}
		})
	}
}

// TestMethodNotAllowedMethods checks that a 405 lists every method the
// operations matching the path take, sorted, each once.
func TestMethodNotAllowedMethods(t *testing.T) {
	op := func(name, method string) Operation {
		return Operation{Name: name, Method: method, Path: []Segment{{Literal: "things"}, {Label: true}},
			Handle: func(context.Context, *Request) *Response { return &Response{} }}
	}
	s := NewServer(Config{}, []Operation{op("PutThing", "PUT"), op("GetThing", "GET"), op("DeleteThing", "DELETE"), op("GetThingAgain", "GET")})
	w := do(s, "POST", "/things/x", "", "")
	if w.Code != 405 || w.Header().Get("Allow") != "DELETE, GET, PUT" || !strings.Contains(w.Body.String(), "takes DELETE, GET, PUT") {
		t.Errorf("got %d, Allow %q, body %s", w.Code, w.Header().Get("Allow"), w.Body)
	}
}

func TestFaults(t *testing.T) {
	t.Run("every nth status", func(t *testing.T) {
		s := newTestServer(Config{Faults: []OperationFault{{Operation: "PutThing", Fault: Fault{Status: 503, EveryNth: 3}}}})
		var got []int
		for range 6 {
			got = append(got, do(s, "POST", "/things/x", "", "").Code)
		}
		want := []int{200, 200, 503, 200, 200, 503}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("statuses %v, want %v", got, want)
			}
		}
	})
	t.Run("modeled error", func(t *testing.T) {
		s := newTestServer(Config{Faults: []OperationFault{{Operation: "PutThing", Fault: Fault{Err: testError{}}}}})
		w := do(s, "POST", "/things/x", "", "")
		if w.Code != 409 || w.Header().Get("X-Amzn-ErrorType") != "ConflictException" {
			t.Errorf("got %d %q", w.Code, w.Header().Get("X-Amzn-ErrorType"))
		}
	})
	t.Run("delay", func(t *testing.T) {
		s := newTestServer(Config{Faults: []OperationFault{{Operation: "PutThing", Fault: Fault{Delay: 30 * time.Millisecond}}}})
		start := time.Now()
		if w := do(s, "POST", "/things/x", "", ""); w.Code != 200 {
			t.Errorf("status %d", w.Code)
		}
		if d := time.Since(start); d < 30*time.Millisecond {
			t.Errorf("answered after %v", d)
		}
	})
	t.Run("drop", func(t *testing.T) {
		ts := httptest.NewServer(newTestServer(Config{Faults: []OperationFault{{Operation: "PutThing", Fault: Fault{Drop: true}}}}))
		defer ts.Close()
		resp, err := http.Post(ts.URL+"/things/x", "", nil)
		if err == nil {
			resp.Body.Close()
			t.Fatalf("got status %d, want a dropped connection", resp.StatusCode)
		}
	})
	t.Run("probability", func(t *testing.T) {
		s := newTestServer(Config{Faults: []OperationFault{{Operation: "PutThing", Fault: Fault{Status: 500, Probability: 0.5}}}})
		n := 0
		for range 400 {
			if do(s, "POST", "/things/x", "", "").Code == 500 {
				n++
			}
		}
		if n < 120 || n > 280 {
			t.Errorf("%d of 400 calls failed with probability 0.5", n)
		}
	})
}

func TestRequestLog(t *testing.T) {
	var buf bytes.Buffer
	s := newTestServer(Config{Logger: slog.New(slog.NewJSONHandler(&buf, nil))})
	r := httptest.NewRequest("POST", "/things/x", strings.NewReader(`{"token":"hunter2"}`))
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=SECRETKEY")
	s.ServeHTTP(httptest.NewRecorder(), r)
	line := buf.String()
	for _, want := range []string{`"operation":"PutThing"`, `"status":200`, `"input":{"name":"x"}`} {
		if !strings.Contains(line, want) {
			t.Errorf("log %s lacks %s", line, want)
		}
	}
	for _, secret := range []string{"hunter2", "SECRETKEY"} {
		if strings.Contains(line, secret) {
			t.Errorf("log leaks %s: %s", secret, line)
		}
	}
}

func TestSigV4(t *testing.T) {
	creds := aws.Credentials{AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: "secret"}
	now := time.Date(2026, 11, 29, 3, 0, 0, 0, time.UTC)
	s := newTestServer(Config{SigV4: &SigV4{Credentials: creds, Region: "us-west-2", Service: "eks-auth", Now: func() time.Time { return now }}})
	sign := func(c aws.Credentials, at time.Time, body, region string) *http.Request {
		r := httptest.NewRequest("POST", "http://example.com/things/a%2Fb", strings.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		r.Header.Set("Amz-Sdk-Request", "attempt=1; max=3")
		sum := sha256.Sum256([]byte(body))
		if err := v4.NewSigner().SignHTTP(context.Background(), c, r, hex.EncodeToString(sum[:]), "eks-auth", region, at); err != nil {
			t.Fatal(err)
		}
		return r
	}
	tests := []struct {
		name   string
		req    func() *http.Request
		status int
		code   string
	}{
		{"valid", func() *http.Request { return sign(creds, now, `{"a":1}`, "us-west-2") }, 200, ""},
		{"valid within skew", func() *http.Request { return sign(creds, now.Add(-4*time.Minute), "{}", "us-west-2") }, 200, ""},
		{"missing", func() *http.Request {
			r := sign(creds, now, "{}", "us-west-2")
			r.Header.Del("Authorization")
			return r
		}, 403, CodeMissingAuthenticationToken},
		{"malformed", func() *http.Request {
			r := sign(creds, now, "{}", "us-west-2")
			r.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261129/us-west-2/eks-auth/aws4_request")
			return r
		}, 403, CodeIncompleteSignature},
		{"stale", func() *http.Request { return sign(creds, now.Add(-6*time.Minute), "{}", "us-west-2") }, 403, CodeInvalidSignature},
		{"wrong region", func() *http.Request { return sign(creds, now, "{}", "eu-west-1") }, 403, CodeInvalidSignature},
		{"wrong secret", func() *http.Request {
			return sign(aws.Credentials{AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: "other"}, now, "{}", "us-west-2")
		}, 403, CodeSignatureDoesNotMatch},
		{"unknown key", func() *http.Request {
			return sign(aws.Credentials{AccessKeyID: "AKIDOTHER", SecretAccessKey: "secret"}, now, "{}", "us-west-2")
		}, 403, CodeUnrecognizedClient},
		{"tampered body", func() *http.Request {
			r := sign(creds, now, `{"a":1}`, "us-west-2")
			r.Body = io.NopCloser(strings.NewReader(`{"a":2}`))
			return r
		}, 403, CodeSignatureDoesNotMatch},
		{"tampered signed header", func() *http.Request {
			r := sign(creds, now, "{}", "us-west-2")
			r.Header.Set("Amz-Sdk-Request", "attempt=2; max=3")
			return r
		}, 403, CodeSignatureDoesNotMatch},
		{"tampered path", func() *http.Request {
			r := sign(creds, now, "{}", "us-west-2")
			r.URL.Path, r.URL.RawPath = "/things/c", ""
			return r
		}, 403, CodeSignatureDoesNotMatch},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := httptest.NewRecorder()
			s.ServeHTTP(w, tc.req())
			if w.Code != tc.status || w.Header().Get("X-Amzn-ErrorType") != tc.code {
				t.Errorf("got %d %q (%s), want %d %q", w.Code, w.Header().Get("X-Amzn-ErrorType"), w.Body, tc.status, tc.code)
			}
		})
	}
}
