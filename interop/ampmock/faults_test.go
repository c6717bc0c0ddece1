package ampmock

import (
	"errors"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	sdkamp "github.com/aws/aws-sdk-go-v2/service/amp"
	sdktypes "github.com/aws/aws-sdk-go-v2/service/amp/types"
	smithy "github.com/aws/smithy-go"

	genmock "github.com/eksauthgen/eksauthgen/interop/amp/ampmock"
	"github.com/eksauthgen/eksauthgen/interop/amp/types"
)

func TestSDKRetriesInjectedFaults(t *testing.T) {
	tests := []struct {
		name     string
		fault    genmock.Fault
		requests int64  // HTTP requests for the two calls
		attempts int    // SDK attempts of the second call; 0: not checked
		code     string // error of the second call; "" when it succeeds
	}{
		{"every 2nd throttled by status", genmock.Fault{Status: 429, EveryNth: 2}, 3, 2, ""},
		{"modeled throttle", genmock.Fault{Err: &types.ThrottlingException{Message: aws.String("Rate exceeded"),
			ServiceCode: aws.String("aps"), QuotaCode: aws.String("L-1")}, EveryNth: 2}, 3, 2, ""},
		{"internal error retried", genmock.Fault{Err: &types.InternalServerException{Message: aws.String("oops")}, EveryNth: 2}, 3, 2, ""},
		// net/http itself may resend a GET whose reused connection dropped,
		// so the SDK's attempts are not checked.
		{"dropped connection retried", genmock.Fault{Drop: true, EveryNth: 2}, 3, 0, ""},
		{"always throttled: gives up", genmock.Fault{Status: 429}, 6, 3, "ThrottlingException"},
		{"validation is not retried", genmock.Fault{Err: &types.ValidationException{Message: aws.String("no"), Reason: types.ValidationExceptionReasonOther}, EveryNth: 2},
			2, 1, "ValidationException"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, m := newFake()
			s := startServer(t, m, genmock.WithFault(genmock.OpListWorkspaces, tc.fault))
			c := sdkClient(s.url)
			if _, err := c.ListWorkspaces(t.Context(), &sdkamp.ListWorkspacesInput{}); tc.fault.EveryNth == 2 && err != nil {
				t.Fatalf("first call: %v", err)
			}
			out, err := c.ListWorkspaces(t.Context(), &sdkamp.ListWorkspacesInput{})
			var code string
			var apiErr smithy.APIError
			if errors.As(err, &apiErr) {
				code = apiErr.ErrorCode()
			} else if err != nil {
				t.Fatalf("second call: %v", err)
			}
			if code != tc.code {
				t.Errorf("second call: %v, want %q", err, tc.code)
			}
			if got := s.requests.Load(); got != tc.requests {
				t.Errorf("%d HTTP requests, want %d", got, tc.requests)
			}
			switch {
			case tc.attempts == 0:
			case err == nil:
				if res, ok := retry.GetAttemptResults(out.ResultMetadata); !ok || len(res.Results) != tc.attempts {
					t.Errorf("attempts %+v, want %d", res.Results, tc.attempts)
				}
			default:
				if n := attemptsOf(err); n != tc.attempts {
					t.Errorf("%d attempts, want %d", n, tc.attempts)
				}
			}
		})
	}
}

// attemptsOf counts the attempts of a failed call from its error.
func attemptsOf(err error) int {
	var me *retry.MaxAttemptsError
	if errors.As(err, &me) {
		return me.Attempt
	}
	return 1
}

func TestSDKThrottleTyped(t *testing.T) {
	_, m := newFake()
	s := startServer(t, m, genmock.WithFault(genmock.OpDescribeWorkspace, genmock.Fault{
		Err: &types.ThrottlingException{Message: aws.String("Rate exceeded"), ServiceCode: aws.String("aps"), QuotaCode: aws.String("L-1"),
			RetryAfterSeconds: aws.Int32(7)},
	}))
	start := time.Now()
	_, err := sdkClient(s.url).DescribeWorkspace(t.Context(), &sdkamp.DescribeWorkspaceInput{WorkspaceId: aws.String("ws-1")})
	var te *sdktypes.ThrottlingException
	// retryAfterSeconds travels in the Retry-After header.
	if !errors.As(err, &te) || aws.ToString(te.ServiceCode) != "aps" || aws.ToString(te.QuotaCode) != "L-1" || te.ErrorMessage() != "Rate exceeded" ||
		aws.ToInt32(te.RetryAfterSeconds) != 7 {
		t.Errorf("got %v, want the SDK's ThrottlingException with its members", err)
	}
	if s.requests.Load() != 3 || time.Since(start) > 10*time.Second {
		t.Errorf("%d requests in %v, want 3 quick attempts", s.requests.Load(), time.Since(start))
	}
}
