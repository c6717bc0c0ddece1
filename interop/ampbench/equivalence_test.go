package ampbench

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	sdkamp "github.com/aws/aws-sdk-go-v2/service/amp"
	"github.com/aws/smithy-go/middleware"

	"github.com/eksauthgen/eksauthgen/interop/amp"
)

// received is a request as the server saw it.
type received struct {
	method string
	host   string
	uri    string
	header http.Header
	length int64
	body   []byte
}

// recordingServer serves like serve and keeps every request.
type recordingServer struct {
	mu   sync.Mutex
	reqs []received
}

// handle records the request and answers it as serve does.
func (s *recordingServer) handle(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	s.reqs = append(s.reqs, received{method: r.Method, host: r.Host, uri: r.RequestURI, header: r.Header.Clone(), length: r.ContentLength, body: body})
	s.mu.Unlock()
	r.Body = io.NopCloser(bytes.NewReader(body))
	serve(w, r)
}

// handleRaw records a request the lean server read from the wire, parsed
// with net/http's own request parser (so that the lean server's framing is
// checked too).
func (s *recordingServer) handleRaw(raw []byte) {
	r, err := http.ReadRequest(bufio.NewReader(bytes.NewReader(raw)))
	rec := received{method: "unparsable", body: raw}
	if err == nil {
		body, rerr := io.ReadAll(r.Body)
		if rerr == nil {
			rec = received{method: r.Method, host: r.Host, uri: r.RequestURI, header: r.Header, length: r.ContentLength, body: body}
		}
	}
	s.mu.Lock()
	s.reqs = append(s.reqs, rec)
	s.mu.Unlock()
}

// recordingLoopbacks starts both kinds of server, each recording its
// requests into its own recordingServer.
func recordingLoopbacks(t *testing.T) ([]loopback, []*recordingServer) {
	t.Helper()
	rsLean, rsHT := &recordingServer{}, &recordingServer{}
	return startLoopbacks(t, rsLean.handleRaw, rsHT.handle), []*recordingServer{rsLean, rsHT}
}

// take returns and forgets the requests received so far.
func (s *recordingServer) take() []received {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.reqs
	s.reqs = nil
	return r
}

// TestEquivalentCalls checks, for every benchmarked operation, that the
// generated client and the SDK send equivalent requests (method, path,
// query, JSON-equal body, the same signed headers with the same values but
// for the time and the invocation ID, each signature what v4.Signer
// computes) and decode the canned response into the same output.
//
// It runs against both benchmark servers.
func TestEquivalentCalls(t *testing.T) {
	srvs, recs := recordingLoopbacks(t)
	for i, srv := range srvs {
		t.Run(srv.name, func(t *testing.T) { testEquivalentCalls(t, srv, recs[i]) })
	}
}

func testEquivalentCalls(t *testing.T, srv loopback, rs *recordingServer) {
	ours, sdk := clients(srv)
	ctx := context.Background()
	for _, op := range operations {
		t.Run(op.name, func(t *testing.T) {
			outOurs, err := op.ours(ctx, ours)
			if err != nil {
				t.Fatalf("generated client: %v", err)
			}
			gotOurs := rs.take()
			outSDK, err := op.sdk(ctx, sdk)
			if err != nil {
				t.Fatalf("sdk client: %v", err)
			}
			gotSDK := rs.take()
			if len(gotOurs) != 1 || len(gotSDK) != 1 {
				t.Fatalf("requests: generated %d, sdk %d; want one each", len(gotOurs), len(gotSDK))
			}
			t.Logf("%s %s signed %v body %s", gotOurs[0].method, gotOurs[0].uri, signedHeaders(gotOurs[0].header), gotOurs[0].body)
			compareRequests(t, gotOurs[0], gotSDK[0])
			verifySignature(t, "generated", gotOurs[0])
			verifySignature(t, "sdk", gotSDK[0])
			compareOutputs(t, op.name, outOurs, outSDK)
		})
	}
}

