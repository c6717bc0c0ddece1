package ampbench

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdkamp "github.com/aws/aws-sdk-go-v2/service/amp"
	sdktypes "github.com/aws/aws-sdk-go-v2/service/amp/types"

	"github.com/eksauthgen/eksauthgen/internal/leanserver"
	"github.com/eksauthgen/eksauthgen/interop/amp"
)

// The scope and identity both clients sign with.
const (
	region       = "us-west-2"
	signingName  = "aps"
	accessKeyID  = "ASIAEXAMPLEKEYID0001"
	secretKey    = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
	sessionToken = "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLXdlc3QtMiJHMEUCIQDexampleexampleexampleexampleexampleexampleexampleAiB0exampleexampleexample=="
	requestID    = "0f6c2a7e-6b1d-4b8e-9d3c-2a1f0e9b8c7d"
	workspaceID  = "ws-4b8f1c2e-93aa-4d1b-9f6c-0123456789ab"
	clientToken  = "6a8c1f0e-2d3b-4c5a-9e8f-7b6a5c4d3e2f"
	kmsKeyArn    = "arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
	nextToken    = "eyJ2IjoyLCJjIjoiQm9vdHN0cmFwIiwicyI6MSwidCI6MTcwMDAwMDAwMH0+/=="
	workspaceArn = "arn:aws:aps:us-west-2:123456789012:workspace/" + workspaceID
)

// Canned service responses, shaped like the real service's.
const (
	describeWorkspaceResponse = `{"workspace":{"alias":"prod-metrics","arn":"` + workspaceArn + `","createdAt":1.700000000123E9,"kmsKeyArn":"` + kmsKeyArn + `","prometheusEndpoint":"https://aps-workspaces.us-west-2.amazonaws.com/workspaces/` + workspaceID + `/","status":{"statusCode":"ACTIVE"},"tags":{"env":"prod","team":"observability"},"workspaceId":"` + workspaceID + `"}}`

	createWorkspaceResponse = `{"arn":"` + workspaceArn + `","kmsKeyArn":"` + kmsKeyArn + `","status":{"statusCode":"CREATING"},"tags":{"env":"prod","team":"observability"},"workspaceId":"` + workspaceID + `"}`

	listWorkspacesResponse = `{"nextToken":"eyJ2IjoyLCJjIjoiUGFnZTIiLCJzIjoyfQ==","workspaces":[` +
		`{"alias":"prod-metrics","arn":"` + workspaceArn + `","createdAt":1.700000000123E9,"kmsKeyArn":"` + kmsKeyArn + `","status":{"statusCode":"ACTIVE"},"tags":{"env":"prod","team":"observability"},"workspaceId":"` + workspaceID + `"},` +
		`{"alias":"prod-metrics-eu","arn":"arn:aws:aps:us-west-2:123456789012:workspace/ws-0a1b2c3d-4e5f-6789-abcd-ef0123456789","createdAt":1.7000864E9,"status":{"statusCode":"UPDATING"},"tags":{"env":"prod"},"workspaceId":"ws-0a1b2c3d-4e5f-6789-abcd-ef0123456789"},` +
		`{"alias":"prod-metrics-canary","arn":"arn:aws:aps:us-west-2:123456789012:workspace/ws-ffeeddcc-bbaa-9988-7766-554433221100","createdAt":1.7001728E9,"status":{"statusCode":"ACTIVE"},"workspaceId":"ws-ffeeddcc-bbaa-9988-7766-554433221100"}]}`
)

// Response header values, shared so that serving does not allocate them.
var (
	jsonContentType = []string{"application/json"}
	requestIDValue  = []string{requestID}
)

