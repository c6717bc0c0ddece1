package mockrt

import (
	"math"
	"slices"
	"testing"
	"time"

	"github.com/eksauthgen/eksauthgen/templates/awsrt"
)

func TestSplitJoinList(t *testing.T) {
	tests := []struct {
		in        string
		httpDates bool
		want      []string
	}{
		{"a, b,c", false, []string{"a", "b", "c"}},
		{`"a,b", c`, false, []string{"a,b", "c"}},
		{`"say \"hi\"",x`, false, []string{`say "hi"`, "x"}},
		{"Mon, 16 Dec 2019 23:48:18 GMT, Tue, 17 Dec 2019 23:48:18 GMT", true,
			[]string{"Mon, 16 Dec 2019 23:48:18 GMT", "Tue, 17 Dec 2019 23:48:18 GMT"}},
	}
	for _, tc := range tests {
		if got := SplitList(tc.in, tc.httpDates); !slices.Equal(got, tc.want) {
			t.Errorf("SplitList(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if !tc.httpDates {
			if back := SplitList(JoinList(tc.want), false); !slices.Equal(back, tc.want) {
				t.Errorf("SplitList(JoinList(%q)) = %q", tc.want, back)
			}
		}
	}
}

func TestParsers(t *testing.T) {
	if v, err := ParseInt[int8]("127"); err != nil || v != 127 {
		t.Errorf("ParseInt[int8](127) = %v, %v", v, err)
	}
	if _, err := ParseInt[int8]("128"); err == nil {
		t.Error("ParseInt[int8](128): no error")
	}
	if _, err := ParseInt[int32]("1.5"); err == nil {
		t.Error("ParseInt(1.5): no error")
	}
	if v, err := ParseFloat64("-Infinity"); err != nil || !math.IsInf(v, -1) {
		t.Errorf("ParseFloat64(-Infinity) = %v, %v", v, err)
	}
	if _, err := ParseFloat32("1e40"); err == nil {
		t.Error("ParseFloat32(1e40): no error")
	}
	if _, err := ParseBool("yes"); err == nil {
		t.Error("ParseBool(yes): no error")
	}
	if _, err := ParseBlob("not base64!"); err == nil {
		t.Error("ParseBlob: no error")
	}
	if b, err := ParseBlob(FormatBlob([]byte("hi"))); err != nil || string(b) != "hi" {
		t.Errorf("blob round trip = %q, %v", b, err)
	}
	ts := time.Date(2019, 12, 16, 23, 48, 18, 500e6, time.UTC)
	if got, err := ParseEpochSeconds(" " + awsrt.FormatEpochSecondsString(ts)); err != nil || !got.Equal(ts) {
		t.Errorf("epoch round trip = %v, %v", got, err)
	}
	for _, tc := range []struct {
		in, want string // want "" for an error
	}{{"NaN", "NaN"}, {" Infinity", "Infinity"}, {"-Infinity", "-Infinity"}, {"1.5 ", "1.5"}, {"1e400", ""}, {"nan", ""}} {
		v, err := ParseFloat64(tc.in)
		if got := awsrt.FormatFloat(v, 64); tc.want == "" && err == nil || tc.want != "" && (err != nil || got != tc.want) {
			t.Errorf("ParseFloat64(%q) = %s, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	if v, err := ParseBigInt(" 123456789012345678901234567890"); err != nil || v.String() != "123456789012345678901234567890" {
		t.Errorf("ParseBigInt = %v, %v", v, err)
	}
	if _, err := ParseBigInt("1.5"); err == nil || err.Error() != `invalid bigInteger "1.5"` {
		t.Errorf("ParseBigInt(1.5): %v", err)
	}
	if v, err := ParseBigFloat(" 12345678901234567890.125"); err != nil || v.Text('f', 3) != "12345678901234567890.125" {
		t.Errorf("ParseBigFloat = %v, %v", v, err)
	}
	if _, err := ParseBigFloat("x"); err == nil {
		t.Error("ParseBigFloat(x): no error")
	}
}
