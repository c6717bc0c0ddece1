// Package leanserver is a minimal HTTP/1.1 server on a loopback listener
// that answers every request with precomputed bytes, for benchmarks that
// measure the client's side of a call.
//
// Unlike httptest.Server (a full net/http server: request parsing into an
// *http.Request, a Header map, a ResponseWriter, a goroutine per request's
// context, ...), it does about nothing per request and allocates nothing
// once a connection is open; allocs/op are process-wide, so a net/http
// server's allocations would otherwise be counted with the client's.
//
// It speaks HTTP/1.1 with persistent connections (one goroutine per
// connection, requests served in order): it reads the request head through
// a reused bufio.Reader, the body by Content-Length or chunked
// Transfer-Encoding, answers "Expect: 100-continue", and closes the
// connection after a request that asks for it (Connection: close, or
// HTTP/1.0 without keep-alive) or that it cannot frame (400, 431, 501, 505
// answers, all with Connection: close).
//
// MeasureCall runs a call in a benchmark loop and reports the process's CPU
// time per call besides the usual metrics.
package leanserver