// serve answers the three benchmarked operations with their canned
// responses (the body of the request is read and discarded) and anything
// else with a ResourceNotFoundException.
func serve(w http.ResponseWriter, r *http.Request) {
	_, _ = io.Copy(io.Discard, r.Body)
	h := w.Header()
	h["Content-Type"] = jsonContentType
	h["X-Amzn-Requestid"] = requestIDValue
	switch {
	case r.Method == http.MethodGet && r.URL.Path == "/workspaces/"+workspaceID:
		_, _ = io.WriteString(w, describeWorkspaceResponse)
	case r.Method == http.MethodPost && r.URL.Path == "/workspaces":
		w.WriteHeader(http.StatusAccepted)
		_, _ = io.WriteString(w, createWorkspaceResponse)
	case r.Method == http.MethodGet && r.URL.Path == "/workspaces":
		_, _ = io.WriteString(w, listWorkspacesResponse)
	default:
		h.Set("X-Amzn-ErrorType", "ResourceNotFoundException")
		w.WriteHeader(http.StatusNotFound)
		_, _ = io.WriteString(w, `{"message":"no such route"}`)
	}
}

// cannedHeader are the headers of every canned answer but the error's.
var cannedHeader = [][2]string{{"Content-Type", "application/json"}, {"X-Amzn-Requestid", requestID}}

// newLeanAmpServer starts a lean server answering as serve does, closed
// when the test ends; record, when not nil, receives every raw request.
func newLeanAmpServer(tb testing.TB, record func(raw []byte)) *leanserver.Server {
	tb.Helper()
	srv, err := leanserver.Start([]leanserver.Route{
		{Method: http.MethodGet, Path: "/workspaces/" + workspaceID, Answer: leanserver.NewAnswer(http.StatusOK, cannedHeader, describeWorkspaceResponse)},
		{Method: http.MethodPost, Path: "/workspaces", Answer: leanserver.NewAnswer(http.StatusAccepted, cannedHeader, createWorkspaceResponse)},
		{Method: http.MethodGet, Path: "/workspaces", Answer: leanserver.NewAnswer(http.StatusOK, cannedHeader, listWorkspacesResponse)},
	}, leanserver.NewAnswer(http.StatusNotFound, append(cannedHeader[:2:2], [2]string{"X-Amzn-Errortype", "ResourceNotFoundException"}), `{"message":"no such route"}`), record)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(srv.Close)
	return srv
}

// loopback is a server the benchmarks and tests call: its URL and the HTTP
// client to reach it with.
type loopback struct {
	// name is "lean" or "httptest".
	name   string
	url    string
	client *http.Client
}

// loopbacks starts both servers: the lean one (the client's cost alone)
// and an httptest.Server running serve (the client's plus a net/http
// server's).
func loopbacks(tb testing.TB) []loopback {
	tb.Helper()
	return startLoopbacks(tb, nil, serve)
}

// startLoopbacks starts a lean server passing every raw request to record
// (when not nil) and an httptest.Server running handler.
func startLoopbacks(tb testing.TB, record func(raw []byte), handler http.HandlerFunc) []loopback {
	tb.Helper()
	lean := newLeanAmpServer(tb, record)
	ht := httptest.NewServer(handler)
	tb.Cleanup(ht.Close)
	return []loopback{
		{name: "lean", url: lean.URL, client: lean.Client()},
		{name: "httptest", url: ht.URL, client: ht.Client()},
	}
}

// staticCredentials returns a cached provider of the fixed credentials: the
// SDK wraps any other provider in an aws.CredentialsCache, so both clients
// get the same kind.
func staticCredentials() aws.CredentialsProvider {
	return aws.NewCredentialsCache(aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{AccessKeyID: accessKeyID, SecretAccessKey: secretKey, SessionToken: sessionToken, Source: "ampbench"}, nil
	}))
}

