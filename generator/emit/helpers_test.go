package emit

import (
	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// Hand-built IR, with the fields the passes fill set by hand, so that the
// emitters are tested without the parser or the passes.

const ns = "example.things#"

func sid(name string) ir.ShapeID { return ir.ShapeID(ns + name) }

func strp(s string) *string { return &s }

func bounds(min, max string) *ir.Bounds {
	b := &ir.Bounds{}
	if min != "" {
		b.Min = strp(min)
	}
	if max != "" {
		b.Max = strp(max)
	}
	return b
}

// shape returns a shape of type t named name in the test namespace.
func shape(name string, t ir.ShapeType, traits ir.Traits, members ...*ir.Member) *ir.Shape {
	s := &ir.Shape{ID: sid(name), Type: t, Traits: traits, Members: members}
	for _, m := range members {
		m.ID = s.ID.WithMember(m.Name)
		if m.JSONName == "" {
			m.JSONName = m.Name
		}
	}
	return s
}

// named gives s a Go name in the types package.
func named(s *ir.Shape, doc string) *ir.Shape {
	s.GoName, s.GoPackage, s.Doc = s.ID.Name(), ir.TypesPackage, doc
	return s
}

// member returns a member; goName defaults to the name with an upper-case
// first letter.
func member(name string, target ir.ShapeID, pointer bool, traits ir.Traits, doc string) *ir.Member {
	return &ir.Member{Name: name, Target: target, Pointer: pointer, Traits: traits,
		GoName: upperFirst(name), Doc: doc}
}

func upperFirst(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

func enumMember(name, value, goName string, traits ir.Traits) *ir.Member {
	traits.EnumValue = &ir.Node{Kind: ir.StringNode, Str: value}
	return &ir.Member{Name: name, Target: ir.UnitID, Traits: traits, GoName: goName}
}

func intEnumMember(name, value, goName string) *ir.Member {
	return &ir.Member{Name: name, Target: ir.UnitID, GoName: goName,
		Traits: ir.Traits{EnumValue: &ir.Node{Kind: ir.NumberNode, Str: value}}}
}

// testModel returns a small service with one operation that uses every
// kind of shape and constraint the emitters handle.
func testModel() *ir.Model {
	m := &ir.Model{File: "things.json"}
	add := func(ss ...*ir.Shape) {
		for _, s := range ss {
			m.Add(s)
		}
	}
	add(&ir.Shape{ID: ir.UnitID, Type: ir.StructureType})
	add(&ir.Shape{ID: "smithy.api#String", Type: ir.StringType})
	add(&ir.Shape{ID: "smithy.api#Timestamp", Type: ir.TimestampType})
	add(&ir.Shape{ID: "smithy.api#Document", Type: ir.DocumentType})

	add(shape("ClusterName", ir.StringType, ir.Traits{Length: bounds("1", "100"), HasPattern: true, Pattern: "^[0-9A-Za-z][A-Za-z0-9\\-_]*$"}))
	add(shape("JwtToken", ir.StringType, ir.Traits{Sensitive: true, Length: bounds("1", "")}))
	add(shape("Count", ir.IntegerType, ir.Traits{Range: bounds("2", "8")}))
	add(shape("Ratio", ir.FloatType, ir.Traits{Range: bounds("2.2", "8.8")}))
	add(shape("Name", ir.StringType, ir.Traits{Length: bounds("", "8")}))
	add(shape("NameList", ir.ListType, ir.Traits{UniqueItems: true, Length: bounds("1", "3")},
		member("member", sid("Name"), false, ir.Traits{}, "")))
	add(shape("TagKey", ir.StringType, ir.Traits{Length: bounds("1", ""), HasPattern: true, Pattern: "^[a-z]+$"}))
	add(shape("TagMap", ir.MapType, ir.Traits{},
		member("key", sid("TagKey"), false, ir.Traits{}, ""),
		member("value", sid("Thing"), false, ir.Traits{}, "")))
	add(shape("Evil", ir.StringType, ir.Traits{HasPattern: true, Pattern: "(?<=a)b"}))
	add(shape("Data", ir.BlobType, ir.Traits{Length: bounds("", "4")}))

	add(named(shape("Size", ir.EnumType, ir.Traits{},
		enumMember("SMALL", "small", "SizeSmall", ir.Traits{}),
		enumMember("LARGE", "large", "SizeLarge", ir.Traits{}),
		enumMember("HIDDEN", "hidden", "SizeHidden", ir.Traits{Raw: []ir.Trait{{ID: ir.TraitInternal}}}),
	), "A size."))
	add(named(shape("Level", ir.IntEnumType, ir.Traits{},
		intEnumMember("LOW", "1", "LevelLow"),
		intEnumMember("HIGH", "2", "LevelHigh"),
	), ""))
	add(named(shape("Thing", ir.StructureType, ir.Traits{},
		member("name", "smithy.api#String", true, ir.Traits{Required: true}, "The name.\n\nThis member is required."),
		member("level", sid("Level"), false, ir.Traits{}, ""),
	), "A thing."))
	choice := named(shape("Choice", ir.UnionType, ir.Traits{},
		member("text", sid("Name"), false, ir.Traits{}, "Some text."),
		member("thing", sid("Thing"), false, ir.Traits{}, ""),
	), "A choice.")
	for _, mem := range choice.Members {
		mem.UnionVariant = "ChoiceMember" + mem.GoName
	}
	add(choice)
	add(named(shape("Credentials", ir.StructureType, ir.Traits{Sensitive: true},
		member("accessKeyId", "smithy.api#String", true, ir.Traits{}, ""),
		member("secretAccessKey", "smithy.api#String", true, ir.Traits{}, ""),
	), "Credentials."))
	add(named(shape("Subject", ir.StructureType, ir.Traits{},
		member("namespace", "smithy.api#String", true, ir.Traits{}, ""),
		member("secret", sid("JwtToken"), true, ir.Traits{}, ""),
	), ""))
	add(named(shape("BadThing", ir.StructureType, ir.Traits{Error: "client", HTTPError: 400},
		member("message", "smithy.api#String", true, ir.Traits{}, ""),
	), "A bad thing."))
	add(named(shape("Oops", ir.StructureType, ir.Traits{Error: "server"},
		member("message", "smithy.api#String", true, ir.Traits{}, ""),
		member("detail", sid("JwtToken"), true, ir.Traits{}, ""),
	), ""))

	in := shape("GetThingInput", ir.StructureType, ir.Traits{Input: true},
		member("clusterName", sid("ClusterName"), true, ir.Traits{Required: true, HTTPLabel: true}, "The cluster.\n\nThis member is required."),
		member("token", sid("JwtToken"), true, ir.Traits{Required: true}, ""),
		member("count", sid("Count"), true, ir.Traits{}, ""),
		member("ratio", sid("Ratio"), true, ir.Traits{}, ""),
		member("size", sid("Size"), false, ir.Traits{}, ""),
		member("names", sid("NameList"), false, ir.Traits{}, ""),
		member("tags", sid("TagMap"), false, ir.Traits{}, ""),
		member("thing", sid("Thing"), true, ir.Traits{}, ""),
		member("choice", sid("Choice"), false, ir.Traits{}, ""),
		member("evil", sid("Evil"), true, ir.Traits{}, ""),
		member("when", "smithy.api#Timestamp", true, ir.Traits{}, ""),
		member("doc", "smithy.api#Document", false, ir.Traits{}, ""),
		member("data", sid("Data"), false, ir.Traits{}, ""),
	)
	in.Members[0].Binding = ir.BindLabel
	add(in)
	add(shape("GetThingOutput", ir.StructureType, ir.Traits{Output: true},
		member("credentials", sid("Credentials"), true, ir.Traits{}, ""),
		member("subject", sid("Subject"), true, ir.Traits{}, ""),
		member("choice", sid("Choice"), false, ir.Traits{}, ""),
	))
	op := &ir.Shape{ID: sid("GetThing"), Type: ir.OperationType, GoName: "GetThing",
		Input: sid("GetThingInput"), Output: sid("GetThingOutput"), Errors: []ir.ShapeID{sid("BadThing"), sid("Oops")}}
	add(op)
	put, ping := addExoticShapes(add)
	svc := &ir.Shape{ID: sid("Things"), Type: ir.ServiceType, Operations: []ir.ShapeID{op.ID, ping.ID, put.ID}}
	add(svc)
	m.Service = svc
	m.Operations = []*ir.Shape{op, ping, put}
	return m
}

// addExoticShapes adds the operations PutStuff, whose input and output hold
// the rarer shapes (pointer and sparse elements, nested collections, big
// numbers, streams, unions with pointer values), and Ping, with no input or
// output. The end-to-end test only compiles and vets what they generate.
func addExoticShapes(add func(...*ir.Shape)) (put, ping *ir.Shape) {
	add(shape("Stream", ir.BlobType, ir.Traits{Streaming: true}))
	add(shape("BigI", ir.BigIntegerType, ir.Traits{Range: bounds("1", "")}))
	add(shape("BigD", ir.BigDecimalType, ir.Traits{Range: bounds("", "2.5")}))
	add(shape("Short", ir.ShortType, ir.Traits{Range: bounds("-5", "5")}))
	add(shape("ThingPtrList", ir.ListType, ir.Traits{UniqueItems: true},
		member("member", sid("Thing"), true, ir.Traits{}, "")))
	add(shape("NameListList", ir.ListType, ir.Traits{},
		member("member", sid("NameList"), false, ir.Traits{}, "")))
	add(shape("ThingListList", ir.ListType, ir.Traits{},
		member("member", sid("ThingPtrList"), false, ir.Traits{}, "")))
	add(shape("SparseThings", ir.MapType, ir.Traits{Sparse: true, Length: bounds("", "2")},
		member("key", sid("Size"), false, ir.Traits{}, ""),
		member("value", sid("Thing"), true, ir.Traits{}, "")))
	add(shape("LevelList", ir.ListType, ir.Traits{UniqueItems: true},
		member("member", sid("Level"), false, ir.Traits{}, "")))
	add(shape("DocList", ir.ListType, ir.Traits{Length: bounds("", "1")},
		member("member", "smithy.api#Document", false, ir.Traits{}, "")))
	add(shape("Timestamps", ir.ListType, ir.Traits{UniqueItems: true},
		member("member", "smithy.api#Timestamp", false, ir.Traits{}, "")))
	pick := named(shape("Pick", ir.UnionType, ir.Traits{Sensitive: true},
		member("count", sid("Short"), true, ir.Traits{}, ""),
		member("things", sid("ThingPtrList"), false, ir.Traits{}, ""),
	), "")
	for _, mem := range pick.Members {
		mem.UnionVariant = "PickMember" + mem.GoName
	}
	add(pick)
	add(shape("PutStuffInput", ir.StructureType, ir.Traits{Input: true},
		member("body", sid("Stream"), false, ir.Traits{}, ""),
		member("bigI", sid("BigI"), true, ir.Traits{Required: true}, ""),
		member("bigD", sid("BigD"), true, ir.Traits{}, ""),
		member("short", sid("Short"), false, ir.Traits{}, ""),
		member("things", sid("ThingPtrList"), false, ir.Traits{}, ""),
		member("nameLists", sid("NameListList"), false, ir.Traits{}, ""),
		member("thingLists", sid("ThingListList"), false, ir.Traits{}, ""),
		member("sparse", sid("SparseThings"), false, ir.Traits{}, ""),
		member("levels", sid("LevelList"), false, ir.Traits{}, ""),
		member("level", sid("Level"), true, ir.Traits{}, ""),
		member("docs", sid("DocList"), false, ir.Traits{}, ""),
		member("times", sid("Timestamps"), false, ir.Traits{}, ""),
		member("pick", sid("Pick"), false, ir.Traits{}, ""),
	))
	add(shape("PutStuffOutput", ir.StructureType, ir.Traits{Output: true},
		member("body", sid("Stream"), false, ir.Traits{}, ""),
		member("pick", sid("Pick"), false, ir.Traits{}, ""),
	))
	put = &ir.Shape{ID: sid("PutStuff"), Type: ir.OperationType, GoName: "PutStuff",
		Input: sid("PutStuffInput"), Output: sid("PutStuffOutput")}
	ping = &ir.Shape{ID: sid("Ping"), Type: ir.OperationType, GoName: "Ping"}
	add(put, ping)
	return put, ping
}

// testConfig is the Config of the emitter tests.
func testConfig(importPath string) Config {
	return Config{Package: "things", ImportPath: importPath, Source: "things.json"}
}
