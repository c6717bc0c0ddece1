package generated_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"

	"github.com/eksauthgen/eksauthgen/generated/eksauth"
	"github.com/eksauthgen/eksauthgen/internal/leanserver"
)

// benchAssumeRoleResponse is an AssumeRoleForPodIdentity reply of the
// service's size and shape.
var benchAssumeRoleResponse = `{"assumedRoleUser":{"arn":"arn:aws:sts::123456789012:assumed-role/eks-pod-role/eks-my-cluster-app-6f9c7d1a","assumeRoleId":"AROAEXAMPLEID12345678:eks-my-cluster-app-6f9c7d1a"},"audience":"pods.eks.amazonaws.com","credentials":{"accessKeyId":"ASIAEXAMPLEKEY000001","expiration":1.700003600E9,"secretAccessKey":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY","sessionToken":"` + benchToken + `"},"podIdentityAssociation":{"associationArn":"arn:aws:eks:us-west-2:123456789012:podidentityassociation/my-cluster/a-abcdefghijklmnop1","associationId":"a-abcdefghijklmnop1"},"subject":{"namespace":"default","serviceAccount":"app"}}`

// benchToken stands for a projected service-account token (a JWT of about
// 900 bytes) and a session token.
var benchToken = strings.Repeat("eyJhbGciOiJSUzI1NiIsImtpZCI6IjEyMyJ9", 25)

// BenchmarkClientAssumeRoleForPodIdentity measures one call of the
// generated EKS Auth client against a loopback server (serialize, sign,
// send, decode), next to the floors: net/http alone sending the same bytes,
// and net/http with v4.Signer signing; each reports cpu-ns/op (the process's
// CPU time per call) besides the wall clock. Each runs against two servers
// answering the same bytes: "lean" (a raw HTTP/1.1 listener that allocates
// nothing per request: the client's side alone) and "httptest" (a net/http
// server, whose own per-request work is then counted too). The AWS SDK's
// own eksauth module is not available here: interop/ampbench compares with
// the SDK on amp.
func BenchmarkClientAssumeRoleForPodIdentity(b *testing.B) {
	const path = "/clusters/my-cluster/assume-role-for-pod-identity"
	const requestID = "0f6c2a7e-6b1d-4b8e-9d3c-2a1f0e9b8c7d"
	ht := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Amzn-Requestid", requestID)
		_, _ = io.WriteString(w, benchAssumeRoleResponse)
	}))
	b.Cleanup(ht.Close)
	header := [][2]string{{"Content-Type", "application/json"}, {"X-Amzn-Requestid", requestID}}
	lean, err := leanserver.Start([]leanserver.Route{{Method: http.MethodPost, Path: path, Answer: leanserver.NewAnswer(http.StatusOK, header, benchAssumeRoleResponse)}},
		leanserver.NewAnswer(http.StatusNotFound, nil, ""), nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(lean.Close)
	servers := []struct {
		name, url string
		client    *http.Client
	}{
		{"lean", lean.URL, lean.Client()},
		{"httptest", ht.URL, ht.Client()},
	}
	creds := aws.Credentials{AccessKeyID: "ASIAEXAMPLEKEY000001", SecretAccessKey: "SECRET", SessionToken: benchToken}
	provider := aws.NewCredentialsCache(aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) { return creds, nil }))
	in := &eksauth.AssumeRoleForPodIdentityInput{ClusterName: aws.String("my-cluster"), Token: aws.String(benchToken)}
	ctx := context.Background()
	b.Run("eksauthgen", func(b *testing.B) {
		for _, srv := range servers {
			client := eksauth.New(eksauth.Options{
				Region:       "us-west-2",
				BaseEndpoint: aws.String(srv.url),
				HTTPClient:   srv.client,
				Credentials:  provider,
			})
			b.Run(srv.name, func(b *testing.B) {
				leanserver.MeasureCall(b, func() error {
					out, err := client.AssumeRoleForPodIdentity(ctx, in)
					if err == nil && out.Credentials == nil {
						err = errors.New("no credentials decoded")
					}
					return err
				})
			})
		}
	})
	body := []byte(`{"token":"` + benchToken + `"}`)
	signer := v4.NewSigner()
	for _, sign := range []bool{false, true} {
		name := "floor-nethttp"
		if sign {
			name += "-sigv4"
		}
		b.Run(name, func(b *testing.B) {
			for _, srv := range servers {
				b.Run(srv.name, func(b *testing.B) {
					leanserver.MeasureCall(b, func() error {
						req, err := http.NewRequestWithContext(ctx, http.MethodPost, srv.url+path, bytes.NewReader(body))
						if err != nil {
							return err
						}
						req.Header.Set("Content-Type", "application/json")
						if sign {
							sum := sha256.Sum256(body)
							if err := signer.SignHTTP(ctx, creds, req, hex.EncodeToString(sum[:]), "eks-auth", "us-west-2", time.Now()); err != nil {
								return err
							}
						}
						resp, err := srv.client.Do(req)
						if err != nil {
							return err
						}
						defer resp.Body.Close()
						_, err = io.ReadAll(resp.Body)
						return err
					})
				})
			}
		})
	}
}
