package emit

import (
	"slices"

	"github.com/dave/jennifer/jen"
)

// clientOption is one field of the generated Options struct.
type clientOption struct {
	name string
	typ  jen.Code
	doc  []string
}

// clientOptions returns the fields of Options, sorted by name as in the SDK;
// IdempotencyTokenProvider only for a service with idempotency tokens.
func clientOptions(svc clientService) []clientOption {
	opts := []clientOption{
		{"AppID", jen.String(), []string{"The optional application specific identifier appended to the User-Agent header."}},
		{"BaseEndpoint", jen.Op("*").String(), []string{"This endpoint will be given as input to an EndpointResolverV2. It is used for", "providing a custom base endpoint that is subject to modifications by the", "processing EndpointResolverV2."}},
		{"ClientLogMode", jen.Qual(awsPath, "ClientLogMode"), []string{"Configures the events that will be sent to the configured logger (retries,", "requests and responses; bodies are never logged)."}},
		{"Credentials", jen.Qual(awsPath, "CredentialsProvider"), []string{"The credentials object to use when signing requests. Requests are sent", "unsigned when it is nil or aws.AnonymousCredentials. The provider is called", "once per attempt: wrap it in aws.NewCredentialsCache to cache credentials."}},
		{"EndpointOptions", jen.Id("EndpointResolverOptions"), []string{"The configuration for endpoint resolution (FIPS, dual-stack, HTTPS)."}},
		{"EndpointResolver", jen.Id("EndpointResolver"), []string{"The service endpoint resolver consulted before EndpointResolverV2; when it", "returns an *aws.EndpointNotFoundError, EndpointResolverV2 resolves the", "endpoint.", "", "Deprecated: EndpointResolver and WithEndpointResolver. Providing a value for", "this field will likely prevent you from using any endpoint-related service", "features released after the introduction of EndpointResolverV2 and BaseEndpoint.", "", "To migrate an EndpointResolver implementation that uses a custom endpoint, set", "the client option BaseEndpoint instead."}},
		{"EndpointResolverV2", jen.Id("EndpointResolverV2"), []string{"Resolves the endpoint used for a particular service operation. This should be", "used over the deprecated EndpointResolver."}},
		{"HTTPClient", jen.Id("HTTPClient"), []string{"The HTTP client to invoke API calls with. Defaults to client's default HTTP", "implementation if nil."}},
		{"Logger", jen.Qual(clientLoggingPath, "Logger"), []string{"The logger writer interface to write logging messages to."}},
		{"Region", jen.String(), []string{"The region to send requests to. (Required)"}},
		{"RetryMaxAttempts", jen.Int(), []string{"RetryMaxAttempts specifies the maximum number attempts an API client will call", "an operation that fails with a retryable error. A value of 0 is ignored, and", "will not be used to configure the API client created default retryer, or modify", "per operation call's retry max attempts.", "", "If specified in an operation call's functional options with a value that is", "different than the constructed client's Options, the Client's Retryer will be", "wrapped to use the operation's specific RetryMaxAttempts value."}},
		{"RetryMode", jen.Qual(awsPath, "RetryMode"), []string{"RetryMode specifies the retry mode the API client will be created with, if", "Retryer option is not also specified.", "", "When creating a new API Clients this member will only be used if the Retryer", "Options member is nil. This value will be ignored if Retryer is not nil.", "", "Currently does not support per operation call overrides, may in the future."}},
		{"Retryer", jen.Qual(awsPath, "Retryer"), []string{"Retryer guides how HTTP requests should be retried in case of recoverable", "failures. When nil the API client will use a default retryer. The kind of", "default retry created by the API client can be changed with the RetryMode", "option."}},
		{"ValidateFully", jen.Bool(), []string{"ValidateFully makes every call check its input against all the constraints", "of the model (length, pattern, range, enum values, unique items) with the", "input's Validate method before sending it. By default only required members", "and non-empty HTTP labels are checked, as the SDK does: the service validates", "the rest."}},
	}
	if !svc.Idempotent {
		return opts
	}
	provider := clientOption{"IdempotencyTokenProvider", jen.Id("IdempotencyTokenProvider"), []string{"Provides idempotency tokens values that will be automatically populated into", "idempotent API operations whose token member is nil. When nil, a random", "(version 4) UUID is used."}}
	i := slices.IndexFunc(opts, func(o clientOption) bool { return o.name > provider.name })
	return slices.Insert(opts, i, provider)
}

// emitClientOptions renders options.go: the HTTPClient interface, Options
// with Copy, and the WithEndpointResolver* functional options.
//
// Example output (abridged):
//
//	type Options struct {
//		// The optional application specific identifier appended to the User-Agent header.
//		AppID string
//		...
//	}
//
//	func (o Options) Copy() Options {
//		to := o
//		return to
//	}
func emitClientOptions(g *gen, svc clientService) ([]File, error) {
	f := g.newClientFile()
	f.Comment("HTTPClient sends HTTP requests; *http.Client and awshttp.BuildableClient")
	f.Comment("satisfy it.")
	f.Type().Id("HTTPClient").Interface(
		jen.Id("Do").Params(jen.Op("*").Qual("net/http", "Request")).Params(jen.Op("*").Qual("net/http", "Response"), jen.Error()),
	)
	f.Line()
	var fields []jen.Code
	if svc.Idempotent {
		f.Comment("IdempotencyTokenProvider interface for providing idempotency token")
		f.Type().Id("IdempotencyTokenProvider").Interface(
			jen.Id("GetIdempotencyToken").Params().Params(jen.String(), jen.Error()),
		)
		f.Line()
	}
	for i, o := range clientOptions(svc) {
		if i > 0 {
			fields = append(fields, jen.Line())
		}
		for _, l := range o.doc {
			if l == "" {
				fields = append(fields, jen.Comment(""))
			} else {
				fields = append(fields, jen.Comment(l))
			}
		}
		fields = append(fields, jen.Id(o.name).Add(o.typ))
	}
	f.Comment("Options configures a Client.")
	f.Type().Id("Options").Struct(fields...)
	f.Line()
	f.Comment("Copy returns a copy of the options; Options holds no slices or maps of its")
	f.Comment("own, so a plain copy is a deep one.")
	f.Func().Params(jen.Id("o").Id("Options")).Id("Copy").Params().Id("Options").Block(
		jen.Id("to").Op(":=").Id("o"),
		jen.Return(jen.Id("to")),
	)
	f.Line()
	for _, w := range []struct{ fn, field, doc string }{
		{"WithEndpointResolver", "EndpointResolver", "WithEndpointResolver sets the legacy EndpointResolver of a call or client.\n\nDeprecated: see Options.EndpointResolver."},
		{"WithEndpointResolverV2", "EndpointResolverV2", "WithEndpointResolverV2 returns a functional option for setting the Client's\nEndpointResolverV2 option."},
	} {
		addDoc(f, w.doc)
		f.Func().Id(w.fn).Params(jen.Id("v").Id(w.field)).Func().Params(jen.Op("*").Id("Options")).Block(
			jen.Return(jen.Func().Params(jen.Id("o").Op("*").Id("Options")).Block(
				jen.Id("o").Dot(w.field).Op("=").Id("v"),
			)),
		)
		f.Line()
	}
	file, err := render("options.go", f)
	return []File{file}, err
}
