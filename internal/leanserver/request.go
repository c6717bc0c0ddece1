package leanserver

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"net/http"
	"strconv"
)

// conn is the state of one connection, reused by its requests.
type conn struct {
	br        *bufio.Reader
	line      []byte // the request line, copied out of br's buffer
	raw       []byte // with recording: the whole request
	recording bool
}

// request is what the server needs of a request head.
type request struct {
	method, path  []byte // slices of conn.line
	contentLength int64
	chunked       bool
	keepAlive     bool
	head          bool // HEAD: answer without a body
	expect        bool // Expect: 100-continue
}

// readLine returns the next line without its CR LF (a slice of the
// reader's buffer, valid until the next read), appending it whole to raw
// when recording.
func (lc *conn) readLine() ([]byte, error) {
	l, err := lc.br.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		return nil, errHeaderSize
	}
	if err != nil {
		if len(l) > 0 && errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	if lc.recording {
		lc.raw = append(lc.raw, l...)
	}
	l = l[:len(l)-1]
	if n := len(l); n > 0 && l[n-1] == '\r' {
		l = l[:n-1]
	}
	return l, nil
}

// readHead reads a request line and header fields.
func (lc *conn) readHead() (request, error) {
	var req request
	lc.raw = lc.raw[:0]
	l, err := lc.readLine()
	// RFC 9112 section 2.2: ignore empty lines before a request line.
	for err == nil && len(l) == 0 {
		lc.raw = lc.raw[:0]
		l, err = lc.readLine()
	}
	if err != nil {
		return req, err
	}
	lc.line = append(lc.line[:0], l...)
	method, rest, ok1 := bytes.Cut(lc.line, []byte(" "))
	target, version, ok2 := bytes.Cut(rest, []byte(" "))
	if !ok1 || !ok2 || len(method) == 0 || len(target) == 0 {
		return req, errBadRequest
	}
	req.method = method
	req.path, _, _ = bytes.Cut(target, []byte("?"))
	req.head = string(method) == http.MethodHead
	switch string(version) {
	case "HTTP/1.1":
		req.keepAlive = true
	case "HTTP/1.0":
	default:
		return req, errBadVersion
	}
	http10 := !req.keepAlive
	closeRequested, keepAliveRequested := false, false
	sawLength := false
	for {
		l, err := lc.readLine()
		if err != nil {
			if errors.Is(err, io.EOF) {
				err = io.ErrUnexpectedEOF
			}
			return req, err
		}
		if len(l) == 0 {
			break
		}
		name, value, ok := bytes.Cut(l, []byte(":"))
		if !ok || len(name) == 0 || name[len(name)-1] == ' ' || name[len(name)-1] == '\t' {
			return req, errBadRequest
		}
		value = bytes.TrimSpace(value)
		switch {
		case bytes.EqualFold(name, []byte("Content-Length")):
			n, ok := parseLength(value)
			if !ok || sawLength && n != req.contentLength {
				return req, errBadRequest
			}
			req.contentLength, sawLength = n, true
		case bytes.EqualFold(name, []byte("Transfer-Encoding")):
			if !bytes.EqualFold(value, []byte("chunked")) || http10 {
				return req, errUnsupportedEncoding
			}
			req.chunked = true
		case bytes.EqualFold(name, []byte("Connection")):
			for len(value) > 0 {
				var tok []byte
				tok, value, _ = bytes.Cut(value, []byte(","))
				tok = bytes.TrimSpace(tok)
				closeRequested = closeRequested || bytes.EqualFold(tok, []byte("close"))
				keepAliveRequested = keepAliveRequested || bytes.EqualFold(tok, []byte("keep-alive"))
			}
		case bytes.EqualFold(name, []byte("Expect")):
			if !bytes.EqualFold(value, []byte("100-continue")) {
				return req, errUnsupportedExpectation
			}
			req.expect = !http10
		}
	}
	if http10 {
		req.keepAlive = keepAliveRequested
	}
	if closeRequested {
		req.keepAlive = false
	}
	if req.chunked && sawLength {
		// RFC 9112 section 6.1: Transfer-Encoding wins, and the connection
		// is closed after the response.
		req.contentLength, req.keepAlive = 0, false
	}
	return req, nil
}

// parseLength parses a Content-Length value (digits only).
func parseLength(v []byte) (int64, bool) {
	if len(v) == 0 || len(v) > 18 {
		return 0, false
	}
	var n int64
	for _, c := range v {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	return n, true
}

// readBody reads the request's body, discarding it (or appending it to raw
// when recording).
func (lc *conn) readBody(req *request) error {
	if !req.chunked {
		return lc.take(req.contentLength)
	}
	for {
		l, err := lc.readLine()
		if err != nil {
			return err
		}
		size, _, _ := bytes.Cut(l, []byte(";"))
		n, err := strconv.ParseInt(string(bytes.TrimSpace(size)), 16, 64)
		if err != nil || n < 0 {
			return errBadRequest
		}
		if n == 0 {
			// Trailer fields, up to an empty line.
			for {
				l, err := lc.readLine()
				if err != nil {
					return err
				}
				if len(l) == 0 {
					return nil
				}
			}
		}
		if err := lc.take(n); err != nil {
			return err
		}
		if l, err := lc.readLine(); err != nil || len(l) != 0 {
			if err == nil {
				err = errBadRequest
			}
			return err
		}
	}
}

// take consumes n bytes of body.
func (lc *conn) take(n int64) error {
	if !lc.recording {
		_, err := lc.br.Discard(int(n))
		return err
	}
	start := len(lc.raw)
	lc.raw = append(lc.raw, make([]byte, n)...)
	_, err := io.ReadFull(lc.br, lc.raw[start:])
	return err
}
