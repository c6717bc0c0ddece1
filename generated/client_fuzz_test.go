package generated_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"

	"github.com/eksauthgen/eksauthgen/generated/eksauth"
)

// fuzzHTTPClient answers every request with one fixed response.
type fuzzHTTPClient struct {
	status int
	header http.Header
	body   []byte
}

// Do returns the fixed response, after draining the request body.
func (c fuzzHTTPClient) Do(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		_, _ = io.Copy(io.Discard, req.Body)
		_ = req.Body.Close()
	}
	return &http.Response{
		Status:        strconv.Itoa(c.status) + " " + http.StatusText(c.status),
		StatusCode:    c.status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        c.header.Clone(),
		Body:          io.NopCloser(bytes.NewReader(c.body)),
		ContentLength: int64(len(c.body)),
		Request:       req,
	}, nil
}

// FuzzClientResponse answers the generated client's AssumeRoleForPodIdentity
// with an arbitrary status, headers ("Name: value" lines) and body, retries
// off. The call must not panic and must return either an output or an error
// that is a smithy.APIError or a *smithy.DeserializationError.
func FuzzClientResponse(f *testing.F) {
	ok := `{"subject":{"namespace":"ns","serviceAccount":"sa"},"audience":"a","podIdentityAssociation":{"associationArn":"arn","associationId":"id"},"assumedRoleUser":{"arn":"arn","assumeRoleId":"rid"},"credentials":{"sessionToken":"st","secretAccessKey":"sk","accessKeyId":"ak","expiration":1.7e9}}`
	f.Add(200, "Content-Type: application/json", []byte(ok))
	f.Add(200, "Content-Type: application/json", []byte(`{}`))
	f.Add(200, "", []byte(``))
	f.Add(200, "Content-Type: application/json", []byte(ok[:len(ok)/2]))
	f.Add(200, "Content-Type: application/json", []byte(`{"credentials":{"expiration":"soon"},"subject":[]}`))
	f.Add(400, "X-Amzn-ErrorType: InvalidTokenException", []byte(`{"message":"bad"}`))
	f.Add(400, "", []byte(`{"__type":"com.amazonaws.eksauth#ExpiredTokenException:http://x","Message":"m"}`))
	f.Add(404, "X-Amzn-ErrorType: ResourceNotFoundException:http://internal.amazon.com/", []byte(`{"code":"X"}`))
	f.Add(429, "X-Amzn-ErrorType: ThrottlingException\nRetry-After: 1", []byte(`{"message":1}`))
	f.Add(502, "Content-Type: text/html", []byte(`<html><body>Bad Gateway</body></html>`))
	f.Add(500, "", []byte(nil))
	f.Add(503, "X-Amzn-ErrorType: ", []byte(`{"__type":""}`))
	f.Add(302, "Location: /elsewhere", []byte(nil))
	f.Add(204, "", []byte(nil))
	f.Add(200, "Content-Type: application/json", []byte(`{"audience":"\ud800","credentials":{"expiration":1e999}}`))
	f.Fuzz(func(t *testing.T, status int, headers string, body []byte) {
		if status < 100 || status > 999 {
			status = 100 + (status%900+900)%900
		}
		h := http.Header{}
		for line := range strings.SplitSeq(headers, "\n") {
			if k, v, found := strings.Cut(line, ":"); found && k != "" {
				h.Add(k, strings.TrimSpace(v))
			}
		}
		client := eksauth.New(eksauth.Options{
			Region:       "us-west-2",
			BaseEndpoint: aws.String("https://eks-auth.us-west-2.api.aws"),
			Credentials:  staticCredentials,
			Retryer:      aws.NopRetryer{},
			HTTPClient:   fuzzHTTPClient{status: status, header: h, body: body},
		})
		out, err := client.AssumeRoleForPodIdentity(context.Background(), placeholderInput())
		checkClientResult(t, status, out, err)
	})
}

// checkClientResult checks that exactly one of out and err is set and that
// err is typed.
func checkClientResult(t *testing.T, status int, out *eksauth.AssumeRoleForPodIdentityOutput, err error) {
	t.Helper()
	if (out == nil) == (err == nil) {
		t.Fatalf("status %d: output %v and error %v: want exactly one", status, out != nil, err)
	}
	if err == nil {
		return
	}
	var apiErr smithy.APIError
	var deserErr *smithy.DeserializationError
	switch {
	case errors.As(err, &apiErr):
		// The code may be empty: a body {"__type":"#"} sanitises to "", as
		// in the AWS SDK.
	case errors.As(err, &deserErr):
	default:
		t.Errorf("status %d: error %v (%T) is neither a smithy.APIError nor a *smithy.DeserializationError", status, err, err)
	}
}
