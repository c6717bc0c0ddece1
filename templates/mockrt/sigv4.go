package mockrt

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// Error types of SigV4 verification failures, as AWS services name them.
const (
	CodeMissingAuthenticationToken = "MissingAuthenticationTokenException"
	CodeIncompleteSignature        = "IncompleteSignatureException"
	CodeInvalidSignature           = "InvalidSignatureException"
	CodeSignatureDoesNotMatch      = "SignatureDoesNotMatch"
	CodeUnrecognizedClient         = "UnrecognizedClientException"
)

// DefaultMaxSkew is how far the X-Amz-Date of a signed request may be from
// the server's clock, as AWS allows.
const DefaultMaxSkew = 5 * time.Minute

const (
	sigAlgorithm = "AWS4-HMAC-SHA256"
	amzDate      = "20060102T150405Z"
)

// SigV4 verifies the Signature Version 4 of every request against one set
// of credentials, recomputing it with the AWS SDK's signer.
type SigV4 struct {
	Credentials aws.Credentials
	Region      string        // the region the scope must name; any when ""
	Service     string        // the signing name the scope must name; any when ""
	MaxSkew     time.Duration // DefaultMaxSkew when 0
	// Now returns the current time; time.Now when nil.
	Now func() time.Time
}

// authHeader is a parsed Authorization header.
type authHeader struct {
	accessKey, date, region, service string
	signedHeaders                    []string
	signature                        string
}

// verify returns nil for a request correctly signed with v's credentials,
// else the 403 response AWS would give.
func (v *SigV4) verify(r *http.Request, body []byte) *Response {
	auth := r.Header.Get("Authorization")
	if auth == "" {
		return denied(CodeMissingAuthenticationToken, "Missing Authentication Token")
	}
	a, msg := parseAuth(auth)
	if msg != "" {
		return denied(CodeIncompleteSignature, msg)
	}
	t, err := time.Parse(amzDate, r.Header.Get("X-Amz-Date"))
	if err != nil {
		return denied(CodeIncompleteSignature, "Authorization requires a valid X-Amz-Date header in the form "+amzDate)
	}
	if a.date != t.Format("20060102") {
		return denied(CodeInvalidSignature, "Credential date "+a.date+" does not match X-Amz-Date "+t.Format(amzDate))
	}
	if a.accessKey != v.Credentials.AccessKeyID {
		return denied(CodeUnrecognizedClient, "The security token included in the request is invalid.")
	}
	if v.Region != "" && a.region != v.Region {
		return denied(CodeInvalidSignature, "Credential should be scoped to a valid region: "+v.Region)
	}
	if v.Service != "" && a.service != v.Service {
		return denied(CodeInvalidSignature, "Credential should be scoped to correct service: "+v.Service)
	}
	now := time.Now
	if v.Now != nil {
		now = v.Now
	}
	skew := v.MaxSkew
	if skew <= 0 {
		skew = DefaultMaxSkew
	}
	if d := now().Sub(t); d > skew || d < -skew {
		return denied(CodeInvalidSignature, "Signature expired: "+t.Format(amzDate)+" is not within "+skew.String()+" of the server time "+now().UTC().Format(amzDate))
	}
	want, err := v.sign(r, a, body, t)
	if err != nil || subtle.ConstantTimeCompare([]byte(want), []byte(a.signature)) != 1 {
		return denied(CodeSignatureDoesNotMatch, "The request signature we calculated does not match the signature you provided.")
	}
	return nil
}

// sign recomputes the signature of r over the headers a names.
func (v *SigV4) sign(r *http.Request, a authHeader, body []byte, t time.Time) (string, error) {
	u := &url.URL{Scheme: "http", Host: r.Host, Path: r.URL.Path, RawPath: r.URL.RawPath, RawQuery: r.URL.RawQuery}
	req := &http.Request{Method: r.Method, URL: u, Host: r.Host, Header: make(http.Header, len(a.signedHeaders))}
	for _, h := range a.signedHeaders {
		switch h {
		case "host":
		case "content-length":
			req.ContentLength = int64(len(body))
		default:
			if vs, ok := r.Header[http.CanonicalHeaderKey(h)]; ok {
				req.Header[http.CanonicalHeaderKey(h)] = vs
			}
		}
	}
	sum := sha256.Sum256(body)
	err := v4.NewSigner().SignHTTP(context.Background(), v.Credentials, req, hex.EncodeToString(sum[:]), a.service, a.region, t)
	if err != nil {
		return "", err
	}
	got, msg := parseAuth(req.Header.Get("Authorization"))
	if msg != "" {
		return "", errors.New("mockrt: the signer wrote no valid Authorization header")
	}
	if strings.Join(got.signedHeaders, ";") != strings.Join(a.signedHeaders, ";") {
		return "", nil // the client signed headers the signer would not sign, or the reverse
	}
	return got.signature, nil
}

// parseAuth parses an Authorization header; msg says what is wrong with it.
func parseAuth(h string) (a authHeader, msg string) {
	rest, ok := strings.CutPrefix(h, sigAlgorithm+" ")
	if !ok {
		return a, "Authorization header requires the " + sigAlgorithm + " algorithm"
	}
	var cred, signed string
	for _, part := range strings.Split(rest, ",") {
		k, val, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch k {
		case "Credential":
			cred = val
		case "SignedHeaders":
			signed = val
		case "Signature":
			a.signature = val
		}
	}
	var missing []string
	for _, f := range []struct{ name, v string }{{"Credential", cred}, {"SignedHeaders", signed}, {"Signature", a.signature}} {
		if f.v == "" {
			missing = append(missing, "'"+f.name+"'")
		}
	}
	if len(missing) > 0 {
		return a, "Authorization header requires " + strings.Join(missing, ", ") + " parameter(s)."
	}
	scope := strings.Split(cred, "/")
	if len(scope) != 5 || scope[4] != "aws4_request" || scope[0] == "" {
		return a, "Credential must have the form <access key>/<date>/<region>/<service>/aws4_request, got " + cred
	}
	a.accessKey, a.date, a.region, a.service = scope[0], scope[1], scope[2], scope[3]
	a.signedHeaders = strings.Split(signed, ";")
	return a, ""
}

// denied is a 403 error response.
func denied(code, message string) *Response {
	return ErrorResponse(http.StatusForbidden, code, message)
}
