package awsrt

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	smithyauth "github.com/aws/smithy-go/auth"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	"github.com/aws/smithy-go/logging"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// DecodeFunc decodes a 2xx response. body is the whole response body (the
// response's Body is already consumed and closed); nothing else holds it,
// and it must not be modified: decoders share its memory
// (NewOwnedDecoder).
type DecodeFunc func(resp *http.Response, body []byte) error

// ErrorDecoder maps a sanitised error code (matched case-insensitively) to
// the modeled error decoded from body. It returns nil for a code the
// operation does not model; Do then returns a *smithy.GenericAPIError.
type ErrorDecoder func(code string, resp *http.Response, body []byte) error

// Do performs one operation call: the SDK's middleware stack for a restJson1
// operation, flattened into one function. Per attempt it resolves the
// endpoint, retrieves credentials, builds the request, signs it with SigV4,
// sends it and decodes the response; between attempts it consults
// cfg.Retryer exactly as the SDK's retry middleware does (attempt token,
// retryability, max attempts, retry-quota token, delay with the
// x-amz-retry-after adjustment, cancellable sleep).
//
// Every error is an *smithy.OperationError{ServiceID, OperationName}; errors
// from the service or the transport are wrapped in *awshttp.ResponseError
// (HTTP status, request ID), retries exhausted in *retry.MaxAttemptsError,
// so errors.As and the error text match the SDK's.
func Do(ctx context.Context, cfg *Config, operation string, req *Request, decode DecodeFunc, decodeErr ErrorDecoder) error {
	if err := do(ctx, cfg, operation, req, decode, decodeErr); err != nil {
		return &smithy.OperationError{ServiceID: cfg.ServiceID, OperationName: operation, Err: err}
	}
	return nil
}

// call is the state shared by the attempts of one call. The request and
// the decode functions are passed to the methods that use them rather than
// kept here: the escape analysis then sees they do not outlive the call, so
// the generated operation's Request and closures stay on its stack.
type call struct {
	cfg          *Config
	operation    string
	payloadHash  string
	invocationID string
	maxAttempts  int
	signer       *v4.Signer
}

func do(ctx context.Context, cfg *Config, operation string, req *Request, decode DecodeFunc, decodeErr ErrorDecoder) error {
	var retryer aws.Retryer = aws.NopRetryer{}
	if cfg.Retryer != nil {
		retryer = cfg.Retryer
	}
	signed := !anonymous(cfg.Credentials)
	id, hash, err := callStrings(req.Body, signed)
	if err != nil {
		return fmt.Errorf("failed to generate invocation id, %w", err)
	}
	c := call{
		cfg:          cfg,
		operation:    operation,
		invocationID: id,
		maxAttempts:  retryer.MaxAttempts(),
		signer:       cfg.Signer,
	}
	if signed {
		c.payloadHash = hash
		if c.signer == nil {
			c.signer = v4.NewSigner()
		}
	}

	releaseRetryToken := nopRelease
	for attempt := 1; ; attempt++ {
		select {
		case <-ctx.Done():
			return ctx.Err()
		default:
		}
		releaseAttemptToken, err := attemptToken(ctx, retryer)
		if err != nil {
			return fmt.Errorf("failed to get retry Send token, %w", err)
		}
		if attempt > 1 {
			c.logf(logging.Debug, cfg.ClientLogMode.IsRetries(), "retrying request %s/%s, attempt %d", cfg.ServiceID, operation, attempt)
		}

		err = c.attempt(ctx, req, attempt, decode, decodeErr)

		if relErr := releaseRetryToken(err); relErr != nil && err != nil {
			return fmt.Errorf("failed to release retry token after request error, %w", err)
		}
		if relErr := releaseAttemptToken(err); relErr != nil && err != nil {
			return fmt.Errorf("failed to release initial token after request error, %w", err)
		}
		if err == nil {
			return nil
		}
		if !retryer.IsErrorRetryable(err) {
			c.logf(logging.Debug, cfg.ClientLogMode.IsRetries(), "request failed with unretryable error %v", err)
			return err
		}
		if c.maxAttempts > 0 && attempt >= c.maxAttempts {
			c.logf(logging.Debug, cfg.ClientLogMode.IsRetries(), "max retry attempts exhausted, max %d", c.maxAttempts)
			return &retry.MaxAttemptsError{Attempt: attempt, Err: err}
		}
		rel, tokenErr := retryer.GetRetryToken(ctx, err)
		if tokenErr != nil {
			return errors.Join(err, tokenErr)
		}
		releaseRetryToken = rel
		delay, delayErr := retryer.RetryDelay(attempt, err)
		if delayErr != nil {
			return delayErr
		}
		delay = retryAfter(delay, err)
		if sleepErr := cfg.sleep(ctx, delay); sleepErr != nil {
			return &aws.RequestCanceledError{Err: sleepErr}
		}
	}
}

