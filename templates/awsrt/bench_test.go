package awsrt

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
)

// benchResponse is the shape of an EKS Auth AssumeRoleForPodIdentity reply.
const benchResponse = `{"assumedRoleUser":{"arn":"arn:aws:sts::123456789012:assumed-role/r/s","assumeRoleId":"AROA:s"},"audience":"pods.eks.amazonaws.com","credentials":{"accessKeyId":"ASIA","expiration":1700000000,"secretAccessKey":"secret","sessionToken":"token"},"podIdentityAssociation":{"associationArn":"arn:a","associationId":"a-1"},"subject":{"namespace":"default","serviceAccount":"sa"}}`

func benchServer(b *testing.B) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, benchResponse)
	}))
	b.Cleanup(srv.Close)
	return srv
}

// benchDecode decodes benchResponse's strings and timestamp the way a
// generated deserializer does (skipping structure boundaries generically).
func benchDecode(_ *http.Response, body []byte) error {
	d := NewDecoder(body)
	var strs []string
	var ts time.Time
	var walkObj func() error
	walkObj = func() error {
		if err := d.BeginObject(); err != nil {
			return err
		}
		for {
			k, ok, err := d.NextKey()
			if err != nil || !ok {
				return err
			}
			switch d.Peek() {
			case KindObject:
				err = walkObj()
			case KindNumber:
				if k == "expiration" {
					ts, err = d.EpochSeconds()
				} else {
					err = d.Skip()
				}
			default:
				var s string
				s, err = d.String()
				if len(strs) < cap(strs) {
					strs = append(strs, s)
				}
			}
			if err != nil {
				return err
			}
		}
	}
	_ = ts
	return walkObj()
}

func BenchmarkDo(b *testing.B) {
	srv := benchServer(b)
	u, _ := url.Parse(srv.URL)
	creds := aws.NewCredentialsCache(aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET", SessionToken: "TOKEN", CanExpire: false}, nil
	}))
	cfg := &Config{
		ServiceID:     "EKS Auth",
		SigningName:   "eks-auth",
		SigningRegion: "us-west-2",
		ResolveEndpoint: func(context.Context) (smithyendpoints.Endpoint, error) {
			return smithyendpoints.Endpoint{URI: *u}, nil
		},
		HTTPClient:  srv.Client(),
		Credentials: creds,
		Signer:      v4.NewSigner(),
		Retryer:     retry.NewStandard(),
		UserAgent:   UserAgent(UserAgentOptions{API: "eksauth", Version: "1.0.0"}),
	}
	token := string(bytes.Repeat([]byte("x"), 900))
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		var w JSONWriter
		w.Grow(len(token) + 16)
		w.BeginObject()
		w.Key("token")
		w.String(token)
		w.EndObject()
		req := &Request{Method: "POST", Path: "/clusters/" + EscapeLabel("my-cluster", false) + "/assume-role-for-pod-identity", Body: w.Bytes(), ContentType: "application/json"}
		if err := Do(ctx, cfg, "AssumeRoleForPodIdentity", req, benchDecode, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBaseline(b *testing.B) {
	srv := benchServer(b)
	client := srv.Client()
	body := []byte(`{"token":"` + string(bytes.Repeat([]byte("x"), 900)) + `"}`)
	target := srv.URL + "/clusters/my-cluster/assume-role-for-pod-identity"
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		req, err := http.NewRequest("POST", target, bytes.NewReader(body))
		if err != nil {
			b.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/json")
		resp, err := client.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		_, _ = io.ReadAll(resp.Body)
		resp.Body.Close()
	}
}
