package leanserver

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestKeepAlive checks that net/http's client keeps using one connection to
// the server.
func TestKeepAlive(t *testing.T) {
	srv := startTestServer(t, nil)
	for i := range 5 {
		reused := false
		trace := &httptrace.ClientTrace{GotConn: func(info httptrace.GotConnInfo) { reused = info.Reused }}
		ctx := httptrace.WithClientTrace(context.Background(), trace)
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL+"/items", strings.NewReader(`{"name":"a"}`))
		if err != nil {
			t.Fatal(err)
		}
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusAccepted || string(body) != createBody {
			t.Fatalf("request %d: %d %q %v", i, resp.StatusCode, body, err)
		}
		if got := resp.Header.Get("X-Amzn-Requestid"); got != testRequestID {
			t.Errorf("request %d: request ID %q", i, got)
		}
		if got := resp.Header.Get("Date"); got != date {
			t.Errorf("request %d: Date %q, want %q", i, got, date)
		}
		if i > 0 && !reused {
			t.Errorf("request %d: new connection, want the first one reused", i)
		}
	}
}

// TestFraming sends raw requests and checks the status of each answer, in
// order, and whether the server then closes the connection.
func TestFraming(t *testing.T) {
	get := "GET /items/" + itemID + " HTTP/1.1\r\nHost: x\r\n"
	tests := []struct {
		name       string
		send       string
		want       []int
		wantClosed bool
		wantBody   []string // bodies of the answers, when checked
	}{
		{
			name: "pipelined keep-alive",
			send: get + "\r\n" + get + "\r\n",
			want: []int{200, 200}, wantBody: []string{getItemBody, getItemBody},
		},
		{
			name: "empty lines before the request line",
			send: "\r\n\r\n" + get + "\r\n",
			want: []int{200}, wantBody: []string{getItemBody},
		},
		{
			name: "Connection close",
			send: get + "Connection: close\r\n\r\n" + get + "\r\n",
			want: []int{200}, wantClosed: true,
		},
		{
			name: "Connection token list with close",
			send: get + "Connection: keep-alive, Close\r\n\r\n",
			want: []int{200}, wantClosed: true,
		},
		{
			name: "HTTP/1.0 closes",
			send: "GET /items HTTP/1.0\r\n\r\n",
			want: []int{200}, wantClosed: true,
		},
		{
			name: "HTTP/1.0 keep-alive",
			send: "GET /items HTTP/1.0\r\nConnection: keep-alive\r\n\r\n" + get + "\r\n",
			want: []int{200, 200},
		},
		{
			name: "Content-Length body then next request",
			send: "POST /items HTTP/1.1\r\nContent-Length: 12\r\n\r\n{\"name\":\"a\"}" + get + "\r\n",
			want: []int{202, 200}, wantBody: []string{createBody, getItemBody},
		},
		{
			name: "chunked body with extension and trailer",
			send: "POST /items HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n4;x=y\r\n{\"na\r\n8\r\nme\":\"a\"}\r\n0\r\nX-Trailer: t\r\n\r\n" + get + "\r\n",
			want: []int{202, 200},
		},
		{
			name: "chunked and Content-Length closes",
			send: "POST /items HTTP/1.1\r\nContent-Length: 99\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
			want: []int{202}, wantClosed: true,
		},
		{
			name: "Expect 100-continue",
			send: "POST /items HTTP/1.1\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n{}",
			want: []int{100, 202},
		},
		{
			name: "HEAD has no body",
			send: "HEAD /items HTTP/1.1\r\n\r\n" + get + "\r\n",
			want: []int{200, 200}, wantBody: []string{"", getItemBody},
		},
		{
			name: "query ignored for routing",
			send: "GET /items?maxResults=25 HTTP/1.1\r\n\r\n",
			want: []int{200}, wantBody: []string{listItemsBody},
		},
		{
			name: "unknown route",
			send: "DELETE /items/x HTTP/1.1\r\n\r\n" + get + "\r\n",
			want: []int{404, 200}, wantBody: []string{notFoundBody, getItemBody},
		},
		{name: "other transfer encoding", send: "POST /items HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", want: []int{501}, wantClosed: true},
		{name: "chunked in HTTP/1.0", send: "POST /items HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", want: []int{501}, wantClosed: true},
		{name: "bad version", send: "GET /items HTTP/2.0\r\n\r\n", want: []int{505}, wantClosed: true},
		{name: "bad request line", send: "GET\r\n\r\n", want: []int{400}, wantClosed: true},
		{name: "bad Content-Length", send: "POST /items HTTP/1.1\r\nContent-Length: 1x\r\n\r\n", want: []int{400}, wantClosed: true},
		{name: "conflicting Content-Length", send: "POST /items HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n{}", want: []int{400}, wantClosed: true},
		{name: "space before colon", send: "GET /items HTTP/1.1\r\nHost : x\r\n\r\n", want: []int{400}, wantClosed: true},
		{name: "bad chunk size", send: "POST /items HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", want: []int{400}, wantClosed: true},
		{name: "unsupported expectation", send: "POST /items HTTP/1.1\r\nExpect: later\r\n\r\n", want: []int{417}, wantClosed: true},
		{name: "header line too long", send: "GET /items HTTP/1.1\r\nX-Long: " + strings.Repeat("a", 20<<10) + "\r\n\r\n", want: []int{431}, wantClosed: true},
	}
	srv := startTestServer(t, nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, br := sendRaw(t, srv, tt.send)
			for i, want := range tt.want {
				req := &http.Request{Method: http.MethodGet}
				if strings.HasPrefix(tt.send, "HEAD") && i == 0 {
					req.Method = http.MethodHead
				}
				resp, err := http.ReadResponse(br, req)
				if err != nil {
					t.Fatalf("answer %d: %v", i, err)
				}
				body, err := io.ReadAll(resp.Body)
				if err != nil {
					t.Fatalf("answer %d: body: %v", i, err)
				}
				if resp.StatusCode != want {
					t.Errorf("answer %d: status %d, want %d", i, resp.StatusCode, want)
				}
				if i < len(tt.wantBody) && string(body) != tt.wantBody[i] {
					t.Errorf("answer %d: body %q, want %q", i, body, tt.wantBody[i])
				}
				if last := i == len(tt.want)-1; last && tt.wantClosed != resp.Close {
					t.Errorf("answer %d: Connection: close is %v, want %v", i, resp.Close, tt.wantClosed)
				}
			}
			// After the answers: EOF when closed, nothing (a timeout) when
			// kept alive.
			_ = c.SetReadDeadline(time.Now().Add(50 * time.Millisecond))
			_, err := br.ReadByte()
			switch {
			case tt.wantClosed && err != io.EOF:
				t.Errorf("after the answers: %v, want EOF (connection closed)", err)
			case !tt.wantClosed && !errors.Is(err, os.ErrDeadlineExceeded):
				t.Errorf("after the answers: %v, want the connection kept open", err)
			}
		})
	}
}

