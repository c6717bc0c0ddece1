package generated_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/eksauthgen/eksauthgen/generated/eksauth/eksauthmock"
)

// FuzzMockHandler sends arbitrary requests (method, path, query, headers
// as "Name: value" lines, body) to the EKS Auth mock handler, whose Mock
// always succeeds and which has no faults configured. The handler must not
// panic, must never answer 5xx, must give every 4xx an X-Amzn-ErrorType and
// a JSON object body, and every 2xx a JSON object body.
func FuzzMockHandler(f *testing.F) {
	const valid = `{"token":"eyJhbGciOi.x.y"}`
	f.Add("POST", "/clusters/my-cluster/assume-role-for-pod-identity", "", "Content-Type: application/json", []byte(valid))
	f.Add("POST", "/clusters/my-cluster/assume-role-for-pod-identity", "a=1&b", "Content-Type: application/json; charset=utf-8", []byte(`{"token":"t","extra":[1,{"x":null}]}`))
	f.Add("POST", "/clusters/a%2Fb/assume-role-for-pod-identity", "", "Content-Type: application/json", []byte(`{"token":""}`))
	f.Add("POST", "/clusters//assume-role-for-pod-identity", "", "Content-Type: application/json", []byte(valid))
	f.Add("POST", "/clusters/c/assume-role-for-pod-identity", "", "Content-Type: text/plain", []byte(valid))
	f.Add("POST", "/clusters/c/assume-role-for-pod-identity", "", "Content-Type: application/json", []byte(`{"token":1}`))
	f.Add("POST", "/clusters/c/assume-role-for-pod-identity", "", "Content-Type: application/json", []byte(`{"token":"t"`))
	f.Add("POST", "/clusters/c/assume-role-for-pod-identity", "", "", []byte(nil))
	f.Add("GET", "/clusters/c/assume-role-for-pod-identity", "", "", []byte(nil))
	f.Add("HEAD", "/", "", "", []byte(nil))
	f.Add("POST", "/clusters/"+strings.Repeat("x", 200)+"/assume-role-for-pod-identity", "", "Content-Type: application/json", []byte(`{"token":"\ud800"}`))
	f.Add("POST", "/clusters/c/assume-role-for-pod-identity", "", "Content-Type: application/json\nAuthorization: AWS4-HMAC-SHA256 Credential=a/b/c/d/aws4_request, SignedHeaders=host, Signature=00", []byte(`[]`))
	f.Fuzz(func(t *testing.T, method, path, query, headers string, body []byte) {
		req, ok := fuzzRequest(method, path, query, headers, body)
		if !ok {
			t.Skip("not a request net/http would accept")
		}
		h := eksauthmock.NewHandler(sampleMock(), eksauthmock.WithRequestLog(slog.New(slog.NewJSONHandler(io.Discard, nil))))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		checkMockAnswer(t, req.Method, rec.Code, rec.Header(), rec.Body.Bytes())
	})
}

// fuzzRequest builds a server-side request the way net/http would hand it
// to a handler; ok is false when net/http would refuse it first.
func fuzzRequest(method, path, query, headers string, body []byte) (*http.Request, bool) {
	if method == "" || !isToken(method) {
		return nil, false
	}
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	target := path
	if query != "" {
		target += "?" + query
	}
	u, err := url.ParseRequestURI(target)
	if err != nil {
		return nil, false
	}
	h := http.Header{}
	for line := range strings.SplitSeq(headers, "\n") {
		k, v, found := strings.Cut(line, ":")
		v = strings.TrimSpace(v)
		if !found || !isToken(k) || strings.ContainsFunc(v, isCTL) {
			continue
		}
		h.Add(k, v)
	}
	req := &http.Request{
		Method:        method,
		URL:           u,
		RequestURI:    target,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        h,
		Host:          "127.0.0.1",
		RemoteAddr:    "127.0.0.1:1234",
		Body:          io.NopCloser(bytes.NewReader(body)),
		ContentLength: int64(len(body)),
	}
	return req.WithContext(context.Background()), true
}

// checkMockAnswer checks one answer of the mock handler to a request whose
// service succeeds.
func checkMockAnswer(t *testing.T, method string, status int, h http.Header, body []byte) {
	t.Helper()
	switch {
	case status >= 500:
		t.Fatalf("status %d (%s), body %q: the mock answered 5xx with no fault configured", status, h.Get("X-Amzn-ErrorType"), body)
	case status >= 400:
		if h.Get("X-Amzn-ErrorType") == "" {
			t.Errorf("status %d without X-Amzn-ErrorType, body %q", status, body)
		}
		checkJSONObject(t, method, status, body)
	case status >= 200 && status < 300:
		checkJSONObject(t, method, status, body)
	default:
		t.Errorf("unexpected status %d", status)
	}
	if h.Get("X-Amzn-Requestid") == "" {
		t.Errorf("status %d without X-Amzn-Requestid", status)
	}
}

// checkJSONObject checks that body is a JSON object (HEAD answers carry no
// body).
func checkJSONObject(t *testing.T, method string, status int, body []byte) {
	t.Helper()
	if method == http.MethodHead && len(body) == 0 {
		return
	}
	var obj map[string]any
	if err := json.Unmarshal(body, &obj); err != nil {
		t.Errorf("status %d: body %q is not a JSON object: %v", status, body, err)
	}
}

// isToken reports whether s is an RFC 9110 token (a method or header name).
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r > 0x7e || r <= ' ' || strings.ContainsRune(`"(),/:;<=>?@[\]{}`, r) {
			return false
		}
	}
	return true
}

// isCTL reports whether r may not appear in a header value.
func isCTL(r rune) bool { return r < ' ' && r != '\t' || r == 0x7f }
