package passes

// The reserved names below are the names the generated code declares itself
// next to the names derived from the model. A derived name equal to a
// reserved one in the same scope gets the suffix "_" (see deriveNames).
//
// These tables are public API of every generated package: adding a name
// renames any model member, shape or operation that had it, which is an
// incompatible change for the users of that package. Only add a name when an
// emitter starts to declare it, and say so in the change log.

// reservedStructMembers are methods every generated structure may have
// (String, GoString and LogValue redact sensitive members; Validate checks
// constraints). The AWS SDK for Go v2 reserves only "String".
//
// "Format" is not reserved here: 60 members of the shared AWS models are
// named "format" (apigateway ImportApiKeysInput.Format, appsync Type.Format,
// ...) and the SDK keeps them as Format. See reservedSensitiveMembers.
var reservedStructMembers = []string{"GoString", "LogValue", "String", "Validate"}

// reservedSensitiveMembers are the extra methods of a structure that holds
// sensitive data (directly or through its members): Format, the
// fmt.Formatter that redacts it. Only such structures reserve the name.
var reservedSensitiveMembers = []string{"Format"}

// reservedErrorMembers are the methods and fields of a generated error
// structure (the smithy.APIError methods, Unwrap, and the ErrorCodeOverride
// field). The SDK reserves Error, ErrorCode, ErrorFault and Unwrap.
var reservedErrorMembers = []string{"Error", "ErrorCode", "ErrorCodeOverride", "ErrorFault", "ErrorMessage", "Unwrap"}

// reservedOutputMembers are the fields every <Op>Output structure has.
var reservedOutputMembers = []string{"ResultMetadata"}

// reservedInputMembers are the fields every <Op>Input structure has besides
// the model's members: none, as in the SDK.
var reservedInputMembers = []string{}

// reservedTypesNames are declared in every types package: the unknown union
// variant, as in the SDK. The variant names "<Union>Member<Member>" of all
// unions are reserved too, and win over shape names, as in the SDK.
var reservedTypesNames = []string{"UnknownUnionMember"}

// reservedRootNames are declared in every service (root) package, as in the
// SDK: the client and its options, constructors, constants, endpoint
// resolution, auth and option helpers.
var reservedRootNames = []string{
	"AuthResolverParameters",
	"AuthSchemeResolver",
	"Client",
	"EndpointParameters",
	"EndpointResolver",
	"EndpointResolverFromURL",
	"EndpointResolverFunc",
	"EndpointResolverOptions",
	"EndpointResolverV2",
	"HTTPClient",
	"HTTPSignerV4",
	"IdempotencyTokenProvider",
	"New",
	"NewDefaultEndpointResolver",
	"NewDefaultEndpointResolverV2",
	"NewFromConfig",
	"Options",
	"ResolveEndpoint",
	"ServiceAPIVersion",
	"ServiceID",
	"WithAPIOptions",
	"WithEndpointResolver",
	"WithEndpointResolverV2",
	"WithSigV4SigningName",
	"WithSigV4SigningRegion",
}

// reservedClientMethods are the methods of Client that are not operations.
var reservedClientMethods = []string{"Options"}
