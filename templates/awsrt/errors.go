package awsrt

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/aws/smithy-go"
)

// decodeError turns a non-2xx response into the operation's error, following
// restJson1 and the SDK's generated deserializers: the code comes from the
// X-Amzn-ErrorType header, else the body's "code", else its top-level
// "__type" (both sanitised); the message from "message" (any case);
// defaults are "UnknownError". At most MaxErrorBody bytes are read.
func decodeError(resp *http.Response, decodeErr ErrorDecoder) error {
	body, truncated, err := readBodyLimit(resp, MaxErrorBody)
	if err != nil {
		return &smithy.DeserializationError{Err: fmt.Errorf("failed to copy error response body, %w", err)}
	}
	if truncated {
		return &smithy.DeserializationError{
			Err:      fmt.Errorf("error response body exceeds %d bytes", MaxErrorBody),
			Snapshot: snapshot(body),
		}
	}
	headerCode := resp.Header.Get("X-Amzn-ErrorType")
	bodyCode, message, err := ErrorInfo(body)
	if err != nil {
		return &smithy.DeserializationError{
			Err:      fmt.Errorf("failed to decode response body, %w", err),
			Snapshot: snapshot(body),
		}
	}
	code := bodyCode
	if headerCode != "" {
		code = headerCode
	}
	// A code that sanitises to nothing ("#", ":x") is no code: the SDK
	// would return an empty one, which no caller can match.
	code = SanitizeErrorCode(code)
	if code == "" {
		code = "UnknownError"
	}
	if message == "" {
		message = "UnknownError"
	}
	if decodeErr != nil {
		if modeled := decodeErr(code, resp, body); modeled != nil {
			return modeled
		}
	}
	return &smithy.GenericAPIError{Code: code, Message: message}
}

// ErrorInfo reads the error code and message of a restJson1 error body the
// way the SDK's restjson.GetErrorInfo does (encoding/json into a struct):
// top-level members named code, __type and message in any letter case, code
// preferred over __type, the last duplicate winning, null ignored. An empty
// body is no error; a body that is not an object (or null) is.
func ErrorInfo(body []byte) (code, message string, err error) {
	d := NewDecoder(body)
	if d.Empty() || d.ReadNull() {
		return "", "", nil
	}
	if err := d.BeginObject(); err != nil {
		return "", "", err
	}
	var typ string
	for {
		key, ok, err := d.NextKey()
		if err != nil {
			return "", "", err
		}
		if !ok {
			break
		}
		var dst *string
		switch {
		case strings.EqualFold(key, "code"):
			dst = &code
		case strings.EqualFold(key, "__type"):
			dst = &typ
		case strings.EqualFold(key, "message"):
			dst = &message
		default:
			if err := d.Skip(); err != nil {
				return "", "", err
			}
			continue
		}
		if d.ReadNull() {
			continue
		}
		if *dst, err = d.String(); err != nil {
			return "", "", err
		}
	}
	if code == "" {
		code = typ
	}
	return code, message, nil
}

// SanitizeErrorCode reduces a restJson1 error code to the shape name: what
// precedes the first ':' and then what follows a '#'
// ("aws.protocoltests#FooError:http://..." is "FooError").
func SanitizeErrorCode(code string) string {
	if i := strings.IndexByte(code, ':'); i >= 0 {
		code = code[:i]
	}
	if i := strings.IndexByte(code, '#'); i >= 0 {
		code = code[i+1:]
	}
	return code
}