// TestIdempotencyTokenFilled checks that both clients fill in a missing
// idempotency token with a version 4 UUID.
func TestIdempotencyTokenFilled(t *testing.T) {
	srvs, recs := recordingLoopbacks(t)
	srv, rs := srvs[0], recs[0]
	ours, sdk := clients(srv)
	ctx := context.Background()
	if _, err := ours.CreateWorkspace(ctx, &amp.CreateWorkspaceInput{Alias: aws.String("a")}); err != nil {
		t.Fatal(err)
	}
	if _, err := sdk.CreateWorkspace(ctx, &sdkamp.CreateWorkspaceInput{Alias: aws.String("a")}); err != nil {
		t.Fatal(err)
	}
	uuid := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	for i, r := range rs.take() {
		var body struct {
			ClientToken string `json:"clientToken"`
		}
		if err := json.Unmarshal(r.body, &body); err != nil {
			t.Fatalf("request %d: %v", i, err)
		}
		if !uuid.MatchString(body.ClientToken) {
			t.Errorf("request %d: clientToken %q is not a version 4 UUID", i, body.ClientToken)
		}
	}
}

// fixedToken is an idempotency token provider, usable by both clients.
type fixedToken string

// GetIdempotencyToken returns f.
func (f fixedToken) GetIdempotencyToken() (string, error) { return string(f), nil }

// TestIdempotencyTokenProvider checks that both clients take a missing
// idempotency token from Options.IdempotencyTokenProvider.
func TestIdempotencyTokenProvider(t *testing.T) {
	srvs, recs := recordingLoopbacks(t)
	srv, rs := srvs[1], recs[1]
	ours, sdk := clients(srv)
	ctx := context.Background()
	const token = "token-from-provider"
	if _, err := ours.CreateWorkspace(ctx, &amp.CreateWorkspaceInput{Alias: aws.String("a")}, func(o *amp.Options) { o.IdempotencyTokenProvider = fixedToken(token) }); err != nil {
		t.Fatal(err)
	}
	if _, err := sdk.CreateWorkspace(ctx, &sdkamp.CreateWorkspaceInput{Alias: aws.String("a")}, func(o *sdkamp.Options) { o.IdempotencyTokenProvider = fixedToken(token) }); err != nil {
		t.Fatal(err)
	}
	reqs := rs.take()
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want 2", len(reqs))
	}
	for i, r := range reqs {
		if want := `{"alias":"a","clientToken":"` + token + `"}`; !jsonEqual(r.body, []byte(want)) {
			t.Errorf("request %d: body %s, want %s", i, r.body, want)
		}
	}
}

// compareRequests checks that two requests are equivalent: method, host,
// path, query, JSON body, signed headers and their values (but for the time
// and the invocation ID) and credential scope.
func compareRequests(t *testing.T, ours, sdk received) {
	t.Helper()
	if ours.method != sdk.method {
		t.Errorf("method: generated %s, sdk %s", ours.method, sdk.method)
	}
	if ours.host != sdk.host {
		t.Errorf("host: generated %s, sdk %s", ours.host, sdk.host)
	}
	po, qo, _ := strings.Cut(ours.uri, "?")
	ps, qs, _ := strings.Cut(sdk.uri, "?")
	if po != ps {
		t.Errorf("path: generated %s, sdk %s", po, ps)
	}
	vo, err1 := url.ParseQuery(qo)
	vs, err2 := url.ParseQuery(qs)
	if err1 != nil || err2 != nil || !reflect.DeepEqual(vo, vs) {
		t.Errorf("query: generated %q, sdk %q", qo, qs)
	}
	if !jsonEqual(ours.body, sdk.body) {
		t.Errorf("body: generated %s, sdk %s", ours.body, sdk.body)
	}
	ho, so := signedHeaders(ours.header), signedHeaders(sdk.header)
	if !slices.Equal(ho, so) {
		t.Fatalf("signed headers: generated %v, sdk %v", ho, so)
	}
	for _, name := range ho {
		switch name {
		case "x-amz-date", "amz-sdk-invocation-id":
			continue // time and random
		case "host":
			continue // compared above
		case "content-length":
			if ours.length != sdk.length {
				t.Errorf("content-length: generated %d, sdk %d", ours.length, sdk.length)
			}
			continue
		}
		if o, s := ours.header.Values(name), sdk.header.Values(name); !slices.Equal(o, s) {
			t.Errorf("signed header %s: generated %q, sdk %q", name, o, s)
		}
	}
	if o, s := credentialScope(ours.header), credentialScope(sdk.header); o != s || !strings.HasSuffix(o, "/"+region+"/"+signingName+"/aws4_request") {
		t.Errorf("credential scope: generated %q, sdk %q", o, s)
	}
}

