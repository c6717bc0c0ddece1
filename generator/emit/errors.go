package emit

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// emitErrors renders types/errors.go when the service has error shapes.
func emitErrors(g *gen) ([]File, error) {
	var errs []*ir.Shape
	for _, s := range g.typeShapes(ir.StructureType) {
		if s.Traits.Error != "" {
			errs = append(errs, s)
		}
	}
	if len(errs) == 0 {
		return nil, nil
	}
	f := g.newFile(g.typesPath(), "types")
	for _, s := range errs {
		g.genError(f, s)
	}
	file, err := render("types/errors.go", f)
	return []File{file}, err
}

// messageMember returns the member of an error shape that holds its
// message ("message" in any case), or nil.
func messageMember(s *ir.Shape) *ir.Member {
	for _, mem := range s.Members {
		if strings.EqualFold(mem.Name, "message") {
			return mem
		}
	}
	return nil
}

// genError declares an error shape as a struct implementing smithy.APIError
// (with pointer receivers, so errors.As works on *T): Message first, then
// ErrorCodeOverride, then the other members in model order. ErrorCode is the
// shape name unless ErrorCodeOverride is set; ErrorFault follows the error
// trait. When the message member or the error shape is sensitive, Error()
// does not show the message.
//
// Example output:
//
//	// The token is invalid.
//	type InvalidTokenException struct {
//		Message *string
//
//		ErrorCodeOverride *string
//
//		noSmithyDocumentSerde
//	}
//
//	func (e *InvalidTokenException) Error() string {
//		return fmt.Sprintf("%s: %s", e.ErrorCode(), e.ErrorMessage())
//	}
//	func (e *InvalidTokenException) ErrorMessage() string {
//		if e.Message == nil {
//			return ""
//		}
//		return *e.Message
//	}
//	func (e *InvalidTokenException) ErrorCode() string {
//		if e == nil || e.ErrorCodeOverride == nil {
//			return "InvalidTokenException"
//		}
//		return *e.ErrorCodeOverride
//	}
//	func (e *InvalidTokenException) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }
func (g *gen) genError(f *jen.File, s *ir.Shape) {
	addDoc(f, s.Doc)
	msg := messageMember(s)
	var fields []jen.Code
	msgIsString := msg != nil && g.target(msg).Type == ir.StringType
	switch {
	case msg != nil && msgIsString && msg.GoName == "Message":
		if doc := docComment(msg.Doc); doc != nil {
			fields = append(append(fields, jen.Line()), doc...)
		}
		fields = append(fields, jen.Id("Message").Op("*").String())
	default:
		if msg != nil {
			g.errs.Addf(msg.Pos, msg.ID, "error message member must be a string named message, got %s %s", g.target(msg).Type, msg.GoName)
		}
		fields = append(fields, jen.Id("Message").Op("*").String())
	}
	fields = append(fields, jen.Line(), jen.Id("ErrorCodeOverride").Op("*").String())
	for _, mem := range s.Members {
		if mem != msg {
			fields = append(fields, g.field(mem, inNested)...)
		}
	}
	fields = append(fields, jen.Line(), jen.Id("noSmithyDocumentSerde"))
	f.Type().Id(s.GoName).Struct(fields...)

	recv := func() *jen.Statement { return jen.Func().Params(jen.Id("e").Op("*").Id(s.GoName)) }
	shown := jen.Id("e").Dot("ErrorMessage").Call()
	if msg != nil && (s.Traits.Sensitive || msg.Traits.Sensitive || g.target(msg).Traits.Sensitive) {
		shown = jen.Qual(g.internalPath("sensitive"), "Text")
	}
	f.Add(recv().Id("Error").Params().String().Block(
		jen.Return(jen.Qual("fmt", "Sprintf").Call(jen.Lit("%s: %s"), jen.Id("e").Dot("ErrorCode").Call(), shown)),
	))
	f.Add(recv().Id("ErrorMessage").Params().String().Block(
		jen.If(jen.Id("e").Dot("Message").Op("==").Nil()).Block(jen.Return(jen.Lit(""))),
		jen.Return(jen.Op("*").Id("e").Dot("Message")),
	))
	f.Add(recv().Id("ErrorCode").Params().String().Block(
		jen.If(jen.Id("e").Op("==").Nil().Op("||").Id("e").Dot("ErrorCodeOverride").Op("==").Nil()).Block(
			jen.Return(jen.Lit(s.ID.Name())),
		),
		jen.Return(jen.Op("*").Id("e").Dot("ErrorCodeOverride")),
	))
	fault := "FaultClient"
	switch s.Traits.Error {
	case "server":
		fault = "FaultServer"
	case "client":
	default:
		g.errs.Addf(s.Pos, s.ID, `want error trait "client" or "server", got %q`, s.Traits.Error)
	}
	f.Add(recv().Id("ErrorFault").Params().Qual(smithyPath, "ErrorFault").Block(
		jen.Return(jen.Qual(smithyPath, fault)),
	))
}
