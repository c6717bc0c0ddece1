package awsrt

import (
	"encoding/base64"
	"math"
	"strconv"
	"time"
	"unicode/utf8"
)

// JSONWriter builds a JSON document by appending to one byte slice. It is
// the serializing half of the restJson1 runtime and writes byte for byte what
// smithy-go's encoding/json Encoder (used by the AWS SDK) writes, including
// its string escaping (U+2028/U+2029 and invalid UTF-8 escaped, HTML
// characters not escaped) and float formatting, but without the Encoder's
// per-object allocations: with Grow called with a fair estimate, a request
// body costs one allocation.
//
// Commas are inserted automatically: Key and Element write one unless the
// previous byte opened the container. The zero value is ready to use.
type JSONWriter struct {
	buf []byte
}

// Grow makes room for at least n more bytes.
func (w *JSONWriter) Grow(n int) {
	if cap(w.buf)-len(w.buf) < n {
		nb := make([]byte, len(w.buf), len(w.buf)+n)
		copy(nb, w.buf)
		w.buf = nb
	}
}

// Bytes returns the document written so far.
func (w *JSONWriter) Bytes() []byte { return w.buf }

func (w *JSONWriter) comma(open byte) {
	if n := len(w.buf); n > 0 && w.buf[n-1] != open {
		w.buf = append(w.buf, ',')
	}
}

// BeginObject writes '{'.
func (w *JSONWriter) BeginObject() { w.buf = append(w.buf, '{') }

// EndObject writes '}'.
func (w *JSONWriter) EndObject() { w.buf = append(w.buf, '}') }

// BeginArray writes '['.
func (w *JSONWriter) BeginArray() { w.buf = append(w.buf, '[') }

// EndArray writes ']'.
func (w *JSONWriter) EndArray() { w.buf = append(w.buf, ']') }

// Key writes a member name and its colon; the member's value comes next.
func (w *JSONWriter) Key(name string) {
	w.comma('{')
	w.buf = AppendJSONString(w.buf, name)
	w.buf = append(w.buf, ':')
}

// Element starts the next array element; the element's value comes next.
func (w *JSONWriter) Element() { w.comma('[') }

// String writes a string value.
func (w *JSONWriter) String(v string) { w.buf = AppendJSONString(w.buf, v) }

// Int64 writes an integer value.
func (w *JSONWriter) Int64(v int64) { w.buf = strconv.AppendInt(w.buf, v, 10) }

// Bool writes true or false.
func (w *JSONWriter) Bool(v bool) { w.buf = strconv.AppendBool(w.buf, v) }

// Null writes null.
func (w *JSONWriter) Null() { w.buf = append(w.buf, "null"...) }

// Float64 writes a double; NaN and infinities become the strings "NaN",
// "Infinity" and "-Infinity", as Smithy requires.
func (w *JSONWriter) Float64(v float64) { w.float(v, 64) }

// Float32 writes a float, like Float64.
func (w *JSONWriter) Float32(v float32) { w.float(float64(v), 32) }

func (w *JSONWriter) float(v float64, bits int) {
	switch {
	case math.IsNaN(v):
		w.buf = append(w.buf, `"NaN"`...)
	case math.IsInf(v, 1):
		w.buf = append(w.buf, `"Infinity"`...)
	case math.IsInf(v, -1):
		w.buf = append(w.buf, `"-Infinity"`...)
	default:
		w.buf = appendFloat(w.buf, v, bits)
	}
}

// Blob writes bytes as a base64 string (standard alphabet, padded); a nil
// slice is written as null, as the SDK does.
func (w *JSONWriter) Blob(v []byte) {
	if v == nil {
		w.Null()
		return
	}
	w.buf = append(w.buf, '"')
	w.buf = base64.StdEncoding.AppendEncode(w.buf, v)
	w.buf = append(w.buf, '"')
}

// EpochSeconds writes a timestamp as epoch seconds (a JSON number).
func (w *JSONWriter) EpochSeconds(t time.Time) { w.buf = AppendEpochSeconds(w.buf, t) }

// DateTime writes a timestamp as a date-time string.
func (w *JSONWriter) DateTime(t time.Time) { w.String(FormatDateTime(t)) }

// HTTPDate writes a timestamp as an http-date string.
func (w *JSONWriter) HTTPDate(t time.Time) { w.String(FormatHTTPDate(t)) }

// Raw writes already-encoded JSON (document types).
func (w *JSONWriter) Raw(v []byte) { w.buf = append(w.buf, v...) }

// appendFloat formats a finite float the way smithy-go's encoding.EncodeFloat
// does: shortest representation, exponent form outside [1e-6, 1e21), and
// "e-09" shortened to "e-9".
func appendFloat(dst []byte, v float64, bits int) []byte {
	abs := math.Abs(v)
	format := byte('f')
	if abs != 0 {
		if bits == 64 && (abs < 1e-6 || abs >= 1e21) || bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
			format = 'e'
		}
	}
	dst = strconv.AppendFloat(dst, v, format, -1, bits)
	if format == 'e' {
		if n := len(dst); n >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
			dst[n-2] = dst[n-1]
			dst = dst[:n-1]
		}
	}
	return dst
}

const lowerHex = "0123456789abcdef"

// AppendJSONString appends s as a quoted JSON string with smithy-go's
// escaping rules.
func AppendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '"', '\\':
				dst = append(dst, '\\', b)
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', lowerHex[b>>4], lowerHex[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i++
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', lowerHex[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
