package awsrt

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
)

// sigv4SuiteDir is the AWS SigV4 test suite in the shared reference data.
const sigv4SuiteDir = "../../../shared/sigv4-test-suite/v4"

// sigv4Case is one case of the suite: its request and context.json.
type sigv4Case struct {
	name    string
	method  string
	rawPath string
	rawQry  string
	host    string
	header  http.Header // without Host, in file order per name
	body    []byte
	want    string // header-signature.txt

	Credentials struct {
		AccessKeyID     string `json:"access_key_id"`
		SecretAccessKey string `json:"secret_access_key"`
		Token           string `json:"token"`
	} `json:"credentials"`
	Normalize        bool      `json:"normalize"`
	Region           string    `json:"region"`
	Service          string    `json:"service"`
	SignBody         bool      `json:"sign_body"`
	Timestamp        time.Time `json:"timestamp"`
	OmitSessionToken bool      `json:"omit_session_token"`
}

// TestSigV4Suite signs every request of the AWS SigV4 test suite the way
// the generated client does (Config.buildHTTPRequest, then call.sign) and
// checks that:
//   - the Authorization is exactly what v4.Signer computes for the same
//     request, for every case;
//   - it equals the suite's expected signature for every case where
//     v4.Signer's does;
//   - every case where v4.Signer differs from the suite is explained by one
//     of the suite's flags the SDK signer does not follow (see sdkVariants).
//
// The counts are logged (go test -v -run SigV4Suite).
func TestSigV4Suite(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join(sigv4SuiteDir, "*", "context.json"))
	if err != nil || len(dirs) == 0 {
		t.Skip("../shared/sigv4-test-suite not found: reference data absent")
	}
	sort.Strings(dirs)
	var matching int
	reasons := map[string][]string{}
	for _, ctxFile := range dirs {
		c, err := readSigV4Case(filepath.Dir(ctxFile))
		if err != nil {
			t.Fatalf("%s: %v", filepath.Dir(ctxFile), err)
		}
		t.Run(c.name, func(t *testing.T) {
			ours := c.signLikeClient(t)
			sdk := c.signSDK(t, sdkVariants[0])
			if ours != sdk {
				t.Errorf("generated client's Authorization differs from v4.Signer's:\n got %s\nwant %s", ours, sdk)
			}
			if signatureOf(sdk) == c.want {
				matching++
				if signatureOf(ours) != c.want {
					t.Errorf("signature %s, suite expects %s", signatureOf(ours), c.want)
				}
				return
			}
			for _, v := range sdkVariants[1:] {
				if v.applies(c) && signatureOf(c.signSDK(t, v)) == c.want {
					reasons[v.reason] = append(reasons[v.reason], c.name)
					return
				}
			}
			t.Errorf("v4.Signer's signature %s differs from the suite's %s for no known reason", signatureOf(sdk), c.want)
		})
	}
	t.Logf("%d cases: %d match the suite's signature (as v4.Signer's do)", len(dirs), matching)
	keys := make([]string, 0, len(reasons))
	for k := range reasons {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Logf("%d differ, as v4.Signer's do, because %s: %s", len(reasons[k]), k, strings.Join(reasons[k], ", "))
	}
	if len(dirs) != 38 {
		t.Errorf("suite has %d cases, want 38", len(dirs))
	}
}

// sdkVariant is a way of calling v4.Signer: the default the SDK uses, or one
// that follows a suite flag the SDK does not, to explain a difference.
type sdkVariant struct {
	reason  string
	applies func(*sigv4Case) bool
	// path rewrites the request path before signing.
	path func(string) string
	// opts are extra signer options.
	opts []func(*v4.SignerOptions)
	// tokenAfter adds the session token after signing, unsigned.
	tokenAfter bool
}

// sdkVariants[0] is the SDK's own signing; the rest explain differences.
var sdkVariants = []sdkVariant{
	{reason: "sdk"},
	{
		reason:  "the SDK escapes the path a second time (its default for every service but S3), the suite escapes it once",
		applies: func(*sigv4Case) bool { return true },
		opts:    []func(*v4.SignerOptions){keepPath},
	},
	{
		reason:  "the suite removes dot segments and duplicate slashes (normalize: true), the SDK signs the path as sent",
		applies: func(c *sigv4Case) bool { return c.Normalize },
		path:    normalizePath,
		opts:    []func(*v4.SignerOptions){keepPath},
	},
	{
		reason:     "the suite adds the session token after signing (omit_session_token: true), the SDK signs it",
		applies:    func(c *sigv4Case) bool { return c.OmitSessionToken },
		tokenAfter: true,
	},
}

// normalizePath removes dot segments and duplicate slashes as the suite's
// normalize flag asks, keeping a trailing slash.
func normalizePath(p string) string {
	clean := path.Clean("/" + p)
	if strings.HasSuffix(p, "/") && clean != "/" {
		clean += "/"
	}
	return clean
}

// signatureOf returns the Signature of an Authorization value.
func signatureOf(authz string) string {
	_, sig, _ := strings.Cut(authz, "Signature=")
	return sig
}

// creds returns the case's credentials.
func (c *sigv4Case) creds() aws.Credentials {
	return aws.Credentials{AccessKeyID: c.Credentials.AccessKeyID, SecretAccessKey: c.Credentials.SecretAccessKey, SessionToken: c.Credentials.Token}
}

