package emit

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// The client surface of the service package, in the AWS SDK for Go v2
// layout: api_client.go (Client, New, NewFromConfig), options.go (Options),
// endpoints.go and endpoints_test.go (the compiled endpoint rule set, the
// legacy EndpointResolver and the binding of built-in parameters) and one
// api_op_<Op>.go per operation. The operation methods call the serde
// functions serializeOp<Op>, deserializeOp<Op> and deserializeOpError<Op>
// emitted by the serde emitters, and run the call through the copied
// runtime package internal/awsrt.

// Import paths used only by the client files.
const (
	clientAWSHTTPPath         = "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	clientAWSMiddlewarePath   = "github.com/aws/aws-sdk-go-v2/aws/middleware"
	clientRetryPath           = "github.com/aws/aws-sdk-go-v2/aws/retry"
	clientSignerV4Path        = "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	clientLoggingPath         = "github.com/aws/smithy-go/logging"
	clientSmithyAuthPath      = "github.com/aws/smithy-go/auth"
	clientSmithyEndpointsPath = "github.com/aws/smithy-go/endpoints"
)

// clientAliases are the import aliases pinned in the client files, so that
// the output does not depend on the order in which jen registers imports.
var clientAliases = [...]struct{ path, alias string }{
	{clientAWSHTTPPath, "awshttp"},
	{clientAWSMiddlewarePath, "awsmiddleware"},
	{clientRetryPath, "retry"},
	{clientSignerV4Path, "v4"},
	{clientLoggingPath, "logging"},
	{clientSmithyAuthPath, "smithyauth"},
	{clientSmithyEndpointsPath, "smithyendpoints"},
}

// emitClient renders the client files of the service package.
func emitClient(g *gen) ([]File, error) {
	svc := g.clientFacts()
	var files []File
	for _, build := range []func(*gen, clientService) ([]File, error){
		emitClientAPI, emitClientOptions, emitClientEndpoints, emitClientOperations,
	} {
		fs, err := build(g, svc)
		if err != nil {
			return nil, err
		}
		files = append(files, fs...)
	}
	return files, nil
}

// clientService are the facts about the service the client files need.
type clientService struct {
	SDKID       string  // aws.api#service sdkId, else the service shape's name
	Version     string  // the service version ("2023-11-26")
	SigningName string  // aws.auth#sigv4 name, else endpointPrefix, else the sdkId lower-cased without spaces
	RuleSet     ir.Node // the smithy.rules#endpointRuleSet value; HasRuleSet says whether present
	HasRuleSet  bool
	Tests       ir.Node // the smithy.rules#endpointTests value; HasTests says whether present
	HasTests    bool
	Title       string // smithy.api#title, for the Client doc comment
	// Idempotent is true when an operation input has an idempotency token
	// member: Options then has an IdempotencyTokenProvider, as in the SDK.
	Idempotent bool
}

// clientFacts returns the facts of the model's service.
func (g *gen) clientFacts() clientService {
	s := g.m.Service
	var f clientService
	if s == nil {
		return clientService{SDKID: g.cfg.Package, SigningName: g.cfg.Package}
	}
	f.SDKID = s.ID.Name()
	f.Version = s.Version
	f.Title = s.Traits.Title
	if a := s.Traits.AWSService; a != nil && a.SDKID != "" {
		f.SDKID = a.SDKID
	}
	switch {
	case s.Traits.SigV4 != nil && s.Traits.SigV4.Name != "":
		f.SigningName = s.Traits.SigV4.Name
	case s.Traits.AWSService != nil && s.Traits.AWSService.EndpointPrefix != "":
		f.SigningName = s.Traits.AWSService.EndpointPrefix
	default:
		f.SigningName = strings.ToLower(strings.ReplaceAll(f.SDKID, " ", ""))
	}
	if t, ok := s.Traits.Get(ir.TraitEndpointRuleSet); ok {
		f.RuleSet, f.HasRuleSet = t.Value, true
	}
	if t, ok := s.Traits.Get(ir.TraitEndpointTests); ok {
		f.Tests, f.HasTests = t.Value, true
	}
	for _, op := range g.m.Operations {
		if g.idempotencyToken(op) != nil {
			f.Idempotent = true
		}
	}
	return f
}

// idempotencyToken returns the member of op's input that the client fills
// with an idempotency token when it is nil (a string member with
// @idempotencyToken), or nil.
func (g *gen) idempotencyToken(op *ir.Shape) *ir.Member {
	if op.Input == "" {
		return nil
	}
	for _, mem := range g.opMembers(op.Input) {
		if mem.Traits.IdempotencyToken && mem.Pointer && g.target(mem).Type == ir.StringType {
			return mem
		}
	}
	return nil
}

// clientEnvName returns the service-specific suffix of the AWS_ENDPOINT_URL_*
// environment variable for an sdkId, as the SDK derives it ("EKS Auth" →
// "EKS_AUTH").
func clientEnvName(sdkID string) string {
	return strings.ToUpper(strings.ReplaceAll(strings.ReplaceAll(sdkID, " ", "_"), "-", "_"))
}

// newClientFile returns a file of the service package with the client
// import aliases pinned.
func (g *gen) newClientFile() *jen.File {
	f := g.newFile(g.cfg.ImportPath, g.cfg.Package)
	for _, a := range clientAliases {
		f.ImportAlias(a.path, a.alias)
	}
	f.ImportName(g.internalPath("awsrt"), "awsrt")
	return f
}
