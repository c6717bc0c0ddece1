package generated_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"

	"github.com/eksauthgen/eksauthgen/generated/eksauth/types"
)

// snapshotSkipHeaders are left out of a request snapshot: the SDK's snapshot
// test drops the signing and per-attempt headers, and captures the request
// before net/http's transport adds Content-Length and Accept-Encoding.
var snapshotSkipHeaders = map[string]bool{
	"Authorization":         true,
	"User-Agent":            true,
	"X-Amz-Date":            true,
	"X-Amz-Security-Token":  true,
	"Amz-Sdk-Invocation-Id": true,
	"Amz-Sdk-Request":       true,
	"Content-Length":        true,
	"Accept-Encoding":       true,
	"X-Amzn-Trace-Id":       true,
}

// formatRequest renders a request as the SDK's request snapshots do:
// "METHOD path[?query]", a blank line, the sorted headers, a blank line, the
// body.
func formatRequest(r recorded) string {
	var sb strings.Builder
	sb.WriteString(r.method + " " + r.path)
	if r.rawQuery != "" {
		sb.WriteString("?" + r.rawQuery)
	}
	sb.WriteString("\n\n")
	var keys []string
	for k := range r.header {
		if !snapshotSkipHeaders[k] {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		for _, v := range r.header[k] {
			sb.WriteString(k + ": " + v + "\n")
		}
	}
	sb.WriteString("\n")
	sb.Write(r.body)
	return sb.String()
}

// TestRequestSnapshot sends the placeholder input and compares what the
// server receives with the SDK's request snapshot, byte for byte.
func TestRequestSnapshot(t *testing.T) {
	want := string(readShared(t, "sdk-v2-snapshots/serde_snapshot__AssumeRoleForPodIdentity.request.snap"))
	s := newTestServer(t, respondWith(200, map[string]string{"Content-Type": "application/json"}, "{}"))
	if _, err := newTestClient(s).AssumeRoleForPodIdentity(context.Background(), placeholderInput()); err != nil {
		t.Fatal(err)
	}
	reqs := s.requests()
	if len(reqs) != 1 {
		t.Fatalf("got %d requests, want 1", len(reqs))
	}
	if got := formatRequest(reqs[0]); got != want {
		t.Errorf("request:\n%s\nwant (SDK snapshot):\n%s", got, want)
	}
	if got := reqs[0].header.Get("Content-Length"); got != strconv.Itoa(len(reqs[0].body)) {
		t.Errorf("Content-Length = %q, want %d", got, len(reqs[0].body))
	}
}

// responseSnapshot is a parsed response snapshot: status line, headers,
// blank line, body.
type responseSnapshot struct {
	status int
	header map[string]string
	body   string
}

func readResponseSnapshot(t *testing.T, name string) responseSnapshot {
	t.Helper()
	raw := readShared(t, "sdk-v2-snapshots/"+name)
	head, body, ok := bytes.Cut(raw, []byte("\n\n"))
	if !ok {
		t.Fatalf("%s: no blank line", name)
	}
	sc := bufio.NewScanner(bytes.NewReader(head))
	sc.Scan()
	status, err := strconv.Atoi(strings.TrimSpace(sc.Text()))
	if err != nil {
		t.Fatalf("%s: status line: %v", name, err)
	}
	snap := responseSnapshot{status: status, header: map[string]string{}, body: string(body)}
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), ": "); ok {
			snap.header[k] = v
		}
	}
	return snap
}

