package emulator

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"io"
	"strings"
)

// base32Upper is the alphabet of AWS access key IDs and unique IDs.
const base32Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"

// secretAlphabet is the alphabet of secret access keys.
const secretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

// ids draws identifiers and secrets from a random source.
type ids struct {
	rand io.Reader
}

// read fills n bytes from the random source.
func (g ids) read(n int) ([]byte, error) {
	b := make([]byte, n)
	if _, err := io.ReadFull(g.rand, b); err != nil {
		return nil, err
	}
	return b, nil
}

// fromAlphabet returns n random characters of alphabet, whose length must
// divide 256 so that every character is equally likely.
func (g ids) fromAlphabet(alphabet string, n int) (string, error) {
	b, err := g.read(n)
	if err != nil {
		return "", err
	}
	for i, x := range b {
		b[i] = alphabet[int(x)%len(alphabet)]
	}
	return string(b), nil
}

// accessKeyID returns a temporary access key ID: "ASIA" and 16 characters.
func (g ids) accessKeyID() (string, error) {
	s, err := g.fromAlphabet(base32Upper, 16)
	return "ASIA" + s, err
}

// secretAccessKey returns a 40-character secret access key.
func (g ids) secretAccessKey() (string, error) {
	return g.fromAlphabet(secretAlphabet, 40)
}

// sessionToken returns an opaque session token.
func (g ids) sessionToken() (string, error) {
	b, err := g.read(192)
	if err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(b), nil
}

// uuid returns a random (version 4) UUID.
func (g ids) uuid() (string, error) {
	b, err := g.read(16)
	if err != nil {
		return "", err
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b)
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:], nil
}

// roleID is the stable unique ID of an IAM role: "AROA" and 17 characters
// derived from its ARN, so that every call for a role gives the same ID.
func roleID(roleARN string) string {
	return hashedID("AROA", base32Upper, roleARN)
}

// hashedID is prefix and 17 characters of alphabet derived from key's
// SHA-256: the same key always gives the same ID.
func hashedID(prefix, alphabet, key string) string {
	sum := sha256.Sum256([]byte(key))
	var b strings.Builder
	b.WriteString(prefix)
	for _, x := range sum[:17] {
		b.WriteByte(alphabet[int(x)%len(alphabet)])
	}
	return b.String()
}
