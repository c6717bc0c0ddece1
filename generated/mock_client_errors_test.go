package generated_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	smithy "github.com/aws/smithy-go"

	"github.com/eksauthgen/eksauthgen/generated/eksauth"
	"github.com/eksauthgen/eksauthgen/generated/eksauth/eksauthmock"
	"github.com/eksauthgen/eksauthgen/generated/eksauth/types"
)

// noRetries makes one attempt per call, so that a retryable error is seen.
func noRetries(o *eksauth.Options) { o.RetryMaxAttempts = 1 }

func TestMockEveryModeledErrorThroughClient(t *testing.T) {
	msg := aws.String("details here")
	tests := []struct {
		err   error
		is    func(error) bool
		fault smithy.ErrorFault
	}{
		{&types.AccessDeniedException{Message: msg}, as[*types.AccessDeniedException], smithy.FaultClient},
		{&types.ExpiredTokenException{Message: msg}, as[*types.ExpiredTokenException], smithy.FaultClient},
		{&types.InternalServerException{Message: msg}, as[*types.InternalServerException], smithy.FaultServer},
		{&types.InvalidParameterException{Message: msg}, as[*types.InvalidParameterException], smithy.FaultClient},
		{&types.InvalidRequestException{Message: msg}, as[*types.InvalidRequestException], smithy.FaultClient},
		{&types.InvalidTokenException{Message: msg}, as[*types.InvalidTokenException], smithy.FaultClient},
		{&types.ResourceNotFoundException{Message: msg}, as[*types.ResourceNotFoundException], smithy.FaultClient},
		{&types.ServiceUnavailableException{Message: msg}, as[*types.ServiceUnavailableException], smithy.FaultServer},
		{&types.ThrottlingException{Message: msg}, as[*types.ThrottlingException], smithy.FaultClient},
	}
	for _, tc := range tests {
		code := tc.err.(smithy.APIError).ErrorCode()
		t.Run(code, func(t *testing.T) {
			m := &eksauthmock.Mock{
				AssumeRoleForPodIdentityFunc: func(context.Context, *eksauth.AssumeRoleForPodIdentityInput) (*eksauth.AssumeRoleForPodIdentityOutput, error) {
					return nil, tc.err
				},
			}
			ts := startMock(t, m)
			_, err := mockClient(ts.URL).AssumeRoleForPodIdentity(context.Background(),
				&eksauth.AssumeRoleForPodIdentityInput{ClusterName: aws.String("c"), Token: aws.String("h.p.s")}, noRetries)
			var apiErr smithy.APIError
			if !tc.is(err) || !errors.As(err, &apiErr) || apiErr.ErrorCode() != code ||
				apiErr.ErrorMessage() != *msg || apiErr.ErrorFault() != tc.fault {
				t.Errorf("client got %v, want %s (%v)", err, code, tc.fault)
			}
			if n := len(m.Calls()); n != 1 {
				t.Errorf("%d calls, want 1", n)
			}
		})
	}
}

func TestMockLimitsThroughClient(t *testing.T) {
	ok := sampleMock()
	long := strings.Repeat("a", 200) + ".p.s"
	tests := []struct {
		name  string
		opts  []eksauthmock.Option
		in    *eksauth.AssumeRoleForPodIdentityInput
		code  string
		is    func(error) bool
		inMsg []string
	}{
		{"body limit", []eksauthmock.Option{eksauthmock.WithBodyLimit(128)},
			&eksauth.AssumeRoleForPodIdentityInput{ClusterName: aws.String("c"), Token: aws.String(long)},
			"RequestEntityTooLargeException", func(error) bool { return true }, []string{"128 bytes"}},
		{"token pattern", nil,
			&eksauth.AssumeRoleForPodIdentityInput{ClusterName: aws.String("c"), Token: aws.String("no-dots")},
			"InvalidParameterException", as[*types.InvalidParameterException], []string{"/token", "pattern"}},
		{"cluster name and token", nil,
			&eksauth.AssumeRoleForPodIdentityInput{ClusterName: aws.String("_x"), Token: aws.String("a..b")},
			"InvalidParameterException", as[*types.InvalidParameterException], []string{"2 validation errors", "/clusterName", "/token"}},
		{"validation error option", []eksauthmock.Option{eksauthmock.WithValidationError("InvalidRequestException")},
			&eksauth.AssumeRoleForPodIdentityInput{ClusterName: aws.String("c"), Token: aws.String("no-dots")},
			"InvalidRequestException", as[*types.InvalidRequestException], []string{"/token"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ok.Reset()
			ts := startMock(t, ok, tc.opts...)
			_, err := mockClient(ts.URL).AssumeRoleForPodIdentity(context.Background(), tc.in, noRetries)
			var apiErr smithy.APIError
			if !errors.As(err, &apiErr) || apiErr.ErrorCode() != tc.code || !tc.is(err) {
				t.Fatalf("got %v, want %s", err, tc.code)
			}
			for _, w := range tc.inMsg {
				if !strings.Contains(apiErr.ErrorMessage(), w) {
					t.Errorf("message %q lacks %q", apiErr.ErrorMessage(), w)
				}
			}
			if n := len(ok.Calls()); n != 0 {
				t.Errorf("the service saw %d refused calls", n)
			}
		})
	}
}
