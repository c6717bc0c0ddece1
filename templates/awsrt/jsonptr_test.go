package awsrt

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestDecoderPointers checks that the pointers StringPtr, TimePtr, ... hand
// out hold their values, are distinct, and stay independent when one is
// written through.
func TestDecoderPointers(t *testing.T) {
	for _, size := range []int{0, 10, 1000, 100000} {
		d := NewStringDecoder(strings.Repeat(" ", size))
		var strs []*string
		var times []*time.Time
		for i := range 200 {
			strs = append(strs, d.StringPtr(strings.Repeat("s", i)))
			times = append(times, d.TimePtr(time.Unix(int64(i), 0)))
		}
		i32, i64, b, f := d.Int32Ptr(-7), d.Int64Ptr(1<<40), d.BoolPtr(true), d.Float64Ptr(2.5)
		*strs[0] = "changed"
		*times[0] = time.Time{}
		for i := 1; i < len(strs); i++ {
			if got := *strs[i]; got != strings.Repeat("s", i) {
				t.Fatalf("size %d: string %d = %q", size, i, got)
			}
			if got := *times[i]; !got.Equal(time.Unix(int64(i), 0)) {
				t.Fatalf("size %d: time %d = %v", size, i, got)
			}
			if strs[i] == strs[i-1] || times[i] == times[i-1] {
				t.Fatalf("size %d: pointer %d reused", size, i)
			}
		}
		if *i32 != -7 || *i64 != 1<<40 || !*b || *f != 2.5 {
			t.Errorf("size %d: scalars %d %d %v %v", size, *i32, *i64, *b, *f)
		}
	}
}

// TestDecoderPointerBlocks checks that the optional members of a typical
// response cost one allocation per type, not one per member.
func TestDecoderPointerBlocks(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector adds allocations")
	}
	doc := strings.Repeat(" ", 600) // a 600-byte response
	n := testing.AllocsPerRun(100, func() {
		d := NewStringDecoder(doc)
		for range 5 {
			_ = d.StringPtr("x")
		}
		_ = d.TimePtr(time.Time{})
	})
	if n != 2 {
		t.Errorf("%v allocations for five strings and a time, want 2", n)
	}
}

// TestNewOwnedDecoder checks that a decoder over an owned body decodes as
// NewDecoder does, without copying the body.
func TestNewOwnedDecoder(t *testing.T) {
	body := []byte(`{"a":"plain","b":"esc\u00e9aped"}`)
	read := func(d *Decoder) []string {
		var out []string
		if err := d.BeginObject(); err != nil {
			t.Fatal(err)
		}
		for {
			_, ok, err := d.NextKey()
			if err != nil {
				t.Fatal(err)
			}
			if !ok {
				return out
			}
			s, err := d.String()
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, s)
		}
	}
	want := read(NewDecoder(body))
	got := read(NewOwnedDecoder(body))
	if strings.Join(got, ",") != strings.Join(want, ",") || len(got) != 2 {
		t.Errorf("owned %q, copied %q", got, want)
	}
	if !NewOwnedDecoder(nil).Empty() {
		t.Error("a decoder over no body is not Empty")
	}
	if raceEnabled {
		return
	}
	if n := testing.AllocsPerRun(100, func() { _ = NewOwnedDecoder(body).Skip() }); n != 0 {
		t.Errorf("NewOwnedDecoder: %v allocations, want 0 (no copy)", n)
	}
}

// TestCallStrings checks the invocation ID (a version 4 UUID) and payload
// hash of a call, and that both come from one allocation.
func TestCallStrings(t *testing.T) {
	uuid := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	tests := []struct {
		name string
		body []byte
		hash bool
	}{
		{"body", []byte(`{"alias":"a"}`), true},
		{"empty body", []byte{}, true},
		{"no body", nil, true},
		{"unsigned", []byte(`{}`), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id, hash, err := callStrings(tt.body, tt.hash)
			if err != nil {
				t.Fatal(err)
			}
			if !uuid.MatchString(id) {
				t.Errorf("invocation ID %q is not a version 4 UUID", id)
			}
			sum := sha256.Sum256(tt.body)
			want := hex.EncodeToString(sum[:])
			if !tt.hash || len(tt.body) == 0 {
				want = emptyPayloadHash
			}
			if hash != want {
				t.Errorf("payload hash %s, want %s", hash, want)
			}
			other, _, _ := callStrings(tt.body, tt.hash)
			if other == id {
				t.Errorf("two calls share invocation ID %s", id)
			}
			if raceEnabled {
				return
			}
			if n := testing.AllocsPerRun(50, func() { _, _, _ = callStrings(tt.body, tt.hash) }); n != 1 {
				t.Errorf("%v allocations, want 1", n)
			}
		})
	}
}
