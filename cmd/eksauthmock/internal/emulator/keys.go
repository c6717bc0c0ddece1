package emulator

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"os"
)

// publicKey is one token verification key, with its key ID when a JWKS
// named one.
type publicKey struct {
	kid string
	key crypto.PublicKey
}

// loadKeys reads every key file of k; nil k yields no keys.
func loadKeys(k *TokenKeys) ([]publicKey, error) {
	if k == nil {
		return nil, nil
	}
	var keys []publicKey
	for _, files := range []struct {
		paths []string
		parse func([]byte) ([]publicKey, error)
	}{
		{k.PublicKeyFiles, parsePEMKeys},
		{k.JWKSFiles, parseJWKS},
	} {
		for _, path := range files.paths {
			data, err := os.ReadFile(path)
			if err != nil {
				return nil, err
			}
			ks, err := files.parse(data)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", path, err)
			}
			keys = append(keys, ks...)
		}
	}
	return keys, nil
}

// parsePEMKeys returns the public keys of every PUBLIC KEY, RSA PUBLIC KEY
// and CERTIFICATE block of a PEM file; other blocks are an error, so that
// a private key given by mistake is reported.
func parsePEMKeys(data []byte) ([]publicKey, error) {
	var keys []publicKey
	for {
		var block *pem.Block
		block, data = pem.Decode(data)
		if block == nil {
			break
		}
		var (
			key crypto.PublicKey
			err error
		)
		switch block.Type {
		case "PUBLIC KEY":
			key, err = x509.ParsePKIXPublicKey(block.Bytes)
		case "RSA PUBLIC KEY":
			key, err = x509.ParsePKCS1PublicKey(block.Bytes)
		case "CERTIFICATE":
			var cert *x509.Certificate
			if cert, err = x509.ParseCertificate(block.Bytes); err == nil {
				key = cert.PublicKey
			}
		default:
			return nil, fmt.Errorf("PEM block %q is not a public key", block.Type)
		}
		if err != nil {
			return nil, fmt.Errorf("PEM block %q: %w", block.Type, err)
		}
		keys = append(keys, publicKey{key: key})
	}
	if len(keys) == 0 {
		return nil, errors.New("no PEM public key found")
	}
	return keys, nil
}

// jwk is the part of a JSON Web Key (RFC 7517, 7518, 8037) the emulator reads.
type jwk struct {
	Kty string `json:"kty"`
	Kid string `json:"kid"`
	Use string `json:"use"`
	N   string `json:"n"`
	E   string `json:"e"`
	Crv string `json:"crv"`
	X   string `json:"x"`
	Y   string `json:"y"`
}

// parseJWKS returns the signature keys of a JSON Web Key Set; a key of an
// unsupported type or with bad parameters is an error.
func parseJWKS(data []byte) ([]publicKey, error) {
	var set struct {
		Keys []jwk `json:"keys"`
	}
	if err := json.Unmarshal(data, &set); err != nil {
		return nil, fmt.Errorf("decoding the JWKS: %w", err)
	}
	var keys []publicKey
	for i, k := range set.Keys {
		if k.Use != "" && k.Use != "sig" {
			continue
		}
		key, err := k.publicKey()
		if err != nil {
			return nil, fmt.Errorf("keys[%d] (kid %q): %w", i, k.Kid, err)
		}
		keys = append(keys, publicKey{kid: k.Kid, key: key})
	}
	if len(keys) == 0 {
		return nil, errors.New("the JWKS has no signature key")
	}
	return keys, nil
}

// publicKey decodes the key's parameters.
func (k jwk) publicKey() (crypto.PublicKey, error) {
	switch k.Kty {
	case "RSA":
		n, err1 := b64Int(k.N)
		e, err2 := b64Int(k.E)
		if err := errors.Join(err1, err2); err != nil {
			return nil, err
		}
		if !e.IsInt64() || e.Int64() < 3 || e.Int64() > 1<<31-1 || n.BitLen() < 1024 {
			return nil, errors.New("RSA parameters out of range")
		}
		return &rsa.PublicKey{N: n, E: int(e.Int64())}, nil
	case "EC":
		var curve elliptic.Curve
		switch k.Crv {
		case "P-256":
			curve = elliptic.P256()
		case "P-384":
			curve = elliptic.P384()
		case "P-521":
			curve = elliptic.P521()
		default:
			return nil, fmt.Errorf("unsupported EC curve %q", k.Crv)
		}
		x, err1 := b64Int(k.X)
		y, err2 := b64Int(k.Y)
		if err := errors.Join(err1, err2); err != nil {
			return nil, err
		}
		size := (curve.Params().BitSize + 7) / 8
		point := make([]byte, 1+2*size)
		point[0] = 4 // uncompressed
		if x.BitLen() > 8*size || y.BitLen() > 8*size {
			return nil, errors.New("EC coordinates out of range")
		}
		x.FillBytes(point[1 : 1+size])
		y.FillBytes(point[1+size:])
		// ParseUncompressedPublicKey checks that the point is on the curve.
		return ecdsa.ParseUncompressedPublicKey(curve, point)
	case "OKP":
		if k.Crv != "Ed25519" {
			return nil, fmt.Errorf("unsupported OKP curve %q", k.Crv)
		}
		x, err := base64.RawURLEncoding.DecodeString(k.X)
		if err != nil || len(x) != ed25519.PublicKeySize {
			return nil, errors.New("bad Ed25519 key")
		}
		return ed25519.PublicKey(x), nil
	default:
		return nil, fmt.Errorf("unsupported key type %q", k.Kty)
	}
}

// b64Int decodes an unpadded base64url big-endian integer.
func b64Int(s string) (*big.Int, error) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || len(b) == 0 {
		return nil, fmt.Errorf("bad base64url integer %q", s)
	}
	return new(big.Int).SetBytes(b), nil
}
