package mockrt

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/eksauthgen/eksauthgen/templates/validation"
)

// testSchema describes {"u": union{a, b}, "l": [string] (not sparse),
// "s": [string] (sparse), "m": {string: string} (not sparse), "t": date-time,
// "n": [{"t": date-time}]}.
var testSchema = Schema{
	{Kind: NodeAny},
	{Kind: NodeDateTime},
	{Kind: NodeStruct, Members: []SchemaMember{{Key: "l", Node: 4}, {Key: "m", Node: 6}, {Key: "n", Node: 7}, {Key: "s", Node: 5}, {Key: "t", Node: 1}, {Key: "u", Node: 3}}},
	{Kind: NodeUnion, Members: []SchemaMember{{Key: "a", Node: 0}, {Key: "b", Node: 1}}},
	{Kind: NodeList},
	{Kind: NodeList, Sparse: true},
	{Kind: NodeMap},
	{Kind: NodeList, Elem: 8},
	{Kind: NodeStruct, Members: []SchemaMember{{Key: "t", Node: 1}}},
}

func TestSchemaCheck(t *testing.T) {
	for _, tc := range []struct {
		body    string
		errHas  string // "" for no error
		comment string
	}{
		{body: ``, comment: "empty body"},
		{body: `{}`},
		{body: `{"u": {"a": 1}}`},
		{body: `{"u": {"a": 1, "__type": "x"}}`, comment: "__type is ignored"},
		{body: `{"u": null}`, comment: "an unset union"},
		{body: `{"u": {"a": 1, "b": "1985-04-12T23:20:50Z"}}`, errHas: "more than one union member"},
		{body: `{"u": {"a": 1, "zzz": 2}}`, errHas: "unknown union member"},
		{body: `{"u": {"a": null}}`, errHas: "no union member set"},
		{body: `{"u": {}}`, errHas: "no union member set"},
		{body: `{"u": {"b": "1985-04-12T23:20:50+01:00"}}`, errHas: "body /u/b: invalid timestamp"},
		{body: `{"l": ["a", "b"]}`},
		{body: `{"l": ["a", null]}`, errHas: "body /l/1: null element"},
		{body: `{"s": ["a", null]}`, comment: "sparse list"},
		{body: `{"m": {"k": "v"}}`},
		{body: `{"m": {"k": null}}`, errHas: "body /m/k: null value"},
		{body: `{"t": "1985-04-12T23:20:50.52Z"}`},
		{body: `{"t": 1}`, comment: "another JSON type is left to the decoder"},
		{body: `{"t": "1985-04-12T23:20:50"}`, errHas: "invalid timestamp"},
		{body: `{"n": [{"t": "1985-04-12T23:20:50Z"}, {"t": "x"}]}`, errHas: "body /n/1/t"},
		{body: `{"other": [null, {"u": {}}]}`, comment: "unknown members are skipped"},
		{body: `{"l": [}`, errHas: "json:"},
		{body: `{} {}`, errHas: "unexpected data"},
	} {
		err := testSchema.Check([]byte(tc.body), 2)
		switch {
		case tc.errHas == "" && err != nil:
			t.Errorf("Check(%s) (%s): %v", tc.body, tc.comment, err)
		case tc.errHas != "" && (err == nil || !strings.Contains(err.Error(), tc.errHas)):
			t.Errorf("Check(%s) = %v, want an error with %q", tc.body, err, tc.errHas)
		}
	}
}

func TestParseDateTime(t *testing.T) {
	for _, s := range []string{"1985-04-12T23:20:50Z", "1985-04-12T23:20:50.52Z", "2000-01-02T20:34:56.123456789Z"} {
		if _, err := ParseDateTime(s); err != nil {
			t.Errorf("ParseDateTime(%q): %v", s, err)
		}
	}
	got, err := ParseDateTime("1985-04-12T23:20:50.5Z")
	if want := time.Date(1985, 4, 12, 23, 20, 50, 5e8, time.UTC); err != nil || !got.Equal(want) {
		t.Errorf("ParseDateTime = %v, %v; want %v", got, err, want)
	}
	for _, s := range []string{
		"", "1996-12-19T16:39:57-08:00", "1996-12-19T16:39:57+00", "1996-12-19T16:39:57+00Z",
		"1996-12-19T16:39:57", "1996-12-19T163957", "19961219T163957Z", "1996-12-19T16:39Z",
		"1996-12-19 16:39:57Z", "1996-12-19T16:39:57.Z", "1996-13-19T16:39:57Z", "1996-12-19t16:39:57z",
		"Tue, 29 Apr 2014 18:30:38 GMT", "1515531081",
	} {
		if _, err := ParseDateTime(s); err == nil {
			t.Errorf("ParseDateTime(%q): no error", s)
		}
	}
}

