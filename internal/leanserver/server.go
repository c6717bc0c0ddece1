package leanserver

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"net"
	"net/http"
	"sync"
	"time"
)

// Server is a lean HTTP/1.1 server on a loopback listener; see the package
// documentation. Stop it with Close.
type Server struct {
	// URL is "http://127.0.0.1:port".
	URL string

	ln       net.Listener
	routes   []Route
	fallback Answer
	// record, when set, receives a copy of every whole request (head and
	// body as read from the wire).
	record func(raw []byte)

	mu     sync.Mutex
	conns  map[net.Conn]struct{}
	closed bool
	wg     sync.WaitGroup
	client *http.Client
}

// Start starts a server on 127.0.0.1 answering routes (the first matching
// one) and fallback for anything else; record, when not nil, receives a
// copy of every request as read from the wire (from the connection's
// goroutine: it must be safe for concurrent use). The caller must Close it.
func Start(routes []Route, fallback Answer, record func(raw []byte)) (*Server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := &Server{
		URL:      "http://" + ln.Addr().String(),
		ln:       ln,
		routes:   routes,
		fallback: fallback,
		record:   record,
		conns:    map[net.Conn]struct{}{},
		// A Transport like httptest.Server's client's.
		client: &http.Client{Transport: &http.Transport{}},
	}
	s.wg.Add(1)
	go s.accept()
	return s, nil
}

// Client returns an HTTP client for the server (its own Transport, as
// httptest.Server.Client has).
func (s *Server) Client() *http.Client { return s.client }

// Close stops accepting, closes every connection and waits for their
// goroutines. Calling it again does nothing.
func (s *Server) Close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	_ = s.ln.Close()
	for c := range s.conns {
		_ = c.Close()
	}
	s.mu.Unlock()
	s.wg.Wait()
	s.client.CloseIdleConnections()
}

// accept serves every connection the listener accepts until it is closed.
func (s *Server) accept() {
	defer s.wg.Done()
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		s.mu.Lock()
		if s.closed {
			s.mu.Unlock()
			_ = c.Close()
			return
		}
		s.conns[c] = struct{}{}
		s.wg.Add(1)
		s.mu.Unlock()
		go s.serveConn(c)
	}
}

// serveConn answers c's requests in order until the client or the server
// ends the connection.
func (s *Server) serveConn(c net.Conn) {
	defer s.wg.Done()
	defer func() {
		s.mu.Lock()
		delete(s.conns, c)
		s.mu.Unlock()
		_ = c.Close()
	}()
	done := func() { lingerClose(c) }
	lc := &conn{br: bufio.NewReaderSize(c, 16<<10), recording: s.record != nil}
	for {
		req, err := lc.readHead()
		if err != nil {
			if errors.Is(err, io.EOF) || errors.Is(err, net.ErrClosed) {
				return
			}
			_, _ = c.Write(errorAnswer(err).close)
			done()
			return
		}
		if req.expect && (req.chunked || req.contentLength > 0) {
			if _, err := c.Write(answerContinue); err != nil {
				return
			}
		}
		if err := lc.readBody(&req); err != nil {
			if !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, net.ErrClosed) {
				_, _ = c.Write(answerBadRequest.close)
				done()
			}
			return
		}
		if lc.recording {
			s.record(bytes.Clone(lc.raw))
		}
		resp := s.route(req.method, req.path)
		out, headLen := resp.keepAlive, resp.headLen
		if !req.keepAlive {
			out, headLen = resp.close, resp.headLenClose
		}
		if req.head {
			out = out[:headLen]
		}
		if _, err := c.Write(out); err != nil {
			return
		}
		if !req.keepAlive {
			done()
			return
		}
	}
}

// lingerClose ends a connection the server closes after an answer: it
// shuts down the writing side and drains what the client still sends for a
// moment, as net/http does, so that the close does not reset the
// connection (which could drop the answer before the client reads it).
func lingerClose(c net.Conn) {
	tc, ok := c.(*net.TCPConn)
	if !ok {
		return
	}
	_ = tc.CloseWrite()
	_ = tc.SetReadDeadline(time.Now().Add(500 * time.Millisecond))
	_, _ = io.Copy(io.Discard, io.LimitReader(tc, 256<<10))
}

// route returns the canned response for method and path.
func (s *Server) route(method, path []byte) *Answer {
	for i := range s.routes {
		r := &s.routes[i]
		if string(method) == r.Method && string(path) == r.Path {
			return &r.Answer
		}
	}
	if string(method) == http.MethodHead {
		for i := range s.routes {
			r := &s.routes[i]
			if r.Method == http.MethodGet && string(path) == r.Path {
				return &r.Answer
			}
		}
	}
	return &s.fallback
}
