package generated_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/eksauthgen/eksauthgen/generated/eksauth"
	"github.com/eksauthgen/eksauthgen/generated/eksauth/eksauthmock"
	"github.com/eksauthgen/eksauthgen/generated/eksauth/types"
)

func TestMockSuccess(t *testing.T) {
	exp := time.Date(2026, 11, 29, 4, 0, 0, 500e6, time.UTC)
	m := &eksauthmock.Mock{
		AssumeRoleForPodIdentityFunc: func(ctx context.Context, in *eksauth.AssumeRoleForPodIdentityInput) (*eksauth.AssumeRoleForPodIdentityOutput, error) {
			out := sampleOutput()
			out.Credentials.Expiration = &exp
			out.Subject.Namespace = aws.String(*in.ClusterName)
			return out, nil
		},
	}
	ts := startMock(t, m)
	req, _ := http.NewRequest(http.MethodPost, ts.URL+mockPath("my-cluster"), strings.NewReader(`{"token":"h.p.s","unknown":[1,{"x":null}]}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Test", "yes")
	r := send(t, req)
	if r.status != 200 || r.header.Get("Content-Type") != "application/json" {
		t.Fatalf("got %d %q: %s", r.status, r.header.Get("Content-Type"), r.body)
	}
	var body struct {
		Audience    string
		Subject     struct{ Namespace, ServiceAccount string }
		Credentials struct {
			AccessKeyID string  `json:"accessKeyId"`
			Expiration  float64 `json:"expiration"`
		}
	}
	if err := json.Unmarshal([]byte(r.body), &body); err != nil {
		t.Fatal(err)
	}
	if body.Audience != "pods.eks.amazonaws.com" || body.Subject.Namespace != "my-cluster" ||
		body.Credentials.AccessKeyID != "ASIAEXAMPLE" || body.Credentials.Expiration != float64(exp.UnixMilli())/1000 {
		t.Errorf("body %s decoded as %+v", r.body, body)
	}
	calls := m.AssumeRoleForPodIdentityCalls()
	if len(calls) != 1 || *calls[0].ClusterName != "my-cluster" || *calls[0].Token != "h.p.s" {
		t.Fatalf("recorded %+v", calls)
	}
	all := m.Calls()
	if len(all) != 1 || all[0].Operation != eksauthmock.OpAssumeRoleForPodIdentity || all[0].Header.Get("X-Test") != "yes" {
		t.Errorf("Calls() = %+v", all)
	}
	m.Reset()
	if len(m.Calls()) != 0 {
		t.Error("Reset kept calls")
	}
}

func TestMockEmptyOutput(t *testing.T) {
	ts := startMock(t, &eksauthmock.Mock{
		AssumeRoleForPodIdentityFunc: func(context.Context, *eksauth.AssumeRoleForPodIdentityInput) (*eksauth.AssumeRoleForPodIdentityOutput, error) {
			return nil, nil
		},
	})
	r := post(t, ts.URL, mockPath("c"), "application/json", `{"token":"h.p.s"}`)
	if r.status != 200 || r.body != "{}" {
		t.Errorf("got %d %q, want 200 {}", r.status, r.body)
	}
}

func TestMockModeledErrors(t *testing.T) {
	msg := aws.String("details here")
	tests := []struct {
		err    error
		status int
		code   string
	}{
		{&types.AccessDeniedException{Message: msg}, 400, "AccessDeniedException"},
		{&types.ExpiredTokenException{Message: msg}, 400, "ExpiredTokenException"},
		{&types.InternalServerException{Message: msg}, 500, "InternalServerException"},
		{&types.InvalidParameterException{Message: msg}, 400, "InvalidParameterException"},
		{&types.InvalidRequestException{Message: msg}, 400, "InvalidRequestException"},
		{&types.InvalidTokenException{Message: msg}, 400, "InvalidTokenException"},
		{&types.ResourceNotFoundException{Message: msg}, 404, "ResourceNotFoundException"},
		{&types.ServiceUnavailableException{Message: msg}, 503, "ServiceUnavailableException"},
		{&types.ThrottlingException{Message: msg}, 429, "ThrottlingException"},
		// A wrapped modeled error is found with errors.As.
		{fmt.Errorf("lookup: %w", &types.ResourceNotFoundException{Message: msg}), 404, "ResourceNotFoundException"},
	}
	for _, tc := range tests {
		t.Run(tc.code, func(t *testing.T) {
			ts := startMock(t, &eksauthmock.Mock{
				AssumeRoleForPodIdentityFunc: func(context.Context, *eksauth.AssumeRoleForPodIdentityInput) (*eksauth.AssumeRoleForPodIdentityOutput, error) {
					return nil, tc.err
				},
			})
			r := post(t, ts.URL, mockPath("c"), "application/json", `{"token":"h.p.s"}`)
			if r.status != tc.status || r.errorType() != tc.code || r.field(t, "message") != *msg {
				t.Errorf("got %d %q %s, want %d %q", r.status, r.errorType(), r.body, tc.status, tc.code)
			}
		})
	}
}

func TestMockStatusAndSizeTable(t *testing.T) {
	logBuf := &bytes.Buffer{}
	ok := sampleMock()
	failing := &eksauthmock.Mock{
		AssumeRoleForPodIdentityFunc: func(context.Context, *eksauth.AssumeRoleForPodIdentityInput) (*eksauth.AssumeRoleForPodIdentityOutput, error) {
			return nil, errors.New("database password is hunter2")
		},
	}
	big := `{"token":"` + strings.Repeat("a", 1<<20) + `"}`
	tests := []struct {
		name           string
		svc            eksauthmock.Service
		opts           []eksauthmock.Option
		path, ct, body string
		status         int
		code           string
		msgHas         []string
	}{
		{"bad cluster name", ok, nil, mockPath("-bad"), "application/json", `{"token":"h.p.s"}`, 400, "InvalidParameterException",
			[]string{"1 validation error detected", "/clusterName", "pattern"}},
		{"missing token", ok, nil, mockPath("c"), "application/json", `{}`, 400, "InvalidParameterException",
			[]string{"/token", "must not be null"}},
		{"every violation named", ok, nil, mockPath("-bad"), "application/json", `{}`, 400, "InvalidParameterException",
			[]string{"2 validation errors detected", "/clusterName", "/token"}},
		{"validation error option", ok, []eksauthmock.Option{eksauthmock.WithValidationError("InvalidRequestException")},
			mockPath("c"), "application/json", `{}`, 400, "InvalidRequestException", []string{"/token"}},
		{"malformed JSON", ok, nil, mockPath("c"), "application/json", `{"token":`, 400, "SerializationException", nil},
		{"wrong JSON type", ok, nil, mockPath("c"), "application/json", `{"token":5}`, 400, "SerializationException", []string{"token"}},
		{"not an object", ok, nil, mockPath("c"), "application/json", `[]`, 400, "SerializationException", nil},
		{"wrong content type", ok, nil, mockPath("c"), "text/plain", `{"token":"h.p.s"}`, 415, "UnsupportedMediaTypeException", nil},
		{"charset accepted", ok, nil, mockPath("c"), "application/json; charset=utf-8", `{"token":"h.p.s"}`, 200, "", nil},
		{"default body limit", ok, nil, mockPath("c"), "application/json", big, 413, "RequestEntityTooLargeException", nil},
		{"body limit option", ok, []eksauthmock.Option{eksauthmock.WithBodyLimit(8)}, mockPath("c"), "application/json", `{"token":"h.p.s"}`, 413, "RequestEntityTooLargeException", nil},
		{"unknown route", ok, nil, "/clusters/c/other", "application/json", `{}`, 404, "UnknownOperationException",
			[]string{"no operation matches POST on this path"}},
		{"label with an escaped slash", ok, nil, "/clusters/a%2Fb/assume-role-for-pod-identity", "application/json", `{"token":"h.p.s"}`, 400, "InvalidParameterException",
			[]string{"/clusterName"}},
		{"empty body", ok, nil, mockPath("c"), "", ``, 400, "InvalidParameterException", []string{"/token"}},
		{"unmodeled error", failing, nil, mockPath("c"), "application/json", `{"token":"h.p.s"}`, 500, "InternalFailure", nil},
		{"not implemented", &eksauthmock.Mock{}, nil, mockPath("c"), "application/json", `{"token":"h.p.s"}`, 501, "NotImplemented",
			[]string{"AssumeRoleForPodIdentityFunc"}},
		{"request log", ok, []eksauthmock.Option{eksauthmock.WithRequestLog(slog.New(slog.NewJSONHandler(logBuf, nil)))},
			mockPath("c"), "application/json", `{"token":"very-secret.jwt.sig"}`, 200, "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ts := startMock(t, tc.svc, tc.opts...)
			r := post(t, ts.URL, tc.path, tc.ct, tc.body)
			if r.status != tc.status || r.errorType() != tc.code {
				t.Fatalf("got %d %q %.200s, want %d %q", r.status, r.errorType(), r.body, tc.status, tc.code)
			}
			if strings.Contains(r.body, "hunter2") {
				t.Errorf("the service's error text leaked: %s", r.body)
			}
			for _, want := range tc.msgHas {
				if msg := r.field(t, "message"); !strings.Contains(msg, want) {
					t.Errorf("message %q lacks %q", msg, want)
				}
			}
		})
	}
	line := logBuf.String()
	if !strings.Contains(line, `"operation":"AssumeRoleForPodIdentity"`) || !strings.Contains(line, "clusterName") && !strings.Contains(line, "ClusterName") {
		t.Errorf("request log %q lacks the operation or input", line)
	}
	if strings.Contains(line, "very-secret.jwt.sig") {
		t.Errorf("request log leaks the sensitive token: %s", line)
	}
}

func TestMockFaultInjection(t *testing.T) {
	m := sampleMock()
	tests := []struct {
		name  string
		fault eksauthmock.Fault
		want  []string // status and error type of successive calls
	}{
		{"every 2nd throttled", eksauthmock.Fault{Status: 429, EveryNth: 2}, []string{"200", "429 ThrottlingException", "200", "429 ThrottlingException"}},
		{"modeled error", eksauthmock.Fault{Err: &types.ServiceUnavailableException{Message: aws.String("down")}}, []string{"503 ServiceUnavailableException"}},
		{"dropped", eksauthmock.Fault{Drop: true, EveryNth: 2}, []string{"200", "dropped", "200"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ts := startMock(t, m, eksauthmock.WithFault(eksauthmock.OpAssumeRoleForPodIdentity, tc.fault))
			for i, want := range tc.want {
				req, _ := http.NewRequest(http.MethodPost, ts.URL+mockPath("c"), strings.NewReader(`{"token":"h.p.s"}`))
				req.Header.Set("Content-Type", "application/json")
				got := "dropped"
				// A fresh transport per call, so that a dropped connection is not retried.
				client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
				if resp, err := client.Do(req); err == nil {
					got = strings.TrimSpace(fmt.Sprint(resp.StatusCode, " ", resp.Header.Get("X-Amzn-ErrorType")))
					resp.Body.Close()
				}
				if got != want {
					t.Errorf("call %d: got %q, want %q", i+1, got, want)
				}
			}
		})
	}
}

func TestMockConcurrentCalls(t *testing.T) {
	m := &eksauthmock.Mock{
		AssumeRoleForPodIdentityFunc: func(_ context.Context, in *eksauth.AssumeRoleForPodIdentityInput) (*eksauth.AssumeRoleForPodIdentityOutput, error) {
			out := sampleOutput()
			out.Audience = in.Token
			return out, nil
		},
	}
	ts := startMock(t, m)
	const n = 40
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Go(func() {
			token := fmt.Sprintf("token-%d.p.s", i)
			req, _ := http.NewRequest(http.MethodPost, ts.URL+mockPath("c"), strings.NewReader(`{"token":"`+token+`"}`))
			req.Header.Set("Content-Type", "application/json")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				errs <- err
				return
			}
			defer resp.Body.Close()
			var body struct{ Audience string }
			if err := json.NewDecoder(resp.Body).Decode(&body); err != nil || body.Audience != token {
				errs <- fmt.Errorf("call %d: audience %q, err %v", i, body.Audience, err)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if got := len(m.AssumeRoleForPodIdentityCalls()); got != n {
		t.Errorf("recorded %d calls, want %d", got, n)
	}
}

func TestMockMethodNotAllowed(t *testing.T) {
	ts := startMock(t, &eksauthmock.Mock{})
	req, err := http.NewRequest(http.MethodGet, ts.URL+mockPath("secret-cluster"), nil)
	if err != nil {
		t.Fatal(err)
	}
	r := send(t, req)
	if r.status != http.StatusMethodNotAllowed || r.errorType() != "MethodNotAllowedException" || r.header.Get("Allow") != "POST" {
		t.Errorf("GET on a POST route: %d %q Allow %q %s", r.status, r.errorType(), r.header.Get("Allow"), r.body)
	}
	if strings.Contains(r.body, "secret-cluster") {
		t.Errorf("the 405 message shows the request path: %s", r.body)
	}
}
