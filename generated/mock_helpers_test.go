package generated_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/eksauthgen/eksauthgen/generated/eksauth"
	"github.com/eksauthgen/eksauthgen/generated/eksauth/eksauthmock"
	"github.com/eksauthgen/eksauthgen/generated/eksauth/types"
)

// mockPath is the URI of an AssumeRoleForPodIdentity call for cluster.
func mockPath(cluster string) string {
	return "/clusters/" + cluster + "/assume-role-for-pod-identity"
}

// startMock serves svc with opts on a loopback test server.
func startMock(t *testing.T, svc eksauthmock.Service, opts ...eksauthmock.Option) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(eksauthmock.NewHandler(svc, opts...))
	t.Cleanup(ts.Close)
	return ts
}

// mockReply is a response read whole.
type mockReply struct {
	status int
	header http.Header
	body   string
}

// errorType is the X-Amzn-ErrorType of the reply.
func (r mockReply) errorType() string { return r.header.Get("X-Amzn-ErrorType") }

// field returns a top-level string member of a JSON body.
func (r mockReply) field(t *testing.T, name string) string {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(r.body), &m); err != nil {
		t.Fatalf("body %q is not a JSON object: %v", r.body, err)
	}
	s, _ := m[name].(string)
	return s
}

// send makes one request with plain net/http.
func send(t *testing.T, req *http.Request) mockReply {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return mockReply{status: resp.StatusCode, header: resp.Header, body: string(b)}
}

// post sends body to path with the given Content-Type ("" for none).
func post(t *testing.T, base, path, contentType, body string) mockReply {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, base+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	return send(t, req)
}

// sampleMock returns a Mock whose service answers every call with
// sampleOutput.
func sampleMock() *eksauthmock.Mock {
	return &eksauthmock.Mock{
		AssumeRoleForPodIdentityFunc: func(context.Context, *eksauth.AssumeRoleForPodIdentityInput) (*eksauth.AssumeRoleForPodIdentityOutput, error) {
			return sampleOutput(), nil
		},
	}
}

// fixedService answers every call with the same output, so that a
// benchmark or load test measures the handler, not the service (and, unlike
// a Mock, records nothing).
type fixedService struct {
	out *eksauth.AssumeRoleForPodIdentityOutput
}

// AssumeRoleForPodIdentity returns the fixed output.
func (s fixedService) AssumeRoleForPodIdentity(context.Context, *eksauth.AssumeRoleForPodIdentityInput) (*eksauth.AssumeRoleForPodIdentityOutput, error) {
	return s.out, nil
}

// sampleOutput is a complete AssumeRoleForPodIdentity answer.
func sampleOutput() *eksauth.AssumeRoleForPodIdentityOutput {
	return &eksauth.AssumeRoleForPodIdentityOutput{
		Audience: aws.String("pods.eks.amazonaws.com"),
		Subject:  &types.Subject{Namespace: aws.String("default"), ServiceAccount: aws.String("app")},
		PodIdentityAssociation: &types.PodIdentityAssociation{
			AssociationArn: aws.String("arn:aws:eks:us-west-2:111122223333:podidentityassociation/c/a-1"),
			AssociationId:  aws.String("a-1"),
		},
		AssumedRoleUser: &types.AssumedRoleUser{
			Arn:          aws.String("arn:aws:sts::111122223333:assumed-role/r/eks-c-pod"),
			AssumeRoleId: aws.String("AROAEXAMPLE:eks-c-pod"),
		},
		Credentials: &types.Credentials{
			AccessKeyId:     aws.String("ASIAEXAMPLE"),
			SecretAccessKey: aws.String("secret"),
			SessionToken:    aws.String("session"),
		},
	}
}
