package rules

import (
	"maps"

	"github.com/dave/jennifer/jen"
)

// kind is the type of a value in the rules language.
type kind uint8

const (
	kString kind = iota
	kBool
	kInt
	kStringArray
	kPartition // *endpoints.PartitionConfig
	kARN       // *endpoints.ARN
	kURL       // *endpoints.URL
)

var kindNames = [...]string{"string", "boolean", "integer", "stringArray", "partition", "ARN", "URL"}

func (k kind) String() string { return kindNames[k] }

// isStruct reports whether values of kind k are Go pointers to structs, used
// as-is (field selection dereferences them).
func (k kind) isStruct() bool { return k >= kPartition }

// val is a compiled expression: Go code of a value of kind k. When opt is
// true the value may be absent: the code is then a pointer (or a nil-able
// slice for kStringArray) to test against nil.
type val struct {
	code   *jen.Statement
	k      kind
	opt    bool
	simple bool // code has no side effects and is cheap: it can be repeated
	atomic bool // code needs no parentheses as an operand
}

// binding is what a name refers to in a scope.
type binding struct {
	gen    func() *jen.Statement // the Go expression, built fresh on each use
	k      kind
	opt    bool
	used   *bool
	narrow func() *jen.Statement // for an optional binding: the value once proven set
}

// scope maps rule-language names to bindings. Extending copies it.
type scope map[string]binding

// with returns a copy of s with name bound to b.
func (s scope) with(name string, b binding) scope {
	out := maps.Clone(s)
	out[name] = b
	return out
}

// attr is a named attribute of a struct kind.
type attr struct {
	field string
	k     kind
}

// attrs lists the attributes getAttr reaches on each struct kind.
var attrs = map[kind]map[string]attr{
	kPartition: {
		"name":                 {"Name", kString},
		"dnsSuffix":            {"DNSSuffix", kString},
		"dualStackDnsSuffix":   {"DualStackDNSSuffix", kString},
		"supportsFIPS":         {"SupportsFIPS", kBool},
		"supportsDualStack":    {"SupportsDualStack", kBool},
		"implicitGlobalRegion": {"ImplicitGlobalRegion", kString},
	},
	kARN: {
		"partition":  {"Partition", kString},
		"service":    {"Service", kString},
		"region":     {"Region", kString},
		"accountId":  {"AccountID", kString},
		"resourceId": {"ResourceID", kStringArray},
	},
	kURL: {
		"scheme":         {"Scheme", kString},
		"authority":      {"Authority", kString},
		"path":           {"Path", kString},
		"normalizedPath": {"NormalizedPath", kString},
		"isIp":           {"IsIP", kBool},
	},
}

// function is a library function: argument kinds, result kind, whether the
// result is optional, and how to call it in Go.
type function struct {
	args   []kind
	result kind
	opt    bool
	gen    func(c *compiler, args []*jen.Statement) *jen.Statement
}

// runtimeCall returns a generator calling name in the runtime package.
func runtimeCall(name string) func(*compiler, []*jen.Statement) *jen.Statement {
	return func(c *compiler, args []*jen.Statement) *jen.Statement {
		return jen.Qual(c.cfg.RuntimePath, name).Call(codes(args)...)
	}
}

// functions is the library by name. isSet, not, booleanEquals, stringEquals
// and getAttr are compiled specially and are not listed.
var functions = map[string]function{
	"aws.partition": {[]kind{kString}, kPartition, true, func(c *compiler, args []*jen.Statement) *jen.Statement {
		return jen.Id("r").Dot("partitions").Dot("Partition").Call(args[0])
	}},
	"aws.parseArn":                  {[]kind{kString}, kARN, true, runtimeCall("ParseARN")},
	"parseURL":                      {[]kind{kString}, kURL, true, runtimeCall("ParseURL")},
	"substring":                     {[]kind{kString, kInt, kInt, kBool}, kString, true, runtimeCall("Substring")},
	"uriEncode":                     {[]kind{kString}, kString, false, runtimeCall("URIEncode")},
	"isValidHostLabel":              {[]kind{kString, kBool}, kBool, false, runtimeCall("IsValidHostLabel")},
	"aws.isVirtualHostableS3Bucket": {[]kind{kString, kBool}, kBool, false, runtimeCall("IsVirtualHostableS3Bucket")},
}

// codes converts statements to a []jen.Code.
func codes(s []*jen.Statement) []jen.Code {
	out := make([]jen.Code, len(s))
	for i, c := range s {
		out[i] = c
	}
	return out
}
