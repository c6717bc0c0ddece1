package passes

import (
	"math"
	"strconv"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// decodeTraits decodes the well-known traits of every shape and member from
// Traits.Raw into the typed fields of ir.Traits, and checks the traits that
// tie shapes together.
//
// Needs: the apply and mixins passes (Traits.Raw is complete) and the
// resolve pass (references exist).
//
// Guarantees:
//   - Every typed field of ir.Traits reflects Traits.Raw (fields of traits
//     that are absent, or whose value is invalid, are zero); Raw is kept.
//     HTTP.Code is 200 when the http trait gives no code; HTTP.Path and
//     HTTP.Query are left to the bindings pass.
//   - Every enum member has a string EnumValue (the member name when the
//     model gives none); every intEnum member has an integer EnumValue that
//     fits in 32 bits; values are unique within their shape.
//   - Every error of an operation and every common error of a service is a
//     structure with the error trait.
//
// Errors: a trait value of the wrong kind (at the value's position, naming
// the shape or member, the trait and what was expected): for example a
// length with a min that is not a non-negative integer, an httpError that
// is not an integer status, an http trait without method or uri, a
// timestampFormat other than date-time, http-date or epoch-seconds, a
// pattern that is not a string, an error other than client or server; the
// enum and error checks above.
func decodeTraits(m *ir.Model) error {
	var errs ir.ErrorList
	for _, s := range m.Shapes() {
		decodeTraitList(&s.Traits, &traitDecoder{owner: s.ID, errs: &errs})
		for _, mem := range s.Members {
			decodeTraitList(&mem.Traits, &traitDecoder{owner: mem.ID, errs: &errs})
		}
	}
	for _, s := range m.Shapes() {
		switch s.Type {
		case ir.EnumType, ir.IntEnumType:
			checkEnumValues(s, &errs)
		case ir.OperationType, ir.ServiceType:
			checkErrorShapes(m, s, &errs)
		}
	}
	return errs.Err()
}

// decodeTraitList resets the typed fields of t and decodes them from t.Raw.
func decodeTraitList(t *ir.Traits, d *traitDecoder) {
	*t = ir.Traits{Raw: t.Raw}
	for _, tr := range t.Raw {
		decodeTrait(t, tr, d)
	}
}

// decodeTrait decodes one trait into t; unknown traits are left in Raw only.
func decodeTrait(t *ir.Traits, tr ir.Trait, d *traitDecoder) {
	switch tr.ID {
	case ir.TraitDocumentation:
		t.Documentation, _ = d.str(tr)
	case ir.TraitRequired:
		t.Required = d.annotation(tr)
	case ir.TraitDefault:
		v := tr.Value
		t.Default = &v
	case ir.TraitClientOptional:
		t.ClientOptional = d.annotation(tr)
	case ir.TraitSensitive:
		t.Sensitive = d.annotation(tr)
	case ir.TraitDeprecated:
		if d.object(tr, "message", "since") {
			msg, _ := d.field(tr, "message", false)
			since, _ := d.field(tr, "since", false)
			t.Deprecated = &ir.Deprecated{Message: msg, Since: since}
		}
	case ir.TraitLength:
		t.Length = d.bounds(tr, true)
	case ir.TraitRange:
		t.Range = d.bounds(tr, false)
	case ir.TraitPattern:
		t.Pattern, t.HasPattern = d.str(tr)
	case ir.TraitUniqueItems:
		t.UniqueItems = d.annotation(tr)
	case ir.TraitSparse:
		t.Sparse = d.annotation(tr)
	case ir.TraitEnum:
		t.LegacyEnum = decodeLegacyEnum(tr, d)
	case ir.TraitEnumValue:
		if tr.Value.Kind == ir.StringNode || tr.Value.Kind == ir.NumberNode {
			v := tr.Value
			t.EnumValue = &v
		} else {
			d.want(tr, tr.Value, "", "a string (enum) or an integer (intEnum)")
		}
	case ir.TraitTimestampFormat:
		t.TimestampFormat, _ = d.oneOf(tr, "date-time", "http-date", "epoch-seconds")
	case ir.TraitJSONName:
		t.JSONName, _ = d.nonEmptyStr(tr)
	case ir.TraitMediaType:
		t.MediaType, _ = d.nonEmptyStr(tr)
	case ir.TraitStreaming:
		t.Streaming = d.annotation(tr)
	case ir.TraitRequiresLength:
		t.RequiresLength = d.annotation(tr)
	case ir.TraitHTTP:
		t.HTTP = decodeHTTP(tr, d)
	case ir.TraitHTTPError:
		code, _ := d.integer(tr, 100, 599)
		t.HTTPError = int(code)
	case ir.TraitError:
		t.Error, _ = d.oneOf(tr, "client", "server")
	case ir.TraitHTTPLabel:
		t.HTTPLabel = d.annotation(tr)
	case ir.TraitHTTPQuery:
		t.HTTPQuery, _ = d.nonEmptyStr(tr)
	case ir.TraitHTTPQueryParams:
		t.HTTPQueryParams = d.annotation(tr)
	case ir.TraitHTTPHeader:
		t.HTTPHeader, _ = d.nonEmptyStr(tr)
	case ir.TraitHTTPPrefixHeaders:
		if p, ok := d.str(tr); ok {
			t.HTTPPrefixHeaders = &p
		}
	case ir.TraitHTTPPayload:
		t.HTTPPayload = d.annotation(tr)
	case ir.TraitHTTPResponseCode:
		t.HTTPResponseCode = d.annotation(tr)
	case ir.TraitIdempotencyToken:
		t.IdempotencyToken = d.annotation(tr)
	case ir.TraitHostLabel:
		t.HostLabel = d.annotation(tr)
	case ir.TraitEndpoint:
		if d.object(tr, "hostPrefix") {
			t.HostPrefix, t.HasEndpoint = d.field(tr, "hostPrefix", true)
		}
	case ir.TraitInput:
		t.Input = d.annotation(tr)
	case ir.TraitOutput:
		t.Output = d.annotation(tr)
	case ir.TraitMixin:
		t.Mixin = true // a mixin even when localTraits is malformed
		if d.object(tr, "localTraits") {
			if _, ok := tr.Value.Get("localTraits"); ok {
				d.stringList(tr, "localTraits")
			}
		}
	case ir.TraitRetryable:
		if d.object(tr, "throttling") {
			t.Retryable = &ir.Retryable{Throttling: d.boolField(tr, "throttling")}
		}
	case ir.TraitTitle:
		t.Title, _ = d.str(tr)
	case ir.TraitAuth:
		decodeAuth(t, tr, d)
	case ir.TraitOptionalAuth:
		t.OptionalAuth = d.annotation(tr)
	case ir.TraitHTTPChecksumReq:
		t.HTTPChecksumRequired = d.annotation(tr)
	case ir.TraitRequestCompression:
		if d.object(tr, "encodings") {
			t.RequestCompression, _ = d.stringList(tr, "encodings")
		}
	case ir.TraitAWSService:
		t.AWSService = decodeAWSService(tr, d)
	case ir.TraitSigV4:
		if d.object(tr) {
			if name, ok := d.field(tr, "name", true); ok {
				t.SigV4 = &ir.SigV4{Name: name}
			}
		}
	case ir.TraitRestJSON1:
		t.RestJSON1 = d.object(tr)
	}
}

// decodeHTTP reads the http trait: method and uri required, code optional
// (default 200).
func decodeHTTP(tr ir.Trait, d *traitDecoder) *ir.HTTP {
	if !d.object(tr, "method", "uri", "code") {
		return nil
	}
	method, okMethod := d.field(tr, "method", true)
	if okMethod && method == "" {
		d.want(tr, mustGet(tr.Value, "method"), "method", "a non-empty string")
		okMethod = false
	}
	uri, okURI := d.field(tr, "uri", true)
	h := &ir.HTTP{Method: method, URI: uri, Code: 200}
	if v, ok := tr.Value.Get("code"); ok {
		code, valid := v.Int64()
		if !valid || code < 100 || code > 999 {
			d.want(tr, v, "code", "an integer from 100 to 999")
			return nil
		}
		h.Code = int(code)
	}
	if !okMethod || !okURI {
		return nil
	}
	return h
}

// mustGet returns the value of key of an object node known to have it.
func mustGet(n ir.Node, key string) ir.Node {
	v, _ := n.Get(key)
	return v
}

// decodeLegacyEnum reads the smithy.api#enum trait: a list of definitions,
// each with a string value and optional name, documentation, deprecated and
// tags.
func decodeLegacyEnum(tr ir.Trait, d *traitDecoder) []ir.EnumDefinition {
	if tr.Value.Kind != ir.ArrayNode {
		d.want(tr, tr.Value, "", "an array of enum definitions")
		return nil
	}
	defs := make([]ir.EnumDefinition, 0, len(tr.Value.Items))
	for _, item := range tr.Value.Items {
		item := ir.Trait{ID: tr.ID, Value: item, Pos: tr.Pos}
		if !d.object(item, "value", "name", "documentation", "deprecated", "tags") {
			continue
		}
		value, ok := d.field(item, "value", true)
		if !ok {
			continue
		}
		name, _ := d.field(item, "name", false)
		doc, _ := d.field(item, "documentation", false)
		internal := false
		if tags, ok := item.Value.Get("tags"); ok {
			for _, tag := range tags.Items {
				internal = internal || tag.Kind == ir.StringNode && tag.Str == "internal"
			}
		}
		defs = append(defs, ir.EnumDefinition{Value: value, Name: name, Doc: doc, Deprecated: d.boolField(item, "deprecated"), Internal: internal})
	}
	return defs
}

// decodeAuth reads the smithy.api#auth trait: a list of auth scheme IDs.
func decodeAuth(t *ir.Traits, tr ir.Trait, d *traitDecoder) {
	ids, ok := d.stringList(tr, "")
	if !ok {
		return
	}
	t.Auth = make([]ir.ShapeID, 0, len(ids))
	for _, id := range ids {
		t.Auth = append(t.Auth, ir.ShapeID(id))
	}
	t.HasAuth = true
}

// decodeAWSService reads the aws.api#service trait (sdkId required).
func decodeAWSService(tr ir.Trait, d *traitDecoder) *ir.AWSService {
	if !d.object(tr) { // AWS traits grow keys; only the ones read are checked
		return nil
	}
	sdkID, ok := d.field(tr, "sdkId", true)
	if !ok {
		return nil
	}
	s := &ir.AWSService{SDKID: sdkID}
	s.ArnNamespace, _ = d.field(tr, "arnNamespace", false)
	s.EndpointPrefix, _ = d.field(tr, "endpointPrefix", false)
	s.CloudFormationName, _ = d.field(tr, "cloudFormationName", false)
	s.CloudTrailEventSource, _ = d.field(tr, "cloudTrailEventSource", false)
	return s
}

// checkEnumValues gives enum members without enumValue their name as value
// and checks the kind and uniqueness of enum and intEnum values.
func checkEnumValues(s *ir.Shape, errs *ir.ErrorList) {
	seen := make(map[string]ir.ShapeID)
	for _, mem := range s.Members {
		v := mem.Traits.EnumValue
		pos := mem.Pos
		if v != nil && v.Pos.IsValid() {
			pos = v.Pos
		}
		var key string
		switch {
		case s.Type == ir.EnumType && v == nil:
			mem.Traits.EnumValue = &ir.Node{Kind: ir.StringNode, Str: mem.Name, Pos: mem.Pos}
			key = mem.Name
		case s.Type == ir.EnumType && (v.Kind != ir.StringNode || v.Str == ""):
			errs.Addf(pos, mem.ID, "trait %s: want a non-empty string for an enum member, got %s", ir.TraitEnumValue, describeNode(*v))
			continue
		case s.Type == ir.EnumType:
			key = v.Str
		case v == nil:
			errs.Addf(pos, mem.ID, "trait %s: missing: an intEnum member needs an integer value", ir.TraitEnumValue)
			continue
		default:
			i, ok := v.Int64()
			if !ok || i < math.MinInt32 || i > math.MaxInt32 {
				errs.Addf(pos, mem.ID, "trait %s: want a 32-bit integer for an intEnum member, got %s", ir.TraitEnumValue, describeNode(*v))
				mem.Traits.EnumValue = nil
				continue
			}
			key = strconv.FormatInt(i, 10)
		}
		if other, dup := seen[key]; dup {
			errs.Addf(pos, mem.ID, "trait %s: value %s is also the value of %s", ir.TraitEnumValue, key, other)
			continue
		}
		seen[key] = mem.ID
	}
}

// checkErrorShapes reports errors of an operation or service that lack the
// error trait.
func checkErrorShapes(m *ir.Model, s *ir.Shape, errs *ir.ErrorList) {
	for _, id := range s.Errors {
		e := m.Shape(id)
		if e != nil && e.Traits.Error == "" {
			errs.Addf(s.Pos, s.ID, "errors: %s lacks the %s trait", id, ir.TraitError)
		}
	}
}
