package generated_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/eksauthgen/eksauthgen/generated/eksauth"
)

// captureFunc is an HTTP client that records the URL of every request and
// answers 200 {} without using the network.
type captureFunc func(*http.Request) (*http.Response, error)

func (f captureFunc) Do(r *http.Request) (*http.Response, error) { return f(r) }

// captureClient returns a captureFunc storing the last URL in *url.
func captureClient(url *string) captureFunc {
	return func(r *http.Request) (*http.Response, error) {
		*url = r.URL.String()
		return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(strings.NewReader("{}")), Request: r}, nil
	}
}

// configSource is an aws.Config configuration source with the FIPS setting
// and service-specific endpoints of the shared config.
type configSource struct {
	fips      aws.FIPSEndpointState
	endpoints map[string]string
}

func (c configSource) GetUseFIPSEndpoint(context.Context) (aws.FIPSEndpointState, bool, error) {
	return c.fips, c.fips != aws.FIPSEndpointStateUnset, nil
}

func (c configSource) GetServiceBaseEndpoint(_ context.Context, sdkID string) (string, bool, error) {
	v, ok := c.endpoints[sdkID]
	return v, ok, nil
}

const opPath = "/clusters/__ClusterName__/assume-role-for-pod-identity"

// TestEndpointResolution checks the endpoint each way of configuring it
// gives.
func TestEndpointResolution(t *testing.T) {
	legacyErr := errors.New("legacy resolver failed")
	tests := []struct {
		name    string
		cfg     aws.Config
		optFns  []func(*eksauth.Options)
		want    string
		wantErr string
	}{
		{"region", aws.Config{Region: "us-west-2"}, nil, "https://eks-auth.us-west-2.api.aws" + opPath, ""},
		{"china", aws.Config{Region: "cn-north-1"}, nil, "https://eks-auth.cn-north-1.api.amazonwebservices.com.cn" + opPath, ""},
		{"FIPS from config sources", aws.Config{Region: "us-east-1", ConfigSources: []any{configSource{fips: aws.FIPSEndpointStateEnabled}}}, nil,
			"https://eks-auth-fips.us-east-1.api.aws" + opPath, ""},
		{"FIPS pseudo-region", aws.Config{Region: "fips-us-east-1"}, nil, "https://eks-auth-fips.us-east-1.api.aws" + opPath, ""},
		{"FIPS option", aws.Config{Region: "us-east-1"}, []func(*eksauth.Options){func(o *eksauth.Options) {
			o.EndpointOptions.UseFIPSEndpoint = aws.FIPSEndpointStateEnabled
		}}, "https://eks-auth-fips.us-east-1.api.aws" + opPath, ""},
		{"BaseEndpoint", aws.Config{Region: "us-east-1", BaseEndpoint: aws.String("https://example.com/prefix")}, nil, "https://example.com/prefix" + opPath, ""},
		{"service endpoint from config sources", aws.Config{Region: "us-east-1", ConfigSources: []any{configSource{endpoints: map[string]string{"EKS Auth": "https://local.test:8443"}}}}, nil,
			"https://local.test:8443" + opPath, ""},
		{"ServiceOptions", aws.Config{Region: "us-east-1", ServiceOptions: []func(string, any){func(id string, o any) {
			if id == eksauth.ServiceID {
				o.(*eksauth.Options).BaseEndpoint = aws.String("https://svc.test")
			}
		}}}, nil, "https://svc.test" + opPath, ""},
		{"legacy resolver error", aws.Config{Region: "us-east-1", EndpointResolverWithOptions: aws.EndpointResolverWithOptionsFunc(
			func(string, string, ...any) (aws.Endpoint, error) { return aws.Endpoint{}, legacyErr })}, nil, "", legacyErr.Error()},
		{"no region", aws.Config{}, nil, "", "Missing Region"},
		{"invalid region", aws.Config{Region: "us west"}, nil, "", "invalid input region"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got string
			tt.cfg.HTTPClient = captureClient(&got)
			c := eksauth.NewFromConfig(tt.cfg, tt.optFns...)
			_, err := c.AssumeRoleForPodIdentity(context.Background(), placeholderInput())
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("URL %s, want %s", got, tt.want)
			}
		})
	}
}

// TestPerCallOptions checks that functional options of a call apply to that
// call only, and that Options returns a copy.
func TestPerCallOptions(t *testing.T) {
	var got string
	c := eksauth.New(eksauth.Options{Region: "us-west-2", HTTPClient: captureClient(&got)})
	call := func(optFns ...func(*eksauth.Options)) string {
		t.Helper()
		if _, err := c.AssumeRoleForPodIdentity(context.Background(), placeholderInput(), optFns...); err != nil {
			t.Fatal(err)
		}
		return got
	}
	if u := call(func(o *eksauth.Options) { o.Region = "eu-west-1" }); !strings.HasPrefix(u, "https://eks-auth.eu-west-1.") {
		t.Errorf("per-call region: %s", u)
	}
	if u := call(); !strings.HasPrefix(u, "https://eks-auth.us-west-2.") {
		t.Errorf("client region after a per-call override: %s", u)
	}
	o := c.Options()
	o.Region = "ap-south-1"
	if c.Options().Region != "us-west-2" {
		t.Errorf("Options() is not a copy")
	}
	_, err := c.AssumeRoleForPodIdentity(context.Background(), placeholderInput(), eksauth.WithEndpointResolverV2(nil))
	if err == nil || !strings.Contains(err.Error(), "endpoint resolver") {
		t.Errorf("a nil EndpointResolverV2: err = %v", err)
	}
}

// TestConcurrentCalls shares one client between goroutines (run with -race
// to check that the cached runtime configuration is not written to).
func TestConcurrentCalls(t *testing.T) {
	s := newTestServer(t, respondWith(200, nil, `{"audience":"a"}`))
	c := newTestClient(s)
	const workers, calls = 8, 5
	errs := make(chan error, workers*calls)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range calls {
				_, err := c.AssumeRoleForPodIdentity(context.Background(), placeholderInput())
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if n := len(s.requests()); n != workers*calls {
		t.Errorf("%d requests, want %d", n, workers*calls)
	}
}
