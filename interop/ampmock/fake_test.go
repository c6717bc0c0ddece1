package ampmock

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/eksauthgen/eksauthgen/interop/amp"
	genmock "github.com/eksauthgen/eksauthgen/interop/amp/ampmock"
	"github.com/eksauthgen/eksauthgen/interop/amp/types"
)

// accountARN prefixes the ARNs of the fake's workspaces.
const accountARN = "arn:aws:aps:us-west-2:123456789012:workspace/"

// workspace is one workspace of the fake.
type workspace struct {
	id, alias, clientToken string
	creatingLeft           int // DescribeWorkspace calls still to answer CREATING
	created                time.Time
	tags                   map[string]string
	alertmanager           []byte
}

// fakeAMP is a small in-memory Amazon Managed Prometheus: workspaces,
// their tags and alert manager definitions. Its methods fill a generated
// Mock, which records the calls.
type fakeAMP struct {
	mu         sync.Mutex
	workspaces []*workspace // in creation order
	seq        int
	// creating is how many DescribeWorkspace calls see a new workspace
	// CREATING before it is ACTIVE.
	creating int
}

// newFake returns an empty fake and the Mock serving it.
func newFake() (*fakeAMP, *genmock.Mock) {
	f := &fakeAMP{}
	return f, &genmock.Mock{
		CreateWorkspaceFunc:           f.createWorkspace,
		DescribeWorkspaceFunc:         f.describeWorkspace,
		ListWorkspacesFunc:            f.listWorkspaces,
		UpdateWorkspaceAliasFunc:      f.updateWorkspaceAlias,
		DeleteWorkspaceFunc:           f.deleteWorkspace,
		PutAlertManagerDefinitionFunc: f.putAlertManagerDefinition,
		TagResourceFunc:               f.tagResource,
		UntagResourceFunc:             f.untagResource,
		ListTagsForResourceFunc:       f.listTagsForResource,
	}
}

// find returns the workspace with id, or a ResourceNotFoundException.
// The caller holds f.mu.
func (f *fakeAMP) find(id string) (*workspace, error) {
	for _, w := range f.workspaces {
		if w.id == id {
			return w, nil
		}
	}
	return nil, &types.ResourceNotFoundException{
		Message:      aws.String("Workspace not found: " + id),
		ResourceId:   aws.String(id),
		ResourceType: aws.String("Workspace"),
	}
}

// byARN finds the workspace of a resource ARN. The caller holds f.mu.
func (f *fakeAMP) byARN(arn string) (*workspace, error) {
	id, ok := strings.CutPrefix(arn, accountARN)
	if !ok {
		return nil, &types.ValidationException{
			Message:   aws.String("not a workspace ARN"),
			Reason:    types.ValidationExceptionReasonFieldValidationFailed,
			FieldList: []types.ValidationExceptionField{{Name: aws.String("resourceArn"), Message: aws.String("not a workspace ARN")}},
		}
	}
	return f.find(id)
}

func (f *fakeAMP) createWorkspace(_ context.Context, in *amp.CreateWorkspaceInput) (*amp.CreateWorkspaceOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var w *workspace
	for _, x := range f.workspaces {
		switch {
		case x.clientToken == aws.ToString(in.ClientToken):
			w = x // a retried request: the same workspace
		case in.Alias != nil && x.alias == *in.Alias:
			return nil, &types.ConflictException{
				Message:      aws.String("A workspace with alias " + *in.Alias + " exists"),
				ResourceId:   aws.String(x.id),
				ResourceType: aws.String("Workspace"),
			}
		}
	}
	if w == nil {
		f.seq++
		w = &workspace{
			id:           fmt.Sprintf("ws-%08d-0000-4000-8000-000000000000", f.seq),
			alias:        aws.ToString(in.Alias),
			clientToken:  aws.ToString(in.ClientToken),
			created:      time.Date(2026, 11, 29, 7, 0, f.seq, 250e6, time.UTC),
			tags:         maps.Clone(in.Tags),
			creatingLeft: f.creating,
		}
		f.workspaces = append(f.workspaces, w)
	}
	return &amp.CreateWorkspaceOutput{
		WorkspaceId: aws.String(w.id),
		Arn:         aws.String(accountARN + w.id),
		Status:      &types.WorkspaceStatus{StatusCode: types.WorkspaceStatusCodeCreating},
		Tags:        maps.Clone(w.tags),
	}, nil
}

func (f *fakeAMP) describeWorkspace(_ context.Context, in *amp.DescribeWorkspaceInput) (*amp.DescribeWorkspaceOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	w, err := f.find(aws.ToString(in.WorkspaceId))
	if err != nil {
		return nil, err
	}
	status := types.WorkspaceStatusCodeActive
	if w.creatingLeft > 0 {
		w.creatingLeft--
		status = types.WorkspaceStatusCodeCreating
	}
	return &amp.DescribeWorkspaceOutput{Workspace: &types.WorkspaceDescription{
		WorkspaceId:        aws.String(w.id),
		Alias:              aws.String(w.alias),
		Arn:                aws.String(accountARN + w.id),
		Status:             &types.WorkspaceStatus{StatusCode: status},
		PrometheusEndpoint: aws.String("https://aps-workspaces.us-west-2.amazonaws.com/workspaces/" + w.id + "/"),
		CreatedAt:          aws.Time(w.created),
		Tags:               maps.Clone(w.tags),
	}}, nil
}