func TestEmptyObject(t *testing.T) {
	for body, want := range map[string]bool{`{}`: true, ` { } `: true, `{"a":1}`: false, `[]`: false, ``: false, `{}x`: false} {
		if got := EmptyObject([]byte(body)); got != want {
			t.Errorf("EmptyObject(%q) = %v, want %v", body, got, want)
		}
	}
}

// newMediaServer serves POST /json (JSON body and response), POST /any (any
// body), POST /none (no body) and POST /zip (gzip request compression), each
// echoing its body and Content-Encoding.
func newMediaServer() *Server {
	echo := func(_ context.Context, req *Request) *Response {
		return &Response{Status: 200, Header: http.Header{"X-Encoding": {req.HTTP.Header.Get("Content-Encoding")}}, Body: req.Body}
	}
	return NewServer(Config{BodyLimit: 64}, []Operation{
		{Name: "Json", Method: "POST", Path: []Segment{{Literal: "json"}}, MediaType: "application/json", ResponseMediaType: "application/json", Handle: echo},
		{Name: "Any", Method: "POST", Path: []Segment{{Literal: "any"}}, MediaType: "*/*", Handle: echo},
		{Name: "None", Method: "POST", Path: []Segment{{Literal: "none"}}, Handle: echo},
		{Name: "Zip", Method: "POST", Path: []Segment{{Literal: "zip"}}, MediaType: "*/*", Gzip: true, Handle: echo},
	})
}

func TestMediaTypes(t *testing.T) {
	s := newMediaServer()
	for _, tc := range []struct {
		target, ct, accept, body string
		status                   int
		code                     string
	}{
		{target: "/json", ct: "application/json; charset=utf-8", body: "{}", status: 200},
		{target: "/json", ct: "application/hal+json", body: "{}", status: 415, code: CodeUnsupportedMediaType},
		{target: "/json", body: "{}", status: 415, code: CodeUnsupportedMediaType},
		{target: "/json", ct: "application/json", accept: "application/json", body: "{}", status: 200},
		{target: "/json", ct: "application/json", accept: "text/html, application/*;q=0.5", body: "{}", status: 200},
		{target: "/json", ct: "application/json", accept: "*/*", body: "{}", status: 200},
		{target: "/json", ct: "application/json", accept: "application/hal+json", body: "{}", status: 406, code: CodeNotAcceptable},
		{target: "/any", ct: "image/jpeg", accept: "image/jpeg", body: "x", status: 200},
		{target: "/any", body: "x", status: 200},
		{target: "/none", ct: "application/json", body: "{}", status: 415, code: CodeUnsupportedMediaType},
		{target: "/none", status: 200},
	} {
		r := httptest.NewRequest("POST", tc.target, strings.NewReader(tc.body))
		if tc.ct != "" {
			r.Header.Set("Content-Type", tc.ct)
		}
		if tc.accept != "" {
			r.Header.Set("Accept", tc.accept)
		}
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code != tc.status || w.Header().Get("X-Amzn-ErrorType") != tc.code {
			t.Errorf("%s (Content-Type %q, Accept %q): %d %q, want %d %q", tc.target, tc.ct, tc.accept,
				w.Code, w.Header().Get("X-Amzn-ErrorType"), tc.status, tc.code)
		}
	}
}

