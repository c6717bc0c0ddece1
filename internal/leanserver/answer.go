package leanserver

import (
	"bytes"
	"errors"
	"net/http"
	"strconv"
)

// Route is the canned answer to one method and path (the query is ignored
// when routing). A HEAD request gets the head of its path's GET answer.
type Route struct {
	// Method is the request method, e.g. "POST".
	Method string
	// Path is the request target's path, without the query.
	Path string
	// Answer is the response sent; build it with NewAnswer.
	Answer Answer
}

// Answer is a whole canned response, as sent on a persistent connection and
// as the last response of a connection (with "Connection: close"). Build
// one with NewAnswer; the zero Answer sends nothing.
type Answer struct {
	keepAlive, close      []byte
	headLen, headLenClose int
}

// date is the Date header of every canned response.
const date = "Sun, 29 Nov 2026 00:00:00 GMT"

// NewAnswer builds a response with the given status, header fields (in
// order), then Date, Content-Length and body.
func NewAnswer(status int, header [][2]string, body string) Answer {
	build := func(close bool) ([]byte, int) {
		var b bytes.Buffer
		b.WriteString("HTTP/1.1 " + strconv.Itoa(status) + " " + http.StatusText(status) + "\r\n")
		for _, h := range header {
			b.WriteString(h[0] + ": " + h[1] + "\r\n")
		}
		b.WriteString("Date: " + date + "\r\n")
		b.WriteString("Content-Length: " + strconv.Itoa(len(body)) + "\r\n")
		if close {
			b.WriteString("Connection: close\r\n")
		}
		b.WriteString("\r\n")
		n := b.Len()
		b.WriteString(body)
		return b.Bytes(), n
	}
	var a Answer
	a.keepAlive, a.headLen = build(false)
	a.close, a.headLenClose = build(true)
	return a
}

// Canned answers to requests the server cannot serve; each closes the
// connection. They are never modified.
var (
	answerBadRequest     = NewAnswer(http.StatusBadRequest, nil, "")
	answerHeaderTooLarge = NewAnswer(http.StatusRequestHeaderFieldsTooLarge, nil, "")
	answerNotImplemented = NewAnswer(http.StatusNotImplemented, nil, "")
	answerBadVersion     = NewAnswer(http.StatusHTTPVersionNotSupported, nil, "")
	answerExpectFailed   = NewAnswer(http.StatusExpectationFailed, nil, "")
	answerContinue       = []byte("HTTP/1.1 100 Continue\r\n\r\n")
)

// Reasons readHead rejects a request for.
var (
	errBadRequest             = errors.New("malformed request")
	errHeaderSize             = errors.New("request header line too long")
	errUnsupportedEncoding    = errors.New("unsupported transfer encoding")
	errBadVersion             = errors.New("unsupported HTTP version")
	errUnsupportedExpectation = errors.New("unsupported expectation")
)

// errorAnswer is the answer to a request readHead rejects with err.
func errorAnswer(err error) *Answer {
	switch {
	case errors.Is(err, errHeaderSize):
		return &answerHeaderTooLarge
	case errors.Is(err, errUnsupportedEncoding):
		return &answerNotImplemented
	case errors.Is(err, errBadVersion):
		return &answerBadVersion
	case errors.Is(err, errUnsupportedExpectation):
		return &answerExpectFailed
	}
	return &answerBadRequest
}
