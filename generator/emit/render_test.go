package emit

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// newTestGen returns a gen over testModel with the import path example.com/things.
func newTestGen() *gen { return newGen(testModel(), testConfig("example.com/things")) }

// renderBody renders what build adds to a file of package pkgPath and
// returns the code after the package clause and imports.
func renderBody(t *testing.T, g *gen, pkgPath, pkgName string, build func(f *jen.File)) string {
	t.Helper()
	f := g.newFile(pkgPath, pkgName)
	build(f)
	file, err := render("x.go", f)
	if err != nil {
		t.Fatal(err)
	}
	return stripPreamble(string(file.Content))
}

// stripPreamble drops the header, package clause and imports of a Go file.
func stripPreamble(src string) string {
	lines := strings.Split(src, "\n")
	i := 0
	for i < len(lines) && !strings.HasPrefix(lines[i], "package ") {
		i++
	}
	i++
	for i < len(lines) && lines[i] == "" {
		i++
	}
	if i < len(lines) && lines[i] == "import (" {
		for i < len(lines) && lines[i] != ")" {
			i++
		}
		i++
	} else if i < len(lines) && strings.HasPrefix(lines[i], "import ") {
		i++
	}
	return strings.TrimSpace(strings.Join(lines[i:], "\n"))
}

func diffText(t *testing.T, name, got, want string) {
	t.Helper()
	if got != strings.TrimSpace(want) {
		t.Errorf("%s: got\n%s\n\nwant\n%s", name, got, strings.TrimSpace(want))
	}
}

func TestMemberType(t *testing.T) {
	g := newTestGen()
	tests := []struct {
		target  ir.ShapeID
		pointer bool
		d       direction
		want    string
	}{
		{"smithy.api#String", true, inNested, "*string"},
		{sid("Size"), false, inNested, "types.Size"},
		{sid("NameList"), true, inNested, "[]string"},
		{sid("TagMap"), false, inNested, "map[string]types.Thing"},
		{sid("Thing"), true, inNested, "*types.Thing"},
		{sid("Choice"), true, inNested, "types.Choice"},
		{"smithy.api#Document", true, inNested, "document.Interface"},
		{"smithy.api#Timestamp", true, inNested, "*time.Time"},
		{sid("Count"), false, inNested, "int32"},
		{sid("Ratio"), true, inNested, "*float32"},
		{sid("Data"), true, inNested, "[]byte"},
		{ir.UnitID, false, inNested, "struct{}"},
	}
	for _, tt := range tests {
		code := g.memberType(&ir.Member{Target: tt.target, Pointer: tt.pointer}, tt.d)
		got := renderBody(t, g, "example.com/other", "other", func(f *jen.File) { f.Var().Id("x").Add(code) })
		if got != "var x "+tt.want {
			t.Errorf("memberType(%s, pointer=%v) = %q, want %q", tt.target, tt.pointer, got, "var x "+tt.want)
		}
	}
	if err := g.errs.Err(); err != nil {
		t.Fatal(err)
	}
}

func TestStreamingAndBigTypes(t *testing.T) {
	m := testModel()
	m.Add(shape("Stream", ir.BlobType, ir.Traits{Streaming: true}))
	m.Add(shape("BigI", ir.BigIntegerType, ir.Traits{}))
	m.Add(shape("BigD", ir.BigDecimalType, ir.Traits{}))
	g := newGen(m, testConfig("example.com/things"))
	tests := []struct {
		target ir.ShapeID
		d      direction
		want   string
	}{
		{sid("Stream"), inInput, "io.Reader"},
		{sid("Stream"), inOutput, "io.ReadCloser"},
		{sid("BigI"), inNested, "*big.Int"},
		{sid("BigD"), inNested, "*big.Float"},
	}
	for _, tt := range tests {
		got := fmt.Sprintf("%#v", g.memberType(&ir.Member{Target: tt.target, Pointer: true}, tt.d))
		if got != tt.want {
			t.Errorf("memberType(%s, %d) = %q, want %q", tt.target, tt.d, got, tt.want)
		}
	}
}

