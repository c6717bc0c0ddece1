package awsrt

import (
	"encoding/base64"
	"strconv"
	"time"
	"unsafe"
)

// MaxJSONDepth bounds the nesting of objects and arrays a Decoder accepts,
// so that generated (recursive) decoders cannot exhaust the stack on hostile
// input. It matches encoding/json's limit.
const MaxJSONDepth = 10000

// Kind is the kind of the next JSON value, as reported by Decoder.Peek.
type Kind uint8

// The kinds of JSON values. KindInvalid means the next byte cannot start a
// value (or the input is exhausted).
const (
	KindInvalid Kind = iota
	KindNull
	KindBool
	KindNumber
	KindString
	KindArray
	KindObject
)

// Decoder is a pull tokenizer over one JSON document, used by generated
// restJson1 deserializers.
//
// Why not encoding/json: the AWS SDK decodes into interface{} first (one map
// or boxed value per JSON node, then a second pass), and json.Decoder.Token
// boxes every token; both cost several allocations per member. Decoder works
// on the body as a string (a copy made once in NewDecoder, or the body
// itself with NewOwnedDecoder), so object keys are compared without
// allocating and unescaped string values are substrings of it: a typical
// response costs no allocation for its strings but one per escaped string,
// and the pointers to optional members come from shared blocks
// (StringPtr). It is deliberately small (strict RFC 8259 grammar,
// encoding/json's string semantics including U+FFFD for invalid UTF-8 and
// lone surrogates) and differentially fuzzed against encoding/json
// (FuzzDecode).
//
// Usage for a structure member loop:
//
//	if err := d.BeginObject(); err != nil { ... }
//	for {
//		key, ok, err := d.NextKey()
//		if err != nil { return err }
//		if !ok { break }
//		switch key {
//		case "name":
//			if d.ReadNull() { continue }
//			s, err := d.String()
//			...
//		default:
//			if err := d.Skip(); err != nil { return err }
//		}
//	}
//
// A Decoder never panics on malformed input; every method returns a
// *SyntaxError (or a type error) instead.
type Decoder struct {
	s     string
	pos   int
	depth int
	// first is set by BeginObject/BeginArray and cleared by the following
	// NextKey/NextElement: only the first member may appear without a comma.
	first bool

	// Blocks of the pointers StringPtr, TimePtr, ... hand out.
	strs     slab[string]
	times    slab[time.Time]
	int32s   slab[int32]
	int64s   slab[int64]
	bools    slab[bool]
	float64s slab[float64]
}

// NewDecoder returns a Decoder reading body. body is copied once, so the
// caller may reuse it.
func NewDecoder(body []byte) *Decoder {
	return &Decoder{s: string(body)}
}

// NewOwnedDecoder returns a Decoder reading body without copying it: the
// strings it returns share body's memory (as smithy-go's string arena
// shares its block), so body must never be modified afterwards. Generated
// client deserializers use it on the response body Do read for them, which
// nothing else holds or writes.
func NewOwnedDecoder(body []byte) *Decoder {
	return &Decoder{s: unsafe.String(unsafe.SliceData(body), len(body))}
}

// NewStringDecoder returns a Decoder reading s without copying it.
func NewStringDecoder(s string) *Decoder {
	return &Decoder{s: s}
}

// SyntaxError describes malformed JSON and where it was found.
type SyntaxError struct {
	Offset int    // byte offset of the problem in the input
	Msg    string // what was expected
}

// Error implements error.
func (e *SyntaxError) Error() string {
	return "json: " + e.Msg + " at offset " + strconv.Itoa(e.Offset)
}

func (d *Decoder) syntaxErr(msg string) error {
	return &SyntaxError{Offset: d.pos, Msg: msg}
}