// listWorkspaces pages through the workspaces whose alias starts with
// in.Alias; the next token is the index of the next workspace.
func (f *fakeAMP) listWorkspaces(_ context.Context, in *amp.ListWorkspacesInput) (*amp.ListWorkspacesOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var match []*workspace
	for _, w := range f.workspaces {
		if strings.HasPrefix(w.alias, aws.ToString(in.Alias)) {
			match = append(match, w)
		}
	}
	start := 0
	if in.NextToken != nil {
		n, err := strconv.Atoi(*in.NextToken)
		if err != nil || n < 0 || n > len(match) {
			return nil, &types.ValidationException{Message: aws.String("bad nextToken"), Reason: types.ValidationExceptionReasonOther}
		}
		start = n
	}
	end := len(match)
	if in.MaxResults != nil {
		end = min(end, start+int(*in.MaxResults))
	}
	out := &amp.ListWorkspacesOutput{Workspaces: []types.WorkspaceSummary{}}
	for _, w := range match[start:end] {
		out.Workspaces = append(out.Workspaces, types.WorkspaceSummary{
			WorkspaceId: aws.String(w.id),
			Alias:       aws.String(w.alias),
			Arn:         aws.String(accountARN + w.id),
			Status:      &types.WorkspaceStatus{StatusCode: types.WorkspaceStatusCodeActive},
			CreatedAt:   aws.Time(w.created),
		})
	}
	if end < len(match) {
		out.NextToken = aws.String(strconv.Itoa(end))
	}
	return out, nil
}

func (f *fakeAMP) updateWorkspaceAlias(_ context.Context, in *amp.UpdateWorkspaceAliasInput) (*amp.UpdateWorkspaceAliasOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	w, err := f.find(aws.ToString(in.WorkspaceId))
	if err != nil {
		return nil, err
	}
	w.alias = aws.ToString(in.Alias)
	return &amp.UpdateWorkspaceAliasOutput{}, nil
}

func (f *fakeAMP) deleteWorkspace(_ context.Context, in *amp.DeleteWorkspaceInput) (*amp.DeleteWorkspaceOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	w, err := f.find(aws.ToString(in.WorkspaceId))
	if err != nil {
		return nil, err
	}
	f.workspaces = slices.DeleteFunc(f.workspaces, func(x *workspace) bool { return x == w })
	return &amp.DeleteWorkspaceOutput{}, nil
}

// putAlertManagerDefinition stores the definition, which must be YAML
// with an alertmanager_config key.
func (f *fakeAMP) putAlertManagerDefinition(_ context.Context, in *amp.PutAlertManagerDefinitionInput) (*amp.PutAlertManagerDefinitionOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	w, err := f.find(aws.ToString(in.WorkspaceId))
	if err != nil {
		return nil, err
	}
	if !bytes.Contains(in.Data, []byte("alertmanager_config:")) {
		return nil, &types.ValidationException{
			Message: aws.String("Invalid alert manager definition"),
			Reason:  types.ValidationExceptionReasonFieldValidationFailed,
			FieldList: []types.ValidationExceptionField{
				{Name: aws.String("data"), Message: aws.String("missing alertmanager_config")},
			},
		}
	}
	w.alertmanager = bytes.Clone(in.Data)
	return &amp.PutAlertManagerDefinitionOutput{Status: &types.AlertManagerDefinitionStatus{StatusCode: types.AlertManagerDefinitionStatusCodeCreating}}, nil
}

func (f *fakeAMP) tagResource(_ context.Context, in *amp.TagResourceInput) (*amp.TagResourceOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	w, err := f.byARN(aws.ToString(in.ResourceArn))
	if err != nil {
		return nil, err
	}
	if w.tags == nil {
		w.tags = map[string]string{}
	}
	maps.Copy(w.tags, in.Tags)
	return &amp.TagResourceOutput{}, nil
}

func (f *fakeAMP) untagResource(_ context.Context, in *amp.UntagResourceInput) (*amp.UntagResourceOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	w, err := f.byARN(aws.ToString(in.ResourceArn))
	if err != nil {
		return nil, err
	}
	for _, k := range in.TagKeys {
		delete(w.tags, k)
	}
	return &amp.UntagResourceOutput{}, nil
}

func (f *fakeAMP) listTagsForResource(_ context.Context, in *amp.ListTagsForResourceInput) (*amp.ListTagsForResourceOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	w, err := f.byARN(aws.ToString(in.ResourceArn))
	if err != nil {
		return nil, err
	}
	return &amp.ListTagsForResourceOutput{Tags: maps.Clone(w.tags)}, nil
}

// alertmanager returns the stored definition of workspace id.
func (f *fakeAMP) alertmanager(id string) []byte {
	f.mu.Lock()
	defer f.mu.Unlock()
	w, err := f.find(id)
	if err != nil {
		return nil
	}
	return bytes.Clone(w.alertmanager)
}
