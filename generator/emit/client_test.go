package emit

import (
	"slices"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/emit/rules"
	"github.com/eksauthgen/eksauthgen/generator/ir"
)

func TestClientFacts(t *testing.T) {
	tests := []struct {
		name   string
		traits ir.Traits
		want   clientService
	}{
		{"sigv4 name", ir.Traits{
			AWSService: &ir.AWSService{SDKID: "EKS Auth", EndpointPrefix: "eks-auth-prefix"},
			SigV4:      &ir.SigV4{Name: "eks-auth"},
			Title:      "Amazon EKS Auth",
		}, clientService{SDKID: "EKS Auth", Version: "2023-11-26", SigningName: "eks-auth", Title: "Amazon EKS Auth"}},
		{"endpointPrefix", ir.Traits{AWSService: &ir.AWSService{SDKID: "Foo Bar", EndpointPrefix: "foo"}},
			clientService{SDKID: "Foo Bar", Version: "2023-11-26", SigningName: "foo"}},
		{"sdkId", ir.Traits{AWSService: &ir.AWSService{SDKID: "Foo Bar"}},
			clientService{SDKID: "Foo Bar", Version: "2023-11-26", SigningName: "foobar"}},
		{"no aws.api#service", ir.Traits{}, clientService{SDKID: "Things", Version: "2023-11-26", SigningName: "things"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := testModel()
			m.Service.Version = "2023-11-26"
			m.Service.Traits = tt.traits
			got := newGen(m, testConfig("example.com/things")).clientFacts()
			if got.SDKID != tt.want.SDKID || got.Version != tt.want.Version || got.SigningName != tt.want.SigningName ||
				got.Title != tt.want.Title || got.HasRuleSet || got.HasTests {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestClientEnvName(t *testing.T) {
	for in, want := range map[string]string{"EKS Auth": "EKS_AUTH", "amp": "AMP", "API Gateway": "API_GATEWAY", "ACM PCA": "ACM_PCA"} {
		if got := clientEnvName(in); got != want {
			t.Errorf("clientEnvName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestEmitClientFiles checks which files the client emitters produce for
// the test model (three operations, no endpoint rule set) and the facts
// they declare.
func TestEmitClientFiles(t *testing.T) {
	m := testModel()
	m.Service.Version = "2020-01-01"
	m.Service.Traits = ir.Traits{AWSService: &ir.AWSService{SDKID: "Things Svc"}, SigV4: &ir.SigV4{Name: "things-sign"}}
	files, err := emitClient(newGen(m, testConfig("example.com/things")))
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string]string{}
	var paths []string
	for _, f := range files {
		byPath[f.Path] = string(f.Content)
		paths = append(paths, f.Path)
	}
	wantPaths := []string{"api_client.go", "api_op_GetThing.go", "api_op_Ping.go", "api_op_PutStuff.go", "endpoints.go", "options.go"}
	slices.Sort(paths)
	if !slices.Equal(paths, wantPaths) {
		t.Fatalf("files %v, want %v", paths, wantPaths)
	}
	contains := []struct{ file, text string }{
		{"api_client.go", `const ServiceID = "Things Svc"`},
		{"api_client.go", `const ServiceAPIVersion = "2020-01-01"`},
		{"api_client.go", `const signingName = "things-sign"`},
		{"api_client.go", `os.LookupEnv("AWS_ENDPOINT_URL_THINGS_SVC")`},
		{"api_client.go", "func NewFromConfig(cfg aws.Config, optFns ...func(*Options)) *Client {"},
		{"api_client.go", "func New(options Options, optFns ...func(*Options)) *Client {"},
		{"api_client.go", "func (c *Client) Options() Options {"},
		{"options.go", "\tValidateFully bool\n"},
		{"options.go", "\tEndpointResolverV2 EndpointResolverV2\n"},
		{"options.go", "func (o Options) Copy() Options {"},
		{"endpoints.go", "the Things Svc model has no endpoint rule set: set Options.BaseEndpoint"},
		{"endpoints.go", "p.Endpoint = o.BaseEndpoint"},
		{"endpoints.go", "type EndpointResolverOptions struct {"},
		{"api_op_Ping.go", "func (c *Client) Ping(ctx context.Context, params *PingInput, optFns ...func(*Options)) (*PingOutput, error) {"},
		{"api_op_Ping.go", "// Ping calls the Ping operation."},
	}
	for _, c := range contains {
		if !strings.Contains(byPath[c.file], c.text) {
			t.Errorf("%s does not contain %q", c.file, c.text)
		}
	}
	for path, src := range byPath {
		if !strings.HasPrefix(src, "// "+Header) {
			t.Errorf("%s: no generated-code header", path)
		}
	}
}

func TestGenOperation(t *testing.T) {
	g := newTestGen()
	op := g.m.Shape(sid("GetThing"))
	op.Doc = "Gets a thing."
	got := renderClientBody(t, g, func(f *jen.File) { g.genOperation(f, op) })
	diffText(t, "GetThing", got, `
// Gets a thing.
func (c *Client) GetThing(ctx context.Context, params *GetThingInput, optFns ...func(*Options)) (*GetThingOutput, error) {
	if params == nil {
		params = &GetThingInput{}
	}
	config, options := c.operationConfig(optFns)
	var err error
	if options.ValidateFully {
		err = params.Validate()
	} else {
		err = validateOpGetThingInput(params)
	}
	if err != nil {
		return nil, operationError("GetThing", err)
	}
	var req awsrt.Request
	if err := serializeOpGetThing(params, &req); err != nil {
		return nil, operationError("GetThing", serializationError(err))
	}
	var out *GetThingOutput
	err = awsrt.Do(ctx, config, "GetThing", &req, func(resp *http.Response, body []byte) error {
		var err error
		out, err = deserializeOpGetThing(resp, body)
		if err == nil && out != nil {
			awsmiddleware.SetRequestIDMetadata(&out.ResultMetadata, awsrt.RequestID(resp.Header))
		}
		return err
	}, deserializeOpErrorGetThing)
	if err != nil {
		return nil, err
	}
	return out, nil
}`)
}

func TestBindEndpointParams(t *testing.T) {
	params := []*rules.Param{
		{Name: "Region", GoName: "Region", Type: rules.StringParam, BuiltIn: "AWS::Region"},
		{Name: "UseDualStack", GoName: "UseDualStack", Type: rules.BooleanParam, BuiltIn: "AWS::UseDualStack"},
		{Name: "UseFIPS", GoName: "UseFIPS", Type: rules.BooleanParam, BuiltIn: "AWS::UseFIPS"},
		{Name: "Endpoint", GoName: "Endpoint", Type: rules.StringParam, BuiltIn: "SDK::Endpoint"},
		{Name: "AccountId", GoName: "AccountId", Type: rules.StringParam, BuiltIn: "AWS::Auth::AccountId"},
		{Name: "Bucket", GoName: "Bucket", Type: rules.StringParam},
	}
	g := newTestGen()
	got := renderClientBody(t, g, func(f *jen.File) { genBindEndpointParams(f, params) })
	got = strings.TrimSpace(got[:strings.Index(got, "// validRegion")])
	diffText(t, "bind", got, `
// bindEndpointParams returns the endpoint parameters bound to the options: the
// built-in parameters the SDK binds (AWS::Region, AWS::UseFIPS,
// AWS::UseDualStack, SDK::Endpoint) that the rule set declares.
func bindEndpointParams(o *Options, region string, eo EndpointResolverOptions) (EndpointParameters, error) {
	var p EndpointParameters
	if region != "" {
		if !validRegion(region) {
			return p, fmt.Errorf("invalid input region %s", region)
		}
		p.Region = aws.String(region)
	}
	p.UseDualStack = aws.Bool(eo.UseDualStackEndpoint == aws.DualStackEndpointStateEnabled)
	p.UseFIPS = aws.Bool(eo.UseFIPSEndpoint == aws.FIPSEndpointStateEnabled)
	p.Endpoint = o.BaseEndpoint
	return p, nil
}`)
}

// renderClientBody renders what build adds to a client file of the test
// package and returns the code after the package clause and imports.
func renderClientBody(t *testing.T, g *gen, build func(f *jen.File)) string {
	t.Helper()
	f := g.newClientFile()
	build(f)
	file, err := render("x.go", f)
	if err != nil {
		t.Fatal(err)
	}
	return stripPreamble(string(file.Content))
}

// TestIdempotencyTokenProvider checks that a service whose operation input
// has an @idempotencyToken member gets the SDK's IdempotencyTokenProvider
// (interface and option, the option in name order) and that the operation
// fills a nil token from it before validation, while a service without
// tokens gets neither.
func TestIdempotencyTokenProvider(t *testing.T) {
	for _, withToken := range []bool{false, true} {
		m := testModel()
		if withToken {
			in := m.Shape(sid("GetThingInput"))
			in.Members = append(in.Members, member("clientToken", "smithy.api#String", true, ir.Traits{IdempotencyToken: true}, ""))
		}
		g := newGen(m, testConfig("example.com/things"))
		svc := g.clientFacts()
		if svc.Idempotent != withToken {
			t.Fatalf("token %v: Idempotent = %v", withToken, svc.Idempotent)
		}
		var names []string
		for _, o := range clientOptions(svc) {
			names = append(names, o.name)
		}
		if !slices.IsSorted(names) || slices.Contains(names, "IdempotencyTokenProvider") != withToken {
			t.Errorf("token %v: options %v", withToken, names)
		}
		files, err := emitClient(g)
		if err != nil {
			t.Fatal(err)
		}
		src := map[string]string{}
		for _, f := range files {
			src[f.Path] = string(f.Content)
		}
		checks := []struct{ file, text string }{
			{"options.go", "type IdempotencyTokenProvider interface {\n\tGetIdempotencyToken() (string, error)\n}"},
			{"options.go", "\tIdempotencyTokenProvider IdempotencyTokenProvider\n"},
			{"api_op_GetThing.go", "\tif params.ClientToken == nil && options.IdempotencyTokenProvider != nil {\n\t\ttoken, err := options.IdempotencyTokenProvider.GetIdempotencyToken()\n\t\tif err != nil {\n\t\t\treturn nil, operationError(\"GetThing\", err)\n\t\t}\n\t\tcp := *params\n\t\tcp.ClientToken = &token\n\t\tparams = &cp\n\t}\n\tvar err error\n"},
		}
		for _, c := range checks {
			if strings.Contains(src[c.file], c.text) != withToken {
				t.Errorf("token %v: %s contains %q: %v", withToken, c.file, c.text, !withToken)
			}
		}
		if strings.Contains(src["api_op_Ping.go"], "IdempotencyTokenProvider") {
			t.Errorf("token %v: Ping, which has no token, uses the provider", withToken)
		}
	}
}
