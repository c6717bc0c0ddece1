package awsrt

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	smithyendpoints "github.com/aws/smithy-go/endpoints"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// Request is the serialized form of one operation call, built by a
// generated serializer.
type Request struct {
	// Method is the HTTP method ("POST").
	Method string
	// Path is the request path with labels already escaped (EscapeLabel),
	// beginning with '/'. It is joined to the endpoint's path.
	Path string
	// RawQuery is the encoded query string without '?' (url.Values.Encode,
	// as the SDK does), or "".
	RawQuery string
	// Header holds the headers bound from input members (may be nil).
	Header http.Header
	// Body is the payload; nil means no body (and no Content-Type).
	Body []byte
	// ContentType is sent with a non-nil Body.
	ContentType string
	// HostPrefix is the expanded @endpoint hostPrefix ("" for none).
	HostPrefix string
}

// Header names set by Do.
const (
	headerInvocationID = "Amz-Sdk-Invocation-Id"
	headerSDKRequest   = "Amz-Sdk-Request"
	headerUserAgent    = "User-Agent"
	headerContentType  = "Content-Type"
	headerAmzDate      = "X-Amz-Date"
	headerAuthz        = "Authorization"
	headerToken        = "X-Amz-Security-Token"
	headerTraceID      = "X-Amzn-Trace-Id"
)

// emptyPayloadHash is the hex SHA-256 of an empty payload.
const emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

// callStrings returns the strings of one call, made in one allocation: the
// Amz-Sdk-Invocation-Id shared by its attempts (a random version 4 UUID)
// and, with hash, the payload hash SigV4 signs.
func callStrings(body []byte, hash bool) (invocationID, payload string, err error) {
	var id [36]byte
	if err := putUUID(&id); err != nil {
		return "", "", err
	}
	if !hash || len(body) == 0 {
		return string(id[:]), emptyPayloadHash, nil
	}
	sum := sha256.Sum256(body)
	var b strings.Builder
	b.Grow(len(id) + hex.EncodedLen(len(sum)))
	b.Write(id[:])
	var h [2 * sha256.Size]byte
	hex.Encode(h[:], sum[:])
	b.Write(h[:])
	s := b.String()
	return s[:len(id)], s[len(id):], nil
}

// newInvocationID returns a random (version 4) UUID.
func newInvocationID() (string, error) {
	var s [36]byte
	if err := putUUID(&s); err != nil {
		return "", err
	}
	return string(s[:]), nil
}

// putUUID writes a random (version 4) UUID in its text form to s.
func putUUID(s *[36]byte) error {
	var u [16]byte
	if _, err := rand.Read(u[:]); err != nil {
		return err
	}
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	hex.Encode(s[0:8], u[0:4])
	s[8] = '-'
	hex.Encode(s[9:13], u[4:6])
	s[13] = '-'
	hex.Encode(s[14:18], u[6:8])
	s[18] = '-'
	hex.Encode(s[19:23], u[8:10])
	s[23] = '-'
	hex.Encode(s[24:], u[10:])
	return nil
}

// sdkRequestHeader formats "attempt=N; max=M" (max omitted when unlimited).
func sdkRequestHeader(attempt, maxAttempts int) string {
	// The default retryer's values, without formatting.
	if maxAttempts == 3 && attempt >= 1 && attempt <= 3 {
		return [...]string{"attempt=1; max=3", "attempt=2; max=3", "attempt=3; max=3"}[attempt-1]
	}
	var b [40]byte
	s := append(b[:0], "attempt="...)
	s = strconv.AppendInt(s, int64(attempt), 10)
	if maxAttempts != 0 {
		s = append(s, "; max="...)
		s = strconv.AppendInt(s, int64(maxAttempts), 10)
	}
	return string(s)
}

// attemptStorage is allocated once per attempt for the request's URL and
// the values of the headers Do sets.
type attemptStorage struct {
	url  url.URL
	vals [8]string
}

// buildHTTPRequest builds the *http.Request of one attempt. Header slots the
// signer fills are pre-allocated so signing does not grow them.
func (c *Config) buildHTTPRequest(ctx context.Context, req *Request, ep *smithyendpoints.Endpoint, invocationID, sdkRequest string, signed bool, sessionToken bool) (*http.Request, error) {
	// One allocation holds the URL and every single-valued header Do sets.
	st := &attemptStorage{url: url.URL{
		Scheme:   ep.URI.Scheme,
		Host:     ep.URI.Host,
		RawQuery: req.RawQuery,
	}}
	u := &st.url
	if c.DisableHTTPS {
		u.Scheme = "http"
	}
	if req.HostPrefix != "" && !c.DisableHostPrefix {
		u.Host = req.HostPrefix + u.Host
		if err := smithyhttp.ValidateEndpointHost(u.Host); err != nil {
			return nil, err
		}
	}
	escaped := req.Path
	if p := ep.URI.EscapedPath(); p != "" && p != "/" {
		escaped = smithyhttp.JoinPath(p, req.Path)
	}
	// RawPath is always the serializer's escaping, so that net/http sends
	// it as it is (literal sub-delims of the URI pattern such as "(a+)+"
	// included) rather than re-escaping Path its own way, as the SDK does.
	u.Path, u.RawPath = escaped, escaped
	if strings.IndexByte(escaped, '%') >= 0 {
		p, err := url.PathUnescape(escaped)
		if err != nil {
			return nil, err
		}
		u.Path = p
	}

	vals := st.vals[:]
	slot := func(i int, v string) []string {
		vals[i] = v
		return vals[i : i+1 : i+1]
	}
	h := make(http.Header, 8+len(req.Header)+len(ep.Headers))
	for k, v := range req.Header {
		h[k] = v
	}
	h[headerInvocationID] = slot(0, invocationID)
	h[headerSDKRequest] = slot(1, sdkRequest)
	if c.UserAgent != "" {
		h[headerUserAgent] = slot(2, c.UserAgent)
	}
	if req.Body != nil && req.ContentType != "" {
		h[headerContentType] = slot(3, req.ContentType)
	}
	for k := range ep.Headers {
		h.Set(k, ep.Headers.Get(k))
	}
	if signed {
		h[headerAmzDate] = vals[4:4:5]
		h[headerAuthz] = vals[5:5:6]
		if sessionToken {
			h[headerToken] = vals[6:6:7]
		}
	}
	setTraceID(h)

	base := http.Request{
		Method:     req.Method,
		URL:        u,
		Proto:      "HTTP/1.1",
		ProtoMajor: 1,
		ProtoMinor: 1,
		Header:     h,
		Host:       u.Host,
	}
	r := base.WithContext(ctx)
	if req.Body != nil {
		r.ContentLength = int64(len(req.Body))
		// io.NopCloser over *bytes.Reader is what net/http recognises as
		// in-memory: headers and body then go out in one write.
		r.Body = io.NopCloser(bytes.NewReader(req.Body))
		if len(req.Body) == 0 {
			r.Body = http.NoBody
		}
	}
	return r, nil
}