func (d *Decoder) skipSpace() {
	for d.pos < len(d.s) {
		switch d.s[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

// Peek reports the kind of the next value without consuming it.
func (d *Decoder) Peek() Kind {
	d.skipSpace()
	if d.pos >= len(d.s) {
		return KindInvalid
	}
	switch c := d.s[d.pos]; {
	case c == '{':
		return KindObject
	case c == '[':
		return KindArray
	case c == '"':
		return KindString
	case c == 't' || c == 'f':
		return KindBool
	case c == 'n':
		return KindNull
	case c == '-' || (c >= '0' && c <= '9'):
		return KindNumber
	}
	return KindInvalid
}

// ReadNull consumes a null literal if it is next and reports whether it did.
func (d *Decoder) ReadNull() bool {
	d.skipSpace()
	if len(d.s)-d.pos >= 4 && d.s[d.pos:d.pos+4] == "null" {
		d.pos += 4
		return true
	}
	return false
}

// End checks that only white space follows the value just read.
func (d *Decoder) End() error {
	d.skipSpace()
	if d.pos != len(d.s) {
		return d.syntaxErr("unexpected data after top-level value")
	}
	return nil
}

// Empty reports whether the input holds only white space (restJson1 clients
// accept an empty body where an object is expected).
func (d *Decoder) Empty() bool {
	d.skipSpace()
	return d.pos == len(d.s)
}

func (d *Decoder) enter(open byte, what string) error {
	d.skipSpace()
	if d.pos >= len(d.s) || d.s[d.pos] != open {
		return d.syntaxErr("expected " + what)
	}
	if d.depth >= MaxJSONDepth {
		return d.syntaxErr("exceeded max depth")
	}
	d.pos++
	d.depth++
	d.first = true
	return nil
}

// BeginObject consumes '{'. Iterate the members with NextKey.
func (d *Decoder) BeginObject() error { return d.enter('{', "object") }

// BeginArray consumes '['. Iterate the elements with NextElement.
func (d *Decoder) BeginArray() error { return d.enter('[', "array") }

// separator handles what comes between members or elements: the closing
// byte (reported as done) or, unless this is the first one, a comma.
func (d *Decoder) separator(closing byte) (done bool, err error) {
	d.skipSpace()
	if d.pos >= len(d.s) {
		return false, d.syntaxErr("unexpected end of input")
	}
	first := d.first
	d.first = false
	if d.s[d.pos] == closing {
		d.pos++
		d.depth--
		return true, nil
	}
	if !first {
		if d.s[d.pos] != ',' {
			return false, d.syntaxErr("expected ',' or '" + string(closing) + "'")
		}
		d.pos++
		d.skipSpace()
	}
	return false, nil
}

// NextKey reads the next member name of the current object and the colon
// after it. ok is false (and the closing brace consumed) at the end of the
// object. The key is a substring of the input unless it has escapes.
func (d *Decoder) NextKey() (key string, ok bool, err error) {
	done, err := d.separator('}')
	if err != nil || done {
		return "", false, err
	}
	if d.pos >= len(d.s) || d.s[d.pos] != '"' {
		return "", false, d.syntaxErr("expected object key")
	}
	key, err = d.readString()
	if err != nil {
		return "", false, err
	}
	d.skipSpace()
	if d.pos >= len(d.s) || d.s[d.pos] != ':' {
		return "", false, d.syntaxErr("expected ':' after object key")
	}
	d.pos++
	return key, true, nil
}

// NextElement prepares to read the next element of the current array; ok is
// false (and the closing bracket consumed) at the end of the array.
func (d *Decoder) NextElement() (ok bool, err error) {
	done, err := d.separator(']')
	if err != nil || done {
		return false, err
	}
	return true, nil
}

// String reads a string value.
func (d *Decoder) String() (string, error) {
	d.skipSpace()
	if d.pos >= len(d.s) || d.s[d.pos] != '"' {
		return "", d.syntaxErr("expected string")
	}
	return d.readString()
}

// Bool reads true or false.
func (d *Decoder) Bool() (bool, error) {
	d.skipSpace()
	rest := d.s[d.pos:]
	switch {
	case len(rest) >= 4 && rest[:4] == "true":
		d.pos += 4
		return true, nil
	case len(rest) >= 5 && rest[:5] == "false":
		d.pos += 5
		return false, nil
	}
	return false, d.syntaxErr("expected boolean")
}

// number scans a JSON number token (RFC 8259 grammar) and returns its text.
func (d *Decoder) number() (string, error) {
	d.skipSpace()
	start := d.pos
	s := d.s
	i := d.pos
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && s[i] >= '1' && s[i] <= '9':
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
	default:
		d.pos = i
		return "", d.syntaxErr("expected number")
	}
	if i < len(s) && s[i] == '.' {
		i++
		j := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == j {
			d.pos = i
			return "", d.syntaxErr("expected digit after decimal point")
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		j := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == j {
			d.pos = i
			return "", d.syntaxErr("expected digit in exponent")
		}
	}
	d.pos = i
	return s[start:i], nil
}

// Int64 reads an integral number. A fraction or exponent is an error, as in
// the AWS SDK (json.Number.Int64).
func (d *Decoder) Int64() (int64, error) {
	start := d.pos
	tok, err := d.number()
	if err != nil {
		return 0, err
	}
	v, err := strconv.ParseInt(tok, 10, 64)
	if err != nil {
		return 0, &SyntaxError{Offset: start, Msg: "invalid integer " + strconv.Quote(tok)}
	}
	return v, nil
}

// Int32 reads an integral number that must fit in 32 bits.
func (d *Decoder) Int32() (int32, error) {
	v, err := d.intBits(32)
	return int32(v), err
}

// Float64 reads a number, or one of the strings "NaN", "Infinity" and
// "-Infinity" that Smithy uses for non-finite values.
func (d *Decoder) Float64() (float64, error) {
	return d.float(64)
}

// Float32 is Float64 for 32-bit floats.
func (d *Decoder) Float32() (float32, error) {
	v, err := d.float(32)
	return float32(v), err
}

func (d *Decoder) float(bits int) (float64, error) {
	if d.Peek() == KindString {
		start := d.pos
		s, err := d.readString()
		if err != nil {
			return 0, err
		}
		if v, ok := NonFinite(s); ok {
			return v, nil
		}
		return 0, &SyntaxError{Offset: start, Msg: "unknown float string " + strconv.Quote(s)}
	}
	start := d.pos
	tok, err := d.number()
	if err != nil {
		return 0, err
	}
	v, err := strconv.ParseFloat(tok, bits)
	if err != nil {
		return 0, &SyntaxError{Offset: start, Msg: "invalid number " + strconv.Quote(tok)}
	}
	return v, nil
}

// EpochSeconds reads a timestamp in Smithy's epoch-seconds format: a JSON
// number of seconds, possibly with a fraction (kept to the millisecond).
func (d *Decoder) EpochSeconds() (time.Time, error) {
	start := d.pos
	tok, err := d.number()
	if err != nil {
		return time.Time{}, err
	}
	v, err := strconv.ParseFloat(tok, 64)
	if err != nil {
		return time.Time{}, &SyntaxError{Offset: start, Msg: "invalid timestamp " + strconv.Quote(tok)}
	}
	return ParseEpochSeconds(v)
}

// DateTime reads a timestamp in Smithy's date-time (RFC 3339) format.
func (d *Decoder) DateTime() (time.Time, error) { return d.textTimestamp(ParseDateTime) }

// HTTPDate reads a timestamp in Smithy's http-date (IMF-fixdate) format.
func (d *Decoder) HTTPDate() (time.Time, error) { return d.textTimestamp(ParseHTTPDate) }

// textTimestamp reads a JSON string and parses it as a timestamp.
func (d *Decoder) textTimestamp(parse func(string) (time.Time, error)) (time.Time, error) {
	s, err := d.String()
	if err != nil {
		return time.Time{}, err
	}
	return parse(s)
}

// Blob reads a base64 (standard alphabet, padded) string.
func (d *Decoder) Blob() ([]byte, error) {
	start := d.pos
	s, err := d.String()
	if err != nil {
		return nil, err
	}
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return nil, &SyntaxError{Offset: start, Msg: "invalid base64 blob: " + err.Error()}
	}
	return b, nil
}

// Skip consumes the next value, whatever it is, checking its syntax. Nesting
// is bounded by MaxJSONDepth.
func (d *Decoder) Skip() error {
	switch d.Peek() {
	case KindObject:
		if err := d.BeginObject(); err != nil {
			return err
		}
		for {
			_, ok, err := d.NextKey()
			if err != nil || !ok {
				return err
			}
			if err := d.Skip(); err != nil {
				return err
			}
		}
	case KindArray:
		if err := d.BeginArray(); err != nil {
			return err
		}
		for {
			ok, err := d.NextElement()
			if err != nil || !ok {
				return err
			}
			if err := d.Skip(); err != nil {
				return err
			}
		}
	case KindString:
		return d.skipString()
	case KindNumber:
		_, err := d.number()
		return err
	case KindBool:
		_, err := d.Bool()
		return err
	case KindNull:
		if !d.ReadNull() {
			return d.syntaxErr("expected null")
		}
		return nil
	}
	return d.syntaxErr("expected value")
}

// Raw consumes the next value and returns its JSON text (for document types).
func (d *Decoder) Raw() (string, error) {
	d.skipSpace()
	start := d.pos
	if err := d.Skip(); err != nil {
		return "", err
	}
	return d.s[start:d.pos], nil
}
