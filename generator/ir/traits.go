package ir

// Trait is one trait application as read from the model: its absolute ID and
// its value. Traits the generator does not know are kept here for later
// passes and emitters.
type Trait struct {
	ID    ShapeID
	Value Node
	Pos   Pos
}

// Well-known trait IDs.
const (
	TraitDocumentation      ShapeID = "smithy.api#documentation"
	TraitRequired           ShapeID = "smithy.api#required"
	TraitDefault            ShapeID = "smithy.api#default"
	TraitClientOptional     ShapeID = "smithy.api#clientOptional"
	TraitSensitive          ShapeID = "smithy.api#sensitive"
	TraitDeprecated         ShapeID = "smithy.api#deprecated"
	TraitLength             ShapeID = "smithy.api#length"
	TraitRange              ShapeID = "smithy.api#range"
	TraitPattern            ShapeID = "smithy.api#pattern"
	TraitUniqueItems        ShapeID = "smithy.api#uniqueItems"
	TraitSparse             ShapeID = "smithy.api#sparse"
	TraitEnum               ShapeID = "smithy.api#enum"
	TraitEnumValue          ShapeID = "smithy.api#enumValue"
	TraitTimestampFormat    ShapeID = "smithy.api#timestampFormat"
	TraitJSONName           ShapeID = "smithy.api#jsonName"
	TraitMediaType          ShapeID = "smithy.api#mediaType"
	TraitStreaming          ShapeID = "smithy.api#streaming"
	TraitRequiresLength     ShapeID = "smithy.api#requiresLength"
	TraitHTTP               ShapeID = "smithy.api#http"
	TraitHTTPError          ShapeID = "smithy.api#httpError"
	TraitError              ShapeID = "smithy.api#error"
	TraitHTTPLabel          ShapeID = "smithy.api#httpLabel"
	TraitHTTPQuery          ShapeID = "smithy.api#httpQuery"
	TraitHTTPQueryParams    ShapeID = "smithy.api#httpQueryParams"
	TraitHTTPHeader         ShapeID = "smithy.api#httpHeader"
	TraitHTTPPrefixHeaders  ShapeID = "smithy.api#httpPrefixHeaders"
	TraitHTTPPayload        ShapeID = "smithy.api#httpPayload"
	TraitHTTPResponseCode   ShapeID = "smithy.api#httpResponseCode"
	TraitIdempotencyToken   ShapeID = "smithy.api#idempotencyToken"
	TraitHostLabel          ShapeID = "smithy.api#hostLabel"
	TraitEndpoint           ShapeID = "smithy.api#endpoint"
	TraitInput              ShapeID = "smithy.api#input"
	TraitOutput             ShapeID = "smithy.api#output"
	TraitMixin              ShapeID = "smithy.api#mixin"
	TraitRetryable          ShapeID = "smithy.api#retryable"
	TraitTitle              ShapeID = "smithy.api#title"
	TraitPaginated          ShapeID = "smithy.api#paginated"
	TraitAuth               ShapeID = "smithy.api#auth"
	TraitOptionalAuth       ShapeID = "smithy.api#optionalAuth"
	TraitHTTPChecksumReq    ShapeID = "smithy.api#httpChecksumRequired"
	TraitRequestCompression ShapeID = "smithy.api#requestCompression"
	TraitCORS               ShapeID = "smithy.api#cors"
	TraitUnitType           ShapeID = "smithy.api#unitType"
	TraitInternal           ShapeID = "smithy.api#internal"
	TraitAWSService         ShapeID = "aws.api#service"
	TraitSigV4              ShapeID = "aws.auth#sigv4"
	TraitRestJSON1          ShapeID = "aws.protocols#restJson1"
	TraitEndpointRuleSet    ShapeID = "smithy.rules#endpointRuleSet"
	TraitEndpointTests      ShapeID = "smithy.rules#endpointTests"
	TraitHTTPRequestTests   ShapeID = "smithy.test#httpRequestTests"
	TraitHTTPResponseTests  ShapeID = "smithy.test#httpResponseTests"
	TraitHTTPMalformedTests ShapeID = "smithy.test#httpMalformedRequestTests"
)

