package ampmock

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	sdkamp "github.com/aws/aws-sdk-go-v2/service/amp"

	genmock "github.com/eksauthgen/eksauthgen/interop/amp/ampmock"
)

// The identity the SDK signs with and the mock checks.
var testCreds = aws.Credentials{
	AccessKeyID:     "AKIDEXAMPLE",
	SecretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
}

// server is a generated amp mock on a loopback test server.
type server struct {
	url      string
	requests atomic.Int64 // HTTP requests received, faults included
}

// startServer serves svc with opts (and SigV4 verification of testCreds)
// until the test ends.
func startServer(t *testing.T, svc genmock.Service, opts ...genmock.Option) *server {
	t.Helper()
	s := &server{}
	h := genmock.NewHandler(svc, append([]genmock.Option{genmock.WithSigV4(testCreds, "us-west-2")}, opts...)...)
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.requests.Add(1)
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(ts.Close)
	s.url = ts.URL
	return s
}

// sdkClient returns the AWS SDK's amp client calling url, retrying up to
// three attempts without waiting between them.
func sdkClient(url string) *sdkamp.Client {
	return sdkamp.New(sdkamp.Options{
		Region:       "us-west-2",
		BaseEndpoint: aws.String(url),
		Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return testCreds, nil
		}),
		Retryer: retry.NewStandard(func(o *retry.StandardOptions) {
			o.MaxAttempts = 3
			o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
		}),
	})
}
