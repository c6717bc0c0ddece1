package passes

import (
	"reflect"
	"testing"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

func hPtr[T any](v T) *T { return &v }

func TestDecodeTraits(t *testing.T) {
	tests := []struct {
		trait ir.Trait
		want  ir.Traits // typed fields only; Raw is ignored
	}{
		{hTrait(ir.TraitDocumentation, hStr("<p>x</p>")), ir.Traits{Documentation: "<p>x</p>"}},
		{hTrait(ir.TraitRequired, hAnn()), ir.Traits{Required: true}},
		{hTrait(ir.TraitRequired, hBool(true)), ir.Traits{Required: true}},
		{hTrait(ir.TraitDefault, hNum("0")), ir.Traits{Default: hPtr(hNum("0"))}},
		{hTrait(ir.TraitDefault, ir.Node{}), ir.Traits{Default: &ir.Node{}}},
		{hTrait(ir.TraitClientOptional, hAnn()), ir.Traits{ClientOptional: true}},
		{hTrait(ir.TraitSensitive, hAnn()), ir.Traits{Sensitive: true}},
		{hTrait(ir.TraitDeprecated, hObj("message", hStr("old"), "since", hStr("2020"))), ir.Traits{Deprecated: &ir.Deprecated{Message: "old", Since: "2020"}}},
		{hTrait(ir.TraitDeprecated, hAnn()), ir.Traits{Deprecated: &ir.Deprecated{}}},
		{hTrait(ir.TraitLength, hObj("min", hNum("1"))), ir.Traits{Length: &ir.Bounds{Min: hPtr("1")}}},
		{hTrait(ir.TraitLength, hObj("min", hNum("0"), "max", hNum("10"))), ir.Traits{Length: &ir.Bounds{Min: hPtr("0"), Max: hPtr("10")}}},
		{hTrait(ir.TraitRange, hObj("min", hNum("-1.5"), "max", hNum("2e3"))), ir.Traits{Range: &ir.Bounds{Min: hPtr("-1.5"), Max: hPtr("2e3")}}},
		{hTrait(ir.TraitPattern, hStr("^a+$")), ir.Traits{Pattern: "^a+$", HasPattern: true}},
		{hTrait(ir.TraitPattern, hStr("")), ir.Traits{HasPattern: true}},
		{hTrait(ir.TraitUniqueItems, hAnn()), ir.Traits{UniqueItems: true}},
		{hTrait(ir.TraitSparse, hAnn()), ir.Traits{Sparse: true}},
		{hTrait(ir.TraitEnum, hArr(hObj("value", hStr("a"), "name", hStr("A"), "documentation", hStr("d"), "deprecated", hBool(true), "tags", hArr()), hObj("value", hStr("b")))),
			ir.Traits{LegacyEnum: []ir.EnumDefinition{{Value: "a", Name: "A", Doc: "d", Deprecated: true}, {Value: "b"}}}},
		{hTrait(ir.TraitEnumValue, hStr("v")), ir.Traits{EnumValue: hPtr(hStr("v"))}},
		{hTrait(ir.TraitTimestampFormat, hStr("epoch-seconds")), ir.Traits{TimestampFormat: "epoch-seconds"}},
		{hTrait(ir.TraitJSONName, hStr("x-y")), ir.Traits{JSONName: "x-y"}},
		{hTrait(ir.TraitMediaType, hStr("text/plain")), ir.Traits{MediaType: "text/plain"}},
		{hTrait(ir.TraitStreaming, hAnn()), ir.Traits{Streaming: true}},
		{hTrait(ir.TraitRequiresLength, hAnn()), ir.Traits{RequiresLength: true}},
		{hTrait(ir.TraitHTTP, hObj("method", hStr("POST"), "uri", hStr("/x"))), ir.Traits{HTTP: &ir.HTTP{Method: "POST", URI: "/x", Code: 200}}},
		{hTrait(ir.TraitHTTP, hObj("method", hStr("PUT"), "uri", hStr("/"), "code", hNum("204"))), ir.Traits{HTTP: &ir.HTTP{Method: "PUT", URI: "/", Code: 204}}},
		{hTrait(ir.TraitHTTPError, hNum("404")), ir.Traits{HTTPError: 404}},
		{hTrait(ir.TraitError, hStr("server")), ir.Traits{Error: "server"}},
		{hTrait(ir.TraitHTTPLabel, hAnn()), ir.Traits{HTTPLabel: true}},
		{hTrait(ir.TraitHTTPQuery, hStr("k")), ir.Traits{HTTPQuery: "k"}},
		{hTrait(ir.TraitHTTPQueryParams, hAnn()), ir.Traits{HTTPQueryParams: true}},
		{hTrait(ir.TraitHTTPHeader, hStr("X-A")), ir.Traits{HTTPHeader: "X-A"}},
		{hTrait(ir.TraitHTTPPrefixHeaders, hStr("")), ir.Traits{HTTPPrefixHeaders: hPtr("")}},
		{hTrait(ir.TraitHTTPPayload, hAnn()), ir.Traits{HTTPPayload: true}},
		{hTrait(ir.TraitHTTPResponseCode, hAnn()), ir.Traits{HTTPResponseCode: true}},
		{hTrait(ir.TraitIdempotencyToken, hAnn()), ir.Traits{IdempotencyToken: true}},
		{hTrait(ir.TraitHostLabel, hAnn()), ir.Traits{HostLabel: true}},
		{hTrait(ir.TraitEndpoint, hObj("hostPrefix", hStr("{a}."))), ir.Traits{HostPrefix: "{a}.", HasEndpoint: true}},
		{hTrait(ir.TraitInput, hAnn()), ir.Traits{Input: true}},
		{hTrait(ir.TraitOutput, hAnn()), ir.Traits{Output: true}},
		{hTrait(ir.TraitMixin, hObj("localTraits", hArr(hStr("smithy.api#private")))), ir.Traits{Mixin: true}},
		{hTrait(ir.TraitRetryable, hObj("throttling", hBool(true))), ir.Traits{Retryable: &ir.Retryable{Throttling: true}}},
		{hTrait(ir.TraitRetryable, hAnn()), ir.Traits{Retryable: &ir.Retryable{}}},
		{hTrait(ir.TraitTitle, hStr("T")), ir.Traits{Title: "T"}},
		{hTrait(ir.TraitAuth, hArr(hStr("aws.auth#sigv4"))), ir.Traits{Auth: []ir.ShapeID{"aws.auth#sigv4"}, HasAuth: true}},
		{hTrait(ir.TraitAuth, hArr()), ir.Traits{Auth: []ir.ShapeID{}, HasAuth: true}},
		{hTrait(ir.TraitOptionalAuth, hAnn()), ir.Traits{OptionalAuth: true}},
		{hTrait(ir.TraitHTTPChecksumReq, hAnn()), ir.Traits{HTTPChecksumRequired: true}},
		{hTrait(ir.TraitRequestCompression, hObj("encodings", hArr(hStr("gzip")))), ir.Traits{RequestCompression: []string{"gzip"}}},
		{hTrait(ir.TraitAWSService, hObj("sdkId", hStr("EKS Auth"), "endpointPrefix", hStr("eks-auth"), "arnNamespace", hStr("eks"),
			"cloudFormationName", hStr("C"), "cloudTrailEventSource", hStr("c.amazonaws.com"), "docId", hStr("x"))),
			ir.Traits{AWSService: &ir.AWSService{SDKID: "EKS Auth", EndpointPrefix: "eks-auth", ArnNamespace: "eks", CloudFormationName: "C", CloudTrailEventSource: "c.amazonaws.com"}}},
		{hTrait(ir.TraitSigV4, hObj("name", hStr("eks-auth"))), ir.Traits{SigV4: &ir.SigV4{Name: "eks-auth"}}},
		{hTrait(ir.TraitRestJSON1, hObj("http", hArr(hStr("h2")))), ir.Traits{RestJSON1: true}},
		{hTrait("ns#unknown", hNum("1")), ir.Traits{}},
	}
	for _, tt := range tests {
		t.Run(string(tt.trait.ID), func(t *testing.T) {
			s := hWith(hStruct("ns#S"), tt.trait)
			s.Traits.Required = true // stale typed fields are reset
			m := hModel(t, s)
			if err := decodeTraits(m); err != nil {
				t.Fatal(err)
			}
			got := s.Traits
			got.Raw = nil
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("decoded %+v\nwant    %+v", got, tt.want)
			}
			if len(s.Traits.Raw) != 1 {
				t.Errorf("Raw not kept: %v", s.Traits.Raw)
			}
		})
	}
}

