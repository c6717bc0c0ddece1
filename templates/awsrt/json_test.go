package awsrt

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	smithyjson "github.com/aws/smithy-go/encoding/json"
)

// walk decodes any JSON value generically with a Decoder, returning the same
// shape encoding/json produces for interface{} (numbers as float64).
func walk(d *Decoder) (any, error) {
	switch d.Peek() {
	case KindObject:
		if err := d.BeginObject(); err != nil {
			return nil, err
		}
		m := map[string]any{}
		for {
			k, ok, err := d.NextKey()
			if err != nil {
				return nil, err
			}
			if !ok {
				return m, nil
			}
			if m[k], err = walk(d); err != nil {
				return nil, err
			}
		}
	case KindArray:
		if err := d.BeginArray(); err != nil {
			return nil, err
		}
		a := []any{}
		for {
			ok, err := d.NextElement()
			if err != nil {
				return nil, err
			}
			if !ok {
				return a, nil
			}
			v, err := walk(d)
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
	case KindString:
		return d.String()
	case KindNumber:
		start := d.pos
		tok, err := d.number()
		if err != nil {
			return nil, err
		}
		d.pos = start
		f, err := d.Float64()
		if err != nil && strings.Contains(err.Error(), "invalid number") {
			// Out of float64 range: encoding/json rejects it too.
			return nil, err
		}
		_ = tok
		return f, err
	case KindBool:
		return d.Bool()
	case KindNull:
		if !d.ReadNull() {
			return nil, d.syntaxErr("expected null")
		}
		return nil, nil
	}
	return nil, d.syntaxErr("expected value")
}

func decodeAll(data []byte) (any, error) {
	d := NewDecoder(data)
	v, err := walk(d)
	if err != nil {
		return nil, err
	}
	return v, d.End()
}

func TestDecoderMatchesEncodingJSON(t *testing.T) {
	inputs := []string{
		`{}`, `[]`, ` { "a" : [ 1 , 2.5e3 , -0 , true , false , null , "x" ] } `,
		`{"a":{"b":{"c":[[],{}]}}}`, `"\u00e9\ud83d\ude00\n\t\\\/\""`, `"\ud800"`, `"\udc00x"`, `"\ud800\u0041"`,
		"\"\xff\xfe\"", `"é"`, `{"a":1,"a":2}`, `1e400`,
		`{"a":1,}`, `[1,]`, `{,}`, `[,1]`, `{"a" 1}`, `{"a":}`, `01`, `1.`, `.5`, `-`, `1e`, `tru`, `nul`,
		`"abc`, "\"a\x01\"", `"\x"`, `"\u12"`, `{"a":1}x`, ``, `   `, `[1 2]`, `{"a":1 "b":2}`,
	}
	for _, in := range inputs {
		got, gotErr := decodeAll([]byte(in))
		var want any
		wantErr := json.Unmarshal([]byte(in), &want)
		if (gotErr != nil) != (wantErr != nil) {
			t.Errorf("%q: err %v, encoding/json err %v", in, gotErr, wantErr)
			continue
		}
		if gotErr == nil {
			a, _ := json.Marshal(got)
			b, _ := json.Marshal(want)
			if !bytes.Equal(a, b) {
				t.Errorf("%q: got %s, want %s", in, a, b)
			}
		}
	}
}

func TestDecoderScalars(t *testing.T) {
	d := NewStringDecoder(`[12, -7, 1.5, "NaN", "Infinity", "-Infinity", 1700000000.123, "AQID", "2024-01-02T03:04:05.5Z", "Tue, 29 Apr 2014 18:30:38 GMT", 3000000000, 1.5]`)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	next := func() {
		t.Helper()
		ok, err := d.NextElement()
		must(err)
		if !ok {
			t.Fatal("array ended early")
		}
	}
	must(d.BeginArray())
	next()
	if v, err := d.Int64(); err != nil || v != 12 {
		t.Errorf("Int64 = %v, %v", v, err)
	}
	next()
	if v, err := d.Int32(); err != nil || v != -7 {
		t.Errorf("Int32 = %v, %v", v, err)
	}
	next()
	if v, err := d.Float64(); err != nil || v != 1.5 {
		t.Errorf("Float64 = %v, %v", v, err)
	}
	next()
	if v, err := d.Float64(); err != nil || !math.IsNaN(v) {
		t.Errorf("NaN = %v, %v", v, err)
	}
	next()
	if v, err := d.Float32(); err != nil || !math.IsInf(float64(v), 1) {
		t.Errorf("Infinity = %v, %v", v, err)
	}
	next()
	if v, err := d.Float64(); err != nil || !math.IsInf(v, -1) {
		t.Errorf("-Infinity = %v, %v", v, err)
	}
	next()
	if v, err := d.EpochSeconds(); err != nil || !v.Equal(time.UnixMilli(1700000000123)) {
		t.Errorf("EpochSeconds = %v, %v", v, err)
	}
	next()
	if v, err := d.Blob(); err != nil || !bytes.Equal(v, []byte{1, 2, 3}) {
		t.Errorf("Blob = %v, %v", v, err)
	}
	next()
	if v, err := d.DateTime(); err != nil || !v.Equal(time.Date(2024, 1, 2, 3, 4, 5, 5e8, time.UTC)) {
		t.Errorf("DateTime = %v, %v", v, err)
	}
	next()
	if v, err := d.HTTPDate(); err != nil || !v.Equal(time.Date(2014, 4, 29, 18, 30, 38, 0, time.UTC)) {
		t.Errorf("HTTPDate = %v, %v", v, err)
	}
	next()
	if _, err := d.Int32(); err == nil {
		t.Error("Int32 accepted 3000000000")
	}
	next()
	if _, err := d.Int64(); err == nil {
		t.Error("Int64 accepted 1.5")
	}
}

func TestDecoderDepthLimit(t *testing.T) {
	deep := strings.Repeat("[", MaxJSONDepth+1) + strings.Repeat("]", MaxJSONDepth+1)
	if err := NewStringDecoder(deep).Skip(); err == nil {
		t.Error("no error past MaxJSONDepth")
	}
	ok := strings.Repeat("[", MaxJSONDepth) + strings.Repeat("]", MaxJSONDepth)
	if err := NewStringDecoder(ok).Skip(); err != nil {
		t.Errorf("depth %d: %v", MaxJSONDepth, err)
	}
}

func TestDecoderKeysDoNotAllocate(t *testing.T) {
	d := NewStringDecoder(`{"alpha":"one","beta":"two","gamma":{"x":[1,2,3]}}`)
	n := testing.AllocsPerRun(100, func() {
		d.pos, d.depth = 0, 0
		_ = d.BeginObject()
		for {
			k, ok, err := d.NextKey()
			if err != nil || !ok {
				return
			}
			switch k {
			case "alpha", "beta":
				_, _ = d.String()
			default:
				_ = d.Skip()
			}
		}
	})
	if n != 0 {
		t.Errorf("%v allocations decoding plain keys and strings", n)
	}
}

func TestErrorInfo(t *testing.T) {
	tests := []struct{ body, code, msg string }{
		{`{"__type":"A","message":"m"}`, "A", "m"},
		{`{"code":"C","__type":"A"}`, "C", ""},
		{`{"Code":"C","Message":"M"}`, "C", "M"},
		{`{"message":"a","message":"b"}`, "", "b"},
		{`{"message":"a","message":null}`, "", "a"},
		{`null`, "", ""},
		{``, "", ""},
		{`{"x":{"code":"inner"},"__type":"T"}`, "T", ""},
	}
	for _, tt := range tests {
		code, msg, err := ErrorInfo([]byte(tt.body))
		if err != nil || code != tt.code || msg != tt.msg {
			t.Errorf("ErrorInfo(%s) = %q, %q, %v; want %q, %q", tt.body, code, msg, err, tt.code, tt.msg)
		}
	}
	for _, bad := range []string{`[1]`, `"s"`, `{"code":5}`, `{"message":`} {
		if _, _, err := ErrorInfo([]byte(bad)); err == nil {
			t.Errorf("ErrorInfo(%s): no error", bad)
		}
	}
}

func TestSanitizeErrorCode(t *testing.T) {
	tests := map[string]string{
		"FooError": "FooError",
		"FooError:http://internal.amazon.com/coral/":                                                      "FooError",
		"aws.protocoltests.restjson#FooError":                                                             "FooError",
		"aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/": "FooError",
	}
	for in, want := range tests {
		if got := SanitizeErrorCode(in); got != want {
			t.Errorf("SanitizeErrorCode(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestJSONWriterMatchesSmithy writes the same document with JSONWriter and
// smithy-go's encoder and compares the bytes.
func TestJSONWriterMatchesSmithy(t *testing.T) {
	strs := []string{"", "plain", "q\"b\\s/", "\n\r\t\x00\x1f\x7f", "<&>", "é\u2028\u2029😀", "bad\xffutf8"}
	floats := []float64{0, -0.0, 1.5, 1e21, 1e-7, 123456789.125, 3e-9, math.MaxFloat32, 1e300}
	var w JSONWriter
	enc := smithyjson.NewEncoder()
	w.BeginObject()
	obj := enc.Object()
	for i, s := range strs {
		k := "k" + s + string(rune('a'+i))
		w.Key(k)
		w.String(s)
		obj.Key(k).String(s)
	}
	w.Key("floats")
	w.BeginArray()
	arr := obj.Key("floats").Array()
	for _, f := range floats {
		w.Element()
		w.Float64(f)
		arr.Value().Double(f)
		if f32 := float32(f); !math.IsInf(float64(f32), 0) {
			w.Element()
			w.Float32(f32)
			arr.Value().Float(f32)
		}
	}
	arr.Close()
	w.EndArray()
	w.Key("n")
	w.Int64(-42)
	obj.Key("n").Long(-42)
	w.Key("b")
	w.Bool(true)
	obj.Key("b").Boolean(true)
	w.Key("blob")
	w.Blob([]byte("hello world"))
	obj.Key("blob").Base64EncodeBytes([]byte("hello world"))
	w.Key("nil")
	w.Blob(nil)
	obj.Key("nil").Base64EncodeBytes(nil)
	w.Key("empty")
	w.BeginObject()
	w.EndObject()
	obj.Key("empty").Object().Close()
	w.Key("ts")
	w.EpochSeconds(time.UnixMilli(1700000000123))
	obj.Key("ts").Double(FormatEpochSeconds(time.UnixMilli(1700000000123)))
	obj.Close()
	w.EndObject()
	if got, want := string(w.Bytes()), enc.String(); got != want {
		t.Errorf("JSONWriter\n got %s\nwant %s", got, want)
	}
	if !json.Valid(w.Bytes()) {
		t.Error("output is not valid JSON")
	}
}

func TestJSONWriterNonFinite(t *testing.T) {
	var w JSONWriter
	w.BeginArray()
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		w.Element()
		w.Float64(f)
	}
	w.EndArray()
	if got := string(w.Bytes()); got != `["NaN","Infinity","-Infinity"]` {
		t.Errorf("got %s", got)
	}
}

func TestJSONStringRoundTrip(t *testing.T) {
	for _, s := range []string{"a\"b", "\u2028", "\x00", "😀", "\xff"} {
		out, err := NewDecoder(AppendJSONString(nil, s)).String()
		want := strings.ToValidUTF8(s, "\uFFFD")
		if err != nil || out != want || !utf8.ValidString(out) {
			t.Errorf("round trip %q = %q, %v", s, out, err)
		}
	}
}
