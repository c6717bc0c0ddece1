package awsrt

import (
	"bytes"
	"compress/gzip"
	"crypto/md5"
	"encoding/base64"
	"math"
	"math/big"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// This file holds the value helpers of generated restJson1 serializers and
// deserializers (internal/serde and the service package's serializers.go and
// deserializers.go): big numbers and small integers in JSON, and the text
// forms of values bound to HTTP labels, query strings and headers.

// BigInt writes a bigInteger as a JSON number (its base-10 text, as the SDK
// does); nil is written as null.
func (w *JSONWriter) BigInt(v *big.Int) {
	if v == nil {
		w.Null()
		return
	}
	w.buf = v.Append(w.buf, 10)
}

// BigFloat writes a bigDecimal as a JSON number: an integer when exact,
// else the shortest exponent form (smithy-go's Value.BigDecimal); nil is
// written as null.
func (w *JSONWriter) BigFloat(v *big.Float) {
	if v == nil {
		w.Null()
		return
	}
	if v.IsInf() {
		w.Null()
		return
	}
	if i, acc := v.Int64(); acc == big.Exact {
		w.Int64(i)
		return
	}
	w.buf = v.Append(w.buf, 'e', -1)
}

// Int8 reads an integral number that must fit in 8 bits (Smithy byte).
func (d *Decoder) Int8() (int8, error) {
	v, err := d.intBits(8)
	return int8(v), err
}

// Int16 reads an integral number that must fit in 16 bits (Smithy short).
func (d *Decoder) Int16() (int16, error) {
	v, err := d.intBits(16)
	return int16(v), err
}

// intBits reads an integral number that must fit in a signed integer of
// the given size.
func (d *Decoder) intBits(bits uint) (int64, error) {
	start := d.pos
	v, err := d.Int64()
	if err != nil {
		return 0, err
	}
	if limit := int64(1) << (bits - 1); v < -limit || v > limit-1 {
		return 0, &SyntaxError{Offset: start, Msg: "integer out of " + strconv.Itoa(int(bits)) + "-bit range"}
	}
	return v, nil
}

// BigInt reads a bigInteger: an integral JSON number of any size (an
// exponent form is accepted when its value is integral).
func (d *Decoder) BigInt() (*big.Int, error) {
	d.skipSpace()
	start := d.pos
	tok, err := d.number()
	if err != nil {
		return nil, err
	}
	if v, ok := new(big.Int).SetString(tok, 10); ok {
		return v, nil
	}
	f, ok := new(big.Float).SetString(tok)
	if ok && f.IsInt() {
		v, _ := f.Int(nil)
		return v, nil
	}
	return nil, &SyntaxError{Offset: start, Msg: "invalid big integer " + strconv.Quote(tok)}
}

// BigFloat reads a bigDecimal: any JSON number, kept with the precision of
// its text (at least 64 bits).
func (d *Decoder) BigFloat() (*big.Float, error) {
	d.skipSpace()
	start := d.pos
	tok, err := d.number()
	if err != nil {
		return nil, err
	}
	prec := uint(len(tok)) * 4
	if prec < 64 {
		prec = 64
	}
	v, _, err := big.ParseFloat(tok, 10, prec, big.ToNearestEven)
	if err != nil {
		return nil, &SyntaxError{Offset: start, Msg: "invalid big decimal " + strconv.Quote(tok)}
	}
	return v, nil
}

// FormatFloat formats a float for a label, query string or header: the
// shortest representation, with "NaN", "Infinity" and "-Infinity" for
// non-finite values (smithy-go's httpbinding rules).
func FormatFloat(v float64, bits int) string {
	switch {
	case math.IsNaN(v):
		return "NaN"
	case math.IsInf(v, 1):
		return "Infinity"
	case math.IsInf(v, -1):
		return "-Infinity"
	}
	return strconv.FormatFloat(v, 'f', -1, bits)
}

// ParseFloat parses a float from a header (see FormatFloat).
func ParseFloat(s string, bits int) (float64, error) {
	if v, ok := NonFinite(s); ok {
		return v, nil
	}
	return strconv.ParseFloat(s, bits)
}

// NonFinite returns the value of Smithy's text for a non-finite float:
// "NaN", "Infinity" or "-Infinity" (in JSON strings, labels, query strings
// and headers alike), and whether s is one of them.
func NonFinite(s string) (float64, bool) {
	switch s {
	case "NaN":
		return math.NaN(), true
	case "Infinity":
		return math.Inf(1), true
	case "-Infinity":
		return math.Inf(-1), true
	}
	return 0, false
}

// FormatBigFloat formats a bigDecimal for a label, query string or header.
func FormatBigFloat(v *big.Float) string {
	if v == nil {
		return ""
	}
	return v.Text('e', -1)
}

// FormatEpochSecondsString formats a timestamp as epoch seconds text (for a
// label, query string or header with the epoch-seconds format).
func FormatEpochSecondsString(t time.Time) string {
	return string(AppendEpochSeconds(nil, t))
}

// Base64 returns the standard, padded base64 form of b (blob headers and
// query values, and strings with @mediaType in headers).
func Base64(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

// Base64String encodes a string's bytes in base64.
func Base64String(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

// DecodeBase64String decodes a base64 header value into a string (headers
// with @mediaType).
func DecodeBase64String(s string) (string, error) {
	b, err := base64.StdEncoding.DecodeString(s)
	return string(b), err
}

// QuoteHeaderListItem returns a string list element ready to be joined into
// a header value: quoted (strconv.Quote, as the SDK does) when it holds a
// comma or a double quote, else unchanged.
func QuoteHeaderListItem(s string) string {
	if strings.ContainsAny(s, `,"`) {
		return strconv.Quote(s)
	}
	return s
}

// ParseBigInt parses a bigInteger header value.
func ParseBigInt(s string) (*big.Int, error) {
	v, ok := new(big.Int).SetString(s, 10)
	if !ok {
		return nil, &SyntaxError{Msg: "invalid big integer " + strconv.Quote(s)}
	}
	return v, nil
}

// ParseBigFloat parses a bigDecimal header value.
func ParseBigFloat(s string) (*big.Float, error) {
	v, _, err := big.ParseFloat(s, 10, 64+uint(len(s))*4, big.ToNearestEven)
	if err != nil {
		return nil, &SyntaxError{Msg: "invalid big decimal " + strconv.Quote(s)}
	}
	return v, nil
}

// MinCompressSize is the body size from which a request of an operation with
// @requestCompression is gzip-compressed (the SDK's default
// RequestMinCompressSizeBytes).
const MinCompressSize = 10240

// GzipBody compresses req.Body with gzip when it holds at least
// MinCompressSize bytes, and appends "gzip" to its Content-Encoding.
func GzipBody(req *Request) error {
	if len(req.Body) < MinCompressSize {
		return nil
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(req.Body); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	req.Body = buf.Bytes()
	if req.Header == nil {
		req.Header = http.Header{}
	}
	req.Header.Add("Content-Encoding", "gzip")
	return nil
}

// SetContentMD5 sets the Content-MD5 header (base64 of the MD5 of the body,
// as sent), for operations with @httpChecksumRequired.
func SetContentMD5(req *Request) {
	sum := md5.Sum(req.Body)
	if req.Header == nil {
		req.Header = http.Header{}
	}
	req.Header.Set("Content-Md5", base64.StdEncoding.EncodeToString(sum[:]))
}