// request returns the serialized request a generated serializer would build
// for the case: escaped path and query, the case's headers and body, with
// X-Amz-Content-Sha256 when the case signs the body (as the SDK's
// ContentSHA256Header middleware adds it).
func (c *sigv4Case) request(rawPath string) *Request {
	h := c.header.Clone()
	if c.SignBody {
		h.Set("X-Amz-Content-Sha256", payloadHash(c.body))
	}
	req := &Request{
		Method:   c.method,
		Path:     (&url.URL{Path: rawPath}).EscapedPath(),
		RawQuery: escapeQuery(c.rawQry),
		Header:   h,
	}
	if len(c.body) > 0 {
		req.Body = c.body
	}
	return req
}

// httpRequest builds the *http.Request of the case with the client's
// Config.buildHTTPRequest, without the Amz-Sdk-* headers Do adds (the suite
// does not have them).
func (c *sigv4Case) httpRequest(t *testing.T, rawPath string, token bool) *http.Request {
	t.Helper()
	cfg := &Config{}
	ep := &smithyendpoints.Endpoint{URI: url.URL{Scheme: "https", Host: c.host}}
	r, err := cfg.buildHTTPRequest(context.Background(), c.request(rawPath), ep, "id", "attempt=1", true, token)
	if err != nil {
		t.Fatal(err)
	}
	delete(r.Header, headerInvocationID)
	delete(r.Header, headerSDKRequest)
	delete(r.Header, headerTraceID)
	return r
}

// signLikeClient signs the case as Do does and returns the Authorization.
func (c *sigv4Case) signLikeClient(t *testing.T) string {
	t.Helper()
	creds := c.creds()
	r := c.httpRequest(t, c.rawPath, creds.SessionToken != "")
	cl := &call{
		cfg:         &Config{SigningName: c.Service, SigningRegion: c.Region, Now: func() time.Time { return c.Timestamp }},
		payloadHash: payloadHash(c.body),
		signer:      v4.NewSigner(),
	}
	if err := cl.sign(context.Background(), creds, r, &smithyendpoints.Endpoint{}); err != nil {
		t.Fatal(err)
	}
	return r.Header.Get(headerAuthz)
}

// signSDK signs the case with v4.Signer directly, as variant v says, and
// returns the Authorization.
func (c *sigv4Case) signSDK(t *testing.T, v sdkVariant) string {
	t.Helper()
	p := c.rawPath
	if v.path != nil {
		p = v.path(p)
	}
	creds := c.creds()
	if v.tokenAfter {
		creds.SessionToken = ""
	}
	r := c.httpRequest(t, p, creds.SessionToken != "")
	if err := v4.NewSigner().SignHTTP(context.Background(), creds, r, payloadHash(c.body), c.Service, c.Region, c.Timestamp, v.opts...); err != nil {
		t.Fatal(err)
	}
	if v.tokenAfter {
		r.Header.Set(headerToken, c.Credentials.Token)
	}
	return r.Header.Get(headerAuthz)
}

// escapeQuery percent-encodes what a serializer would not send raw (bytes
// outside printable ASCII, and spaces); the signer re-encodes the query
// canonically anyway.
func escapeQuery(q string) string {
	var b strings.Builder
	for i := 0; i < len(q); i++ {
		if c := q[i]; c <= ' ' || c >= 0x7f {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

// readSigV4Case reads request.txt, context.json and header-signature.txt of
// the case in dir.
func readSigV4Case(dir string) (*sigv4Case, error) {
	c := &sigv4Case{name: filepath.Base(dir), header: http.Header{}}
	ctxJSON, err := os.ReadFile(filepath.Join(dir, "context.json"))
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(ctxJSON, c); err != nil {
		return nil, err
	}
	want, err := os.ReadFile(filepath.Join(dir, "header-signature.txt"))
	if err != nil {
		return nil, err
	}
	c.want = strings.TrimSpace(string(want))
	raw, err := os.ReadFile(filepath.Join(dir, "request.txt"))
	if err != nil {
		return nil, err
	}
	return c, c.parseRequest(raw)
}

// parseRequest reads the request line, the headers (folded lines joined
// with a space, repeated names kept in order) and the body.
func (c *sigv4Case) parseRequest(raw []byte) error {
	head, body, _ := bytes.Cut(raw, []byte("\n\n"))
	c.body = body
	sc := bufio.NewScanner(bytes.NewReader(head))
	if !sc.Scan() {
		return errBadCase("empty request.txt")
	}
	line := sc.Text()
	method, rest, ok1 := strings.Cut(line, " ")
	i := strings.LastIndex(rest, " HTTP/")
	if !ok1 || i < 0 {
		return errBadCase("bad request line " + line)
	}
	c.method = method
	c.rawPath, c.rawQry, _ = strings.Cut(rest[:i], "?")
	var name string
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			continue
		}
		if line[0] == ' ' || line[0] == '\t' {
			vs := c.header[name]
			if len(vs) == 0 {
				return errBadCase("continuation line without a header")
			}
			vs[len(vs)-1] += " " + strings.TrimSpace(line)
			continue
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			return errBadCase("bad header line " + line)
		}
		name = http.CanonicalHeaderKey(k)
		switch name {
		case "Host":
			c.host = v
			continue
		case "Content-Length":
			continue // the body's length, as the client sets it
		}
		c.header[name] = append(c.header[name], v)
	}
	if c.host == "" {
		return errBadCase("no Host header")
	}
	return sc.Err()
}

// errBadCase is a malformed suite file.
type errBadCase string

// Error returns the message.
func (e errBadCase) Error() string { return "sigv4 suite: " + string(e) }
