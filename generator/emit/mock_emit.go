package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// The mock server package <pkg>mock: server.go (Service, NewHandler and
// one serve function per operation), decode.go (requests into inputs),
// encode.go (outputs and modeled errors into responses), mock.go (Mock, a
// recording Service built from functions) and options.go. The
// model-independent part, routing and the protocol errors, is the template
// package mockrt.

// frameworkValidation is the shape ID of Smithy's standard validation error.
const frameworkValidation ir.ShapeID = "smithy.framework#ValidationException"

// mock is the state of one rendering of the mock package.
type mock struct {
	*gen
	sd     *serdeGen     // the serde codec names
	name   string        // package name, e.g. "eksauthmock"
	path   string        // import path
	errors []*ir.Shape   // every modeled error of the service, sorted by ID
	schema *strictSchema // the strict body schema, built by genDecoders

	valCode  string    // the error type of validation failures
	valShape *ir.Shape // its modeled shape; nil when it is not modeled
}

// emitMock renders the mock server package.
func emitMock(g *gen) ([]File, error) {
	m := newMock(g)
	var files []File
	for _, part := range []struct {
		file  string
		build func(*jen.File)
	}{
		{"server.go", m.genServer},
		{"decode.go", m.genDecoders},
		{"encode.go", m.genEncoders},
		{"mock.go", m.genMock},
		{"options.go", m.genOptions},
	} {
		f := m.newFile()
		part.build(f)
		file, err := render(m.name+"/"+part.file, f)
		if err != nil {
			return nil, err
		}
		files = append(files, file)
	}
	if err := m.sd.errs.Err(); err != nil {
		return nil, err
	}
	return files, nil
}

// newMock gathers the facts the mock files share.
func newMock(g *gen) *mock {
	m := &mock{gen: g, sd: newSerde(g), name: g.cfg.Package + "mock", path: g.cfg.ImportPath + "/" + g.cfg.Package + "mock"}
	m.errors = m.sd.errorShapes()
	m.valCode, m.valShape = m.validationError()
	return m
}

// validationError chooses the error that reports invalid input: Smithy's
// ValidationException when the service has it, else the first modeled
// client error among the usual names, else the first 400 client error,
// else an unmodeled ValidationException.
func (m *mock) validationError() (code string, shape *ir.Shape) {
	for _, e := range m.errors {
		if e.ID == frameworkValidation {
			return e.ID.Name(), e
		}
	}
	for _, name := range []string{"ValidationException", "InvalidParameterException",
		"InvalidParameterValueException", "InvalidRequestException", "BadRequestException", "InvalidInputException"} {
		for _, e := range m.errors {
			if e.ID.Name() == name {
				return name, e
			}
		}
	}
	for _, e := range m.errors {
		if e.Traits.Error == "client" && errorStatus(e) == 400 {
			return e.ID.Name(), e
		}
	}
	return "ValidationException", nil
}

// errorStatus is the HTTP status of a modeled error: its httpError trait,
// else 400 for client errors and 500 for server errors.
func errorStatus(s *ir.Shape) int {
	switch {
	case s.Traits.HTTPError != 0:
		return s.Traits.HTTPError
	case s.Traits.Error == "server":
		return 500
	}
	return 400
}

// newFile returns a file of the mock package.
func (m *mock) newFile() *jen.File {
	f := m.gen.newFile(m.path, m.name)
	f.ImportName(m.cfg.ImportPath, m.cfg.Package)
	f.ImportName(m.serdePath(), "serde")
	return f
}

// Go names and import paths used by the mock files.
func (m *mock) svc(name string) *jen.Statement   { return jen.Qual(m.cfg.ImportPath, name) }
func (m *mock) rt(name string) *jen.Statement    { return jen.Qual(m.internalPath("mockrt"), name) }
func (m *mock) awsrt(name string) *jen.Statement { return jen.Qual(m.internalPath("awsrt"), name) }
func (m *mock) types(name string) *jen.Statement { return jen.Qual(m.typesPath(), name) }
func (m *mock) serdePath() string                { return m.internalPath("serde") }
func (m *mock) httpQ(name string) *jen.Statement { return jen.Qual("net/http", name) }