func TestGenEnum(t *testing.T) {
	g := newTestGen()
	got := renderBody(t, g, g.typesPath(), "types", func(f *jen.File) {
		g.genEnum(f, g.m.Shape(sid("Size")))
		g.genEnum(f, g.m.Shape(sid("Level")))
	})
	diffText(t, "enums", got, `
// A size.
type Size string

// Enum values for Size
const (
	SizeSmall  Size = "small"
	SizeLarge  Size = "large"
	SizeHidden Size = "hidden"
)

// Values returns all known values for Size. Note that this can be
// expanded in the future, and so it is only as up to date as the client.
//
// The ordering of this slice is not guaranteed to be stable across updates.
func (Size) Values() []Size {
	return []Size{"small", "large", "hidden"}
}

type Level int32

// Enum values for Level
const (
	LevelLow  Level = 1
	LevelHigh Level = 2
)

// Values returns all known values for Level. Note that this can be
// expanded in the future, and so it is only as up to date as the client.
//
// The ordering of this slice is not guaranteed to be stable across updates.
func (Level) Values() []Level {
	return []Level{1, 2}
}`)
}

func TestGenStructAndUnion(t *testing.T) {
	g := newTestGen()
	got := renderBody(t, g, g.typesPath(), "types", func(f *jen.File) {
		g.genStruct(f, g.m.Shape(sid("Thing")))
		g.genUnion(f, g.m.Shape(sid("Choice")))
	})
	diffText(t, "struct and union", got, `
// A thing.
type Thing struct {

	// The name.
	//
	// This member is required.
	Name  *string
	Level Level

	noSmithyDocumentSerde
}

// A choice.
//
// The following types satisfy this interface:
//
//	ChoiceMemberText
//	ChoiceMemberThing
type Choice interface {
	isChoice()
}

// Some text.
type ChoiceMemberText struct {
	Value string

	noSmithyDocumentSerde
}

func (*ChoiceMemberText) isChoice() {}

type ChoiceMemberThing struct {
	Value Thing

	noSmithyDocumentSerde
}

func (*ChoiceMemberThing) isChoice() {}`)
}

func TestGenError(t *testing.T) {
	g := newTestGen()
	got := renderBody(t, g, g.typesPath(), "types", func(f *jen.File) { g.genError(f, g.m.Shape(sid("Oops"))) })
	diffText(t, "error", got, `
type Oops struct {
	Message *string

	ErrorCodeOverride *string
	Detail            *string

	noSmithyDocumentSerde
}

func (e *Oops) Error() string {
	return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
}

func (e *Oops) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}

func (e *Oops) ErrorCode() string {
	if e == nil || e.ErrorCodeOverride == nil {
		return "Oops"
	}
	return *e.ErrorCodeOverride
}

func (e *Oops) ErrorFault() smithy.ErrorFault {
	return smithy.FaultServer
}`)
}

func TestGenRedacted(t *testing.T) {
	g := newTestGen()
	got := renderBody(t, g, g.typesPath(), "types", func(f *jen.File) {
		g.genRedacted(f, redacted{name: "Subject", pkg: "types", receiver: "v",
			fields: []redactedField{{name: "Namespace"}, {name: "Secret", redact: true}}})
	})
	diffText(t, "redacted", got, `
// Format implements fmt.Formatter: v prints as fmt would print it, with
// "*** Sensitive Information Redacted ***" in place of sensitive values.
func (v Subject) Format(f fmt.State, verb rune) {
	sensitive.Format(f, verb, "types.Subject", v.redactedFields())
}

// LogValue implements slog.LogValuer, with the same redaction as Format.
// slog resolves it for v, &v and v inside a logged type with LogValue;
// a bare slice or map of Subject is encoded by slog's JSON handler with
// encoding/json, which does not redact (as in the AWS SDK for Go v2).
func (v Subject) LogValue() slog.Value {
	return sensitive.LogValue(v.redactedFields())
}

// String returns v formatted with %v, sensitive values redacted.
func (v Subject) String() string {
	return sensitive.String(v.Format)
}

// GoString returns v formatted with %#v, sensitive values redacted.
func (v Subject) GoString() string {
	return sensitive.GoString(v.Format)
}

func (v Subject) redactedFields() []sensitive.Field {
	return []sensitive.Field{
		{Name: "Namespace", Value: v.Namespace},
		{Name: "Secret", Value: v.Secret, Redact: true},
	}
}`)
}

func TestSensitiveSet(t *testing.T) {
	g := newTestGen()
	tests := []struct {
		id   ir.ShapeID
		want bool
	}{
		{sid("JwtToken"), true}, {sid("Credentials"), true}, {sid("Subject"), true},
		{sid("GetThingInput"), true}, {sid("GetThingOutput"), true}, {sid("Oops"), true},
		{sid("Thing"), false}, {sid("Choice"), false}, {sid("BadThing"), false},
	}
	for _, tt := range tests {
		if g.sensitive[tt.id] != tt.want {
			t.Errorf("sensitive[%s] = %v, want %v", tt.id, g.sensitive[tt.id], tt.want)
		}
	}
}
