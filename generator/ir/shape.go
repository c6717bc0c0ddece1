package ir

// ShapeType is the type of a Smithy shape.
type ShapeType uint8

// The Smithy 2.0 shape types.
const (
	InvalidType ShapeType = iota
	BlobType
	BooleanType
	StringType
	ByteType
	ShortType
	IntegerType
	LongType
	FloatType
	DoubleType
	BigIntegerType
	BigDecimalType
	TimestampType
	DocumentType
	EnumType
	IntEnumType
	ListType
	SetType
	MapType
	StructureType
	UnionType
	MemberType
	OperationType
	ResourceType
	ServiceType
)

var shapeTypeNames = [...]string{
	"invalid", "blob", "boolean", "string", "byte", "short", "integer", "long",
	"float", "double", "bigInteger", "bigDecimal", "timestamp", "document",
	"enum", "intEnum", "list", "set", "map", "structure", "union", "member",
	"operation", "resource", "service",
}

// String returns the type's name as written in a model ("structure", ...).
func (t ShapeType) String() string {
	if int(t) < len(shapeTypeNames) {
		return shapeTypeNames[t]
	}
	return "invalid"
}

// ShapeTypeOf returns the ShapeType named s in a model, or InvalidType.
func ShapeTypeOf(s string) ShapeType {
	for i, n := range shapeTypeNames {
		if n == s && i != int(InvalidType) {
			return ShapeType(i)
		}
	}
	return InvalidType
}

// IsNumber reports whether t is one of the number types.
func (t ShapeType) IsNumber() bool { return t >= ByteType && t <= BigDecimalType }

// IsSimple reports whether t is a simple type (blob through document,
// including enum and intEnum).
func (t ShapeType) IsSimple() bool { return t >= BlobType && t <= IntEnumType }

// IsAggregate reports whether t has members (list, set, map, structure, union).
func (t ShapeType) IsAggregate() bool { return t >= ListType && t <= UnionType }

// IsCollection reports whether t is a list or a set.
func (t ShapeType) IsCollection() bool { return t == ListType || t == SetType }

// GoPackage says in which generated Go package a shape's type is declared.
type GoPackage uint8

// Where a named Go type lives.
const (
	NoPackage    GoPackage = iota // the shape has no named Go type (lists, maps, simple types, inputs/outputs used only as such)
	TypesPackage                  // the types/ subpackage (structures, unions, enums, intEnums, errors)
)

// Shape is one shape of the model.
type Shape struct {
	// Facts from the model.
	ID      ShapeID
	Type    ShapeType
	Pos     Pos
	Traits  Traits
	Mixins  []ShapeID // as written; emptied by the mixin pass once applied
	Members []*Member // structure, union, enum, intEnum in model order; list/set: "member"; map: "key", "value"

	// Operation facts.
	Input, Output ShapeID   // empty when the operation has none (smithy.api#Unit)
	Errors        []ShapeID // operation errors, or a service's common errors

	// Service and resource facts.
	Version              string
	Operations           []ShapeID
	Resources            []ShapeID
	Rename               []Rename          // service only
	Identifiers          []ResourceBinding // resource only
	Properties           []ResourceBinding // resource only
	Lifecycle            []ResourceBinding // resource only: create, put, read, update, delete, list
	CollectionOperations []ShapeID         // resource only

	// Derived by the passes.
	// GoName is the Go type name in the types package (when GoPackage is
	// TypesPackage), or for an operation the client method name; an
	// operation's input and output types are GoName+"Input" and
	// GoName+"Output" in the service package, emitted from the operation.
	GoName    string
	GoPackage GoPackage // where GoName is declared
	Doc       string    // Go doc comment text, lines without "//"; empty when undocumented
	IsMixin   bool      // has the smithy.api#mixin trait; never emitted
}

// Member is a member of an aggregate, enum or intEnum shape.
type Member struct {
	// Facts from the model.
	Name   string  // member name as written
	ID     ShapeID // parent$name
	Target ShapeID // for enum members: smithy.api#Unit
	Pos    Pos
	Traits Traits

	// Derived by the passes.
	GoName       string  // exported field name; for enum/intEnum members, the constant's name
	UnionVariant string  // for union members: the Go type name of the variant (types package)
	Doc          string  // Go doc comment text
	Pointer      bool    // the Go field (or collection element) is a pointer / nilable
	JSONName     string  // the key in a JSON body: jsonName trait, else Name
	Binding      Binding // where the member goes in an HTTP message
	BindingName  string  // header name, query key, label name, or header prefix
}

// Rename is one entry of a service's rename map.
type Rename struct {
	ID   ShapeID
	Name string
	Pos  Pos
}

// ResourceBinding is a named shape reference of a resource: an identifier or
// property (name → target shape), or a lifecycle operation (name → operation).
type ResourceBinding struct {
	Name   string
	Target ShapeID
	Pos    Pos
}

// Binding is the HTTP location of a member.
type Binding uint8

// The HTTP bindings of Smithy's http-bindings traits.
const (
	BindBody          Binding = iota // a member of the JSON document body
	BindLabel                        // httpLabel
	BindQuery                        // httpQuery
	BindQueryParams                  // httpQueryParams
	BindHeader                       // httpHeader
	BindPrefixHeaders                // httpPrefixHeaders
	BindPayload                      // httpPayload
	BindResponseCode                 // httpResponseCode
)

var bindingNames = [...]string{"body", "label", "query", "queryParams", "header", "prefixHeaders", "payload", "responseCode"}

// String returns a short name of the binding.
func (b Binding) String() string {
	if int(b) < len(bindingNames) {
		return bindingNames[b]
	}
	return "invalid"
}