func nopRelease(error) error { return nil }

// attemptToken gets the per-attempt token as the SDK wraps a Retryer into a
// RetryerV2.
func attemptToken(ctx context.Context, r aws.Retryer) (func(error) error, error) {
	if v2, ok := r.(aws.RetryerV2); ok {
		return v2.GetAttemptToken(ctx)
	}
	return r.GetInitialToken(), nil
}

// retryAfter clamps the backoff to the x-amz-retry-after header (integer
// milliseconds) into [backoff, backoff+5s], as the SDK does.
func retryAfter(backoff time.Duration, err error) time.Duration {
	var re *smithyhttp.ResponseError
	if !errors.As(err, &re) || re.Response == nil || re.Response.Response == nil {
		return backoff
	}
	v := re.Response.Header.Get("X-Amz-Retry-After")
	if v == "" {
		return backoff
	}
	ms, perr := strconv.ParseInt(v, 10, 64)
	if perr != nil || ms < 0 {
		return backoff
	}
	return min(max(time.Duration(ms)*time.Millisecond, backoff), backoff+5*time.Second)
}

// attempt runs one attempt: identity, endpoint, build, sign, send, decode.
func (c *call) attempt(ctx context.Context, req *Request, attempt int, decode DecodeFunc, decodeErr ErrorDecoder) error {
	cfg := c.cfg
	var creds aws.Credentials
	signed := !anonymous(cfg.Credentials)
	if signed {
		var err error
		creds, err = cfg.Credentials.Retrieve(ctx)
		if err != nil {
			return fmt.Errorf("get identity: get credentials: %w", err)
		}
	}
	if cfg.ResolveEndpoint == nil {
		return fmt.Errorf("expected endpoint resolver to not be nil")
	}
	ep, err := cfg.ResolveEndpoint(ctx)
	if err != nil {
		return fmt.Errorf("failed to resolve service endpoint, %w", err)
	}
	r, err := cfg.buildHTTPRequest(ctx, req, &ep, c.invocationID, sdkRequestHeader(attempt, c.maxAttempts), signed, creds.SessionToken != "")
	if err != nil {
		return err
	}
	if signed {
		if err := c.sign(ctx, creds, r, &ep); err != nil {
			return fmt.Errorf("sign request: sign http: %w", err)
		}
	}
	c.logRequest(r)

	resp, err := cfg.HTTPClient.Do(r)
	if err != nil {
		err = &smithyhttp.RequestSendError{Err: err}
		select {
		case <-ctx.Done():
			err = &smithy.CanceledError{Err: ctx.Err()}
		default:
		}
		if resp == nil {
			resp = &http.Response{Header: http.Header{}, Body: http.NoBody}
		}
		return responseError(resp, err)
	}
	c.logResponse(resp)
	return handleResponse(resp, decode, decodeErr)
}

// sign signs r with SigV4 as the SDK does. A path of unreserved characters
// and '/' only is the same escaped once or twice, so the signer is told not
// to escape it again: the signature is the same and the copies are saved.
func (c *call) sign(ctx context.Context, creds aws.Credentials, r *http.Request, ep *smithyendpoints.Endpoint) error {
	name, region := c.cfg.signingScope(ep)
	// The signer replaces RawQuery with the canonical query (sorted, "k="
	// for a bare key); the serializer's query is sent instead: it is the
	// same canonically, so the signature holds.
	query := r.URL.RawQuery
	defer func() { r.URL.RawQuery = query }()
	if plainPath(r.URL.EscapedPath()) {
		return c.signer.SignHTTP(ctx, creds, r, c.payloadHash, name, region, c.cfg.now(), keepPath)
	}
	return c.signer.SignHTTP(ctx, creds, r, c.payloadHash, name, region, c.cfg.now())
}

