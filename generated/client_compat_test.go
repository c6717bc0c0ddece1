package generated_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"

	"github.com/eksauthgen/eksauthgen/generated/eksauth"
	"github.com/eksauthgen/eksauthgen/generated/eksauth/types"
)

// The code below is written the way the EKS Pod Identity Agent uses
// github.com/aws/aws-sdk-go-v2/service/eksauth: only the import path of the
// service package differs.

// agentEndpointResolver overrides the EKS Auth endpoint through the legacy
// aws.Config.EndpointResolverWithOptions, and leaves every other service to
// the default resolution.
func agentEndpointResolver(endpoint string) aws.EndpointResolverWithOptionsFunc {
	return func(service, region string, options ...interface{}) (aws.Endpoint, error) {
		if service == eksauth.ServiceID && endpoint != "" {
			return aws.Endpoint{URL: endpoint, SigningRegion: region}, nil
		}
		return aws.Endpoint{}, &aws.EndpointNotFoundError{}
	}
}

// agentHTTPClient is the agent's HTTP client: 500 ms dial, 1 s per request.
func agentHTTPClient() *http.Client {
	return &http.Client{
		Timeout: time.Second,
		Transport: &http.Transport{
			DialContext: (&net.Dialer{Timeout: 500 * time.Millisecond}).DialContext,
		},
	}
}

// agentFetch calls AssumeRoleForPodIdentity and classifies its errors as the
// agent does.
func agentFetch(ctx context.Context, client *eksauth.Client, cluster, token string) (aws.Credentials, int, error) {
	out, err := client.AssumeRoleForPodIdentity(ctx, &eksauth.AssumeRoleForPodIdentityInput{
		ClusterName: aws.String(cluster),
		Token:       aws.String(token),
	})
	if err != nil {
		var expired *types.ExpiredTokenException
		var invalid *types.InvalidTokenException
		var notFound *types.ResourceNotFoundException
		var denied *types.AccessDeniedException
		switch {
		case errors.As(err, &expired), errors.As(err, &invalid):
			return aws.Credentials{}, http.StatusUnauthorized, err
		case errors.As(err, &notFound):
			return aws.Credentials{}, http.StatusNotFound, err
		case errors.As(err, &denied):
			return aws.Credentials{}, http.StatusForbidden, err
		}
		var apiErr smithy.APIError
		if errors.As(err, &apiErr) {
			return aws.Credentials{}, http.StatusInternalServerError, fmt.Errorf("%s: %w", apiErr.ErrorCode(), err)
		}
		return aws.Credentials{}, http.StatusInternalServerError, err
	}
	return aws.Credentials{
		AccessKeyID:     *out.Credentials.AccessKeyId,
		SecretAccessKey: *out.Credentials.SecretAccessKey,
		SessionToken:    *out.Credentials.SessionToken,
		CanExpire:       true,
		Expires:         *out.Credentials.Expiration,
	}, http.StatusOK, nil
}

// TestAgentCompatibility runs the agent-style code against a server that
// answers like EKS Auth.
func TestAgentCompatibility(t *testing.T) {
	const success = `{"credentials":{"accessKeyId":"AK","secretAccessKey":"SK","sessionToken":"ST","expiration":1.7e9},` +
		`"subject":{"namespace":"ns","serviceAccount":"sa"},"audience":"pods.eks.amazonaws.com"}`
	tests := []struct {
		name       string
		status     int
		body       string
		wantStatus int
		wantCode   string
	}{
		{"success", 200, success, http.StatusOK, ""},
		{"expired", 400, `{"__type":"ExpiredTokenException","message":"expired"}`, http.StatusUnauthorized, "ExpiredTokenException"},
		{"invalid", 400, `{"__type":"InvalidTokenException","message":"bad"}`, http.StatusUnauthorized, "InvalidTokenException"},
		{"not found", 404, `{"__type":"ResourceNotFoundException","message":"no"}`, http.StatusNotFound, "ResourceNotFoundException"},
		{"denied", 400, `{"__type":"AccessDeniedException","message":"no"}`, http.StatusForbidden, "AccessDeniedException"},
		{"unmodeled", 400, `{"__type":"NewException","message":"?"}`, http.StatusInternalServerError, "NewException"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestServer(t, respondWith(tt.status, map[string]string{"Content-Type": "application/json"}, tt.body))
			cfg := aws.Config{
				Region:                      "us-west-2",
				Credentials:                 aws.NewCredentialsCache(staticCredentials),
				HTTPClient:                  agentHTTPClient(),
				EndpointResolverWithOptions: agentEndpointResolver(s.URL),
			}
			client := eksauth.NewFromConfig(cfg)
			creds, status, err := agentFetch(context.Background(), client, "my-cluster", "a.b.c")
			if status != tt.wantStatus {
				t.Fatalf("status %d, want %d (err %v)", status, tt.wantStatus, err)
			}
			if tt.wantCode == "" {
				if err != nil || creds.AccessKeyID != "AK" || !creds.Expires.Equal(time.Unix(1700000000, 0)) {
					t.Errorf("creds %+v, err %v", creds, err)
				}
			} else {
				var apiErr smithy.APIError
				if !errors.As(err, &apiErr) || apiErr.ErrorCode() != tt.wantCode {
					t.Errorf("err %v, want code %s", err, tt.wantCode)
				}
			}
			r := s.requests()[0]
			if r.path != "/clusters/my-cluster/assume-role-for-pod-identity" {
				t.Errorf("path %s", r.path)
			}
		})
	}
}

// TestAgentEndpointFallback checks that an EndpointNotFoundError from the
// legacy resolver falls back on the model's endpoint rules.
func TestAgentEndpointFallback(t *testing.T) {
	var got string
	cfg := aws.Config{
		Region:                      "eu-west-1",
		HTTPClient:                  captureClient(&got),
		EndpointResolverWithOptions: agentEndpointResolver(""),
	}
	if _, err := eksauth.NewFromConfig(cfg).AssumeRoleForPodIdentity(context.Background(), placeholderInput()); err != nil {
		t.Fatal(err)
	}
	if want := "https://eks-auth.eu-west-1.api.aws/clusters/__ClusterName__/assume-role-for-pod-identity"; got != want {
		t.Errorf("URL %s, want %s", got, want)
	}
}
