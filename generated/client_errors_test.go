package generated_test

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"

	"github.com/eksauthgen/eksauthgen/generated/eksauth"
	"github.com/eksauthgen/eksauthgen/generated/eksauth/types"
)

// modeledErrors are the errors of the EKS Auth model: code, HTTP status,
// fault, and an errors.As check for the typed error.
var modeledErrors = []struct {
	code   string
	status int
	fault  smithy.ErrorFault
	as     func(error) bool
}{
	{"AccessDeniedException", 400, smithy.FaultClient, as[*types.AccessDeniedException]},
	{"ExpiredTokenException", 400, smithy.FaultClient, as[*types.ExpiredTokenException]},
	{"InternalServerException", 500, smithy.FaultServer, as[*types.InternalServerException]},
	{"InvalidParameterException", 400, smithy.FaultClient, as[*types.InvalidParameterException]},
	{"InvalidRequestException", 400, smithy.FaultClient, as[*types.InvalidRequestException]},
	{"InvalidTokenException", 400, smithy.FaultClient, as[*types.InvalidTokenException]},
	{"ResourceNotFoundException", 404, smithy.FaultClient, as[*types.ResourceNotFoundException]},
	{"ServiceUnavailableException", 503, smithy.FaultServer, as[*types.ServiceUnavailableException]},
	{"ThrottlingException", 429, smithy.FaultClient, as[*types.ThrottlingException]},
}

// TestModeledErrors answers every modeled error, with its status, in the
// three ways the code can be sent (X-Amzn-ErrorType header, body "code",
// body "__type" with a namespace), and checks the typed error, the
// smithy.APIError view, the status and request ID, and that only the
// retryable ones (429, 500, 503) are retried.
func TestModeledErrors(t *testing.T) {
	forms := []struct {
		name   string
		header func(code string) map[string]string
		body   func(code string) string
	}{
		{"header", func(code string) map[string]string {
			return map[string]string{"X-Amzn-Errortype": code + ":http://internal.amazon.com/coral/com.amazonaws.eksauth/"}
		}, func(string) string { return `{"message":"boom"}` }},
		{"code", func(string) map[string]string { return nil }, func(code string) string { return `{"code":"` + code + `","Message":"boom"}` }},
		{"__type", func(string) map[string]string { return nil }, func(code string) string {
			return `{"__type":"com.amazonaws.eksauth#` + code + `","message":"boom"}`
		}},
	}
	for _, e := range modeledErrors {
		for _, form := range forms {
			t.Run(e.code+"/"+form.name, func(t *testing.T) {
				header := map[string]string{"Content-Type": "application/json", "X-Amzn-Requestid": "rid-1"}
				for k, v := range form.header(e.code) {
					header[k] = v
				}
				s := newTestServer(t, respondWith(e.status, header, form.body(e.code)))
				_, err := newTestClient(s).AssumeRoleForPodIdentity(context.Background(), placeholderInput())
				if !e.as(err) {
					t.Fatalf("errors.As to the %s type failed: %v", e.code, err)
				}
				var api smithy.APIError
				if !errors.As(err, &api) || api.ErrorCode() != e.code || api.ErrorMessage() != "boom" || api.ErrorFault() != e.fault {
					t.Errorf("APIError: %v", err)
				}
				var re *awshttp.ResponseError
				if !errors.As(err, &re) || re.HTTPStatusCode() != e.status || re.ServiceRequestID() != "rid-1" {
					t.Errorf("ResponseError: %v", err)
				}
				retryable := e.status == 429 || e.status >= 500
				wantAttempts := 1
				if retryable {
					wantAttempts = 3
					var me *retry.MaxAttemptsError
					if !errors.As(err, &me) || me.Attempt != 3 {
						t.Errorf("want *retry.MaxAttemptsError after 3 attempts: %v", err)
					}
				}
				if n := len(s.requests()); n != wantAttempts {
					t.Errorf("%d attempts, want %d", n, wantAttempts)
				}
			})
		}
	}
}

// TestUnmodeledError checks that an unknown code becomes a
// *smithy.GenericAPIError with its code and message.
func TestUnmodeledError(t *testing.T) {
	s := newTestServer(t, respondWith(http.StatusBadRequest, map[string]string{"X-Amzn-Requestid": "rid-2"}, `{"__type":"SomethingNewException","message":"new"}`))
	_, err := newTestClient(s).AssumeRoleForPodIdentity(context.Background(), placeholderInput())
	var g *smithy.GenericAPIError
	if !errors.As(err, &g) || g.Code != "SomethingNewException" || g.Message != "new" {
		t.Fatalf("want *smithy.GenericAPIError SomethingNewException/new, got %v", err)
	}
	var re *awshttp.ResponseError
	if !errors.As(err, &re) || re.HTTPStatusCode() != 400 || re.ServiceRequestID() != "rid-2" {
		t.Errorf("ResponseError: %v", err)
	}
}

// TestValidation checks client-side validation: a missing required member
// or an empty label fails before anything is sent, wrapped in a
// *smithy.OperationError with smithy.InvalidParamsError; constraint
// violations are sent unless Options.ValidateFully is set.
func TestValidation(t *testing.T) {
	badPattern := &eksauth.AssumeRoleForPodIdentityInput{ClusterName: aws.String("-bad"), Token: aws.String("not-a-jwt")}
	tests := []struct {
		name     string
		in       *eksauth.AssumeRoleForPodIdentityInput
		fully    bool
		wantErr  bool
		wantSent int
	}{
		{"nil input", nil, false, true, 0},
		{"missing token", &eksauth.AssumeRoleForPodIdentityInput{ClusterName: aws.String("c")}, false, true, 0},
		{"empty label", &eksauth.AssumeRoleForPodIdentityInput{ClusterName: aws.String(""), Token: aws.String("a.b.c")}, false, true, 0},
		{"constraints not checked by default", badPattern, false, false, 1},
		{"constraints checked when ValidateFully", badPattern, true, true, 0},
		{"valid when ValidateFully", &eksauth.AssumeRoleForPodIdentityInput{ClusterName: aws.String("c"), Token: aws.String("a.b.c")}, true, false, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestServer(t, respondWith(200, nil, "{}"))
			c := newTestClient(s, func(o *eksauth.Options) { o.ValidateFully = tt.fully })
			_, err := c.AssumeRoleForPodIdentity(context.Background(), tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if err != nil {
				var op *smithy.OperationError
				if !errors.As(err, &op) || op.Operation() != "AssumeRoleForPodIdentity" {
					t.Errorf("not an operation error: %v", err)
				}
				var inv smithy.InvalidParamsError
				if !tt.fully && !errors.As(err, &inv) {
					t.Errorf("not a smithy.InvalidParamsError: %v", err)
				}
			}
			if n := len(s.requests()); n != tt.wantSent {
				t.Errorf("%d requests sent, want %d", n, tt.wantSent)
			}
		})
	}
}
