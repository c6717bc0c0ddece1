package kitchens

// This test is copied into the package generated from serde_model.json (see
// TestSerdeGeneratedCode) and runs against the generated serde code.

import (
	"bytes"
	"errors"
	"io"
	"math"
	"math/big"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/eksauthgen/eksauthgen/generator/emit/testdata/tmp-serde-1300181052/kitchens/document"
	"github.com/eksauthgen/eksauthgen/generator/emit/testdata/tmp-serde-1300181052/kitchens/internal/awsrt"
	"github.com/eksauthgen/eksauthgen/generator/emit/testdata/tmp-serde-1300181052/kitchens/internal/serde"
	"github.com/eksauthgen/eksauthgen/generator/emit/testdata/tmp-serde-1300181052/kitchens/types"
)

func vp[T any](v T) *T { return &v }

func encode[T any](enc func(*awsrt.JSONWriter, T), v T) string {
	w := &awsrt.JSONWriter{}
	enc(w, v)
	return string(w.Bytes())
}

// fullKitchen returns a Kitchen with every member set.
func fullKitchen() *types.Kitchen {
	ts := time.Date(2024, 2, 3, 4, 5, 6, 0, time.UTC)
	return &types.Kitchen{
		Str:       vp("a \"quoted\" \u2028 string"),
		Bool:      vp(false),
		Byte:      vp(int8(-8)),
		Short:     vp(int16(300)),
		Int:       vp(int32(-70000)),
		Long:      vp(int64(1) << 53),
		Float:     vp(float32(1.5)),
		Double:    vp(2.25e-7),
		Blob:      []byte{0, 1, 2, 250},
		Epoch:     vp(ts.Add(123 * time.Millisecond)),
		DateTime:  vp(ts),
		HttpDate:  vp(ts),
		Color:     types.ColorBlue,
		Level:     types.LevelHigh,
		Strings:   []string{"x", "", "y"},
		Sparse:    []*string{vp("s"), nil},
		Children:  []types.Kitchen{{Str: vp("child1")}, {Int: vp(int32(2))}},
		Child:     &types.Kitchen{Str: vp("nested"), Child: &types.Kitchen{Bool: vp(true)}},
		Ints:      map[string]int32{"b": 2, "a": 1},
		SparseMap: map[string]*int32{"n": nil, "v": vp(int32(5))},
		ListMap:   map[string][]string{"k": {"v1", "v2"}},
		Choice:    &types.ChoiceMemberKitchen{Value: types.Kitchen{Str: vp("in union")}},
		Choices: []types.Choice{
			&types.ChoiceMemberText{Value: "t"},
			&types.ChoiceMemberNumber{Value: 7},
			&types.ChoiceMemberNothing{},
			&types.ChoiceMemberWhen{Value: ts},
		},
		Flags:   []bool{true, false},
		ZeroInt: 3,
		Renamed: vp("renamed"),
	}
}

