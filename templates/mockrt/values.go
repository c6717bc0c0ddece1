package mockrt

import (
	"encoding/base64"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/eksauthgen/eksauthgen/templates/awsrt"
)

// Integer is the Go type of a Smithy byte, short, integer, long or intEnum.
type Integer interface {
	~int8 | ~int16 | ~int32 | ~int64
}

// Ptr returns a pointer to a copy of v.
func Ptr[T any](v T) *T { return &v }

// Value is the zero-error conversion of a string to a string-kinded type
// (strings and enums), in the (value, error) form the other parsers use.
func Value[T ~string](s string) (T, error) { return T(s), nil }

// ParseInt parses a decimal integer that must fit in T.
func ParseInt[T Integer](s string) (T, error) {
	v, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("invalid integer %q", s)
	}
	return fitInt[T](v)
}

// fitInt converts v to T, or fails when it does not fit.
func fitInt[T Integer](v int64) (T, error) {
	if int64(T(v)) != v {
		return 0, fmt.Errorf("integer %d out of range", v)
	}
	return T(v), nil
}

// ParseFloat parses a float of the given bit size; "NaN", "Infinity" and
// "-Infinity" are the non-finite values (awsrt.NonFinite), and a number out
// of range is an error.
func ParseFloat(s string, bits int) (float64, error) {
	s = strings.TrimSpace(s)
	if v, ok := awsrt.NonFinite(s); ok {
		return v, nil
	}
	v, err := strconv.ParseFloat(s, bits)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, fmt.Errorf("invalid number %q", s)
	}
	return v, nil
}

// ParseFloat32 is ParseFloat for a float.
func ParseFloat32(s string) (float32, error) {
	v, err := ParseFloat(s, 32)
	return float32(v), err
}

// ParseFloat64 is ParseFloat for a double.
func ParseFloat64(s string) (float64, error) { return ParseFloat(s, 64) }

// ParseBool parses "true" or "false".
func ParseBool(s string) (bool, error) {
	switch strings.TrimSpace(s) {
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	return false, fmt.Errorf("invalid boolean %q", s)
}

// ParseBlob decodes standard base64.
func ParseBlob(s string) ([]byte, error) {
	b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(s))
	if err != nil {
		return nil, fmt.Errorf("invalid base64 value: %v", err)
	}
	return b, nil
}

// FormatBlob encodes standard base64.
func FormatBlob(b []byte) string { return awsrt.Base64(b) }

// ParseBigInt parses a decimal integer of any size.
func ParseBigInt(s string) (*big.Int, error) {
	v, err := awsrt.ParseBigInt(strings.TrimSpace(s))
	if err != nil {
		return nil, fmt.Errorf("invalid bigInteger %q", s)
	}
	return v, nil
}

// ParseBigFloat parses a decimal number of any size (kept with the
// precision of its text).
func ParseBigFloat(s string) (*big.Float, error) {
	v, err := awsrt.ParseBigFloat(strings.TrimSpace(s))
	if err != nil {
		return nil, fmt.Errorf("invalid bigDecimal %q", s)
	}
	return v, nil
}

// ParseHTTPDate parses an IMF-fixdate timestamp.
func ParseHTTPDate(s string) (time.Time, error) { return awsrt.ParseHTTPDate(strings.TrimSpace(s)) }

// ParseEpochSeconds parses a number of seconds since the epoch.
func ParseEpochSeconds(s string) (time.Time, error) {
	return awsrt.ParseEpochSecondsString(strings.TrimSpace(s))
}

// SplitList splits a header holding a list: comma-separated, with
// double-quoted items unquoted. With httpDates, each item is an
// IMF-fixdate, which holds a comma itself.
func SplitList(h string, httpDates bool) []string {
	var out []string
	if httpDates {
		parts := strings.Split(h, ",")
		for i := 0; i+1 < len(parts); i += 2 {
			out = append(out, strings.TrimSpace(parts[i]+","+parts[i+1]))
		}
		return out
	}
	for h != "" {
		h = strings.TrimLeft(h, " \t")
		if strings.HasPrefix(h, `"`) {
			if end := quotedEnd(h); end > 0 {
				if s, err := strconv.Unquote(h[:end+1]); err == nil {
					out = append(out, s)
				}
				h = h[end+1:]
				_, h, _ = strings.Cut(h, ",")
				continue
			}
		}
		item, rest, _ := strings.Cut(h, ",")
		out = append(out, strings.TrimSpace(item))
		h = rest
	}
	return out
}

// quotedEnd returns the index of the quote closing the string h starts
// with, or -1.
func quotedEnd(h string) int {
	for i := 1; i < len(h); i++ {
		switch h[i] {
		case '\\':
			i++
		case '"':
			return i
		}
	}
	return -1
}

// JoinList joins list items for a header, quoting those that hold a comma
// or a double quote.
func JoinList(items []string) string {
	var b strings.Builder
	for i, s := range items {
		if i > 0 {
			b.WriteString(", ")
		}
		if strings.ContainsAny(s, `,"`) {
			s = strconv.Quote(s)
		}
		b.WriteString(s)
	}
	return b.String()
}

// DecodeInt reads a JSON integer that must fit in T.
func DecodeInt[T Integer](d *awsrt.Decoder) (T, error) {
	v, err := d.Int64()
	if err != nil {
		return 0, err
	}
	return fitInt[T](v)
}

// DecodeString reads a JSON string as a string-kinded type (an enum).
func DecodeString[T ~string](d *awsrt.Decoder) (T, error) {
	s, err := d.String()
	return T(s), err
}
