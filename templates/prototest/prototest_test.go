package prototest

import (
	"io"
	"math"
	"math/big"
	"net/http"
	"strings"
	"testing"
	"time"
)

type inner struct {
	S *string
}

type outer struct {
	Name           *string
	Time           time.Time
	F              float64
	List           []string
	Map            map[string]*inner
	Big            *big.Int
	Stream         io.Reader
	ResultMetadata int
	unexported     int
}

func TestEqual(t *testing.T) {
	s := func(v string) *string { return &v }
	base := func() outer {
		return outer{
			Name: s("a"), Time: time.Unix(1, 5).UTC(), F: math.NaN(), List: []string{"x"},
			Map: map[string]*inner{"k": {S: s("v")}}, Big: BigInt("123456789012345678901234567890"),
		}
	}
	tests := []struct {
		name   string
		mutate func(*outer)
		ok     bool
	}{
		{"same", func(*outer) {}, true},
		{"ignored fields", func(o *outer) { o.ResultMetadata, o.unexported = 7, 9 }, true},
		{"time in another zone", func(o *outer) { o.Time = o.Time.In(time.FixedZone("x", 3600)) }, true},
		{"nil vs empty list", func(o *outer) { o.List = nil }, false},
		{"other string", func(o *outer) { o.Name = s("b") }, false},
		{"nil pointer", func(o *outer) { o.Name = nil }, false},
		{"other time", func(o *outer) { o.Time = o.Time.Add(time.Nanosecond) }, false},
		{"number not NaN", func(o *outer) { o.F = 1 }, false},
		{"nested", func(o *outer) { o.Map["k"] = &inner{S: s("w")} }, false},
		{"big", func(o *outer) { o.Big = BigInt("1") }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, got := base(), base()
			tt.mutate(&got)
			err := Equal(&want, &got)
			if (err == nil) != tt.ok {
				t.Errorf("Equal = %v, want ok %v", err, tt.ok)
			}
		})
	}
}

func TestEqualEmptyAndReaders(t *testing.T) {
	if err := Equal(outer{List: []string{}}, outer{}); err != nil {
		t.Errorf("empty vs nil list: %v", err)
	}
	if err := Equal(outer{Stream: strings.NewReader("ab")}, outer{Stream: io.NopCloser(strings.NewReader("ab"))}); err != nil {
		t.Errorf("readers of different types with the same bytes: %v", err)
	}
	if err := Equal(outer{Stream: strings.NewReader("ab")}, outer{Stream: strings.NewReader("ac")}); err == nil {
		t.Error("different streams compared equal")
	}
	if err := Equal(outer{Stream: strings.NewReader("ab")}, outer{Stream: strings.NewReader("ab")}); err != nil {
		t.Errorf("same streams: %v", err)
	}
}

func TestJSONEqual(t *testing.T) {
	tests := []struct {
		want, got string
		ok        bool
	}{
		{`{"a":1,"b":[1,2]}`, `{ "b": [1, 2], "a": 1.0 }`, true},
		{`{"a":1}`, `{"a":2}`, false},
		{`{"a":1}`, `{"a":1,"b":null}`, false},
		{`[1,2]`, `[2,1]`, false},
		{``, ``, true},
		{``, `{}`, false},
		{`{"a":"x"}`, `{"a":"x"} x`, false},
		{`1e2`, `100`, true},
	}
	for _, tt := range tests {
		if err := JSONEqual([]byte(tt.want), []byte(tt.got)); (err == nil) != tt.ok {
			t.Errorf("JSONEqual(%s, %s) = %v, want ok %v", tt.want, tt.got, err, tt.ok)
		}
	}
}

