package ampmock

import (
	"context"
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdkamp "github.com/aws/aws-sdk-go-v2/service/amp"
	sdktypes "github.com/aws/aws-sdk-go-v2/service/amp/types"
	smithy "github.com/aws/smithy-go"
)

// uuidPattern matches the idempotency tokens the SDK fills in.
var uuidPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

func TestSDKWorkspaceLifecycle(t *testing.T) {
	fake, m := newFake()
	c := sdkClient(startServer(t, m).url)

	// POST with a JSON body and an idempotency token the SDK fills in.
	var ids []string
	for _, alias := range []string{"prod-a", "prod-b", "dev"} {
		out, err := c.CreateWorkspace(t.Context(), &sdkamp.CreateWorkspaceInput{
			Alias: aws.String(alias),
			Tags:  map[string]string{"env": strings.Split(alias, "-")[0], "team": "obs"},
		})
		if err != nil {
			t.Fatalf("CreateWorkspace %s: %v", alias, err)
		}
		if out.Status.StatusCode != sdktypes.WorkspaceStatusCodeCreating || out.Tags["team"] != "obs" ||
			aws.ToString(out.Arn) != accountARN+aws.ToString(out.WorkspaceId) {
			t.Errorf("CreateWorkspace %s: %+v", alias, out)
		}
		ids = append(ids, aws.ToString(out.WorkspaceId))
	}
	calls := m.CreateWorkspaceCalls()
	if len(calls) != 3 || !uuidPattern.MatchString(aws.ToString(calls[0].ClientToken)) ||
		aws.ToString(calls[0].ClientToken) == aws.ToString(calls[1].ClientToken) {
		t.Fatalf("the SDK's idempotency tokens did not reach the mock: %+v", calls)
	}
	// The same token again is the same request: the same workspace.
	again, err := c.CreateWorkspace(t.Context(), &sdkamp.CreateWorkspaceInput{Alias: aws.String("prod-a"), ClientToken: calls[0].ClientToken})
	if err != nil || aws.ToString(again.WorkspaceId) != ids[0] {
		t.Errorf("replayed CreateWorkspace: %v, %v", again, err)
	}

	// GET with a label; timestamps, maps and nested structures decode.
	d, err := c.DescribeWorkspace(t.Context(), &sdkamp.DescribeWorkspaceInput{WorkspaceId: aws.String(ids[1])})
	if err != nil {
		t.Fatal(err)
	}
	w := d.Workspace
	if aws.ToString(w.Alias) != "prod-b" || w.Status.StatusCode != sdktypes.WorkspaceStatusCodeActive || w.Tags["env"] != "prod" ||
		!aws.ToTime(w.CreatedAt).Equal(time.Date(2026, 11, 29, 7, 0, 2, 250e6, time.UTC)) ||
		!strings.HasSuffix(aws.ToString(w.PrometheusEndpoint), "/workspaces/"+ids[1]+"/") {
		t.Errorf("DescribeWorkspace: %+v", w)
	}

	// A list with query parameters, through the SDK's paginator.
	var pages, listed []string
	p := sdkamp.NewListWorkspacesPaginator(c, &sdkamp.ListWorkspacesInput{Alias: aws.String("prod"), MaxResults: aws.Int32(1)})
	for p.HasMorePages() {
		page, err := p.NextPage(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, aws.ToString(page.NextToken))
		for _, s := range page.Workspaces {
			listed = append(listed, aws.ToString(s.Alias))
		}
	}
	if !slices.Equal(listed, []string{"prod-a", "prod-b"}) || !slices.Equal(pages, []string{"1", ""}) {
		t.Errorf("listed %q in pages with next tokens %q", listed, pages)
	}
	lc := m.ListWorkspacesCalls()
	if len(lc) != 2 || aws.ToString(lc[1].Alias) != "prod" || aws.ToInt32(lc[1].MaxResults) != 1 || aws.ToString(lc[1].NextToken) != "1" {
		t.Errorf("ListWorkspaces query decoded as %+v", lc)
	}

	// POST on a sub-resource, answered with 204.
	if _, err := c.UpdateWorkspaceAlias(t.Context(), &sdkamp.UpdateWorkspaceAliasInput{WorkspaceId: aws.String(ids[2]), Alias: aws.String("staging")}); err != nil {
		t.Fatal(err)
	}
	// PUT with a blob member.
	def := []byte("alertmanager_config: |\n  route:\n    receiver: default\n\x00\xff")
	put, err := c.PutAlertManagerDefinition(t.Context(), &sdkamp.PutAlertManagerDefinitionInput{WorkspaceId: aws.String(ids[2]), Data: def})
	if err != nil || put.Status.StatusCode != sdktypes.AlertManagerDefinitionStatusCodeCreating {
		t.Fatalf("PutAlertManagerDefinition: %+v, %v", put, err)
	}
	if got := fake.alertmanager(ids[2]); string(got) != string(def) {
		t.Errorf("stored definition %q, want %q", got, def)
	}

	// Tags: a label holding an ARN (with ':' and '/'), and a DELETE with a
	// repeated query parameter.
	arn := aws.String(accountARN + ids[2])
	if _, err := c.TagResource(t.Context(), &sdkamp.TagResourceInput{ResourceArn: arn, Tags: map[string]string{"owner": "me", "cost": "1"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.UntagResource(t.Context(), &sdkamp.UntagResourceInput{ResourceArn: arn, TagKeys: []string{"env", "cost"}}); err != nil {
		t.Fatal(err)
	}
	tags, err := c.ListTagsForResource(t.Context(), &sdkamp.ListTagsForResourceInput{ResourceArn: arn})
	if err != nil {
		t.Fatal(err)
	}
	if len(tags.Tags) != 2 || tags.Tags["owner"] != "me" || tags.Tags["team"] != "obs" {
		t.Errorf("tags after tag and untag: %v", tags.Tags)
	}
	// (The SDK sorts the values of a query parameter on the wire.)
	if uc := m.UntagResourceCalls(); len(uc) != 1 || !slices.Equal(slices.Sorted(slices.Values(uc[0].TagKeys)), []string{"cost", "env"}) ||
		aws.ToString(uc[0].ResourceArn) != *arn {
		t.Errorf("UntagResource decoded as %+v", *uc[0])
	}

	// DELETE, then the workspace is gone.
	if _, err := c.DeleteWorkspace(t.Context(), &sdkamp.DeleteWorkspaceInput{WorkspaceId: aws.String(ids[0])}); err != nil {
		t.Fatal(err)
	}
	if dc := m.DeleteWorkspaceCalls(); len(dc) != 1 || !uuidPattern.MatchString(aws.ToString(dc[0].ClientToken)) {
		t.Errorf("DeleteWorkspace's idempotency token in the query: %+v", dc)
	}
	var nf *sdktypes.ResourceNotFoundException
	if _, err := c.DescribeWorkspace(t.Context(), &sdkamp.DescribeWorkspaceInput{WorkspaceId: aws.String(ids[0])}); !errors.As(err, &nf) {
		t.Errorf("deleted workspace: %v", err)
	}
}

func TestSDKModeledErrors(t *testing.T) {
	_, m := newFake()
	c := sdkClient(startServer(t, m).url)
	created, err := c.CreateWorkspace(t.Context(), &sdkamp.CreateWorkspaceInput{Alias: aws.String("taken")})
	if err != nil {
		t.Fatal(err)
	}
	id := created.WorkspaceId

	var nf *sdktypes.ResourceNotFoundException
	_, err = c.DescribeWorkspace(t.Context(), &sdkamp.DescribeWorkspaceInput{WorkspaceId: aws.String("ws-missing")})
	if !errors.As(err, &nf) || aws.ToString(nf.ResourceId) != "ws-missing" || aws.ToString(nf.ResourceType) != "Workspace" ||
		nf.ErrorMessage() != "Workspace not found: ws-missing" {
		t.Errorf("ResourceNotFoundException: %v", err)
	}

	var conflict *sdktypes.ConflictException
	_, err = c.CreateWorkspace(t.Context(), &sdkamp.CreateWorkspaceInput{Alias: aws.String("taken")})
	if !errors.As(err, &conflict) || aws.ToString(conflict.ResourceId) != aws.ToString(id) || aws.ToString(conflict.ResourceType) != "Workspace" {
		t.Errorf("ConflictException: %v", err)
	}

	var ve *sdktypes.ValidationException
	_, err = c.PutAlertManagerDefinition(t.Context(), &sdkamp.PutAlertManagerDefinitionInput{WorkspaceId: id, Data: []byte("route: {}")})
	if !errors.As(err, &ve) || ve.Reason != sdktypes.ValidationExceptionReasonFieldValidationFailed ||
		len(ve.FieldList) != 1 || aws.ToString(ve.FieldList[0].Name) != "data" || aws.ToString(ve.FieldList[0].Message) != "missing alertmanager_config" {
		t.Errorf("ValidationException with fieldList: %v (%+v)", err, ve)
	}
	var apiErr smithy.APIError
	if !errors.As(err, &apiErr) || apiErr.ErrorFault() != smithy.FaultClient {
		t.Errorf("ValidationException fault: %v", err)
	}
}

func TestSDKMockValidation(t *testing.T) {
	_, m := newFake()
	c := sdkClient(startServer(t, m).url)
	tests := []struct {
		name string
		call func() error
		want []string // in the message
	}{
		{"alias too long", func() error {
			_, err := c.CreateWorkspace(t.Context(), &sdkamp.CreateWorkspaceInput{Alias: aws.String(strings.Repeat("a", 101))})
			return err
		}, []string{"/alias", "length"}},
		{"maxResults out of range", func() error {
			_, err := c.ListWorkspaces(t.Context(), &sdkamp.ListWorkspacesInput{MaxResults: aws.Int32(5000)})
			return err
		}, []string{"/maxResults", "1000"}},
		// (Smithy patterns are not anchored: "x!" would match.)
		{"workspace ID pattern", func() error {
			_, err := c.DescribeWorkspace(t.Context(), &sdkamp.DescribeWorkspaceInput{WorkspaceId: aws.String("!?")})
			return err
		}, []string{"/workspaceId", "pattern"}},
		{"workspace ID length", func() error {
			_, err := c.DescribeWorkspace(t.Context(), &sdkamp.DescribeWorkspaceInput{WorkspaceId: aws.String(strings.Repeat("w", 65))})
			return err
		}, []string{"/workspaceId", "length"}},
		{"every violation named", func() error {
			_, err := c.CreateWorkspace(t.Context(), &sdkamp.CreateWorkspaceInput{Alias: aws.String(""), KmsKeyArn: aws.String("not-an-arn"),
				Tags: map[string]string{"aws:reserved": strings.Repeat("v", 300)}})
			return err
		}, []string{"validation errors detected", "/alias", "/kmsKeyArn", "/tags"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			var ve *sdktypes.ValidationException
			if !errors.As(err, &ve) {
				t.Fatalf("got %v, want a ValidationException", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(ve.ErrorMessage(), w) {
					t.Errorf("message %q lacks %q", ve.ErrorMessage(), w)
				}
			}
		})
	}
	if n := len(m.Calls()); n != 0 {
		t.Errorf("the service saw %d invalid calls", n)
	}
}

func TestSDKSignatureChecked(t *testing.T) {
	_, m := newFake()
	s := startServer(t, m)
	c := sdkamp.New(sdkamp.Options{Region: "us-west-2", BaseEndpoint: aws.String(s.url),
		Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: testCreds.AccessKeyID, SecretAccessKey: "wrong"}, nil
		})})
	_, err := c.ListWorkspaces(t.Context(), &sdkamp.ListWorkspacesInput{})
	var apiErr smithy.APIError
	if !errors.As(err, &apiErr) || apiErr.ErrorCode() != "SignatureDoesNotMatch" {
		t.Errorf("wrong secret: %v", err)
	}
	if len(m.Calls()) != 0 {
		t.Error("a badly signed call reached the service")
	}
}

func TestSDKWaiter(t *testing.T) {
	fake, m := newFake()
	fake.creating = 2
	c := sdkClient(startServer(t, m).url)
	out, err := c.CreateWorkspace(t.Context(), &sdkamp.CreateWorkspaceInput{Alias: aws.String("w")})
	if err != nil {
		t.Fatal(err)
	}
	w := sdkamp.NewWorkspaceActiveWaiter(c, func(o *sdkamp.WorkspaceActiveWaiterOptions) {
		o.MinDelay, o.MaxDelay = time.Millisecond, 5*time.Millisecond
	})
	if err := w.Wait(t.Context(), &sdkamp.DescribeWorkspaceInput{WorkspaceId: out.WorkspaceId}, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	if n := len(m.DescribeWorkspaceCalls()); n != 3 {
		t.Errorf("the waiter described the workspace %d times, want 3 (CREATING, CREATING, ACTIVE)", n)
	}
}
