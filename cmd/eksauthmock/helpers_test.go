package main

import (
	"bytes"
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"errors"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/golang-jwt/jwt/v5"

	"github.com/eksauthgen/eksauthgen/generated/eksauth"
)

// syncBuffer is a bytes.Buffer safe for concurrent writes and reads.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

// Write appends p.
func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// String returns what was written so far.
func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// exampleConfig returns the committed example configuration as a JSON
// object, for a test to adjust.
func exampleConfig(t *testing.T) map[string]any {
	t.Helper()
	data, err := os.ReadFile("example-config.json")
	if err != nil {
		t.Fatal(err)
	}
	var cfg map[string]any
	if err := json.Unmarshal(data, &cfg); err != nil {
		t.Fatal(err)
	}
	return cfg
}

// writeJSON writes v as JSON into a new file of dir.
func writeJSON(t *testing.T, dir, name string, v any) string {
	t.Helper()
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// newSigningKey returns a fresh ECDSA P-256 key and the path of a PEM file
// holding its public key in dir.
func newSigningKey(t *testing.T, dir string) (*ecdsa.PrivateKey, string) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalPKIXPublicKey(key.Public())
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "sa-signer.pub")
	if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	return key, path
}

// podClaims are the claims of a projected pod identity token of pod in
// namespace ns for service account sa, valid for an hour.
func podClaims(ns, sa, pod string) jwt.MapClaims {
	now := time.Now()
	return jwt.MapClaims{
		"aud": []string{"pods.eks.amazonaws.com"},
		"exp": now.Add(time.Hour).Unix(),
		"iat": now.Unix(),
		"nbf": now.Unix(),
		"iss": "https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE",
		"sub": "system:serviceaccount:" + ns + ":" + sa,
		"kubernetes.io": map[string]any{
			"namespace":      ns,
			"pod":            map[string]any{"name": pod, "uid": "8c5a4d60-0000-4000-8000-000000000001"},
			"serviceaccount": map[string]any{"name": sa, "uid": "8c5a4d60-0000-4000-8000-000000000002"},
		},
	}
}

// sign returns the claims signed with key (ES256).
func sign(t *testing.T, key crypto.Signer, c jwt.MapClaims) string {
	t.Helper()
	s, err := jwt.NewWithClaims(jwt.SigningMethodES256, c).SignedString(key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// started is a running emulator.
type started struct {
	url  string
	logs *syncBuffer
	stop func() // shuts the server down and checks it stopped cleanly
}

// startEmulator serves the configuration cfg on 127.0.0.1:0 the way the
// command does, until the test ends.
func startEmulator(t *testing.T, cfg map[string]any) *started {
	t.Helper()
	path := writeJSON(t, t.TempDir(), "config.json", cfg)
	logs := &syncBuffer{}
	logger := slog.New(slog.NewTextHandler(logs, nil))
	srv, err := newServer(path, logger)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serveOn(ctx, srv, ln, logger) }()
	var once sync.Once
	stop := func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
				t.Errorf("serveOn: %v", err)
			}
		})
	}
	t.Cleanup(stop)
	return &started{url: "http://" + ln.Addr().String(), logs: logs, stop: stop}
}

// client returns a generated EKS Auth client calling url with creds (nil:
// unsigned) and no retries.
func client(url string, creds aws.CredentialsProvider) *eksauth.Client {
	if creds == nil {
		creds = aws.AnonymousCredentials{}
	}
	return eksauth.New(eksauth.Options{
		BaseEndpoint:     aws.String(url),
		Region:           "us-west-2",
		Credentials:      creds,
		RetryMaxAttempts: 1,
	})
}

// assume calls AssumeRoleForPodIdentity for cluster with token.
func assume(c *eksauth.Client, cluster, token string) (*eksauth.AssumeRoleForPodIdentityOutput, error) {
	return c.AssumeRoleForPodIdentity(context.Background(), &eksauth.AssumeRoleForPodIdentityInput{
		ClusterName: aws.String(cluster),
		Token:       aws.String(token),
	})
}