func TestDecodeTraitsErrors(t *testing.T) {
	tests := []struct {
		trait ir.Trait
		want  string
	}{
		{hTrait(ir.TraitLength, hObj("min", hAt(2, hStr("a")))), `t.json:2:1: ns#S: trait smithy.api#length: min: want a non-negative integer, got string "a"`},
		{hTrait(ir.TraitLength, hObj("min", hAt(2, hNum("1.5")))), "t.json:2:1: ns#S: trait smithy.api#length: min: want a non-negative integer, got number 1.5"},
		{hTrait(ir.TraitLength, hObj("max", hAt(2, hNum("-1")))), "max: want a non-negative integer, got number -1"},
		{hTrait(ir.TraitLength, hAt(3, hObj("min", hNum("5"), "max", hNum("1")))), "t.json:3:1: ns#S: trait smithy.api#length: min 5 is greater than max 1"},
		{hTrait(ir.TraitLength, hAt(3, hAnn())), "t.json:3:1: ns#S: trait smithy.api#length: want min, max or both"},
		{hTrait(ir.TraitRange, hAt(3, hObj("mini", hNum("1")))), `trait smithy.api#range: unknown key "mini", want one of "min" or "max"`},
		{hTrait(ir.TraitRange, hAt(3, hStr("1"))), `t.json:3:1: ns#S: trait smithy.api#range: want an object, got string "1"`},
		{hTrait(ir.TraitHTTPError, hAt(4, hStr("404"))), `t.json:4:1: ns#S: trait smithy.api#httpError: want an integer from 100 to 599, got string "404"`},
		{hTrait(ir.TraitHTTPError, hAt(4, hNum("4040"))), "want an integer from 100 to 599, got number 4040"},
		{hTrait(ir.TraitHTTP, hAt(5, hObj("uri", hStr("/")))), `t.json:5:1: ns#S: trait smithy.api#http: missing required key "method"`},
		{hTrait(ir.TraitHTTP, hAt(5, hObj("method", hStr("GET")))), `trait smithy.api#http: missing required key "uri"`},
		{hTrait(ir.TraitHTTP, hObj("method", hAt(6, hStr("")), "uri", hStr("/"))), "t.json:6:1: ns#S: trait smithy.api#http: method: want a non-empty string"},
		{hTrait(ir.TraitHTTP, hObj("method", hStr("GET"), "uri", hStr("/"), "code", hAt(6, hStr("200")))), `t.json:6:1: ns#S: trait smithy.api#http: code: want an integer from 100 to 999, got string "200"`},
		{hTrait(ir.TraitTimestampFormat, hAt(7, hStr("iso"))), `t.json:7:1: ns#S: trait smithy.api#timestampFormat: want one of "date-time", "http-date" or "epoch-seconds", got string "iso"`},
		{hTrait(ir.TraitPattern, hAt(8, hNum("1"))), "t.json:8:1: ns#S: trait smithy.api#pattern: want a string, got number 1"},
		{hTrait(ir.TraitError, hAt(9, hStr("user"))), `trait smithy.api#error: want one of "client" or "server", got string "user"`},
		{hTrait(ir.TraitRequired, hAt(9, hBool(false))), "trait smithy.api#required: want an annotation value {}, got boolean false"},
		{hTrait(ir.TraitSensitive, hAt(9, hObj("a", hNum("1")))), "trait smithy.api#sensitive: want an annotation value {}, got object"},
		{hTrait(ir.TraitHTTPHeader, hAt(9, hStr(""))), `trait smithy.api#httpHeader: want a non-empty string, got string ""`},
		{hTrait(ir.TraitEnum, hArr(hAt(9, hObj("name", hStr("A"))))), `t.json:9:1: ns#S: trait smithy.api#enum: missing required key "value"`},
		{hTrait(ir.TraitAuth, hArr(hAt(9, hNum("1")))), "t.json:9:1: ns#S: trait smithy.api#auth: [0]: want a string, got number 1"},
		{hTrait(ir.TraitSigV4, hAt(9, hAnn())), `trait aws.auth#sigv4: missing required key "name"`},
		{hTrait(ir.TraitAWSService, hAt(9, hObj("sdkId", hNum("1")))), "trait aws.api#service: sdkId: want a string, got number 1"},
		{hTrait(ir.TraitRetryable, hObj("throttling", hAt(9, hStr("yes")))), `trait smithy.api#retryable: throttling: want a boolean, got string "yes"`},
		{hTrait(ir.TraitEnumValue, hAt(9, hBool(true))), "trait smithy.api#enumValue: want a string (enum) or an integer (intEnum), got boolean true"},
	}
	for _, tt := range tests {
		t.Run(string(tt.trait.ID), func(t *testing.T) {
			m := hModel(t, hWith(hStruct("ns#S"), tt.trait))
			hWantErrors(t, decodeTraits(m), tt.want)
		})
	}
}

