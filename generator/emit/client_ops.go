package emit

import (
	"cmp"

	"github.com/dave/jennifer/jen"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// emitClientOperations renders api_op_<Op>.go for every operation.
func emitClientOperations(g *gen, _ clientService) ([]File, error) {
	var files []File
	for _, op := range g.m.Operations {
		f := g.newClientFile()
		g.genOperation(f, op)
		file, err := render("api_op_"+op.GoName+".go", f)
		if err != nil {
			return nil, err
		}
		files = append(files, file)
	}
	return files, nil
}

// genOperation declares the client method of op.
//
// Example output:
//
//	// The Amazon EKS Auth API and the AssumeRoleForPodIdentity action are only used
//	// by the EKS Pod Identity Agent.
//	func (c *Client) AssumeRoleForPodIdentity(ctx context.Context, params *AssumeRoleForPodIdentityInput, optFns ...func(*Options)) (*AssumeRoleForPodIdentityOutput, error) {
//		if params == nil {
//			params = &AssumeRoleForPodIdentityInput{}
//		}
//		config, options := c.operationConfig(optFns)
//		(for an input with an idempotency token: see fillIdempotencyToken)
//		var err error
//		if options.ValidateFully {
//			err = params.Validate()
//		} else {
//			err = validateOpAssumeRoleForPodIdentityInput(params)
//		}
//		if err != nil {
//			return nil, operationError("AssumeRoleForPodIdentity", err)
//		}
//		var req awsrt.Request
//		if err := serializeOpAssumeRoleForPodIdentity(params, &req); err != nil {
//			return nil, operationError("AssumeRoleForPodIdentity", serializationError(err))
//		}
//		var out *AssumeRoleForPodIdentityOutput
//		err = awsrt.Do(ctx, config, "AssumeRoleForPodIdentity", &req, func(resp *http.Response, body []byte) error {
//			var err error
//			out, err = deserializeOpAssumeRoleForPodIdentity(resp, body)
//			if err == nil && out != nil {
//				awsmiddleware.SetRequestIDMetadata(&out.ResultMetadata, awsrt.RequestID(resp.Header))
//			}
//			return err
//		}, deserializeOpErrorAssumeRoleForPodIdentity)
//		if err != nil {
//			return nil, err
//		}
//		return out, nil
//	}
func (g *gen) genOperation(f *jen.File, op *ir.Shape) {
	awsrt := g.internalPath("awsrt")
	name := op.ID.Name()
	in, out := inputName(op), outputName(op)
	addDoc(f, cmp.Or(op.Doc, op.GoName+" calls the "+name+" operation."))
	f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id(op.GoName).Params(
		jen.Id("ctx").Qual("context", "Context"),
		jen.Id("params").Op("*").Id(in),
		jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id("Options")),
	).Params(jen.Op("*").Id(out), jen.Error()).Block(
		jen.If(jen.Id("params").Op("==").Nil()).Block(
			jen.Id("params").Op("=").Op("&").Id(in).Values(),
		),
		jen.List(jen.Id("config"), jen.Id("options")).Op(":=").Id("c").Dot("operationConfig").Call(jen.Id("optFns")),
		g.fillIdempotencyToken(op),
		jen.Var().Err().Error(),
		jen.If(jen.Id("options").Dot("ValidateFully")).Block(
			jen.Err().Op("=").Id("params").Dot("Validate").Call(),
		).Else().Block(
			jen.Err().Op("=").Id("validateOp"+in).Call(jen.Id("params")),
		),
		jen.If(jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Nil(), jen.Id("operationError").Call(jen.Lit(name), jen.Err())),
		),
		jen.Var().Id("req").Qual(awsrt, "Request"),
		jen.If(jen.Err().Op(":=").Id("serializeOp"+op.GoName).Call(jen.Id("params"), jen.Op("&").Id("req")), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Nil(), jen.Id("operationError").Call(jen.Lit(name), jen.Id("serializationError").Call(jen.Err()))),
		),
		jen.Var().Id("out").Op("*").Id(out),
		jen.Err().Op("=").Qual(awsrt, "Do").Call(
			jen.Id("ctx"), jen.Id("config"), jen.Lit(name), jen.Op("&").Id("req"),
			jen.Func().Params(jen.Id("resp").Op("*").Qual("net/http", "Response"), jen.Id("body").Index().Byte()).Error().Block(
				jen.Var().Err().Error(),
				jen.List(jen.Id("out"), jen.Err()).Op("=").Id("deserializeOp"+op.GoName).Call(jen.Id("resp"), jen.Id("body")),
				jen.If(jen.Err().Op("==").Nil().Op("&&").Id("out").Op("!=").Nil()).Block(
					jen.Qual(clientAWSMiddlewarePath, "SetRequestIDMetadata").Call(
						jen.Op("&").Id("out").Dot("ResultMetadata"),
						jen.Qual(awsrt, "RequestID").Call(jen.Id("resp").Dot("Header")),
					),
				),
				jen.Return(jen.Err()),
			),
			jen.Id("deserializeOpError"+op.GoName),
		),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Return(jen.Id("out"), jen.Nil()),
	)
}

// fillIdempotencyToken returns, for an operation whose input has an
// idempotency token member, the statement that fills a nil token from
// Options.IdempotencyTokenProvider before validation (the SDK's initialize
// step), on a copy of the input; the serializer fills a token still nil with
// a random UUID. It returns an empty statement otherwise.
//
// Example output:
//
//	if params.ClientToken == nil && options.IdempotencyTokenProvider != nil {
//		token, err := options.IdempotencyTokenProvider.GetIdempotencyToken()
//		if err != nil {
//			return nil, operationError("CreateWorkspace", err)
//		}
//		cp := *params
//		cp.ClientToken = &token
//		params = &cp
//	}
func (g *gen) fillIdempotencyToken(op *ir.Shape) jen.Code {
	mem := g.idempotencyToken(op)
	if mem == nil {
		return jen.Null()
	}
	provider := jen.Id("options").Dot("IdempotencyTokenProvider")
	return jen.If(jen.Id("params").Dot(mem.GoName).Op("==").Nil().Op("&&").Add(provider.Clone()).Op("!=").Nil()).Block(
		jen.List(jen.Id("token"), jen.Err()).Op(":=").Add(provider.Clone()).Dot("GetIdempotencyToken").Call(),
		jen.If(jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Nil(), jen.Id("operationError").Call(jen.Lit(op.ID.Name()), jen.Err())),
		),
		jen.Id("cp").Op(":=").Op("*").Id("params"),
		jen.Id("cp").Dot(mem.GoName).Op("=").Op("&").Id("token"),
		jen.Id("params").Op("=").Op("&").Id("cp"),
	)
}