func gzipped(t *testing.T, s string) string {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestGzipRequests(t *testing.T) {
	s := newMediaServer()
	for _, tc := range []struct {
		target, encoding, body string
		status                 int
		wantBody, wantEncoding string
	}{
		{target: "/zip", encoding: "gzip", body: gzipped(t, "hello"), status: 200, wantBody: "hello"},
		{target: "/zip", encoding: "custom, gzip", body: gzipped(t, "hello"), status: 200, wantBody: "hello", wantEncoding: "custom"},
		{target: "/zip", encoding: "custom", body: "plain", status: 200, wantBody: "plain", wantEncoding: "custom"},
		{target: "/zip", encoding: "gzip", body: "not gzip", status: 400},
		{target: "/zip", encoding: "gzip", body: gzipped(t, strings.Repeat("x", 100)), status: 400},
		{target: "/any", encoding: "gzip", body: "as is", status: 200, wantBody: "as is", wantEncoding: "gzip"},
	} {
		r := httptest.NewRequest("POST", tc.target, strings.NewReader(tc.body))
		r.Header.Set("Content-Encoding", tc.encoding)
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code != tc.status {
			t.Errorf("%s %q: status %d, want %d (%s)", tc.target, tc.encoding, w.Code, tc.status, w.Body)
			continue
		}
		if tc.status == 200 && (w.Body.String() != tc.wantBody || w.Header().Get("X-Encoding") != tc.wantEncoding) {
			t.Errorf("%s %q: body %q encoding %q, want %q %q", tc.target, tc.encoding, w.Body, w.Header().Get("X-Encoding"), tc.wantBody, tc.wantEncoding)
		}
	}
}

func TestValidationPolicyMembers(t *testing.T) {
	var c validation.Collector
	c.Required("Name", "name")
	err := c.Err("PutThingInput")
	for _, tc := range []struct {
		p    ValidationPolicy
		want string
	}{
		{ValidationPolicy{Code: "V", FieldList: true},
			`{"message":"1 validation error detected. Value at '/name' failed to satisfy constraint: Member must not be null","fieldList":[{"message":"Value at '/name' failed to satisfy constraint: Member must not be null","path":"/name"}]}`},
		{ValidationPolicy{Code: "V", FieldList: true, FieldName: "name", Reason: "FIELD_VALIDATION_FAILED"},
			`{"message":"1 validation error detected. Value at '/name' failed to satisfy constraint: Member must not be null","reason":"FIELD_VALIDATION_FAILED","fieldList":[{"message":"Value at '/name' failed to satisfy constraint: Member must not be null","name":"/name"}]}`},
		{ValidationPolicy{Code: "V", Status: 422},
			`{"message":"1 validation error detected. Value at '/name' failed to satisfy constraint: Member must not be null"}`},
	} {
		resp := tc.p.Response(err)
		want := tc.p.Status
		if want == 0 {
			want = 400
		}
		if string(resp.Body) != tc.want || resp.Status != want || resp.Header.Get("X-Amzn-ErrorType") != "V" {
			t.Errorf("%+v: %d %s\nwant %d %s", tc.p, resp.Status, resp.Body, want, tc.want)
		}
	}
}

func TestReadBody(t *testing.T) {
	for _, tc := range []struct {
		body      string
		length    int64 // the declared Content-Length
		limit     int64
		want      string
		tooLarge  bool
		otherFail bool
	}{
		{body: "hello", length: 5, limit: 10, want: "hello"},
		{body: "hello", length: -1, limit: 10, want: "hello"},
		{body: "hello", length: 0, limit: 10, want: "hello"},
		{body: "hello", length: 3, limit: 10, want: "hello"},
		{body: "hello", length: 3, limit: 4, tooLarge: true},
		{body: "hello", length: 11, limit: 10, tooLarge: true},
		{body: "hello world!", length: -1, limit: 10, tooLarge: true},
		{body: "hel", length: 5, limit: 10, otherFail: true},
		{body: "", length: 0, limit: 10, want: ""},
	} {
		r := httptest.NewRequest("POST", "/", strings.NewReader(tc.body))
		r.ContentLength = tc.length
		got, err := readBody(r, tc.limit)
		var tooLarge *http.MaxBytesError
		switch {
		case tc.tooLarge:
			if !errors.As(err, &tooLarge) {
				t.Errorf("%q (length %d, limit %d): err %v, want a MaxBytesError", tc.body, tc.length, tc.limit, err)
			}
		case tc.otherFail:
			if err == nil || errors.As(err, &tooLarge) {
				t.Errorf("%q (length %d): err %v, want a read error", tc.body, tc.length, err)
			}
		case err != nil || string(got) != tc.want:
			t.Errorf("%q (length %d, limit %d) = %q, %v; want %q", tc.body, tc.length, tc.limit, got, err, tc.want)
		}
	}
}

func TestFaultDelayEndsWithTheClient(t *testing.T) {
	called := false
	s := NewServer(Config{Faults: []OperationFault{{Operation: "Slow", Fault: Fault{Delay: time.Minute}}}}, []Operation{{
		Name: "Slow", Method: "POST", Path: []Segment{{Literal: "slow"}}, MediaType: "*/*",
		Handle: func(context.Context, *Request) *Response { called = true; return &Response{Status: 200} },
	}})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	r := httptest.NewRequestWithContext(ctx, "POST", "/slow", strings.NewReader("body"))
	w := httptest.NewRecorder()
	start := time.Now()
	s.ServeHTTP(w, r)
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("the delay went on for %v after the client gave up", d)
	}
	if called {
		t.Error("the operation ran after the client gave up")
	}
}
