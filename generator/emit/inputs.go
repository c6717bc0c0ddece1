package emit

import (
	"cmp"
	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// inputName and outputName are the Go names of an operation's input and
// output types in the service package.
func inputName(op *ir.Shape) string  { return op.GoName + "Input" }
func outputName(op *ir.Shape) string { return op.GoName + "Output" }

// opMembers returns the members of the operation's input or output shape
// (id), or nil when it has none.
func (g *gen) opMembers(id ir.ShapeID) []*ir.Member {
	if id == "" || id == ir.UnitID {
		return nil
	}
	s := g.m.Shape(id)
	if s == nil {
		g.errs.Addf(ir.Pos{}, id, "operation input or output not found")
		return nil
	}
	return s.Members
}

// emitInputs renders inputs.go: the <Op>Input and <Op>Output structs of every
// operation, in the service package.
func emitInputs(g *gen) ([]File, error) {
	f := g.newFile(g.cfg.ImportPath, g.cfg.Package)
	for _, op := range g.m.Operations {
		g.genInput(f, op)
		g.genOutput(f, op)
	}
	genNoSerde(f)
	file, err := render("inputs.go", f)
	return []File{file}, err
}

// shapeDoc returns the doc text of the shape id, or "".
func (g *gen) shapeDoc(id ir.ShapeID) string {
	if s := g.m.Shape(id); s != nil && id != ir.UnitID {
		return s.Doc
	}
	return ""
}

// genInput declares the input struct of op (empty when op has no input).
//
// Example output:
//
//	// AssumeRoleForPodIdentityInput holds the parameters of the
//	// AssumeRoleForPodIdentity operation.
//	type AssumeRoleForPodIdentityInput struct {
//
//		// The name of the cluster.
//		//
//		// This member is required.
//		ClusterName *string
//
//		noSmithyDocumentSerde
//	}
func (g *gen) genInput(f *jen.File, op *ir.Shape) {
	addDoc(f, cmp.Or(g.shapeDoc(op.Input), inputName(op)+" holds the parameters of the "+op.GoName+" operation."))
	var fields []jen.Code
	for _, mem := range g.opMembers(op.Input) {
		fields = append(fields, g.field(mem, inInput)...)
	}
	fields = append(fields, jen.Line(), jen.Id("noSmithyDocumentSerde"))
	f.Type().Id(inputName(op)).Struct(fields...)
}

// genOutput declares the output struct of op, which always carries the
// response's metadata as in the SDK.
//
// Example output:
//
//	// AssumeRoleForPodIdentityOutput holds the result of the
//	// AssumeRoleForPodIdentity operation.
//	type AssumeRoleForPodIdentityOutput struct {
//
//		// The subject.
//		Subject *types.Subject
//
//		// Metadata pertaining to the operation's result.
//		ResultMetadata middleware.Metadata
//
//		noSmithyDocumentSerde
//	}
func (g *gen) genOutput(f *jen.File, op *ir.Shape) {
	addDoc(f, cmp.Or(g.shapeDoc(op.Output), outputName(op)+" holds the result of the "+op.GoName+" operation."))
	var fields []jen.Code
	for _, mem := range g.opMembers(op.Output) {
		fields = append(fields, g.field(mem, inOutput)...)
	}
	fields = append(fields,
		jen.Line(),
		jen.Comment("Metadata pertaining to the operation's result."),
		jen.Id("ResultMetadata").Qual(smithyMiddlewarePath, "Metadata"),
		jen.Line(),
		jen.Id("noSmithyDocumentSerde"),
	)
	f.Type().Id(outputName(op)).Struct(fields...)
}
