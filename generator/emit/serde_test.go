package emit

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// serdeModel builds a service with one operation whose input has a body
// member (reaching the structure Item and, through it, lists named so that
// their codec names clash), a header list (not reached) and an error.
func serdeModel() *ir.Model {
	m := &ir.Model{File: "serde.json"}
	add := func(ss ...*ir.Shape) {
		for _, s := range ss {
			m.Add(s)
		}
	}
	add(&ir.Shape{ID: "smithy.api#String", Type: ir.StringType})
	add(&ir.Shape{ID: "smithy.api#Timestamp", Type: ir.TimestampType})
	add(&ir.Shape{ID: "other#Item", Type: ir.ListType, Members: []*ir.Member{{Name: "member", ID: "other#Item$member", Target: "smithy.api#String", JSONName: "member"}}})
	add(&ir.Shape{ID: "z#Items", Type: ir.ListType, Members: []*ir.Member{{Name: "member", ID: "z#Items$member", Target: "smithy.api#String", JSONName: "member"}}})
	add(shape("items", ir.ListType, ir.Traits{}, member("member", sid("Item"), false, ir.Traits{}, "")))
	add(shape("HeaderList", ir.ListType, ir.Traits{}, member("member", "smithy.api#String", false, ir.Traits{}, "")))
	add(shape("EpochTime", ir.TimestampType, ir.Traits{TimestampFormat: tsHTTPDate}))
	add(named(shape("Item", ir.StructureType, ir.Traits{},
		member("a", "other#Item", false, ir.Traits{}, ""),
		member("b", "z#Items", false, ir.Traits{}, ""),
		member("c", sid("items"), false, ir.Traits{}, ""),
		member("when", sid("EpochTime"), true, ir.Traits{}, ""),
		member("at", sid("EpochTime"), true, ir.Traits{TimestampFormat: tsDateTime}, ""),
		member("plain", "smithy.api#Timestamp", true, ir.Traits{}, ""),
	), ""))
	fault := named(shape("Fault", ir.StructureType, ir.Traits{Error: "client"},
		member("Message", "smithy.api#String", true, ir.Traits{}, ""),
		member("code", "smithy.api#String", true, ir.Traits{}, ""),
	), "")
	fault.Members[1].Binding, fault.Members[1].BindingName = ir.BindHeader, "X-Code"
	add(fault)
	in := shape("OpInput", ir.StructureType, ir.Traits{},
		member("item", sid("Item"), true, ir.Traits{}, ""),
		member("hdr", sid("HeaderList"), false, ir.Traits{}, ""),
	)
	in.Members[1].Binding, in.Members[1].BindingName = ir.BindHeader, "X-H"
	add(in)
	op := &ir.Shape{ID: sid("Op"), Type: ir.OperationType, GoName: "Op", Input: in.ID, Errors: []ir.ShapeID{fault.ID},
		Traits: ir.Traits{HTTP: &ir.HTTP{Method: "POST", Path: []ir.URISegment{{Literal: "op"}}}}}
	add(op)
	svc := &ir.Shape{ID: sid("Svc"), Type: ir.ServiceType, Operations: []ir.ShapeID{op.ID}}
	add(svc)
	m.Service, m.Operations = svc, []*ir.Shape{op}
	return m
}

func TestSerdeCodecNames(t *testing.T) {
	s := newSerde(newGen(serdeModel(), testConfig("example.com/things")))
	want := map[ir.ShapeID]string{
		sid("Item"):  "Item",
		sid("Fault"): "Fault",
		sid("items"): "Items",
		"other#Item": "Item_",
		"z#Items":    "Items_",
	}
	if len(s.names) != len(want) {
		t.Errorf("codecs %v, want %v", s.names, want)
	}
	for id, name := range want {
		if s.names[id] != name {
			t.Errorf("%s: codec name %q, want %q", id, s.names[id], name)
		}
	}
	if _, ok := s.names[sid("HeaderList")]; ok {
		t.Error("a list only bound to a header got a codec")
	}
	for i := 1; i < len(s.codecs); i++ {
		if s.codecs[i-1].ID >= s.codecs[i].ID {
			t.Errorf("codecs not sorted by ID: %s, %s", s.codecs[i-1].ID, s.codecs[i].ID)
		}
	}
}

func TestSerdeTimestampFormats(t *testing.T) {
	m := serdeModel()
	s := newSerde(newGen(m, testConfig("example.com/things")))
	item := m.Shape(sid("Item"))
	for _, tc := range []struct {
		member, enc, dec string
	}{
		{"when", "w.HTTPDate(*v.When)", "d.HTTPDate()"},           // target's format
		{"at", "w.DateTime(*v.At)", "d.DateTime()"},               // member overrides target
		{"plain", "w.EpochSeconds(*v.Plain)", "d.EpochSeconds()"}, // body default
	} {
		mem := item.Member(tc.member)
		tt := s.target(mem)
		if got := fmt.Sprintf("%#v", s.encodeValue(jen.Id("v").Dot(mem.GoName), mem, tt)); got != tc.enc {
			t.Errorf("%s: encode %s, want %s", tc.member, got, tc.enc)
		}
		call, _ := s.decodeCall(mem, tt)
		if got := fmt.Sprintf("%#v", call); got != tc.dec {
			t.Errorf("%s: decode %s, want %s", tc.member, got, tc.dec)
		}
	}
}

func TestSerdeErrorCodecBodyOnly(t *testing.T) {
	g := newGen(serdeModel(), testConfig("example.com/things"))
	s := newSerde(g)
	f, err := s.emitCodecs()
	if err != nil {
		t.Fatal(err)
	}
	src := string(f.Content)
	for _, want := range []string{`case "Message", "message":`, `w.Key("Message")`, "func EncodeItem_(w *awsrt.JSONWriter, v []string)"} {
		if !strings.Contains(src, want) {
			t.Errorf("serde.go lacks %q", want)
		}
	}
	if strings.Contains(src, `"code"`) {
		t.Error("the error codec handles its header member")
	}
	if err := g.errs.Err(); err != nil {
		t.Error(err)
	}
}
