package awsrt

import (
	"fmt"
	"math"
	"strconv"
	"time"

	smithytime "github.com/aws/smithy-go/time"
)

// FormatDateTime formats t in Smithy's date-time format (RFC 3339, UTC,
// fractional seconds only when present), as smithy-go does.
func FormatDateTime(t time.Time) string { return smithytime.FormatDateTime(t) }

// ParseDateTime parses Smithy's date-time format (RFC 3339 with optional
// fractional seconds), as smithy-go does.
func ParseDateTime(s string) (time.Time, error) { return smithytime.ParseDateTime(s) }

// FormatHTTPDate formats t in Smithy's http-date format (IMF-fixdate).
func FormatHTTPDate(t time.Time) string { return smithytime.FormatHTTPDate(t) }

// ParseHTTPDate parses Smithy's http-date format (IMF-fixdate and the
// obsolete forms smithy-go accepts).
func ParseHTTPDate(s string) (time.Time, error) { return smithytime.ParseHTTPDate(s) }

// FormatEpochSeconds returns t as Unix seconds with millisecond precision,
// as smithy-go does.
func FormatEpochSeconds(t time.Time) float64 { return smithytime.FormatEpochSeconds(t) }

// AppendEpochSeconds appends t in epoch-seconds form to a JSON or header
// buffer: an integer when there is no fraction, else a decimal (shortest
// representation, as the SDK's JSON encoder writes a float64).
func AppendEpochSeconds(dst []byte, t time.Time) []byte {
	return appendFloat(dst, FormatEpochSeconds(t), 64)
}

// ParseEpochSeconds converts Unix seconds (with a fraction) to a UTC time
// truncated to the millisecond. It gives the same result as smithy-go's
// ParseEpochSeconds (which uses math/big and allocates) for every finite
// value that fits in time.Time's nanosecond range; NaN and infinities, on
// which smithy-go panics, are errors.
func ParseEpochSeconds(v float64) (time.Time, error) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return time.Time{}, fmt.Errorf("invalid epoch-seconds timestamp %v", v)
	}
	// A float64 product is rounded to 53 bits, exactly as big.Float with the
	// operand's precision rounds it; conversion truncates toward zero as
	// big.Float.Int64 does.
	ms := v * 1e3
	if ms >= math.MaxInt64/1e6 || ms <= math.MinInt64/1e6 {
		return smithytime.ParseEpochSeconds(v), nil
	}
	return time.Unix(0, int64(ms)*1e6).UTC(), nil
}

// ParseEpochSecondsString parses epoch seconds written as text (headers,
// query strings).
func ParseEpochSecondsString(s string) (time.Time, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("invalid epoch-seconds timestamp %q", s)
	}
	return ParseEpochSeconds(v)
}
