package prototest

import (
	"errors"
	"fmt"
	"net/http"
)

// RequestCase is what a request test case expects on the wire. Empty
// fields are not checked, except Body when HasBody is set.
type RequestCase struct {
	Method        string   // the HTTP method
	URI           string   // the escaped path, without the query
	ResolvedHost  string   // the request's host
	Query         []string // "key=value" parts that must be there (see the Query function)
	ForbidQuery   []string // query keys that must not be there
	RequireQuery  []string // query keys that must be there, whatever their value
	Headers       []Header // headers that must be there with these values
	ForbidHeaders []string // header names that must not be there
	RequireHeader []string // header names that must be there, whatever their value
	Body          []byte   // the expected body, checked when HasBody is set
	HasBody       bool     // whether the case gives a body
	BodyMediaType string   // how bodies compare (see the Body function)
}

// Check checks the one request a client sent.
func (c RequestCase) Check(reqs []*Request) error {
	if len(reqs) != 1 {
		return fmt.Errorf("want 1 request, got %d", len(reqs))
	}
	req := reqs[0]
	var errs []error
	if c.Method != "" && req.Method != c.Method {
		errs = append(errs, fmt.Errorf("method: want %s, got %s", c.Method, req.Method))
	}
	if c.URI != "" && normalizeEscapes(Path(req.Request)) != normalizeEscapes(c.URI) {
		errs = append(errs, fmt.Errorf("path: want %s, got %s", c.URI, Path(req.Request)))
	}
	if c.ResolvedHost != "" && req.URL.Host != c.ResolvedHost {
		errs = append(errs, fmt.Errorf("host: want %s, got %s", c.ResolvedHost, req.URL.Host))
	}
	errs = append(errs, Query(req.URL.RawQuery, c.Query, c.ForbidQuery, c.RequireQuery))
	h := req.Header.Clone()
	if req.ContentLength > 0 && h.Get("Content-Length") == "" {
		h.Set("Content-Length", fmt.Sprint(req.ContentLength))
	}
	errs = append(errs, Headers(h, c.Headers, c.ForbidHeaders, c.RequireHeader))
	if c.HasBody {
		errs = append(errs, Body(c.BodyMediaType, c.Body, req.Body))
	}
	return errors.Join(errs...)
}

// ResponseCase is what a response test case expects on the wire: the
// status Code, and headers and body as in RequestCase. Empty fields are not
// checked, except Body when HasBody is set.
type ResponseCase struct {
	Code          int
	Headers       []Header
	ForbidHeaders []string
	RequireHeader []string
	Body          []byte
	HasBody       bool
	BodyMediaType string
}

// Check checks a response's status, headers and body.
func (c ResponseCase) Check(status int, h http.Header, body []byte) error {
	var errs []error
	if c.Code != 0 && status != c.Code {
		errs = append(errs, fmt.Errorf("status: want %d, got %d", c.Code, status))
	}
	errs = append(errs, Headers(h, c.Headers, c.ForbidHeaders, c.RequireHeader))
	if c.HasBody {
		errs = append(errs, Body(c.BodyMediaType, c.Body, body))
	}
	return errors.Join(errs...)
}