// signedHeaders returns the SignedHeaders of a request's Authorization.
func signedHeaders(h http.Header) []string {
	_, rest, _ := strings.Cut(h.Get("Authorization"), "SignedHeaders=")
	list, _, _ := strings.Cut(rest, ",")
	if list == "" {
		return nil
	}
	return strings.Split(list, ";")
}

// credentialScope returns the Credential of a request's Authorization
// without its date.
func credentialScope(h http.Header) string {
	_, rest, _ := strings.Cut(h.Get("Authorization"), "Credential=")
	cred, _, _ := strings.Cut(rest, ",")
	key, scope, _ := strings.Cut(cred, "/")
	_, scope, _ = strings.Cut(scope, "/")
	return key + "/" + scope
}

// verifySignature signs the received request again with v4.Signer (its
// signed headers only, at its X-Amz-Date) and checks the Authorization
// header is the same.
func verifySignature(t *testing.T, who string, r received) {
	t.Helper()
	when, err := time.Parse("20060102T150405Z", r.header.Get("X-Amz-Date"))
	if err != nil {
		t.Fatalf("%s: X-Amz-Date: %v", who, err)
	}
	req, err := http.NewRequest(r.method, "http://"+r.host+r.uri, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range signedHeaders(r.header) {
		switch name {
		case "host", "content-length", "authorization":
			continue
		}
		req.Header[http.CanonicalHeaderKey(name)] = r.header.Values(name)
	}
	req.ContentLength = r.length
	sum := sha256.Sum256(r.body)
	creds := aws.Credentials{AccessKeyID: accessKeyID, SecretAccessKey: secretKey, SessionToken: sessionToken}
	if err := v4.NewSigner().SignHTTP(context.Background(), creds, req, hex.EncodeToString(sum[:]), signingName, region, when); err != nil {
		t.Fatal(err)
	}
	if got, want := r.header.Get("Authorization"), req.Header.Get("Authorization"); got != want {
		t.Errorf("%s: Authorization\n got %s\nwant %s", who, got, want)
	}
}

// jsonEqual reports whether a and b are both empty or the same JSON value.
func jsonEqual(a, b []byte) bool {
	if len(a) == 0 || len(b) == 0 {
		return len(a) == len(b)
	}
	var va, vb any
	if json.Unmarshal(a, &va) != nil || json.Unmarshal(b, &vb) != nil {
		return false
	}
	return reflect.DeepEqual(va, vb)
}

// compareOutputs checks both outputs marshal to the same JSON (the types
// have the same exported fields), carry the request ID and hold the canned
// status codes.
func compareOutputs(t *testing.T, op string, ours, sdk any) {
	t.Helper()
	jo, err1 := json.Marshal(ours)
	js, err2 := json.Marshal(sdk)
	if err1 != nil || err2 != nil {
		t.Fatalf("marshal outputs: %v, %v", err1, err2)
	}
	if !jsonEqual(jo, js) {
		t.Errorf("outputs differ:\ngenerated %s\n      sdk %s", jo, js)
	}
	if got := strings.Join(statusCodes(ours), ","); got != wantStatusCodes[op] {
		t.Errorf("generated status codes %q, want %q", got, wantStatusCodes[op])
	}
	for who, md := range map[string]any{"generated": ours, "sdk": sdk} {
		v := reflect.ValueOf(md).Elem().FieldByName("ResultMetadata")
		meta, ok := v.Interface().(middleware.Metadata)
		if !ok {
			t.Fatalf("%s: no ResultMetadata", who)
		}
		if id, _ := awsmiddleware.GetRequestIDMetadata(meta); id != requestID {
			t.Errorf("%s: request ID %q, want %q", who, id, requestID)
		}
	}
}
