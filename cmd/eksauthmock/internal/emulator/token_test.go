package emulator

import (
	"crypto"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/eksauthgen/eksauthgen/generated/eksauth/types"
)

// fakeClock is a settable clock, safe for concurrent use.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

// Now returns the clock's time.
func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Advance moves the clock on by d.
func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// epoch is the fake clock's starting time.
var epoch = time.Date(2026, 11, 29, 8, 0, 0, 0, time.UTC)

// tokenClaims are valid pod claims at epoch, for an hour.
func tokenClaims() jwt.MapClaims {
	return jwt.MapClaims{
		"aud": []string{Audience},
		"exp": epoch.Add(time.Hour).Unix(),
		"iat": epoch.Unix(),
		"iss": "https://issuer.example",
		"sub": "system:serviceaccount:ns:sa",
		"kubernetes.io": map[string]any{
			"namespace": "ns",
			"pod":       map[string]any{"name": "pod-1", "uid": "u1"},
		},
	}
}

// signed signs c with key under method, with the key ID kid ("" for none).
func signed(t *testing.T, method jwt.SigningMethod, key crypto.Signer, kid string, c jwt.MapClaims) string {
	t.Helper()
	tok := jwt.NewWithClaims(method, c)
	if kid != "" {
		tok.Header["kid"] = kid
	}
	s, err := tok.SignedString(key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// code is the error code of a modeled error, "" for nil.
func code(err error) string {
	var apiErr interface{ ErrorCode() string }
	if errors.As(err, &apiErr) {
		return apiErr.ErrorCode()
	}
	if err != nil {
		return "unmodeled: " + err.Error()
	}
	return ""
}

func TestVerifier(t *testing.T) {
	k := newTestKeys(t)
	jwks, err := parseJWKS([]byte(jwksOf(t, k)))
	if err != nil {
		t.Fatal(err)
	}
	clock := &fakeClock{now: epoch}
	v := &verifier{keys: jwks, issuer: "https://issuer.example", now: clock.Now}
	edit := func(f func(jwt.MapClaims)) jwt.MapClaims {
		c := tokenClaims()
		f(c)
		return c
	}
	tests := []struct {
		name  string
		token string
		after time.Duration // how far the clock is moved on
		want  string
	}{
		{"RS256 by kid", signed(t, jwt.SigningMethodRS256, k.rsa, "rsa", tokenClaims()), 0, ""},
		{"PS256 without kid", signed(t, jwt.SigningMethodPS256, k.rsa, "", tokenClaims()), 0, ""},
		{"ES384 with an unknown kid", signed(t, jwt.SigningMethodES384, k.ec, "rotated", tokenClaims()), 0, ""},
		{"EdDSA", signed(t, jwt.SigningMethodEdDSA, k.ed, "ed", tokenClaims()), 0, ""},
		{"kid of another key", signed(t, jwt.SigningMethodRS256, k.rsa, "ec", tokenClaims()), 0, "InvalidTokenException"},
		{"just before exp", signed(t, jwt.SigningMethodRS256, k.rsa, "rsa", tokenClaims()), time.Hour - time.Second, ""},
		{"expired by the clock", signed(t, jwt.SigningMethodRS256, k.rsa, "rsa", tokenClaims()), time.Hour + time.Second, "ExpiredTokenException"},
		{"wrong issuer", signed(t, jwt.SigningMethodRS256, k.rsa, "rsa", edit(func(c jwt.MapClaims) { c["iss"] = "x" })), 0, "InvalidTokenException"},
		{"namespace mismatch", signed(t, jwt.SigningMethodRS256, k.rsa, "rsa", edit(func(c jwt.MapClaims) {
			c["kubernetes.io"].(map[string]any)["namespace"] = "other"
		})), 0, "InvalidTokenException"},
		{"pod without name", signed(t, jwt.SigningMethodRS256, k.rsa, "rsa", edit(func(c jwt.MapClaims) {
			c["kubernetes.io"].(map[string]any)["pod"] = map[string]any{"uid": "u"}
		})), 0, "InvalidTokenException"},
		{"expired and wrong audience", signed(t, jwt.SigningMethodRS256, k.rsa, "rsa", edit(func(c jwt.MapClaims) { c["aud"] = "x" })),
			2 * time.Hour, "ExpiredTokenException"},
		{"wrong audience", signed(t, jwt.SigningMethodRS256, k.rsa, "rsa", edit(func(c jwt.MapClaims) { c["aud"] = "x" })), 0, "AccessDeniedException"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			clock.mu.Lock()
			clock.now = epoch.Add(tc.after)
			clock.mu.Unlock()
			id, err := v.verify(tc.token)
			if got := code(err); got != tc.want {
				t.Fatalf("verify: %v, want %q", err, tc.want)
			}
			if err == nil && (id.namespace != "ns" || id.serviceAccount != "sa" || id.pod != "pod-1") {
				t.Errorf("identity %+v", id)
			}
		})
	}
}

func TestParseSubject(t *testing.T) {
	tests := []struct {
		sub    string
		ns, sa string
		ok     bool
	}{
		{"system:serviceaccount:default:app", "default", "app", true},
		{"system:serviceaccount:default:", "", "", false},
		{"system:serviceaccount::app", "", "", false},
		{"system:serviceaccount:a:b:c", "", "", false},
		{"system:serviceaccounts:default:app", "", "", false},
		{"", "", "", false},
	}
	for _, tc := range tests {
		id, ok := parseSubject(tc.sub)
		if ok != tc.ok || ok && (id.namespace != tc.ns || id.serviceAccount != tc.sa) {
			t.Errorf("parseSubject(%q) = %+v, %v", tc.sub, id, ok)
		}
	}
}

func TestVerifierWithoutKeysStillChecksExpiry(t *testing.T) {
	var expired *types.ExpiredTokenException
	_, err := (&verifier{now: func() time.Time { return epoch.Add(2 * time.Hour) }}).verify(
		"eyJhbGciOiJub25lIn0." + b64([]byte(`{"exp":1,"sub":"system:serviceaccount:a:b"}`)) + ".c2ln")
	if !errors.As(err, &expired) {
		t.Errorf("unverified expired token: %v", err)
	}
}

// signedNone returns c as an unsigned ("alg":"none") token with a dummy
// signature, as accepted when no keys are configured.
func signedNone(t *testing.T, c jwt.MapClaims) string {
	t.Helper()
	s, err := jwt.NewWithClaims(jwt.SigningMethodNone, c).SignedString(jwt.UnsafeAllowNoneSignatureType)
	if err != nil {
		t.Fatal(err)
	}
	return s + "c2ln"
}
