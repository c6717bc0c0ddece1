// Package awsrt is the model-independent runtime of a generated AWS client:
// what the AWS SDK for Go v2 does with a middleware stack, done by one
// straight function per call.
//
// A generated operation validates its input, serializes it into a Request
// (JSONWriter for the body, EscapeLabel for the path), and calls Do with the
// client's Config, a DecodeFunc (Decoder over the body) and an ErrorDecoder
// (modeled errors by code). Do runs the attempts: endpoint resolution,
// credentials, SigV4 signing with aws/signer/v4, sending, restJson1 error
// decoding and retries through an aws.Retryer (retry.NewStandard by
// default), and wraps errors exactly as the SDK does (smithy.OperationError,
// awshttp.ResponseError, retry.MaxAttemptsError, smithy.GenericAPIError).
//
// Per call it computes the payload hash and the invocation ID once (one
// allocation for both); per attempt it allocates one http.Request, one
// header map and one URL, with the header slots the signer fills reserved up
// front. The generated operation's Request stays on its stack. Responses
// are decoded from the body Do read, without copying it (NewOwnedDecoder),
// with optional members' pointers taken from shared blocks (StringPtr, ...).
//
// Differences from the SDK, all off the hot path: no clock-skew correction;
// no tracing or metrics; request/response logging never includes bodies or
// secrets; after a successful retry, retry.Standard's attempt token adds its
// +1 to the retry quota (the SDK skips it for attempts after the first, which
// it detects through context values that are private to package retry).
//
// The package is copied verbatim into generated clients as internal/awsrt.
package awsrt