func TestDecodeTraitsAllErrorsAtOnce(t *testing.T) {
	m := hModel(t,
		hWith(hStruct("ns#A", hMember("x", "smithy.api#String", hTrait(ir.TraitJSONName, hAt(2, hNum("1"))))), hTrait(ir.TraitPattern, hAt(1, hNum("1")))),
		hWith(hStruct("ns#B"), hTrait(ir.TraitTitle, hAt(3, hNum("1")))),
	)
	hWantErrors(t, decodeTraits(m), "t.json:1:1: ns#A: trait smithy.api#pattern", "t.json:2:1: ns#A$x: trait smithy.api#jsonName", "t.json:3:1: ns#B: trait smithy.api#title")
}

func TestDecodeTraitsEnums(t *testing.T) {
	ev := func(n ir.Node) ir.Trait { return hTrait(ir.TraitEnumValue, n) }
	e := hShape("ns#E", ir.EnumType, hMember("A", "smithy.api#Unit"), hMember("B", "smithy.api#Unit", ev(hStr("bee"))))
	ie := hShape("ns#I", ir.IntEnumType, hMember("ONE", "smithy.api#Unit", ev(hNum("1"))), hMember("TWO", "smithy.api#Unit", ev(hNum("2"))))
	m := hModel(t, e, ie)
	if err := decodeTraits(m); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		mem  *ir.Member
		kind ir.NodeKind
		str  string
	}{{e.Members[0], ir.StringNode, "A"}, {e.Members[1], ir.StringNode, "bee"}, {ie.Members[0], ir.NumberNode, "1"}, {ie.Members[1], ir.NumberNode, "2"}} {
		if v := c.mem.Traits.EnumValue; v == nil || v.Kind != c.kind || v.Str != c.str {
			t.Errorf("%s: EnumValue %+v, want %s %q", c.mem.ID, v, c.kind, c.str)
		}
	}

	bad := hModel(t,
		hShape("ns#E", ir.EnumType,
			&ir.Member{Name: "A", Target: "smithy.api#Unit", Pos: hPos(1), Traits: ir.Traits{Raw: []ir.Trait{ev(hAt(2, hNum("1")))}}},
			&ir.Member{Name: "B", Target: "smithy.api#Unit", Pos: hPos(3), Traits: ir.Traits{Raw: []ir.Trait{ev(hAt(4, hStr("C")))}}},
			&ir.Member{Name: "C", Target: "smithy.api#Unit", Pos: hPos(5)}),
		hShape("ns#I", ir.IntEnumType,
			&ir.Member{Name: "X", Target: "smithy.api#Unit", Pos: hPos(6)},
			&ir.Member{Name: "Y", Target: "smithy.api#Unit", Pos: hPos(7), Traits: ir.Traits{Raw: []ir.Trait{ev(hAt(8, hStr("1")))}}},
			&ir.Member{Name: "Z", Target: "smithy.api#Unit", Pos: hPos(9), Traits: ir.Traits{Raw: []ir.Trait{ev(hAt(10, hNum("4294967296")))}}}),
	)
	hWantErrors(t, decodeTraits(bad),
		"t.json:2:1: ns#E$A: trait smithy.api#enumValue: want a non-empty string for an enum member, got number 1",
		"t.json:5:1: ns#E$C: trait smithy.api#enumValue: value C is also the value of ns#E$B",
		"t.json:6:1: ns#I$X: trait smithy.api#enumValue: missing: an intEnum member needs an integer value",
		`t.json:8:1: ns#I$Y: trait smithy.api#enumValue: want a 32-bit integer for an intEnum member, got string "1"`,
		"t.json:10:1: ns#I$Z: trait smithy.api#enumValue: want a 32-bit integer for an intEnum member, got number 4294967296",
	)
}

func TestDecodeTraitsErrorShapes(t *testing.T) {
	svc := hAtLine(1, hService("ns#Svc", "ns#Op"))
	svc.Errors = []ir.ShapeID{"ns#Plain", "ns#Good"}
	m := hModel(t, svc,
		hAtLine(2, hOp("ns#Op", "", "", "ns#Good", "ns#Plain")),
		hStruct("ns#Plain"),
		hWith(hStruct("ns#Good"), hTrait(ir.TraitError, hStr("client"))),
	)
	hWantErrors(t, decodeTraits(m),
		"t.json:1:1: ns#Svc: errors: ns#Plain lacks the smithy.api#error trait",
		"t.json:2:1: ns#Op: errors: ns#Plain lacks the smithy.api#error trait",
	)
}
