package validation

import (
	"math/big"
	"reflect"
	"time"
	"unicode/utf8"
)

// StringLength is the length of s as Smithy counts it for the length trait:
// in Unicode code points (an invalid UTF-8 byte counts as one).
func StringLength(s string) int { return utf8.RuneCountInString(s) }

// Unique reports whether the items of s are pairwise distinct. It suits
// strings, booleans, numbers and enums.
func Unique[T comparable](s []T) bool {
	if len(s) < 2 {
		return true
	}
	seen := make(map[T]struct{}, len(s))
	for _, v := range s {
		if _, dup := seen[v]; dup {
			return false
		}
		seen[v] = struct{}{}
	}
	return true
}

// UniqueTimes reports whether the instants in s are pairwise distinct
// (time.Time.Equal, so locations do not matter).
func UniqueTimes(s []time.Time) bool {
	if len(s) < 2 {
		return true
	}
	type instant struct{ sec, nsec int64 }
	seen := make(map[instant]struct{}, len(s))
	for _, t := range s {
		k := instant{t.Unix(), int64(t.Nanosecond())}
		if _, dup := seen[k]; dup {
			return false
		}
		seen[k] = struct{}{}
	}
	return true
}

// UniqueDeep reports whether the items of s are pairwise distinct by deep
// equality (pointers are followed). It suits blobs, lists, maps, structures,
// unions and pointers to scalars. It is quadratic in len(s).
func UniqueDeep[T any](s []T) bool {
	for i := 1; i < len(s); i++ {
		for j := 0; j < i; j++ {
			if reflect.DeepEqual(s[i], s[j]) {
				return false
			}
		}
	}
	return true
}

// InRangeBigInt reports whether min <= v <= max; the bounds are decimal
// numbers as written in the model, an empty or unparsable bound is open.
func InRangeBigInt(v *big.Int, min, max string) bool {
	if v == nil {
		return true
	}
	return inRange(new(big.Rat).SetInt(v), min, max)
}

// InRangeBigFloat is InRangeBigInt for a big.Float. The bounds are rounded
// to v's precision first, as a float32 or float64 bound is rounded to its
// type, so that a value read from the bound's own text is inside the range.
// An infinite v is outside any bound on its side.
func InRangeBigFloat(v *big.Float, min, max string) bool {
	if v == nil {
		return true
	}
	if b, ok := floatBound(min, v.Prec()); ok && v.Cmp(b) < 0 {
		return false
	}
	if b, ok := floatBound(max, v.Prec()); ok && v.Cmp(b) > 0 {
		return false
	}
	return true
}

func floatBound(s string, prec uint) (*big.Float, bool) {
	r, ok := new(big.Rat).SetString(s)
	if s == "" || !ok {
		return nil, false
	}
	if prec == 0 {
		prec = 64
	}
	return new(big.Float).SetPrec(prec).SetRat(r), true
}

func inRange(r *big.Rat, min, max string) bool {
	if b, ok := new(big.Rat).SetString(min); min != "" && ok && r.Cmp(b) < 0 {
		return false
	}
	if b, ok := new(big.Rat).SetString(max); max != "" && ok && r.Cmp(b) > 0 {
		return false
	}
	return true
}