// clients returns the generated and the SDK client, configured alike:
// default retryer, static credentials, the region, BaseEndpoint at srv and
// the server's HTTP client.
func clients(srv loopback) (*amp.Client, *sdkamp.Client) {
	ours := amp.New(amp.Options{
		Region:       region,
		Credentials:  staticCredentials(),
		BaseEndpoint: aws.String(srv.url),
		HTTPClient:   srv.client,
	})
	sdk := sdkamp.New(sdkamp.Options{
		Region:       region,
		Credentials:  staticCredentials(),
		BaseEndpoint: aws.String(srv.url),
		HTTPClient:   srv.client,
	})
	return ours, sdk
}

// operation is one benchmarked call, made with either client.
type operation struct {
	name string
	ours func(context.Context, *amp.Client) (any, error)
	sdk  func(context.Context, *sdkamp.Client) (any, error)
}

// operations are the benchmarked calls: a GET with a label, a POST with a
// JSON body (with the idempotency token given, so both bodies are equal) and
// a GET with query parameters.
var operations = []operation{
	{
		name: "DescribeWorkspace",
		ours: func(ctx context.Context, c *amp.Client) (any, error) {
			return c.DescribeWorkspace(ctx, &amp.DescribeWorkspaceInput{WorkspaceId: aws.String(workspaceID)})
		},
		sdk: func(ctx context.Context, c *sdkamp.Client) (any, error) {
			return c.DescribeWorkspace(ctx, &sdkamp.DescribeWorkspaceInput{WorkspaceId: aws.String(workspaceID)})
		},
	},
	{
		name: "CreateWorkspace",
		ours: func(ctx context.Context, c *amp.Client) (any, error) {
			return c.CreateWorkspace(ctx, &amp.CreateWorkspaceInput{
				Alias:       aws.String("prod-metrics"),
				ClientToken: aws.String(clientToken),
				KmsKeyArn:   aws.String(kmsKeyArn),
				Tags:        map[string]string{"env": "prod", "team": "observability"},
			})
		},
		sdk: func(ctx context.Context, c *sdkamp.Client) (any, error) {
			return c.CreateWorkspace(ctx, &sdkamp.CreateWorkspaceInput{
				Alias:       aws.String("prod-metrics"),
				ClientToken: aws.String(clientToken),
				KmsKeyArn:   aws.String(kmsKeyArn),
				Tags:        map[string]string{"env": "prod", "team": "observability"},
			})
		},
	},
	{
		name: "ListWorkspaces",
		ours: func(ctx context.Context, c *amp.Client) (any, error) {
			return c.ListWorkspaces(ctx, &amp.ListWorkspacesInput{
				Alias:      aws.String("prod metrics"),
				MaxResults: aws.Int32(25),
				NextToken:  aws.String(nextToken),
			})
		},
		sdk: func(ctx context.Context, c *sdkamp.Client) (any, error) {
			return c.ListWorkspaces(ctx, &sdkamp.ListWorkspacesInput{
				Alias:      aws.String("prod metrics"),
				MaxResults: aws.Int32(25),
				NextToken:  aws.String(nextToken),
			})
		},
	},
}

// statusCodes returns the workspace status codes of an output of the
// generated client, in order, to check that a decoded output is not
// trivially empty (the SDK's output is compared with it as JSON).
func statusCodes(out any) []string {
	var codes []string
	switch o := out.(type) {
	case *amp.DescribeWorkspaceOutput:
		codes = append(codes, string(o.Workspace.Status.StatusCode))
	case *amp.CreateWorkspaceOutput:
		codes = append(codes, string(o.Status.StatusCode))
	case *amp.ListWorkspacesOutput:
		for _, w := range o.Workspaces {
			codes = append(codes, string(w.Status.StatusCode))
		}
	}
	return codes
}

// The status codes the canned responses carry, per operation.
var wantStatusCodes = map[string]string{
	"DescribeWorkspace": string(sdktypes.WorkspaceStatusCodeActive),
	"CreateWorkspace":   string(sdktypes.WorkspaceStatusCodeCreating),
	"ListWorkspaces":    strings.Join([]string{"ACTIVE", "UPDATING", "ACTIVE"}, ","),
}
