// Package mockrt is the model-independent runtime of a generated mock
// server: the server side of the restJson1 protocol without the parts that
// depend on a model's shapes.
//
// A generated <pkg>mock package describes each operation as an Operation
// (method, URI pattern, whether it has a modeled body, and a Handle function
// that decodes the input, validates it, calls the service and encodes the
// output or error) and hands them to NewServer. The Server routes requests
// on method and URI pattern, applies the options (body limit, SigV4
// verification, fault injection, request log), checks Content-Type, and
// writes protocol errors the way AWS services do: a status, an
// X-Amzn-ErrorType header and a JSON body {"message": ...}.
//
// The package is copied into generated code as internal/mockrt.
package mockrt
