package mockrt

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/eksauthgen/eksauthgen/templates/awsrt"
	"github.com/eksauthgen/eksauthgen/templates/validation"
)

// Error types written by the runtime itself (the generated code writes the
// modeled ones).
const (
	CodeUnknownOperation     = "UnknownOperationException"
	CodeMethodNotAllowed     = "MethodNotAllowedException"
	CodeSerialization        = "SerializationException"
	CodeUnsupportedMediaType = "UnsupportedMediaTypeException"
	CodeNotAcceptable        = "NotAcceptableException"
	CodeTooLarge             = "RequestEntityTooLargeException"
	CodeInternalFailure      = "InternalFailure"
	CodeNotImplemented       = "NotImplemented"
	CodeValidation           = "ValidationException"
)

// internalMessage is the message of a 500 InternalFailure: the text of the
// service's error is never sent to the client.
const internalMessage = "We encountered an internal error. Please try again."

// Response is what an operation answers: a status, headers and a body.
type Response struct {
	Status int
	Header http.Header // may be nil
	Body   []byte      // nil for no body
}

// ErrorResponse returns a restJson1 error response: the status, the error
// type in X-Amzn-ErrorType and a JSON body {"message": message}.
func ErrorResponse(status int, code, message string) *Response {
	w := JSONErrorBody(message)
	w.EndObject()
	return ModeledError(status, code, nil, w.Bytes())
}

// JSONErrorBody starts the JSON body of an error: an open object holding the
// message. The caller adds the other members and calls EndObject.
func JSONErrorBody(message string) *awsrt.JSONWriter {
	w := &awsrt.JSONWriter{}
	w.Grow(len(message) + 16)
	w.BeginObject()
	w.Key("message")
	w.String(message)
	return w
}

// ModeledError returns the response of a modeled error: status, the error
// type in X-Amzn-ErrorType, extra headers (may be nil) and a JSON body.
func ModeledError(status int, code string, header http.Header, body []byte) *Response {
	if header == nil {
		header = make(http.Header, 2)
	}
	header.Set("X-Amzn-ErrorType", code)
	header.Set("Content-Type", "application/json")
	return &Response{Status: status, Header: header, Body: body}
}

// SerializationError is the response to a request that cannot be decoded
// (bad JSON, wrong JSON types, bad base64, timestamps or numbers): 400
// SerializationException naming what was wrong.
func SerializationError(err error) *Response {
	return ErrorResponse(http.StatusBadRequest, CodeSerialization, err.Error())
}

// NotImplementedError is the error a generated Mock returns for an
// operation whose function field is not set; the server answers it with
// 501 NotImplemented.
type NotImplementedError struct {
	Operation string // the operation's name
	Field     string // the Mock field to set
}

// Error says which operation is not implemented and how to implement it.
func (e *NotImplementedError) Error() string {
	return "operation " + e.Operation + " is not implemented by the mock: set Mock." + e.Field
}

// Failure is the response to an error the service returned that the
// generated code did not recognize as a modeled error: 501 for a
// *NotImplementedError, else 500 InternalFailure without the error's text.
func Failure(err error) *Response {
	var ni *NotImplementedError
	if errors.As(err, &ni) {
		return ErrorResponse(http.StatusNotImplemented, CodeNotImplemented, ni.Error())
	}
	return ErrorResponse(http.StatusInternalServerError, CodeInternalFailure, internalMessage)
}

// ValidationPolicy says how input validation failures are reported.
type ValidationPolicy struct {
	// Code is the error type written (ValidationException or a modeled
	// client error such as InvalidParameterException).
	Code string
	// Status is its HTTP status (400 when zero).
	Status int
	// FieldList adds the "fieldList" member of smithy.framework's
	// ValidationException: [{"message": ..., "path": ...}].
	FieldList bool
	// FieldName is the key of the path in the fieldList entries ("path"
	// when empty; AWS services' own ValidationException uses "name").
	FieldName string
	// Reason, when not empty, is written as the "reason" member (AWS
	// services' FIELD_VALIDATION_FAILED).
	Reason string
}

// Response renders a validation failure (err from an input's Validate
// method) under the policy; a message names every violation.
func (p ValidationPolicy) Response(err error) *Response {
	status := p.Status
	if status == 0 {
		status = http.StatusBadRequest
	}
	var verr *validation.Error
	if !errors.As(err, &verr) {
		return ErrorResponse(status, p.Code, err.Error())
	}
	w := JSONErrorBody(verr.ServerMessage())
	if p.Reason != "" {
		w.Key("reason")
		w.String(p.Reason)
	}
	if p.FieldList {
		pathKey := p.FieldName
		if pathKey == "" {
			pathKey = "path"
		}
		w.Key("fieldList")
		w.BeginArray()
		for _, v := range verr.Violations {
			w.Element()
			w.BeginObject()
			w.Key("message")
			w.String(v.ServerMessage())
			w.Key(pathKey)
			w.String(v.ServerPath())
			w.EndObject()
		}
		w.EndArray()
	}
	w.EndObject()
	return ModeledError(status, p.Code, nil, w.Bytes())
}

// statusCode returns the error type the runtime uses for an injected fault
// given only by its status.
func statusCode(status int) string {
	switch {
	case status == http.StatusTooManyRequests:
		return "ThrottlingException"
	case status == http.StatusServiceUnavailable:
		return "ServiceUnavailableException"
	case status >= 500:
		return CodeInternalFailure
	}
	return "InjectedFault" + strconv.Itoa(status)
}
