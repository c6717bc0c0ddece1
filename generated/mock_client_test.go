package generated_test

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	smithy "github.com/aws/smithy-go"

	"github.com/eksauthgen/eksauthgen/generated/eksauth"
	"github.com/eksauthgen/eksauthgen/generated/eksauth/eksauthmock"
	"github.com/eksauthgen/eksauthgen/generated/eksauth/types"
)

// mockClient returns a generated client calling the mock at url, signing
// with the test credentials.
func mockClient(url string) *eksauth.Client {
	return eksauth.New(eksauth.Options{
		BaseEndpoint: aws.String(url),
		Region:       "us-west-2",
		Credentials:  staticCreds("secret"),
		HTTPClient:   &http.Client{},
	})
}

// staticCreds provides the test access key with the given secret.
func staticCreds(secret string) aws.CredentialsProvider {
	return aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: secret}, nil
	})
}

func TestMockWithGeneratedClient(t *testing.T) {
	creds := aws.Credentials{AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: "secret"}
	var (
		mu   sync.Mutex
		fail error // the error the service answers, if any
	)
	setFail := func(err error) {
		mu.Lock()
		defer mu.Unlock()
		fail = err
	}
	m := &eksauthmock.Mock{
		AssumeRoleForPodIdentityFunc: func(_ context.Context, in *eksauth.AssumeRoleForPodIdentityInput) (*eksauth.AssumeRoleForPodIdentityOutput, error) {
			mu.Lock()
			err := fail
			mu.Unlock()
			if err != nil {
				return nil, err
			}
			out := sampleOutput()
			out.Subject.ServiceAccount = in.ClusterName
			return out, nil
		},
	}
	ts := startMock(t, m, eksauthmock.WithSigV4(creds, "us-west-2"))
	client := mockClient(ts.URL)
	in := &eksauth.AssumeRoleForPodIdentityInput{ClusterName: aws.String("my-cluster"), Token: aws.String("h.p.s")}

	out, err := client.AssumeRoleForPodIdentity(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if *out.Subject.ServiceAccount != "my-cluster" || *out.Credentials.AccessKeyId != "ASIAEXAMPLE" {
		t.Errorf("output %+v", out)
	}

	// Every modeled error reaches the client as its typed error.
	for _, modeled := range []error{
		&types.AccessDeniedException{Message: aws.String("no")},
		&types.ExpiredTokenException{Message: aws.String("no")},
		&types.InvalidParameterException{Message: aws.String("no")},
		&types.InvalidRequestException{Message: aws.String("no")},
		&types.InvalidTokenException{Message: aws.String("no")},
		&types.ResourceNotFoundException{Message: aws.String("no")},
	} {
		setFail(modeled)
		_, err := client.AssumeRoleForPodIdentity(context.Background(), in)
		var apiErr smithy.APIError
		if !errors.As(err, &apiErr) || apiErr.ErrorCode() != modeled.(smithy.APIError).ErrorCode() || apiErr.ErrorMessage() != "no" {
			t.Errorf("%T: client got %v", modeled, err)
		}
	}
	setFail(nil)

	// Server-side validation failure (the client validates only required members).
	_, err = client.AssumeRoleForPodIdentity(context.Background(), &eksauth.AssumeRoleForPodIdentityInput{ClusterName: aws.String("-bad"), Token: aws.String("h.p.s")})
	var ipe *types.InvalidParameterException
	if !errors.As(err, &ipe) {
		t.Errorf("bad cluster name: %v", err)
	}

	// Wrong signing key: 403 from the signature check.
	bad := eksauth.New(eksauth.Options{BaseEndpoint: aws.String(ts.URL), Region: "us-west-2",
		Credentials: staticCreds("wrong")})
	_, err = bad.AssumeRoleForPodIdentity(context.Background(), in)
	var apiErr smithy.APIError
	if !errors.As(err, &apiErr) || apiErr.ErrorCode() != "SignatureDoesNotMatch" {
		t.Errorf("wrong key: %v", err)
	}
}

func TestMockFaultsWithClientRetries(t *testing.T) {
	m := sampleMock()
	// Two calls out of three fail with a retryable throttle: every call
	// succeeds within the client's three attempts.
	ts := startMock(t, m, eksauthmock.WithFault(eksauthmock.OpAssumeRoleForPodIdentity,
		eksauthmock.Fault{Err: &types.ThrottlingException{Message: aws.String("slow down")}, EveryNth: 2}))
	client := mockClient(ts.URL)
	in := &eksauth.AssumeRoleForPodIdentityInput{ClusterName: aws.String("c"), Token: aws.String("h.p.s")}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Go(func() {
			if _, err := client.AssumeRoleForPodIdentity(context.Background(), in, func(o *eksauth.Options) {
				o.RetryMaxAttempts = 5
			}); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n := len(m.Calls()); n != 8 {
		t.Errorf("the service saw %d calls, want 8 (the faults answer before it)", n)
	}
}
