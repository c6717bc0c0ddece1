package awsrt

import (
	"context"
	"net/http"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	"github.com/aws/smithy-go/logging"
)

// HTTPClient sends one HTTP request; *http.Client and the SDK's
// awshttp.BuildableClient satisfy it.
type HTTPClient interface {
	Do(*http.Request) (*http.Response, error)
}

// Config is what Do needs besides the request: the generated client builds
// one from its Options when it is created (and a new one for a call whose
// functional options change it). Do never modifies it, so one Config serves
// concurrent calls.
type Config struct {
	// ServiceID names the service in errors ("EKS Auth").
	ServiceID string

	// SigningName and SigningRegion are the SigV4 scope; an endpoint may
	// override them through its auth-scheme properties.
	SigningName   string
	SigningRegion string

	// ResolveEndpoint returns the endpoint of one attempt (URL and extra
	// headers), as the SDK's ResolveEndpointV2 step does. Required.
	ResolveEndpoint func(ctx context.Context) (smithyendpoints.Endpoint, error)

	// DisableHTTPS sends the request over http whatever the endpoint says.
	DisableHTTPS bool

	// DisableHostPrefix ignores Request.HostPrefix (the SDK's
	// EndpointOptions / custom-endpoint behaviour).
	DisableHostPrefix bool

	// HTTPClient sends requests. Required.
	HTTPClient HTTPClient

	// Credentials signs requests; nil or aws.AnonymousCredentials sends them
	// unsigned. Wrap providers with ResolveCredentials to cache them as the
	// SDK does.
	Credentials aws.CredentialsProvider

	// Signer signs requests. Generated clients share one per client, so that
	// its cache of derived signing keys works across calls; nil means a
	// default v4.Signer built per call (and keys derived every call).
	Signer *v4.Signer

	// Retryer decides on retries; see ResolveRetryer. nil means one attempt.
	Retryer aws.Retryer

	// UserAgent is the User-Agent header value; see UserAgent.
	UserAgent string

	// Now is the signing clock (time.Now when nil).
	Now func() time.Time

	// Sleep waits between attempts, returning early with ctx.Err() when ctx
	// ends (a timer-based wait when nil). Tests replace it.
	Sleep func(ctx context.Context, d time.Duration) error

	// Logger and ClientLogMode enable the SDK's optional logging of retries
	// (LogRetries) and of requests and responses (LogRequest, LogResponse).
	// Authorization and security-token headers are redacted and bodies are
	// never logged: EKS Auth bodies carry tokens and credentials.
	Logger        logging.Logger
	ClientLogMode aws.ClientLogMode
}

// ResolveRetryer returns the retryer a client uses, as the SDK resolves it:
// r itself when set, else retry.NewAdaptiveMode or retry.NewStandard (by
// mode, standard by default) with maxAttempts when non-zero; a non-zero
// maxAttempts then also wraps the result with retry.AddWithMaxAttempts.
func ResolveRetryer(r aws.Retryer, mode aws.RetryMode, maxAttempts int) aws.Retryer {
	if r == nil {
		var std []func(*retry.StandardOptions)
		if maxAttempts != 0 {
			std = append(std, func(o *retry.StandardOptions) { o.MaxAttempts = maxAttempts })
		}
		switch mode {
		case aws.RetryModeAdaptive:
			r = retry.NewAdaptiveMode(func(o *retry.AdaptiveModeOptions) {
				o.StandardOptions = append(o.StandardOptions, std...)
			})
		default:
			r = retry.NewStandard(std...)
		}
	}
	if maxAttempts != 0 {
		r = retry.AddWithMaxAttempts(r, maxAttempts)
	}
	return r
}

// ResolveCredentials returns the provider a client uses, as the SDK does:
// nil stays nil, aws.AnonymousCredentials and caches are kept, anything else
// is wrapped in an aws.CredentialsCache.
func ResolveCredentials(p aws.CredentialsProvider) aws.CredentialsProvider {
	switch p.(type) {
	case nil, aws.AnonymousCredentials, *aws.AnonymousCredentials:
		return p
	}
	if aws.IsCredentialsProvider(p, (*aws.CredentialsCache)(nil)) {
		return p
	}
	return aws.NewCredentialsCache(p)
}

// anonymous reports whether p means "do not sign".
func anonymous(p aws.CredentialsProvider) bool {
	switch p.(type) {
	case nil, aws.AnonymousCredentials, *aws.AnonymousCredentials:
		return true
	}
	return false
}

func (c *Config) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

func (c *Config) sleep(ctx context.Context, d time.Duration) error {
	if c.Sleep != nil {
		return c.Sleep(ctx, d)
	}
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