func TestRoundTrip(t *testing.T) {
	in := fullKitchen()
	body := encode(serde.EncodeKitchen, in)
	out, err := serde.DecodeKitchen(awsrt.NewDecoder([]byte(body)))
	if err != nil {
		t.Fatalf("decode %s: %v", body, err)
	}
	if !reflect.DeepEqual(in, out) {
		t.Errorf("round trip differs\n in: %+v\nout: %+v\nbody: %s", in, out, body)
	}
	if again := encode(serde.EncodeKitchen, out); again != body {
		t.Errorf("re-encoding differs:\n%s\n%s", body, again)
	}
	for _, want := range []string{
		`"epoch":1706933106.123`, `"dateTime":"2024-02-03T04:05:06Z"`,
		`"httpDate":"Sat, 03 Feb 2024 04:05:06 GMT"`, `"blob":"AAEC+g=="`,
		`"color":"blue"`, `"level":9`, `"sparse":["s",null]`, `"sparseMap":{"n":null,"v":5}`,
		`"ints":{"a":1,"b":2}`, `"Re-Named":"renamed"`, `"choice":{"kitchen":{"str":"in union","zeroInt":0}}`,
		`{"nothing":{}}`, `"zeroInt":3`, `"double":2.25e-7`, `"str":"a \"quoted\" \u2028 string"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %s:\n%s", want, body)
		}
	}
}

func TestBigAndSpecialNumbers(t *testing.T) {
	bi, _ := new(big.Int).SetString("123456789012345678901234567890", 10)
	k := &types.Kitchen{BigInt: bi, BigDec: big.NewFloat(1.5), Double: vp(math.Inf(-1)), Float: vp(float32(math.NaN()))}
	body := encode(serde.EncodeKitchen, k)
	for _, want := range []string{`"bigInt":123456789012345678901234567890`, `"bigDec":1.5e+00`, `"double":"-Infinity"`, `"float":"NaN"`} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %s: %s", want, body)
		}
	}
	out, err := serde.DecodeKitchen(awsrt.NewDecoder([]byte(body)))
	if err != nil {
		t.Fatal(err)
	}
	if out.BigInt.Cmp(bi) != 0 || out.BigDec.Cmp(big.NewFloat(1.5)) != 0 || !math.IsInf(*out.Double, -1) || !math.IsNaN(float64(*out.Float)) {
		t.Errorf("got %v %v %v %v", out.BigInt, out.BigDec, *out.Double, *out.Float)
	}
}

func TestZeroValuesAndNulls(t *testing.T) {
	if got := encode(serde.EncodeKitchen, &types.Kitchen{}); got != `{"zeroInt":0}` { // a member with a default is always written
		t.Errorf("empty kitchen: %s", got)
	}
	if got := encode(serde.EncodeKitchen, nil); got != "null" {
		t.Errorf("nil kitchen: %s", got)
	}
	k, err := serde.DecodeKitchen(awsrt.NewDecoder([]byte(`{"str":null,"strings":["a",null,"b"],"sparse":[null],"ints":{"x":null,"y":1},"unknown":{"deep":[1,{"a":null}]},"child":null}`)))
	if err != nil {
		t.Fatal(err)
	}
	want := &types.Kitchen{Strings: []string{"a", "b"}, Sparse: []*string{nil}, Ints: map[string]int32{"y": 1}}
	if !reflect.DeepEqual(k, want) {
		t.Errorf("got %+v, want %+v", k, want)
	}
	if k, err := serde.DecodeKitchen(awsrt.NewDecoder([]byte(`null`))); k != nil || err != nil {
		t.Errorf("null: %v %v", k, err)
	}
}

func TestUnions(t *testing.T) {
	for _, tc := range []struct {
		body string
		want types.Choice
	}{
		{`{"text":"hi"}`, &types.ChoiceMemberText{Value: "hi"}},
		{`{"__type":"x","number":4}`, &types.ChoiceMemberNumber{Value: 4}},
		{`{"nothing":{}}`, &types.ChoiceMemberNothing{}},
		{`{"brandNew":{"a":1}}`, &types.UnknownUnionMember{Tag: "brandNew"}},
		{`{"text":null,"number":1}`, &types.ChoiceMemberNumber{Value: 1}},
		{`{}`, nil},
		{`null`, nil},
	} {
		got, err := serde.DecodeChoice(awsrt.NewDecoder([]byte(tc.body)))
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: got %#v, %v; want %#v", tc.body, got, err, tc.want)
		}
	}
	if got := encode(serde.EncodeChoice, types.Choice(&types.ChoiceMemberText{Value: "x"})); got != `{"text":"x"}` {
		t.Errorf("encode: %s", got)
	}
}

func TestDocuments(t *testing.T) {
	k := &types.Kitchen{Doc: document.NewLazyDocument(map[string]any{"a": []any{1, "b"}})}
	body := encode(serde.EncodeKitchen, k)
	if body != `{"doc":{"a":[1,"b"]},"zeroInt":0}` {
		t.Fatalf("body %s", body)
	}
	out, err := serde.DecodeKitchen(awsrt.NewDecoder([]byte(body)))
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := out.Doc.UnmarshalSmithyDocument(&v); err != nil || len(v) != 1 {
		t.Errorf("doc: %v %v", v, err)
	}
}

func TestDecodeErrors(t *testing.T) {
	for _, tc := range []struct{ body, path string }{
		{`{"int":"x"}`, "int"},
		{`{"children":[{},{"byte":300}]}`, "children[1].byte"},
		{`{"child":{"child":{"epoch":"now"}}}`, "child.child.epoch"},
		{`{"ints":{"k":true}}`, "ints.k"},
		{`{"blob":"!!"}`, "blob"},
	} {
		_, err := serde.DecodeKitchen(awsrt.NewDecoder([]byte(tc.body)))
		var pe *awsrt.PathError
		if !errors.As(err, &pe) || pe.Path != tc.path {
			t.Errorf("%s: got %v, want path %s", tc.body, err, tc.path)
		}
	}
	// Every prefix of a valid body is an error, never a panic.
	body := encode(serde.EncodeKitchen, fullKitchen())
	for i := 0; i < len(body); i++ {
		d := awsrt.NewDecoder([]byte(body[:i]))
		if _, err := serde.DecodeKitchen(d); err == nil {
			if err := d.End(); err == nil && i > 0 {
				t.Errorf("prefix %q decoded without error", body[:i])
			}
		}
	}
	// Any byte replaced by any JSON delimiter decodes or fails, never panics.
	for i := 0; i < len(body); i++ {
		for _, c := range []byte(`{}[]",:n1-`) {
			b := []byte(body)
			b[i] = c
			serde.DecodeKitchen(awsrt.NewDecoder(b))
			serde.DecodeChoiceList(awsrt.NewDecoder(b[i:]))
		}
	}
}

