package endpoints

import (
	"net"
	"regexp"
	"strings"
)

// Substring implements substring: input[start:stop] (counted from the end
// when reverse is true), or nil when the range is not inside input or input
// has a non-ASCII character.
func Substring(input string, start, stop int, reverse bool) *string {
	if start < 0 || start >= stop || stop > len(input) {
		return nil
	}
	for i := 0; i < len(input); i++ {
		if input[i] > 127 {
			return nil
		}
	}
	if reverse {
		start, stop = len(input)-stop, len(input)-start
	}
	s := input[start:stop]
	return &s
}

// IsValidHostLabel implements isValidHostLabel: input is one RFC 1123 host
// label (1 to 63 letters, digits and '-', not starting or ending with '-'),
// or, when allowSubDomains is true, several joined by '.'.
func IsValidHostLabel(input string, allowSubDomains bool) bool {
	labels := []string{input}
	if allowSubDomains {
		labels = strings.Split(input, ".")
	}
	for _, l := range labels {
		if !isHostLabel(l) {
			return false
		}
	}
	return true
}

// isHostLabel reports whether l is a single RFC 1123 host label.
func isHostLabel(l string) bool {
	if len(l) == 0 || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
		return false
	}
	for i := 0; i < len(l); i++ {
		c := l[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// s3BucketSegment is the shape of a virtual-hostable bucket name: 3 to 63
// lower-case letters, digits, '-' and '.', starting and ending with a letter
// or digit.
var s3BucketSegment = regexp.MustCompile(`^[a-z\d][a-z\d\-.]{1,61}[a-z\d]$`)

// IsVirtualHostableS3Bucket implements aws.isVirtualHostableS3Bucket: input
// can be the first label(s) of an S3 host name. Without allowSubDomains it
// must be one host label; with it, dots are allowed but the name must not
// look like an IP address nor have a '-' next to a '.'.
func IsVirtualHostableS3Bucket(input string, allowSubDomains bool) bool {
	if !s3BucketSegment.MatchString(input) {
		return false
	}
	if !allowSubDomains {
		return isHostLabel(input)
	}
	return net.ParseIP(input) == nil && !strings.Contains(input, ".-") && !strings.Contains(input, "-.")
}

// Index implements getAttr's "[i]" on a string array: a pointer to the
// element, or nil when i is out of range.
func Index(list []string, i int) *string {
	if i < 0 || i >= len(list) {
		return nil
	}
	s := list[i]
	return &s
}
