package passes

import (
	"reflect"
	"strings"
	"testing"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

func TestParseURI(t *testing.T) {
	lit := func(s string) ir.URISegment { return ir.URISegment{Literal: s} }
	label := func(s string) ir.URISegment { return ir.URISegment{Label: s} }
	greedy := func(s string) ir.URISegment { return ir.URISegment{Label: s, Greedy: true} }
	tests := []struct {
		uri     string
		path    []ir.URISegment
		query   []ir.QueryLiteral
		wantErr string
	}{
		{"/", nil, nil, ""},
		{"/clusters/{clusterName}/assume-role-for-pod-identity", []ir.URISegment{lit("clusters"), label("clusterName"), lit("assume-role-for-pod-identity")}, nil, ""},
		{"/a/{b+}", []ir.URISegment{lit("a"), greedy("b")}, nil, ""},
		{"/a/{b+}/suffix", []ir.URISegment{lit("a"), greedy("b"), lit("suffix")}, nil, ""},
		{"/agents/", []ir.URISegment{lit("agents"), lit("")}, nil, ""},
		{"/x?k&a=b&c=", []ir.URISegment{lit("x")}, []ir.QueryLiteral{{Key: "k"}, {Key: "a", Value: "b"}, {Key: "c"}}, ""},
		{"x", nil, nil, `http uri "x": must start with "/"`},
		{"/a#f", nil, nil, `must not contain a fragment "#"`},
		{"/a?", nil, nil, `http uri "/a?": must not end with "?"`},
		{"/a//b", nil, nil, "empty segment"},
		{"/a/../b", nil, nil, `dot segment ".."`},
		{"/{a}b", nil, nil, `segment "{a}b": a label must be a whole segment, {name} or {name+}`},
		{"/{}", nil, nil, `segment "{}": a label must be a whole segment`},
		{"/{a}/{a}", nil, nil, "label {a} appears twice"},
		{"/{a+}/{b}", nil, nil, "label {b} comes after the greedy label {a+}"},
		{"/{a+}/{b+}", nil, nil, "label {b} comes after the greedy label {a+}"},
		{"/a?k={v}", nil, nil, `query "k={v}": labels must not appear in the query string`},
		{"/a?=v", nil, nil, `query "=v": empty key`},
	}
	for _, tt := range tests {
		t.Run(tt.uri, func(t *testing.T) {
			op := hOp("ns#Op", "", "")
			op.Traits.HTTP = &ir.HTTP{Method: "GET", URI: tt.uri}
			op.Traits.Raw = []ir.Trait{hTrait(ir.TraitHTTP, hObj("uri", hAt(4, hStr(tt.uri))))}
			var errs ir.ErrorList
			parseURI(op, &errs)
			if tt.wantErr != "" {
				hWantErrors(t, errs.Err(), "t.json:4:1: ns#Op: "+"http uri ")
				if err := errs.Err(); err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("error %v, want it to contain %q", err, tt.wantErr)
				}
				return
			}
			if err := errs.Err(); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(op.Traits.HTTP.Path, tt.path) || !reflect.DeepEqual(op.Traits.HTTP.Query, tt.query) {
				t.Errorf("path %+v query %+v\nwant %+v %+v", op.Traits.HTTP.Path, op.Traits.HTTP.Query, tt.path, tt.query)
			}
			if op.Traits.HTTP.Code != 200 {
				t.Errorf("Code %d, want 200", op.Traits.HTTP.Code)
			}
		})
	}
}

// hBindingsModel returns a restJson1 service ns#Svc with operation ns#Op.
func hBindingsModel(t *testing.T, uri string, in, out *ir.Shape, more ...*ir.Shape) *ir.Model {
	t.Helper()
	svc := hWith(hService("ns#Svc", "ns#Op"), hTrait(ir.TraitRestJSON1, hAnn()))
	svc.Errors = []ir.ShapeID{"ns#Err"}
	op := hWith(hAtLine(1, hOp("ns#Op", string(in.ID), string(out.ID))),
		hTrait(ir.TraitHTTP, hObj("method", hStr("POST"), "uri", hAt(2, hStr(uri)))))
	shapes := append([]*ir.Shape{svc, op, in, out, hWith(hStruct("ns#Err", hMember("Message", "smithy.api#String")), hTrait(ir.TraitError, hStr("client")))}, more...)
	return hModel(t, shapes...)
}

// hRunBindings runs the passes deriveBindings needs, then it.
func hRunBindings(m *ir.Model) error {
	return hRun(m, decodeTraits, func(m *ir.Model) error { return selectService(m, "") }, deriveBindings)
}