// TestResponseSnapshot decodes the SDK's success snapshot and checks every
// member, the epoch-seconds expiration and the request ID in the metadata.
func TestResponseSnapshot(t *testing.T) {
	snap := readResponseSnapshot(t, "response_snapshot__AssumeRoleForPodIdentity.response.snap")
	snap.header["X-Amzn-Requestid"] = "req-123"
	s := newTestServer(t, respondWith(snap.status, snap.header, snap.body))
	out, err := newTestClient(s).AssumeRoleForPodIdentity(context.Background(), placeholderInput())
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		name string
		got  *string
		want string
	}{
		{"Subject.Namespace", out.Subject.Namespace, "__Namespace__"},
		{"Subject.ServiceAccount", out.Subject.ServiceAccount, "__ServiceAccount__"},
		{"Audience", out.Audience, "__Audience__"},
		{"PodIdentityAssociation.AssociationArn", out.PodIdentityAssociation.AssociationArn, "__AssociationArn__"},
		{"PodIdentityAssociation.AssociationId", out.PodIdentityAssociation.AssociationId, "__AssociationId__"},
		{"AssumedRoleUser.Arn", out.AssumedRoleUser.Arn, "__Arn__"},
		{"AssumedRoleUser.AssumeRoleId", out.AssumedRoleUser.AssumeRoleId, "__AssumeRoleId__"},
		{"Credentials.AccessKeyId", out.Credentials.AccessKeyId, "__AccessKeyId__"},
		{"Credentials.SecretAccessKey", out.Credentials.SecretAccessKey, "__SecretAccessKey__"},
		{"Credentials.SessionToken", out.Credentials.SessionToken, "__SessionToken__"},
	}
	for _, c := range checks {
		if aws.ToString(c.got) != c.want {
			t.Errorf("%s = %q, want %q", c.name, aws.ToString(c.got), c.want)
		}
	}
	if want := time.Unix(946684800, 0); out.Credentials.Expiration == nil || !out.Credentials.Expiration.Equal(want) {
		t.Errorf("Credentials.Expiration = %v, want %v", out.Credentials.Expiration, want)
	}
	if id, ok := awsmiddleware.GetRequestIDMetadata(out.ResultMetadata); !ok || id != "req-123" {
		t.Errorf("request ID metadata = %q, %v; want req-123", id, ok)
	}
}

// TestErrorSnapshots decodes the SDK's two error snapshots into their typed
// errors, reachable with errors.As, with code, message, fault, HTTP status
// and request ID.
func TestErrorSnapshots(t *testing.T) {
	tests := []struct {
		file string
		code string
		as   func(error) bool
	}{
		{"response_snapshot__ExpiredTokenException.error.snap", "ExpiredTokenException",
			func(err error) bool {
				var e *types.ExpiredTokenException
				return errors.As(err, &e) && aws.ToString(e.Message) == "__Message__"
			}},
		{"response_snapshot__InvalidTokenException.error.snap", "InvalidTokenException",
			func(err error) bool {
				var e *types.InvalidTokenException
				return errors.As(err, &e) && aws.ToString(e.Message) == "__Message__"
			}},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			snap := readResponseSnapshot(t, tt.file)
			snap.header["X-Amzn-Requestid"] = "req-" + tt.code
			s := newTestServer(t, respondWith(snap.status, snap.header, snap.body))
			_, err := newTestClient(s).AssumeRoleForPodIdentity(context.Background(), placeholderInput())
			if err == nil {
				t.Fatal("no error")
			}
			if !tt.as(err) {
				t.Errorf("errors.As to the %s type failed (or wrong message): %v", tt.code, err)
			}
			var api smithy.APIError
			if !errors.As(err, &api) {
				t.Fatalf("not a smithy.APIError: %v", err)
			}
			if api.ErrorCode() != tt.code || api.ErrorMessage() != "__Message__" || api.ErrorFault() != smithy.FaultClient {
				t.Errorf("APIError = %q %q %v, want %q __Message__ client", api.ErrorCode(), api.ErrorMessage(), api.ErrorFault(), tt.code)
			}
			var re *awshttp.ResponseError
			if !errors.As(err, &re) {
				t.Fatalf("not an *awshttp.ResponseError: %v", err)
			}
			if re.HTTPStatusCode() != snap.status || re.ServiceRequestID() != "req-"+tt.code {
				t.Errorf("status, request ID = %d, %q; want %d, %q", re.HTTPStatusCode(), re.ServiceRequestID(), snap.status, "req-"+tt.code)
			}
			var op *smithy.OperationError
			if !errors.As(err, &op) || op.Service() != "EKS Auth" || op.Operation() != "AssumeRoleForPodIdentity" {
				t.Errorf("operation error = %+v", op)
			}
			if n := len(s.requests()); n != 1 {
				t.Errorf("%d attempts, want 1 (not retryable)", n)
			}
		})
	}
}

// TestEmptyBodies checks that an empty and an {} success body both decode.
func TestEmptyBodies(t *testing.T) {
	for _, body := range []string{"", "{}"} {
		s := newTestServer(t, respondWith(http.StatusOK, map[string]string{"Content-Type": "application/json"}, body))
		out, err := newTestClient(s).AssumeRoleForPodIdentity(context.Background(), placeholderInput())
		if err != nil {
			t.Errorf("body %q: %v", body, err)
			continue
		}
		if out.Credentials != nil || out.Subject != nil {
			t.Errorf("body %q: got members %+v", body, out)
		}
	}
}
