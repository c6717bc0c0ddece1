package emulator

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// testKeys are one key of each supported type.
type testKeys struct {
	rsa *rsa.PrivateKey
	ec  *ecdsa.PrivateKey
	ed  ed25519.PrivateKey
}

// newTestKeys generates the keys.
func newTestKeys(t *testing.T) testKeys {
	t.Helper()
	r, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	e, err := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	_, d, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return testKeys{rsa: r, ec: e, ed: d}
}

// pemBlock encodes der as a PEM block of typ.
func pemBlock(typ string, der []byte) string {
	return string(pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}))
}

// pkix returns the PUBLIC KEY block of pub.
func pkixPEM(t *testing.T, pub crypto.PublicKey) string {
	t.Helper()
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	return pemBlock("PUBLIC KEY", der)
}

// certPEM returns a self-signed certificate of key.
func certPEM(t *testing.T, key *ecdsa.PrivateKey) string {
	t.Helper()
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "sa"},
		NotBefore: time.Unix(0, 0), NotAfter: time.Unix(1<<32, 0)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key)
	if err != nil {
		t.Fatal(err)
	}
	return pemBlock("CERTIFICATE", der)
}

// b64 encodes b as unpadded base64url.
func b64(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }

// jwksOf returns a JWKS with the public keys of k under the key IDs
// "rsa", "ec" and "ed", and an encryption key that must be skipped.
func jwksOf(t *testing.T, k testKeys) string {
	t.Helper()
	ecPub := k.ec.PublicKey
	raw, err := ecPub.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	size := (len(raw) - 1) / 2
	set := map[string]any{"keys": []map[string]any{
		{"kty": "RSA", "kid": "rsa", "use": "sig", "alg": "RS256", "n": b64(k.rsa.N.Bytes()), "e": b64(big.NewInt(int64(k.rsa.E)).Bytes())},
		{"kty": "EC", "kid": "ec", "crv": "P-384", "x": b64(raw[1 : 1+size]), "y": b64(raw[1+size:])},
		{"kty": "OKP", "kid": "ed", "crv": "Ed25519", "x": b64(k.ed.Public().(ed25519.PublicKey))},
		{"kty": "RSA", "kid": "enc", "use": "enc", "n": "AQAB", "e": "AQAB"},
	}}
	data, err := json.Marshal(set)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// equalKey reports whether two public keys are the same.
func equalKey(a, b crypto.PublicKey) bool {
	ea, ok := a.(interface{ Equal(crypto.PublicKey) bool })
	return ok && ea.Equal(b)
}

func TestParsePEMKeys(t *testing.T) {
	k := newTestKeys(t)
	pemFile := pkixPEM(t, k.rsa.Public()) + pemBlock("RSA PUBLIC KEY", x509.MarshalPKCS1PublicKey(&k.rsa.PublicKey)) +
		certPEM(t, k.ec) + pkixPEM(t, k.ed.Public())
	keys, err := parsePEMKeys([]byte(pemFile))
	if err != nil {
		t.Fatal(err)
	}
	want := []crypto.PublicKey{k.rsa.Public(), k.rsa.Public(), k.ec.Public(), k.ed.Public()}
	if len(keys) != len(want) {
		t.Fatalf("%d keys, want %d", len(keys), len(want))
	}
	for i := range want {
		if !equalKey(want[i], keys[i].key) {
			t.Errorf("key %d differs", i)
		}
	}
	priv, err := x509.MarshalPKCS8PrivateKey(k.ec)
	if err != nil {
		t.Fatal(err)
	}
	for name, tc := range map[string]struct{ data, want string }{
		"private key": {pemBlock("PRIVATE KEY", priv), `"PRIVATE KEY" is not a public key`},
		"no PEM":      {"ssh-rsa AAAA", "no PEM public key"},
		"bad DER":     {pemBlock("PUBLIC KEY", []byte{1, 2, 3}), `PEM block "PUBLIC KEY"`},
	} {
		if _, err := parsePEMKeys([]byte(tc.data)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", name, err, tc.want)
		}
	}
}

func TestParseJWKS(t *testing.T) {
	k := newTestKeys(t)
	keys, err := parseJWKS([]byte(jwksOf(t, k)))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		kid string
		key crypto.PublicKey
	}{{"rsa", k.rsa.Public()}, {"ec", k.ec.Public()}, {"ed", k.ed.Public()}}
	if len(keys) != len(want) {
		t.Fatalf("%d keys, want %d (the encryption key skipped)", len(keys), len(want))
	}
	for i, w := range want {
		if keys[i].kid != w.kid || !equalKey(w.key, keys[i].key) {
			t.Errorf("key %d: kid %q, want %q, or the key differs", i, keys[i].kid, w.kid)
		}
	}
	for name, tc := range map[string]struct{ data, want string }{
		"not JSON":       {`[`, "decoding the JWKS"},
		"no keys":        {`{"keys":[]}`, "no signature key"},
		"unknown kty":    {`{"keys":[{"kty":"oct","k":"AA"}]}`, `unsupported key type "oct"`},
		"small RSA":      {`{"keys":[{"kty":"RSA","n":"AQAB","e":"AQAB"}]}`, "RSA parameters"},
		"bad base64":     {`{"keys":[{"kty":"RSA","n":"!!","e":"AQAB"}]}`, "base64url"},
		"unknown curve":  {`{"keys":[{"kty":"EC","crv":"P-192","x":"AA","y":"AA"}]}`, "unsupported EC curve"},
		"off the curve":  {`{"keys":[{"kty":"EC","crv":"P-256","x":"AQ","y":"AQ"}]}`, "keys[0]"},
		"bad Ed25519":    {`{"keys":[{"kty":"OKP","crv":"Ed25519","x":"AQ"}]}`, "bad Ed25519"},
		"X25519 not sig": {`{"keys":[{"kty":"OKP","crv":"X25519","x":"AQ"}]}`, "unsupported OKP curve"},
	} {
		if _, err := parseJWKS([]byte(tc.data)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", name, err, tc.want)
		}
	}
}

func TestLoadKeys(t *testing.T) {
	k := newTestKeys(t)
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	keys, err := loadKeys(&TokenKeys{
		PublicKeyFiles: []string{write("sa.pub", pkixPEM(t, k.rsa.Public()))},
		JWKSFiles:      []string{write("jwks.json", jwksOf(t, k))},
	})
	if err != nil || len(keys) != 4 {
		t.Fatalf("loadKeys: %d keys, %v", len(keys), err)
	}
	if keys, err := loadKeys(nil); keys != nil || err != nil {
		t.Errorf("loadKeys(nil) = %v, %v", keys, err)
	}
	bad := write("bad.pem", "nothing")
	for _, tk := range []*TokenKeys{
		{PublicKeyFiles: []string{filepath.Join(dir, "missing.pub")}},
		{PublicKeyFiles: []string{bad}},
		{JWKSFiles: []string{bad}},
		{JWKSFiles: []string{filepath.Join(dir, "missing.json")}},
	} {
		if _, err := loadKeys(tk); err == nil {
			t.Errorf("loadKeys(%+v): no error", tk)
		}
	}
}