func TestDeriveBindings(t *testing.T) {
	req := func() ir.Trait { return hTrait(ir.TraitRequired, hAnn()) }
	in := hStruct("ns#In",
		hMember("name", "smithy.api#String", hTrait(ir.TraitHTTPLabel, hAnn()), req()),
		hMember("q", "smithy.api#Integer", hTrait(ir.TraitHTTPQuery, hStr("max-items"))),
		hMember("qp", "ns#Map", hTrait(ir.TraitHTTPQueryParams, hAnn())),
		hMember("h", "smithy.api#Timestamp", hTrait(ir.TraitHTTPHeader, hStr("X-Time"))),
		hMember("meta", "ns#Map", hTrait(ir.TraitHTTPPrefixHeaders, hStr("X-Meta-"))),
		hMember("token", "smithy.api#String", hTrait(ir.TraitJSONName, hStr("tok"))),
		hMember("code", "smithy.api#Integer", hTrait(ir.TraitHTTPResponseCode, hAnn())), // ignored in a request
		hMember("nested", "ns#Nested"),
		hMember("tags", "ns#Tags", hTrait(ir.TraitHTTPHeader, hStr("X-Tags"))),
	)
	out := hStruct("ns#Out",
		hMember("status", "smithy.api#Integer", hTrait(ir.TraitHTTPResponseCode, hAnn())),
		hMember("etag", "smithy.api#String", hTrait(ir.TraitHTTPHeader, hStr("ETag"))),
		hMember("q", "smithy.api#String", hTrait(ir.TraitHTTPQuery, hStr("ignored"))), // ignored in a response
		hMember("body", "smithy.api#String"),
	)
	m := hBindingsModel(t, "/things/{name}?x=y", in, out,
		hShape("ns#Map", ir.MapType, hMember("key", "smithy.api#String"), hMember("value", "smithy.api#String")),
		hStruct("ns#Nested", hMember("deep", "smithy.api#String", hTrait(ir.TraitHTTPHeader, hStr("X-Deep")))),
		hShape("ns#Tags", ir.ListType, hMember("member", "smithy.api#String")),
	)
	if err := hRunBindings(m); err != nil {
		t.Fatal(err)
	}
	type b struct {
		binding ir.Binding
		name    string
		json    string
	}
	want := map[ir.ShapeID]b{
		"ns#In$name":     {ir.BindLabel, "name", "name"},
		"ns#In$q":        {ir.BindQuery, "max-items", "q"},
		"ns#In$qp":       {ir.BindQueryParams, "", "qp"},
		"ns#In$h":        {ir.BindHeader, "X-Time", "h"},
		"ns#In$meta":     {ir.BindPrefixHeaders, "X-Meta-", "meta"},
		"ns#In$token":    {ir.BindBody, "", "tok"},
		"ns#In$code":     {ir.BindBody, "", "code"},
		"ns#In$nested":   {ir.BindBody, "", "nested"},
		"ns#In$tags":     {ir.BindHeader, "X-Tags", "tags"},
		"ns#Nested$deep": {ir.BindBody, "", "deep"},
		"ns#Out$status":  {ir.BindResponseCode, "", "status"},
		"ns#Out$etag":    {ir.BindHeader, "ETag", "etag"},
		"ns#Out$q":       {ir.BindBody, "", "q"},
		"ns#Out$body":    {ir.BindBody, "", "body"},
		"ns#Err$Message": {ir.BindBody, "", "Message"},
		"ns#Map$key":     {ir.BindBody, "", "key"},
		"ns#Map$value":   {ir.BindBody, "", "value"},
	}
	n := 0
	for _, s := range m.Shapes() {
		for _, mem := range s.Members {
			w, ok := want[mem.ID]
			if !ok {
				continue
			}
			n++
			if got := (b{mem.Binding, mem.BindingName, mem.JSONName}); got != w {
				t.Errorf("%s: %+v, want %+v", mem.ID, got, w)
			}
		}
	}
	if n != len(want) {
		t.Errorf("checked %d members, want %d", n, len(want))
	}
	h := m.Shape("ns#Op").Traits.HTTP
	if len(h.Path) != 2 || h.Path[1].Label != "name" || len(h.Query) != 1 || h.Code != 200 {
		t.Errorf("http %+v", h)
	}
}

