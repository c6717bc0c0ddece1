package leanserver

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// Canned bodies of the test routes.
const (
	itemID        = "item-1"
	getItemBody   = `{"item":{"id":"` + itemID + `","name":"one"}}`
	createBody    = `{"id":"` + itemID + `","status":"CREATING"}`
	listItemsBody = `{"items":[{"id":"` + itemID + `"},{"id":"item-2"}]}`
	notFoundBody  = `{"message":"no such route"}`
	testRequestID = "0f6c2a7e-6b1d-4b8e-9d3c-2a1f0e9b8c7d"
)

// testHeader are the header fields of every test route's answer.
var testHeader = [][2]string{{"Content-Type", "application/json"}, {"X-Amzn-Requestid", testRequestID}}

// startTestServer starts a server with three routes and a 404 fallback,
// closed when the test ends; record is passed on.
func startTestServer(tb testing.TB, record func(raw []byte)) *Server {
	tb.Helper()
	s, err := Start([]Route{
		{Method: http.MethodGet, Path: "/items/" + itemID, Answer: NewAnswer(http.StatusOK, testHeader, getItemBody)},
		{Method: http.MethodPost, Path: "/items", Answer: NewAnswer(http.StatusAccepted, testHeader, createBody)},
		{Method: http.MethodGet, Path: "/items", Answer: NewAnswer(http.StatusOK, testHeader, listItemsBody)},
	}, NewAnswer(http.StatusNotFound, nil, notFoundBody), record)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(s.Close)
	return s
}

// addr returns the server's host:port.
func (s *Server) addr() string { return strings.TrimPrefix(s.URL, "http://") }

// sendRaw dials s and writes data; it returns the connection, closed when
// the test ends, with a read deadline 5 seconds away, and a reader on it.
func sendRaw(t *testing.T, s *Server, data string) (net.Conn, *bufio.Reader) {
	t.Helper()
	c, err := net.Dial("tcp", s.addr())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	if _, err := io.WriteString(c, data); err != nil {
		t.Fatal(err)
	}
	_ = c.SetReadDeadline(time.Now().Add(5 * time.Second))
	return c, bufio.NewReader(c)
}

// recording collects the requests a server records.
type recording struct {
	mu   sync.Mutex
	reqs []string
}

// add is the server's record callback.
func (r *recording) add(raw []byte) {
	r.mu.Lock()
	r.reqs = append(r.reqs, string(raw))
	r.mu.Unlock()
}

// take returns and forgets the requests recorded so far.
func (r *recording) take() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.reqs
	r.reqs = nil
	return out
}