// TestRecord checks that record receives each whole request as sent, with
// its body (Content-Length or chunked) and without the empty lines before
// its request line.
func TestRecord(t *testing.T) {
	tests := []struct {
		name string
		send []string // requests, sent together
		want []string // what is recorded; send when nil
	}{
		{name: "no body", send: []string{"GET /items HTTP/1.1\r\nHost: x\r\n\r\n"}},
		{name: "Content-Length", send: []string{"POST /items HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}", "GET /items HTTP/1.1\r\n\r\n"}},
		{name: "chunked", send: []string{"POST /items HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"}},
		{
			name: "leading empty lines",
			send: []string{"\r\n\r\nGET /items HTTP/1.1\r\n\r\n"},
			want: []string{"GET /items HTTP/1.1\r\n\r\n"},
		},
	}
	rec := &recording{}
	srv := startTestServer(t, rec.add)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, br := sendRaw(t, srv, strings.Join(tt.send, ""))
			for i := range tt.send {
				resp, err := http.ReadResponse(br, nil)
				if err != nil {
					t.Fatalf("answer %d: %v", i, err)
				}
				_, _ = io.Copy(io.Discard, resp.Body)
			}
			want := tt.want
			if want == nil {
				want = tt.send
			}
			if got := rec.take(); !slices.Equal(got, want) {
				t.Errorf("recorded %q, want %q", got, want)
			}
		})
	}
}

// TestCloseTwice checks that Close ends open connections and may be called
// again.
func TestCloseTwice(t *testing.T) {
	srv, err := Start(nil, NewAnswer(http.StatusNotFound, nil, ""), nil)
	if err != nil {
		t.Fatal(err)
	}
	c, br := sendRaw(t, srv, "GET / HTTP/1.1\r\n\r\n")
	resp, err := http.ReadResponse(br, nil)
	if err != nil || resp.StatusCode != http.StatusNotFound {
		t.Fatalf("answer: %v %v", resp, err)
	}
	srv.Close()
	srv.Close()
	_ = c.SetReadDeadline(time.Now().Add(5 * time.Second))
	if _, err := c.Read(make([]byte, 1)); err == nil {
		t.Error("connection still open after Close")
	}
}

// TestAllocs checks that the server allocates nothing per request on an
// open connection: what benchmarks count against it is the client's.
func TestAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	srv := startTestServer(t, nil)
	c, err := net.Dial("tcp", srv.addr())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	req := []byte("POST /items HTTP/1.1\r\nHost: x\r\nContent-Length: 12\r\n\r\n{\"name\":\"a\"}")
	want := NewAnswer(http.StatusAccepted, testHeader, createBody).keepAlive
	got := make([]byte, len(want))
	roundTrip := func() {
		if _, err := c.Write(req); err != nil {
			t.Fatal(err)
		}
		if _, err := io.ReadFull(c, got); err != nil {
			t.Fatal(err)
		}
	}
	roundTrip()
	if string(got) != string(want) {
		t.Fatalf("answer\n%s\nwant\n%s", got, want)
	}
	if n := testing.AllocsPerRun(200, roundTrip); n > 0.1 {
		t.Errorf("%.2f allocations per request, want none", n)
	}
}