func TestSerializePutKitchen(t *testing.T) {
	since := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	req, err := serializeOpPutKitchen(&PutKitchenInput{
		Name:    vp("my kitchen"),
		Path:    vp("a/b c"),
		Count:   vp(int32(3)),
		Tags:    []string{"t1", "t2"},
		Since:   &since,
		Extra:   map[string]string{"count": "ignored", "other": "o"},
		HStr:    vp("hs"),
		HList:   []string{"a", "b,c"},
		HTime:   &since,
		HBool:   vp(true),
		HJson:   vp(`{"j":1}`),
		Meta:    map[string]string{"one": "1"},
		Kitchen: &types.Kitchen{Str: vp("k")},
		Note:    vp("n"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if req.Method != "PUT" || req.Path != "/kitchens/my%20kitchen/files/a/b%20c" {
		t.Errorf("method/path: %s %s", req.Method, req.Path)
	}
	q, _ := url.ParseQuery(req.RawQuery)
	wantQ := url.Values{"fixed": {"1"}, "flag": {""}, "count": {"3"}, "tag": {"t1", "t2"}, "since": {"2024-01-02T03:04:05Z"}, "other": {"o"}}
	if !reflect.DeepEqual(q, wantQ) {
		t.Errorf("query %s", req.RawQuery)
	}
	wantH := http.Header{
		"X-Str": {"hs"}, "X-List": {`a, "b,c"`}, "X-Time": {"Tue, 02 Jan 2024 03:04:05 GMT"},
		"X-Bool": {"true"}, "X-Json": {"eyJqIjoxfQ=="}, "X-Meta-One": {"1"},
	}
	if !reflect.DeepEqual(req.Header, wantH) {
		t.Errorf("headers %v", req.Header)
	}
	body := string(req.Body)
	if !strings.HasPrefix(body, `{"clientToken":"`) || !strings.HasSuffix(body, `","kitchen":{"str":"k","zeroInt":0},"Note":"n"}`) || req.ContentType != "application/json" {
		t.Errorf("body %s (%s)", body, req.ContentType)
	}
	if _, err := serializeOpPutKitchen(&PutKitchenInput{Name: vp("")}); err == nil {
		t.Error("empty label accepted")
	}
	req, err = serializeOpPutKitchen(&PutKitchenInput{Name: vp("n"), Path: vp("p"), ClientToken: vp("tok")})
	if err != nil || string(req.Body) != `{"clientToken":"tok"}` {
		t.Errorf("token: %s %v", req.Body, err)
	}
}

func TestSerializeOthers(t *testing.T) {
	req, err := serializeOpPing(&PingInput{})
	if err != nil || req.Body != nil || req.ContentType != "" || req.Path != "/" || req.Method != "GET" {
		t.Errorf("ping: %+v %v", req, err)
	}
	req, err = serializeOpGetBlob(&GetBlobInput{Account: vp("acct"), Data: strings.NewReader("raw")})
	if err != nil || string(req.Body) != "raw" || req.ContentType != "application/octet-stream" || req.HostPrefix != "acct.data." {
		t.Errorf("blob: %+v %v", req, err)
	}
	if _, err := serializeOpGetBlob(&GetBlobInput{}); err == nil {
		t.Error("missing host label accepted")
	}
	req, err = serializeOpPutChoice(&PutChoiceInput{Choice: &types.ChoiceMemberNumber{Value: 2}})
	if err != nil || string(req.Body) != `{"number":2}` || req.ContentType != "application/json" {
		t.Errorf("choice: %+v %v", req, err)
	}
	req, err = serializeOpPutChoice(&PutChoiceInput{})
	if err != nil || req.Body != nil {
		t.Errorf("unset payload: %+v %v", req, err)
	}
}

func TestDeserializePutKitchen(t *testing.T) {
	resp := &http.Response{StatusCode: 201, Header: http.Header{
		"X-Out":       {"o"},
		"X-Out-List":  {"1, 2", "3"},
		"X-Out-Times": {"Tue, 02 Jan 2024 03:04:05 GMT, Wed, 03 Jan 2024 03:04:05 GMT"},
		"X-Meta-Key":  {"v"},
	}}
	out, err := deserializeOpPutKitchen(resp, []byte(`{"kitchen":{"str":"k"},"count":9,"extra":[1]}`))
	if err != nil {
		t.Fatal(err)
	}
	if *out.Status != 201 || *out.OStr != "o" || !reflect.DeepEqual(out.OList, []int32{1, 2, 3}) ||
		len(out.OTimes) != 2 || out.OTimes[1].Day() != 3 || out.OMeta["key"] != "v" ||
		*out.Kitchen.Str != "k" || *out.Count != 9 {
		t.Errorf("got %+v", out)
	}
	for _, body := range []string{"", "{}", " null "} {
		if _, err := deserializeOpPutKitchen(&http.Response{StatusCode: 200, Header: http.Header{}}, []byte(body)); err != nil {
			t.Errorf("%q: %v", body, err)
		}
	}
	if _, err := deserializeOpPutKitchen(&http.Response{Header: http.Header{"X-Out-List": {"x"}}}, nil); err == nil {
		t.Error("bad header accepted")
	}
	if _, err := deserializeOpPutKitchen(&http.Response{Header: http.Header{}}, []byte(`{"count":1} x`)); err == nil {
		t.Error("trailing data accepted")
	}
	blob, err := deserializeOpGetBlob(&http.Response{}, []byte("bytes"))
	if err != nil || !bytes.Equal(blob.Data, []byte("bytes")) {
		t.Errorf("blob: %v %v", blob, err)
	}
	text, err := deserializeOpPutChoice(&http.Response{}, []byte("plain"))
	if err != nil || *text.Text != "plain" {
		t.Errorf("text: %v %v", text, err)
	}
}

func TestDeserializeErrors(t *testing.T) {
	resp := &http.Response{StatusCode: 409, Header: http.Header{"Retry-After": {"7"}}}
	err := deserializeOpErrorPutKitchen("KITCHENERROR", resp, []byte(`{"__type":"KitchenError","Message":"m","reason":"r"}`))
	var ke *types.KitchenError
	if !errors.As(err, &ke) || *ke.Message != "m" || *ke.Reason != "r" || *ke.RetryAfter != 7 || *ke.Status != 409 {
		t.Fatalf("got %#v", err)
	}
	err = deserializeOpErrorPutKitchen("ServiceFault", resp, []byte(`{"message":"down"}`))
	var sf *types.ServiceFault
	if !errors.As(err, &sf) || *sf.Message != "down" {
		t.Errorf("service error: %#v", err)
	}
	if err := deserializeOpErrorPutKitchen("Other", resp, nil); err != nil {
		t.Errorf("unmodeled: %v", err)
	}
	if err := deserializeOpErrorPutKitchen("KitchenError", resp, []byte(`{"reason":1}`)); err == nil || ke == nil {
		t.Errorf("bad body: %v", err)
	}
	_ = io.EOF
}