func TestQuery(t *testing.T) {
	tests := []struct {
		raw                   string
		want, forbid, require []string
		ok                    bool
	}{
		{"a=1&b=%3a&a=2", []string{"a=1", "a=2", "b=%3A"}, nil, nil, true},
		{"a=1", []string{"a=1", "a=1"}, nil, nil, false},
		{"a=1&c", nil, []string{"c"}, nil, false},
		{"a=1", nil, []string{"b"}, []string{"a"}, true},
		{"", nil, nil, []string{"a"}, false},
	}
	for _, tt := range tests {
		if err := Query(tt.raw, tt.want, tt.forbid, tt.require); (err == nil) != tt.ok {
			t.Errorf("Query(%q) = %v, want ok %v", tt.raw, err, tt.ok)
		}
	}
}

func TestHeadersAndBody(t *testing.T) {
	h := http.Header{"X-A": {"1", "2"}, "Content-Type": {"application/json"}}
	if err := Headers(h, []Header{{"x-a", "1, 2"}}, []string{"X-B"}, []string{"Content-Type"}); err != nil {
		t.Errorf("Headers: %v", err)
	}
	if err := Headers(h, []Header{{"X-A", "1"}}, nil, nil); err == nil {
		t.Error("Headers: joined value mismatch not found")
	}
	if err := Headers(h, nil, []string{"x-a"}, nil); err == nil {
		t.Error("Headers: forbidden header not found")
	}
	if err := Body("application/json", []byte(`{"a": 1}`), []byte(`{"a":1}`)); err != nil {
		t.Errorf("Body json: %v", err)
	}
	if err := Body("text/plain", []byte(`{"a": 1}`), []byte(`{"a":1}`)); err == nil {
		t.Error("Body: text compared as JSON")
	}
}

func TestClientAndRequestCase(t *testing.T) {
	c := &Client{Status: 201, Header: http.Header{"X-Z": {"z"}}, Body: []byte("ok")}
	req, err := http.NewRequest("PUT", "https://foo.example.com/a%2Fb?x=1", strings.NewReader(`{"k":true}`))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 201 || string(body) != "ok" || resp.Header.Get("X-Z") != "z" {
		t.Errorf("response = %d %q %v", resp.StatusCode, body, resp.Header)
	}
	rc := RequestCase{
		Method: "PUT", URI: "/a%2fb", ResolvedHost: "foo.example.com", Query: []string{"x=1"},
		Headers: []Header{{"Content-Type", "application/json"}}, Body: []byte(`{ "k": true }`), HasBody: true,
		BodyMediaType: "application/json",
	}
	if err := rc.Check(c.Requests()); err != nil {
		t.Errorf("Check: %v", err)
	}
	rc.Method = "POST"
	if err := rc.Check(c.Requests()); err == nil {
		t.Error("Check: wrong method not found")
	}
	resp2 := ResponseCase{Code: 201, Headers: []Header{{"X-Z", "z"}}, Body: []byte("ok"), HasBody: true}
	if err := resp2.Check(201, http.Header{"X-Z": {"z"}}, []byte("ok")); err != nil {
		t.Errorf("ResponseCase: %v", err)
	}
	if err := resp2.Check(200, http.Header{"X-Z": {"z"}}, []byte("ok")); err == nil {
		t.Error("ResponseCase: wrong status not found")
	}
}

func TestValues(t *testing.T) {
	if BigInt("x") != nil || BigFloat("x") != nil {
		t.Error("invalid big numbers parsed")
	}
	if BigFloat("1.5").String() != "1.5" || *Ptr(3) != 3 {
		t.Error("values")
	}
}

func TestEqualNilReaderIsEmpty(t *testing.T) {
	if err := Equal(outer{}, outer{Stream: strings.NewReader("")}); err != nil {
		t.Errorf("nil vs empty reader: %v", err)
	}
	if err := Equal(outer{}, outer{Stream: strings.NewReader("x")}); err == nil {
		t.Error("nil vs non-empty reader compared equal")
	}
}

func TestClientCanonicalHeaders(t *testing.T) {
	c := &Client{Header: http.Header{"x-foo": {"a"}}}
	req, _ := http.NewRequest("GET", "https://example.com/", nil)
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if got := resp.Header.Get("X-Foo"); got != "a" {
		t.Errorf("X-Foo = %q, want a", got)
	}
}
