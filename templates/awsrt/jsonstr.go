package awsrt

import (
	"unicode/utf16"
	"unicode/utf8"
)

// readString reads the string literal starting at d.pos (which must be '"').
// Without escapes or invalid UTF-8 the result is a substring of the input;
// otherwise it is unescaped into a new string with encoding/json's rules:
// invalid UTF-8 and unpaired surrogates become U+FFFD.
func (d *Decoder) readString() (string, error) {
	start := d.pos + 1
	end, plain, err := d.scanString(start)
	if err != nil {
		return "", err
	}
	d.pos = end + 1
	raw := d.s[start:end]
	if plain || utf8.ValidString(raw) && !hasBackslash(raw) {
		return raw, nil
	}
	return unescape(raw), nil
}

// skipString validates the string literal at d.pos and moves past it.
func (d *Decoder) skipString() error {
	end, _, err := d.scanString(d.pos + 1)
	if err != nil {
		return err
	}
	d.pos = end + 1
	return nil
}

// scanString finds the closing quote of a string whose contents begin at
// start, validating escapes and rejecting control characters. plain reports
// that the contents are ASCII without escapes.
func (d *Decoder) scanString(start int) (end int, plain bool, err error) {
	s := d.s
	plain = true
	for i := start; i < len(s); {
		c := s[i]
		switch {
		case c == '"':
			return i, plain, nil
		case c < 0x20:
			d.pos = i
			return 0, false, d.syntaxErr("invalid control character in string")
		case c == '\\':
			plain = false
			if i+1 >= len(s) {
				d.pos = i
				return 0, false, d.syntaxErr("unexpected end of input in string escape")
			}
			switch s[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if hex4(s, i+2) < 0 {
					d.pos = i
					return 0, false, d.syntaxErr("invalid \\u escape")
				}
				i += 6
			default:
				d.pos = i
				return 0, false, d.syntaxErr("invalid escape character")
			}
		default:
			if c >= utf8.RuneSelf {
				plain = false
			}
			i++
		}
	}
	d.pos = len(s)
	return 0, false, d.syntaxErr("unexpected end of input in string")
}

func hasBackslash(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' {
			return true
		}
	}
	return false
}

// hex4 parses the four hex digits at s[i:i+4], or returns -1.
func hex4(s string, i int) rune {
	if i+4 > len(s) {
		return -1
	}
	var r rune
	for _, c := range []byte(s[i : i+4]) {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}

// unescape decodes the contents of a string literal already validated by
// scanString.
func unescape(raw string) string {
	b := make([]byte, 0, len(raw)+2*utf8.UTFMax)
	for i := 0; i < len(raw); {
		c := raw[i]
		switch {
		case c == '\\':
			switch raw[i+1] {
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r := hex4(raw, i+2)
				i += 6
				if utf16.IsSurrogate(r) {
					// A valid pair consumes the next escape too; anything
					// else leaves it alone and yields U+FFFD.
					if i+1 < len(raw) && raw[i] == '\\' && raw[i+1] == 'u' {
						if dec := utf16.DecodeRune(r, hex4(raw, i+2)); dec != utf8.RuneError {
							b = utf8.AppendRune(b, dec)
							i += 6
							continue
						}
					}
					r = utf8.RuneError
				}
				b = utf8.AppendRune(b, r)
				continue
			default: // '"', '\\', '/'
				b = append(b, raw[i+1])
			}
			i += 2
		case c < utf8.RuneSelf:
			b = append(b, c)
			i++
		default:
			r, size := utf8.DecodeRuneInString(raw[i:])
			b = utf8.AppendRune(b, r)
			i += size
		}
	}
	return string(b)
}
