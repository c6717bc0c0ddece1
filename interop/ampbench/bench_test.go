package ampbench

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"maps"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	sdkamp "github.com/aws/aws-sdk-go-v2/service/amp"

	"github.com/eksauthgen/eksauthgen/internal/leanserver"
	"github.com/eksauthgen/eksauthgen/interop/amp"
)

// BenchmarkCall measures one call per operation with four variants, each
// against two loopback servers answering the same canned bytes:
//
//   - eksauthgen: the generated client (serialize, sign, send, decode);
//   - sdk: the AWS SDK for Go v2 amp client doing the same;
//   - floor-nethttp: net/http sending the bytes the generated client sends
//     and reading the whole response, nothing else;
//   - floor-nethttp-sigv4: the same plus hashing the body and signing with
//     v4.Signer, the least a signed call costs.
//
// The servers are "lean" (a raw HTTP/1.1 listener that allocates nothing per
// request: the numbers are the client's side of a call) and "httptest" (a
// net/http server, whose own per-request work is then counted too). Names
// are Call/<operation>/<variant>/<server>.
//
// Besides ns/op (wall clock), each reports cpu-ns/op: the CPU time the whole
// process (client and loopback server) spent per call, which other load on
// the machine disturbs much less than the wall clock.
func BenchmarkCall(b *testing.B) {
	ctx := context.Background()
	type setup struct {
		srv       loopback
		ours      *amp.Client
		sdk       *sdkamp.Client
		recording map[string]*wireRequest
	}
	var setups []setup
	for _, srv := range loopbacks(b) {
		ours, sdk := clients(srv)
		// Warm up connections, caches and the signers' derived keys, so
		// that the first sub-benchmark does not pay for them.
		for _, op := range operations {
			for range 100 {
				if _, err := op.ours(ctx, ours); err != nil {
					b.Fatal(err)
				}
				if _, err := op.sdk(ctx, sdk); err != nil {
					b.Fatal(err)
				}
			}
		}
		st := setup{srv: srv, ours: ours, sdk: sdk, recording: map[string]*wireRequest{}}
		for _, op := range operations {
			st.recording[op.name] = captureRequest(b, srv, op)
		}
		setups = append(setups, st)
	}
	for _, op := range operations {
		// Each variant returns, for a setup, the call MeasureCall times.
		variants := []struct {
			name string
			call func(st setup) func() error
		}{
			{"eksauthgen", func(st setup) func() error {
				return func() error { _, err := op.ours(ctx, st.ours); return err }
			}},
			{"sdk", func(st setup) func() error {
				return func() error { _, err := op.sdk(ctx, st.sdk); return err }
			}},
			{"floor-nethttp", func(st setup) func() error {
				wire := st.recording[op.name]
				return func() error { return wire.roundTrip(ctx, st.srv.client, false) }
			}},
			{"floor-nethttp-sigv4", func(st setup) func() error {
				wire := st.recording[op.name]
				return func() error { return wire.roundTrip(ctx, st.srv.client, true) }
			}},
		}
		b.Run(op.name, func(b *testing.B) {
			for _, v := range variants {
				b.Run(v.name, func(b *testing.B) {
					for _, st := range setups {
						call := v.call(st)
						b.Run(st.srv.name, func(b *testing.B) { leanserver.MeasureCall(b, call) })
					}
				})
			}
		})
	}
}

// wireRequest is one request as the generated client hands it to its HTTP
// client: what the floor benchmarks send.
type wireRequest struct {
	method string
	url    string
	header http.Header
	body   []byte
	creds  aws.Credentials
	signer *v4.Signer
}

// recorder is an HTTP client that keeps a copy of the last request it sends.
type recorder struct {
	next *http.Client
	mu   sync.Mutex
	last *wireRequest
}

// Do records r and sends it.
func (c *recorder) Do(r *http.Request) (*http.Response, error) {
	w := &wireRequest{method: r.Method, url: r.URL.String(), header: r.Header.Clone()}
	if r.Body != nil {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			return nil, err
		}
		w.body = body
		r.Body = io.NopCloser(bytes.NewReader(body))
	}
	c.mu.Lock()
	c.last = w
	c.mu.Unlock()
	return c.next.Do(r)
}

// captureRequest makes op's call with a generated client whose HTTP client
// records the request, and returns that request.
func captureRequest(b *testing.B, srv loopback, op operation) *wireRequest {
	b.Helper()
	base, _ := clients(srv)
	rec := &recorder{next: srv.client}
	c := amp.New(base.Options(), func(o *amp.Options) { o.HTTPClient = rec })
	ctx := context.Background()
	if _, err := op.ours(ctx, c); err != nil {
		b.Fatal(err)
	}
	creds, err := staticCredentials().Retrieve(ctx)
	if err != nil {
		b.Fatal(err)
	}
	rec.mu.Lock()
	defer rec.mu.Unlock()
	w := rec.last
	w.creds = creds
	w.signer = v4.NewSigner()
	return w
}

// signatureHeaders are the headers a SigV4 signature sets.
var signatureHeaders = []string{"Authorization", "X-Amz-Date", "X-Amz-Security-Token"}

// roundTrip sends w's bytes and reads the whole response. With sign, the
// signature headers are computed afresh (body hash and v4.Signer) instead of
// replayed.
func (w *wireRequest) roundTrip(ctx context.Context, client *http.Client, sign bool) error {
	var body io.Reader
	if w.body != nil {
		body = bytes.NewReader(w.body)
	}
	req, err := http.NewRequestWithContext(ctx, w.method, w.url, body)
	if err != nil {
		return err
	}
	h := maps.Clone(w.header)
	req.Header = h
	if sign {
		for _, k := range signatureHeaders {
			delete(h, k)
		}
		sum := sha256.Sum256(w.body)
		if err := w.signer.SignHTTP(ctx, w.creds, req, hex.EncodeToString(sum[:]), signingName, region, time.Now()); err != nil {
			return err
		}
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.ReadAll(resp.Body)
	return err
}