// keepPath makes the signer use the request's escaped path as it is.
func keepPath(o *v4.SignerOptions) { o.DisableURIPathEscaping = true }

// plainPath reports whether p holds only the characters that SigV4's path
// escaping keeps: unreserved ones (RFC 3986) and '/'.
func plainPath(p string) bool {
	for i := 0; i < len(p); i++ {
		if c := p[i]; !unreserved(c) && c != '/' {
			return false
		}
	}
	return true
}

// signingScope returns the signing name and region of an attempt: cfg's,
// unless the endpoint's auth-scheme properties override them.
func (c *Config) signingScope(ep *smithyendpoints.Endpoint) (name, region string) {
	name, region = c.SigningName, c.SigningRegion
	// Values is nil, without allocating, for an endpoint without properties,
	// where Get would allocate their map.
	if ep.Properties.Values() == nil {
		return name, region
	}
	opts, _ := smithyauth.GetAuthOptions(&ep.Properties)
	for _, o := range opts {
		if v, ok := smithyhttp.GetSigV4SigningName(&o.SignerProperties); ok {
			name = v
		}
		if v, ok := smithyhttp.GetSigV4SigningRegion(&o.SignerProperties); ok {
			region = v
		}
	}
	return name, region
}

// handleResponse reads and decodes the response; it always closes the body.
func handleResponse(resp *http.Response, decode DecodeFunc, decodeErr ErrorDecoder) error {
	if resp.StatusCode < 200 || resp.StatusCode >= 300 {
		return responseError(resp, decodeError(resp, decodeErr))
	}
	body, err := readBody(resp, -1)
	if err != nil {
		return responseError(resp, &smithy.DeserializationError{Err: fmt.Errorf("failed to decode response body, %w", err)})
	}
	if decode != nil {
		if err := decode(resp, body); err != nil {
			return responseError(resp, &smithy.DeserializationError{
				Err:      fmt.Errorf("failed to decode response body, %w", err),
				Snapshot: snapshot(body),
			})
		}
	}
	return nil
}

// responseError wraps err the way the SDK's ResponseErrorWrapper does.
func responseError(resp *http.Response, err error) error {
	return &awshttp.ResponseError{
		ResponseError: &smithyhttp.ResponseError{Response: &smithyhttp.Response{Response: resp}, Err: err},
		RequestID:     RequestID(resp.Header),
	}
}

// RequestID returns the AWS request ID of a response (X-Amzn-Requestid,
// else X-Amz-Request-Id), as the SDK's RequestIDRetriever reads it.
func RequestID(h http.Header) string {
	if v := h.Get("X-Amzn-Requestid"); v != "" {
		return v
	}
	return h.Get("X-Amz-Requestid")
}

// snapshot returns at most the first 1 KiB of a body for a
// DeserializationError, as the SDK's ring buffer keeps.
func snapshot(body []byte) []byte {
	if len(body) > 1024 {
		body = body[:1024]
	}
	return append([]byte(nil), body...)
}

// readBody reads the whole body (or, with limit >= 0, at most limit bytes,
// reporting truncated) and closes it. A known Content-Length sizes the
// buffer exactly.
func readBody(resp *http.Response, limit int64) ([]byte, error) {
	b, _, err := readBodyLimit(resp, limit)
	return b, err
}

// MaxErrorBody is how much of an error response Do reads; the rest is
// discarded (up to discardLimit, then the connection is dropped).
const MaxErrorBody = 1 << 20

const discardLimit = 256 << 10

func readBodyLimit(resp *http.Response, limit int64) (body []byte, truncated bool, err error) {
	defer resp.Body.Close()
	n := resp.ContentLength
	var r io.Reader = resp.Body
	if limit >= 0 {
		if n > limit {
			n = limit
		}
		r = io.LimitReader(resp.Body, limit+1)
	}
	if n >= 0 {
		body = make([]byte, 0, n+1)
	} else {
		body = make([]byte, 0, 512)
	}
	for {
		if len(body) == cap(body) {
			body = append(body, 0)[:len(body)]
		}
		m, rerr := r.Read(body[len(body):cap(body)])
		body = body[:len(body)+m]
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			return body, false, rerr
		}
	}
	if limit >= 0 && int64(len(body)) > limit {
		body = body[:limit]
		truncated = true
		_, _ = io.CopyN(io.Discard, resp.Body, discardLimit)
	}
	return body, truncated, nil
}