// UnitID is the prelude's unit shape: "no input", "no output", an enum member's target.
const UnitID ShapeID = "smithy.api#Unit"

// Traits holds a shape's or member's traits: every one raw, in Raw, and the
// well-known ones decoded into typed fields by the traits pass. A zero field
// means the trait is absent.
type Traits struct {
	Raw []Trait // every trait, in document order (apply statements and mixins merged in)

	Documentation        string // raw HTML documentation
	Required             bool
	Default              *Node // smithy.api#default (may be a null node)
	ClientOptional       bool
	Sensitive            bool
	Deprecated           *Deprecated
	Length               *Bounds // length: of strings (in characters), blobs (bytes), lists and maps (entries)
	Range                *Bounds // range: of numbers
	Pattern              string  // ECMA-262 regular expression; HasPattern says whether present
	HasPattern           bool
	UniqueItems          bool
	Sparse               bool
	EnumValue            *Node            // enumValue of an enum (string) or intEnum (number) member
	LegacyEnum           []EnumDefinition // smithy.api#enum on a string shape
	TimestampFormat      string           // "date-time", "http-date" or "epoch-seconds"
	JSONName             string
	MediaType            string
	Streaming            bool
	RequiresLength       bool
	HTTP                 *HTTP
	HTTPError            int
	Error                string // "client" or "server"
	HTTPLabel            bool
	HTTPQuery            string
	HTTPQueryParams      bool
	HTTPHeader           string
	HTTPPrefixHeaders    *string // the prefix may be ""
	HTTPPayload          bool
	HTTPResponseCode     bool
	IdempotencyToken     bool
	HostLabel            bool
	HostPrefix           string // smithy.api#endpoint hostPrefix; HasEndpoint says whether present
	HasEndpoint          bool
	Input                bool
	Output               bool
	Mixin                bool
	Retryable            *Retryable
	Title                string
	Auth                 []ShapeID // smithy.api#auth; nil when absent
	HasAuth              bool
	OptionalAuth         bool
	HTTPChecksumRequired bool
	RequestCompression   []string // encodings, in order
	AWSService           *AWSService
	SigV4                *SigV4
	RestJSON1            bool
}

// Get returns the raw trait with the given ID.
func (t *Traits) Get(id ShapeID) (Trait, bool) {
	for _, tr := range t.Raw {
		if tr.ID == id {
			return tr, true
		}
	}
	return Trait{}, false
}

// Has reports whether the trait with the given ID is applied.
func (t *Traits) Has(id ShapeID) bool {
	_, ok := t.Get(id)
	return ok
}

// Deprecated is the smithy.api#deprecated trait.
type Deprecated struct {
	Message string
	Since   string
}

// Bounds is the value of a length or range trait. Min and Max hold the
// numbers' literal text as written in the model (ranges may be decimals); nil
// when that side is open.
type Bounds struct {
	Min, Max *string
}

// EnumDefinition is one entry of the legacy smithy.api#enum trait.
type EnumDefinition struct {
	Value      string
	Name       string
	Doc        string
	Deprecated bool
	Internal   bool // tagged "internal": left out of validation messages
}

// HTTP is the smithy.api#http trait of an operation, with its URI pattern
// split into parts.
type HTTP struct {
	Method string
	URI    string
	Code   int // 200 when the model does not say
	Path   []URISegment
	Query  []QueryLiteral // literal query parts of the URI ("?a=b&c")
}

// URISegment is one "/"-separated segment of an http URI path: a literal, or
// a label ("{name}", or "{name+}" when greedy).
type URISegment struct {
	Literal string
	Label   string
	Greedy  bool
}

// QueryLiteral is a constant query parameter in an http URI.
type QueryLiteral struct {
	Key, Value string
}

// Retryable is the smithy.api#retryable trait.
type Retryable struct {
	Throttling bool
}

// AWSService is the aws.api#service trait.
type AWSService struct {
	SDKID                 string
	ArnNamespace          string
	EndpointPrefix        string
	CloudFormationName    string
	CloudTrailEventSource string
}

// SigV4 is the aws.auth#sigv4 trait.
type SigV4 struct {
	Name string
}
