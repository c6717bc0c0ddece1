package prototest

import (
	"bytes"
	"io"
	"net/http"
	"strconv"
	"sync"
)

// Client is an HTTP client (the Do method of the generated Options'
// HTTPClient) that sends nothing: it records the requests it is given,
// bodies read in full, and answers each with the canned response.
type Client struct {
	Status int         // the response status; 200 when zero
	Header http.Header // the response headers (keys need not be canonical)
	Body   []byte      // the response body

	mu   sync.Mutex
	reqs []*Request
}

// Request is a request as a client sent it.
type Request struct {
	*http.Request
	Body []byte // the whole body as sent (the Request's own Body is read)
}

// Do records req and returns the canned response.
func (c *Client) Do(req *http.Request) (*http.Response, error) {
	var body []byte
	if req.Body != nil {
		b, err := io.ReadAll(req.Body)
		if err != nil {
			return nil, err
		}
		if err := req.Body.Close(); err != nil {
			return nil, err
		}
		body = b
	}
	c.mu.Lock()
	c.reqs = append(c.reqs, &Request{Request: req, Body: body})
	c.mu.Unlock()
	status := c.Status
	if status == 0 {
		status = http.StatusOK
	}
	h := http.Header{}
	for k, vs := range c.Header {
		for _, v := range vs {
			h.Add(k, v)
		}
	}
	return &http.Response{
		Status:        strconv.Itoa(status) + " " + http.StatusText(status),
		StatusCode:    status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        h,
		Body:          io.NopCloser(bytes.NewReader(c.Body)),
		ContentLength: int64(len(c.Body)),
		Request:       req,
	}, nil
}

// Requests returns the requests recorded so far.
func (c *Client) Requests() []*Request {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]*Request(nil), c.reqs...)
}

// Path returns the escaped path of a request's URL.
func Path(req *http.Request) string {
	return req.URL.EscapedPath()
}