func TestDeriveBindingsErrors(t *testing.T) {
	req := func() ir.Trait { return hTrait(ir.TraitRequired, hAnn()) }
	at := func(line int, mem *ir.Member) *ir.Member { mem.Pos = hPos(line); return mem }
	tests := []struct {
		name    string
		uri     string
		in, out *ir.Shape
		more    []*ir.Shape
		want    []string
	}{
		{
			"labels and members disagree", "/{a}/{b+}",
			hStruct("ns#In",
				at(10, hMember("a", "smithy.api#String", hTrait(ir.TraitHTTPLabel, hAnn()))),
				at(11, hMember("b", "smithy.api#Integer", hTrait(ir.TraitHTTPLabel, hAnn()), req())),
				at(12, hMember("c", "smithy.api#String", hTrait(ir.TraitHTTPLabel, hAnn()), req())),
				at(13, hMember("d", "ns#L", hTrait(ir.TraitHTTPLabel, hAnn()), req()))),
			hStruct("ns#Out"),
			[]*ir.Shape{hShape("ns#L", ir.ListType, hMember("member", "smithy.api#String"))},
			[]string{
				"t.json:10:1: ns#In$a: smithy.api#httpLabel: a label member must have the smithy.api#required trait",
				"t.json:11:1: ns#In$b: smithy.api#httpLabel: the greedy label {b+} needs a string, not an integer",
				`t.json:12:1: ns#In$c: smithy.api#httpLabel: no label {c} in the http uri "/{a}/{b+}" of ns#Op`,
				`t.json:13:1: ns#In$d: smithy.api#httpLabel: no label {d} in the http uri`,
			},
		},
		{
			"label without member", "/{a}", hStruct("ns#In"), hStruct("ns#Out"), nil,
			[]string{"t.json:2:1: ns#Op: http uri label {a} has no input member with the smithy.api#httpLabel trait"},
		},
		{
			"payloads and several bindings", "/",
			hStruct("ns#In",
				at(10, hMember("p1", "smithy.api#Blob", hTrait(ir.TraitHTTPPayload, hAnn()))),
				at(11, hMember("p2", "smithy.api#String", hTrait(ir.TraitHTTPPayload, hAnn()), hTrait(ir.TraitHTTPHeader, hStr("X-P")))),
				at(12, hMember("body", "smithy.api#String"))),
			hStruct("ns#Out",
				at(20, hMember("p1", "smithy.api#Blob", hTrait(ir.TraitHTTPPayload, hAnn()))),
				at(21, hMember("p2", "smithy.api#Blob", hTrait(ir.TraitHTTPPayload, hAnn())))), nil,
			[]string{
				"t.json:11:1: ns#In$p2: bound to several HTTP locations (header and payload)",
				"t.json:12:1: ns#In$body: in the body beside httpPayload member p1",
				"t.json:21:1: ns#Out$p2: httpPayload: ns#Out$p1 has it already; a structure has at most one",
			},
		},
		{
			"headers and queries", "/",
			hStruct("ns#In",
				at(10, hMember("h1", "smithy.api#String", hTrait(ir.TraitHTTPHeader, hStr("X-A")))),
				at(11, hMember("h2", "smithy.api#String", hTrait(ir.TraitHTTPHeader, hStr("x-a")))),
				at(12, hMember("q1", "smithy.api#String", hTrait(ir.TraitHTTPQuery, hStr("k")))),
				at(13, hMember("q2", "ns#S", hTrait(ir.TraitHTTPQuery, hStr("k")))),
				at(14, hMember("m", "ns#M", hTrait(ir.TraitHTTPPrefixHeaders, hStr("X-")))),
				at(15, hMember("m2", "smithy.api#String", hTrait(ir.TraitHTTPPrefixHeaders, hStr("Y-"))))),
			hStruct("ns#Out", at(16, hMember("code", "smithy.api#String", hTrait(ir.TraitHTTPResponseCode, hAnn())))),
			[]*ir.Shape{hStruct("ns#S"), hShape("ns#M", ir.MapType, hMember("key", "smithy.api#String"), hMember("value", "smithy.api#String"))},
			[]string{
				`t.json:10:1: ns#In$h1: httpHeader "X-A" starts with the httpPrefixHeaders prefix "X-" of ns#In$m`,
				`t.json:11:1: ns#In$h2: httpHeader "x-a" is also the header of ns#In$h1`,
				`t.json:11:1: ns#In$h2: httpHeader "x-a" starts with the httpPrefixHeaders prefix`,
				`t.json:13:1: ns#In$q2: httpQuery "k" is also the key of ns#In$q1`,
				"t.json:13:1: ns#In$q2: query: targets a structure, want a string, number, boolean, timestamp or a list of them",
				"t.json:15:1: ns#In$m2: httpPrefixHeaders: ns#In$m has it already",
				"t.json:15:1: ns#In$m2: prefixHeaders: targets a string, want a map",
				"t.json:16:1: ns#Out$code: responseCode: targets a string, want an integer",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := hBindingsModel(t, tt.uri, tt.in, tt.out, tt.more...)
			hWantErrors(t, hRunBindings(m), tt.want...)
		})
	}
}

func TestDeriveBindingsMissingHTTP(t *testing.T) {
	svc := hWith(hService("ns#Svc", "ns#Op"), hTrait(ir.TraitRestJSON1, hAnn()))
	m := hModel(t, svc, hAtLine(3, hOp("ns#Op", "", "")))
	hWantErrors(t, hRunBindings(m), "t.json:3:1: ns#Op: missing the smithy.api#http trait, which every operation of a restJson1 service needs")

	plain := hModel(t, hService("ns#Svc", "ns#Op"), hOp("ns#Op", "", ""))
	if err := hRunBindings(plain); err != nil {
		t.Errorf("a service without restJson1 needs no http trait: %v", err)
	}
}
