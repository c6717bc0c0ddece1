package awsrt

import "time"

// slab hands out pointers to values of one type from blocks allocated a few
// at a time: decoding a structure whose optional members are pointers
// (*string, *time.Time, ...) then costs one allocation per block instead of
// one per member, as the SDK's string arena does for string data. The
// pointers are distinct and independent (each its own element); a block
// lives as long as any of its pointers.
type slab[T any] struct {
	free []T
}

// put returns a pointer to a new variable holding v, taken from the current
// block or from a new block of n elements.
func (s *slab[T]) put(v T, n int) *T {
	if len(s.free) == 0 {
		s.free = make([]T, n)
	}
	p := &s.free[0]
	*p = v
	s.free = s.free[1:]
	return p
}

// Block sizes: about one pointer per blockBytes of input, within
// [minBlock, maxBlock] elements. A 600-byte response with five optional
// strings takes one block of 8 strings.
const (
	stringBlockBytes = 64
	timeBlockBytes   = 256
	scalarBlockBytes = 256
	minBlock         = 2
	maxBlock         = 64
)

// blockLen returns the length of a new block for the input left to decode.
func (d *Decoder) blockLen(bytesPer int) int {
	return min(max((len(d.s)-d.pos)/bytesPer+1, minBlock), maxBlock)
}

// StringPtr returns a pointer to a new string holding v.
func (d *Decoder) StringPtr(v string) *string {
	return d.strs.put(v, d.blockLen(stringBlockBytes))
}

// TimePtr returns a pointer to a new time.Time holding v.
func (d *Decoder) TimePtr(v time.Time) *time.Time {
	return d.times.put(v, d.blockLen(timeBlockBytes))
}

// Int32Ptr returns a pointer to a new int32 holding v.
func (d *Decoder) Int32Ptr(v int32) *int32 {
	return d.int32s.put(v, d.blockLen(scalarBlockBytes))
}

// Int64Ptr returns a pointer to a new int64 holding v.
func (d *Decoder) Int64Ptr(v int64) *int64 {
	return d.int64s.put(v, d.blockLen(scalarBlockBytes))
}

// BoolPtr returns a pointer to a new bool holding v.
func (d *Decoder) BoolPtr(v bool) *bool {
	return d.bools.put(v, d.blockLen(scalarBlockBytes))
}

// Float64Ptr returns a pointer to a new float64 holding v.
func (d *Decoder) Float64Ptr(v float64) *float64 {
	return d.float64s.put(v, d.blockLen(scalarBlockBytes))
}
