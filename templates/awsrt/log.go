package awsrt

import (
	"net/http"
	"os"
	"sort"
	"strings"

	"github.com/aws/smithy-go/logging"
)

// logf logs through cfg.Logger when enabled.
func (c *call) logf(cls logging.Classification, enabled bool, format string, v ...any) {
	if !enabled || c.cfg.Logger == nil {
		return
	}
	c.cfg.Logger.Logf(cls, format, v...)
}

// logRequest logs the request line and headers (LogRequest), with secrets
// redacted and without the body.
func (c *call) logRequest(r *http.Request) {
	if !c.cfg.ClientLogMode.IsRequest() || c.cfg.Logger == nil {
		return
	}
	c.cfg.Logger.Logf(logging.Debug, "Request\n%s %s HTTP/1.1\r\nHost: %s\r\n%s\r\n(%d bytes body not logged)",
		r.Method, r.URL.RequestURI(), r.Host, dumpHeader(r.Header), r.ContentLength)
}

// logResponse logs the status line and headers (LogResponse), without the
// body.
func (c *call) logResponse(resp *http.Response) {
	if !c.cfg.ClientLogMode.IsResponse() || c.cfg.Logger == nil {
		return
	}
	c.cfg.Logger.Logf(logging.Debug, "Response\n%s %s\r\n%s\r\n(body not logged)",
		resp.Proto, resp.Status, dumpHeader(resp.Header))
}

// dumpHeader renders headers sorted by name, redacting credentials.
func dumpHeader(h http.Header) string {
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		for _, v := range h[k] {
			switch http.CanonicalHeaderKey(k) {
			case headerAuthz, headerToken:
				v = "<redacted>"
			}
			b.WriteString(k + ": " + v + "\r\n")
		}
	}
	return b.String()
}

// setTraceID adds X-Amzn-Trace-Id from _X_AMZN_TRACE_ID inside AWS Lambda,
// as the SDK's recursion-detection step does.
func setTraceID(h http.Header) {
	if _, lambda := os.LookupEnv("AWS_LAMBDA_FUNCTION_NAME"); !lambda {
		return
	}
	id, ok := os.LookupEnv("_X_AMZN_TRACE_ID")
	if !ok || h.Get(headerTraceID) != "" {
		return
	}
	h.Set(headerTraceID, traceEncode(id))
}

// traceEncode percent-encodes what the SDK encodes in a trace ID.
func traceEncode(s string) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		keep := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			strings.IndexByte("-=;:+&[]{}\"',", c) >= 0
		if keep {
			b = append(b, c)
			continue
		}
		b = append(b, '%', upperHex[c>>4], upperHex[c&0xF])
	}
	return string(b)
}
