package awsrt

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"math"
	"math/big"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aws/smithy-go"
)

func TestBigNumbersJSON(t *testing.T) {
	huge, _ := new(big.Int).SetString("-123456789012345678901234567890", 10)
	for _, tc := range []struct {
		write func(w *JSONWriter)
		want  string
	}{
		{func(w *JSONWriter) { w.BigInt(huge) }, "-123456789012345678901234567890"},
		{func(w *JSONWriter) { w.BigInt(nil) }, "null"},
		{func(w *JSONWriter) { w.BigFloat(big.NewFloat(42)) }, "42"},
		{func(w *JSONWriter) { w.BigFloat(big.NewFloat(0.125)) }, "1.25e-01"},
		{func(w *JSONWriter) { w.BigFloat(nil) }, "null"},
		{func(w *JSONWriter) { w.BigFloat(new(big.Float).SetInf(false)) }, "null"},
	} {
		var w JSONWriter
		tc.write(&w)
		if got := string(w.Bytes()); got != tc.want {
			t.Errorf("got %s, want %s", got, tc.want)
		}
	}
	bi, err := NewStringDecoder(" 123456789012345678901234567890").BigInt()
	if err != nil || bi.String() != "123456789012345678901234567890" {
		t.Errorf("BigInt: %v %v", bi, err)
	}
	if bi, err := NewStringDecoder("1e3").BigInt(); err != nil || bi.Int64() != 1000 {
		t.Errorf("BigInt exponent: %v %v", bi, err)
	}
	for _, bad := range []string{"1.5", `"1"`, "x"} {
		if _, err := NewStringDecoder(bad).BigInt(); err == nil {
			t.Errorf("BigInt(%s) accepted", bad)
		}
	}
	bf, err := NewStringDecoder("1.000000000000000000000000001").BigFloat()
	if err != nil || bf.Text('f', 27) != "1.000000000000000000000000001" {
		t.Errorf("BigFloat keeps precision: %v %v", bf, err)
	}
	if _, err := NewStringDecoder("true").BigFloat(); err == nil {
		t.Error("BigFloat(true) accepted")
	}
}

func TestSmallInts(t *testing.T) {
	for _, tc := range []struct {
		in     string
		ok8    bool
		ok16   bool
		want16 int16
	}{
		{"127", true, true, 127},
		{"-128", true, true, -128},
		{"128", false, true, 128},
		{"-32769", false, false, 0},
		{"1.0", false, false, 0},
	} {
		_, err8 := NewStringDecoder(tc.in).Int8()
		v16, err16 := NewStringDecoder(tc.in).Int16()
		if (err8 == nil) != tc.ok8 || (err16 == nil) != tc.ok16 || tc.ok16 && v16 != tc.want16 {
			t.Errorf("%s: Int8 err %v, Int16 %d err %v", tc.in, err8, v16, err16)
		}
	}
}

func TestTextValues(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		bits int
		want string
	}{
		{math.NaN(), 64, "NaN"},
		{math.Inf(1), 64, "Infinity"},
		{math.Inf(-1), 32, "-Infinity"},
		{1.5, 64, "1.5"},
		{1e21, 64, "1000000000000000000000"},
		{float64(float32(0.1)), 32, "0.1"},
	} {
		if got := FormatFloat(tc.v, tc.bits); got != tc.want {
			t.Errorf("FormatFloat(%v) = %s, want %s", tc.v, got, tc.want)
		}
		back, err := ParseFloat(tc.want, tc.bits)
		if err != nil || !(back == tc.v || math.IsNaN(back) && math.IsNaN(tc.v)) {
			t.Errorf("ParseFloat(%s) = %v, %v", tc.want, back, err)
		}
	}
	if got := FormatEpochSecondsString(time.Unix(1, 500e6)); got != "1.5" {
		t.Errorf("FormatEpochSecondsString = %s", got)
	}
	if got := FormatBigFloat(big.NewFloat(2.5)); got != "2.5e+00" {
		t.Errorf("FormatBigFloat = %s", got)
	}
	if got := Base64String("{}"); got != "e30=" {
		t.Errorf("Base64String = %s", got)
	}
	if s, err := DecodeBase64String("e30="); s != "{}" || err != nil {
		t.Errorf("DecodeBase64String = %q %v", s, err)
	}
	if _, err := ParseBigInt("1.5"); err == nil {
		t.Error("ParseBigInt(1.5) accepted")
	}
	if v, err := ParseBigFloat("-0.5"); err != nil || v.Sign() >= 0 {
		t.Errorf("ParseBigFloat = %v %v", v, err)
	}
	for in, want := range map[string]string{"plain": "plain", "a,b": `"a,b"`, `say "hi"`: `"say \"hi\""`} {
		if got := QuoteHeaderListItem(in); got != want {
			t.Errorf("QuoteHeaderListItem(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestWrapPath(t *testing.T) {
	base := &SyntaxError{Offset: 3, Msg: "expected string"}
	err := WrapPath("outer", WrapPath("items", WrapPath(IndexSeg(2), WrapPath("name", base))))
	var pe *PathError
	if !errors.As(err, &pe) || pe.Path != "outer.items[2].name" {
		t.Fatalf("got %v", err)
	}
	if !errors.Is(err, base) {
		t.Error("the syntax error is not reachable with errors.Is")
	}
	if want := "decoding outer.items[2].name: json: expected string at offset 3"; err.Error() != want {
		t.Errorf("message %q, want %q", err.Error(), want)
	}
}

func TestDeserializationErrorAndUUID(t *testing.T) {
	err := DeserializationError([]byte(`{"x"`), errors.New("boom"))
	var de *smithy.DeserializationError
	if !errors.As(err, &de) || string(de.Snapshot) != `{"x"` {
		t.Errorf("got %#v", err)
	}
	re := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	a, err1 := NewUUID()
	b, err2 := NewUUID()
	if err1 != nil || err2 != nil || !re.MatchString(a) || a == b {
		t.Errorf("NewUUID: %s %s %v %v", a, b, err1, err2)
	}
}

func TestGzipBody(t *testing.T) {
	small := &Request{Body: []byte("{}")}
	if err := GzipBody(small); err != nil || string(small.Body) != "{}" || small.Header != nil {
		t.Errorf("small body changed: %q %v %v", small.Body, small.Header, err)
	}
	big := bytes.Repeat([]byte("a"), MinCompressSize)
	req := &Request{Body: big, Header: http.Header{"Content-Encoding": {"custom"}}}
	if err := GzipBody(req); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(req.Header.Values("Content-Encoding"), ", "); got != "custom, gzip" {
		t.Errorf("Content-Encoding = %q", got)
	}
	zr, err := gzip.NewReader(bytes.NewReader(req.Body))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil || !bytes.Equal(out, big) {
		t.Errorf("gunzip: %d bytes, %v", len(out), err)
	}
}

func TestSetContentMD5(t *testing.T) {
	req := &Request{Body: []byte("abc")}
	SetContentMD5(req)
	if got := req.Header.Get("Content-MD5"); got != "kAFQmDzST7DWlj99KOF/cg==" {
		t.Errorf("Content-MD5 = %q", got)
	}
}
