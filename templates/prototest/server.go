package prototest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
)

// ServerRequest is the request of a server-side test case, as the test
// case writes it.
type ServerRequest struct {
	Method string   // the HTTP method
	URI    string   // the path, possibly with a query string
	Query  []string // "key=value" parts, encoded as on the wire, appended to URI
	Header []Header // the request's headers
	Body   []byte   // the request's body
	Host   string   // example.com when empty
}

// HTTP returns the request as an *http.Request for a server handler.
func (r ServerRequest) HTTP() (*http.Request, error) {
	target := r.URI
	if len(r.Query) > 0 {
		sep := "?"
		if strings.Contains(target, "?") {
			sep = "&"
		}
		target += sep + strings.Join(r.Query, "&")
	}
	host := r.Host
	if host == "" {
		host = "example.com"
	}
	req, err := http.NewRequest(r.Method, "http://"+host+target, bytes.NewReader(r.Body))
	if err != nil {
		return nil, fmt.Errorf("request %s %s: %w", r.Method, target, err)
	}
	req.RequestURI = target
	for _, h := range r.Header {
		req.Header.Add(h.Name, h.Value)
	}
	if len(r.Body) == 0 {
		req.Body = http.NoBody
	}
	return req, nil
}

// Serve sends r to h and returns the recorded response.
func Serve(h http.Handler, r ServerRequest) (*http.Response, []byte, error) {
	req, err := r.HTTP()
	if err != nil {
		return nil, nil, err
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	resp := rec.Result()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, nil, err
	}
	return resp, body, nil
}

// ServerResponse is the expected response of a server-side test case.
type ServerResponse struct {
	Code   int      // the status code
	Header []Header // headers that must be there with these values
	Forbid []string // header names that must not be there
	// Require names headers that must be there, whatever their value.
	Require []string
	// MediaType is the media type of Body (JSON bodies are compared as
	// JSON, others byte for byte).
	MediaType string
	// HasBody says whether Body is to be checked (a test case without a
	// body makes no assertion about it).
	HasBody bool
	Body    []byte // the expected body
	// MessageRegex, when not empty, must match the "message" member of the
	// JSON body (or the whole body when it has none).
	MessageRegex string
}

// CheckResponse compares a response with the expected one and describes
// every difference (nil when there is none).
func CheckResponse(resp *http.Response, body []byte, want ServerResponse) error {
	var errs []error
	if resp.StatusCode != want.Code {
		errs = append(errs, fmt.Errorf("status: want %d, got %d (body %q)", want.Code, resp.StatusCode, body))
	}
	if err := Headers(resp.Header, want.Header, want.Forbid, want.Require); err != nil {
		errs = append(errs, err)
	}
	if want.HasBody {
		if err := Body(want.MediaType, want.Body, body); err != nil {
			errs = append(errs, err)
		}
	}
	if want.MessageRegex != "" {
		if err := matchMessage(want.MessageRegex, body); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// matchMessage checks the message of an error body against a regular
// expression.
func matchMessage(expr string, body []byte) error {
	re, err := regexp.Compile(expr)
	if err != nil {
		return fmt.Errorf("messageRegex %q: %w", expr, err)
	}
	msg := string(body)
	var v struct {
		Message *string `json:"message"`
	}
	if json.Unmarshal(body, &v) == nil && v.Message != nil {
		msg = *v.Message
	}
	if !re.MatchString(msg) {
		return fmt.Errorf("message %q does not match %q", msg, expr)
	}
	return nil
}

// HandlerClient is an HTTP client (the Do method of the generated Options'
// HTTPClient) that serves every request in process with Handler and keeps
// the last response as it was written, for server response tests that
// reach an operation through the generated client.
type HandlerClient struct {
	Handler http.Handler // serves every request

	mu     sync.Mutex
	status int
	header http.Header
	body   []byte
}

// Do serves req with the handler and returns its response.
func (c *HandlerClient) Do(req *http.Request) (*http.Response, error) {
	if req.Body == nil {
		req.Body = http.NoBody
	}
	rec := httptest.NewRecorder()
	c.Handler.ServeHTTP(rec, req)
	resp := rec.Result()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.status, c.header, c.body = resp.StatusCode, resp.Header.Clone(), body
	c.mu.Unlock()
	resp.Body = io.NopCloser(bytes.NewReader(body))
	resp.Request = req
	return resp, nil
}

// Last returns the status, headers and body of the last response (status
// 0 when there was none).
func (c *HandlerClient) Last() (int, http.Header, []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.status, c.header, c.body
}
