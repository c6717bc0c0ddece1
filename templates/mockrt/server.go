package mockrt

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// DefaultBodyLimit is the default maximum request body size: 1 MiB.
const DefaultBodyLimit = 1 << 20

// Operation is one operation of the served service.
type Operation struct {
	Name   string // the operation's name, as in the model
	Method string
	Path   []Segment
	Query  []QueryLiteral
	// MediaType is the Content-Type a request body must have ("" when the
	// operation has no modeled body: a request with a Content-Type is then
	// refused; "*/*" for any Content-Type, or none).
	MediaType string
	// ResponseMediaType is the Content-Type of a successful response; a
	// request whose Accept header excludes it is refused with 406 ("" for
	// no check).
	ResponseMediaType string
	// Gzip says the operation has @requestCompression with gzip: a body
	// whose Content-Encoding ends with gzip is decompressed, and gzip is
	// removed from the header the input reads.
	Gzip bool
	// Handle decodes the request, validates the input, calls the service
	// and encodes its output or error.
	Handle func(ctx context.Context, req *Request) *Response
}

// Config is the server's configuration, filled by the generated options.
type Config struct {
	BodyLimit  int64 // maximum body size in bytes; DefaultBodyLimit when 0
	SigV4      *SigV4
	Faults     []OperationFault // at most one per operation; the last one set wins
	Logger     *slog.Logger     // the request log; nil for none
	Validation ValidationPolicy
	// Errors encodes a modeled error value (as returned by the service or
	// given in a Fault), or returns nil for any other error.
	Errors func(error) *Response
}

// OperationFault is a Fault injected into one operation.
type OperationFault struct {
	Operation string
	Fault     Fault
}

// Request is the part of an HTTP request an operation's Handle reads.
type Request struct {
	HTTP   *http.Request
	Labels []string // percent-decoded label values, in URI pattern order
	Body   []byte
	// Input is set by Handle to the decoded input, for the request log.
	Input any

	validation *ValidationPolicy
	query      url.Values
}

// Query returns the request's parsed query string.
func (r *Request) Query() url.Values {
	if r.query == nil {
		r.query = r.HTTP.URL.Query()
	}
	return r.query
}

// Invalid is the response to an input whose Validate method failed.
func (r *Request) Invalid(err error) *Response { return r.validation.Response(err) }

// Server serves the operations of one service.
type Server struct {
	cfg    Config
	ops    []Operation // most specific pattern first
	faults map[string]*faultState
}

// NewServer returns a server for ops under cfg.
func NewServer(cfg Config, ops []Operation) *Server {
	if cfg.BodyLimit <= 0 {
		cfg.BodyLimit = DefaultBodyLimit
	}
	s := &Server{cfg: cfg, ops: slices.Clone(ops), faults: map[string]*faultState{}}
	slices.SortStableFunc(s.ops, func(a, b Operation) int { return specificity(b) - specificity(a) })
	for _, f := range cfg.Faults {
		s.faults[f.Operation] = &faultState{f: f.Fault}
	}
	return s
}

// specificity ranks URI patterns so that literals win over labels and
// labels over greedy labels, and literal query parts add to the rank.
func specificity(op Operation) int {
	n := 0
	for _, s := range op.Path {
		switch {
		case s.Greedy:
			n += 1
		case s.Label:
			n += 100
		default:
			n += 10000
		}
	}
	return n*10 + len(op.Query)
}

// ServeHTTP routes the request and writes the operation's answer.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	reqID := newRequestID()
	req := &Request{HTTP: r, validation: &s.cfg.Validation}
	op, resp := s.route(req)
	if op != nil {
		resp = s.serve(w, op, req)
	}
	if resp == nil { // the connection was dropped
		s.log(r, op, req, reqID, 0, start)
		return
	}
	h := w.Header()
	for k, vs := range resp.Header {
		h[k] = vs
	}
	h.Set("X-Amzn-Requestid", reqID)
	status := resp.Status
	if status == 0 {
		status = http.StatusOK
	}
	body := resp.Body
	if status == http.StatusNoContent || status == http.StatusNotModified || status < 200 {
		body = nil // these statuses carry no body
		h.Del("Content-Type")
	} else {
		h.Set("Content-Length", strconv.Itoa(len(body)))
	}
	w.WriteHeader(status)
	if len(body) > 0 && r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
	s.log(r, op, req, reqID, status, start)
}

// route finds the operation of req; when none matches it returns the
// 404 response, or 405 (with an Allow header) when operations match the
// path with other methods. Neither message shows the request path, whose
// label values may be @sensitive.
func (s *Server) route(req *Request) (*Operation, *Response) {
	path := req.HTTP.URL.EscapedPath()
	q := req.Query()
	var allowed []string // the methods of the operations matching the path
	for i := range s.ops {
		op := &s.ops[i]
		labels, ok := match(op.Path, op.Query, path, q)
		if !ok {
			continue
		}
		if op.Method != req.HTTP.Method {
			if !slices.Contains(allowed, op.Method) {
				allowed = append(allowed, op.Method)
			}
			continue
		}
		req.Labels = labels
		return op, nil
	}
	if len(allowed) > 0 {
		slices.Sort(allowed)
		methods := strings.Join(allowed, ", ")
		resp := ErrorResponse(http.StatusMethodNotAllowed, CodeMethodNotAllowed,
			"method "+req.HTTP.Method+" is not allowed on this path, which takes "+methods)
		resp.Header.Set("Allow", methods)
		return nil, resp
	}
	return nil, ErrorResponse(http.StatusNotFound, CodeUnknownOperation,
		"no operation matches "+req.HTTP.Method+" on this path")
}

// serve runs op on req: fault injection, body limit, signature check,
// content type, then op.Handle. A nil response means the connection was
// dropped.
func (s *Server) serve(w http.ResponseWriter, op *Operation, req *Request) *Response {
	r := req.HTTP
	// The body is read first: net/http notices a client that hangs up
	// (cancelling r.Context(), which ends an injected delay) only once the
	// body has been read.
	body, err := readBody(r, s.cfg.BodyLimit)
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return ErrorResponse(http.StatusRequestEntityTooLarge, CodeTooLarge,
				"request body exceeds the limit of "+strconv.FormatInt(s.cfg.BodyLimit, 10)+" bytes")
		}
		return ErrorResponse(http.StatusBadRequest, CodeSerialization, "reading the request body: "+err.Error())
	}
	if fs := s.faults[op.Name]; fs != nil && fs.fires() {
		if resp, handled := fs.inject(w, r, s.cfg.Errors); handled {
			return resp
		}
	}
	if s.cfg.SigV4 != nil {
		if resp := s.cfg.SigV4.verify(r, body); resp != nil {
			return resp
		}
	}
	if op.Gzip {
		if body, err = gunzipBody(r, body, s.cfg.BodyLimit); err != nil {
			return ErrorResponse(http.StatusBadRequest, CodeSerialization, err.Error())
		}
	}
	req.Body = body
	if resp := checkContentType(op, r, body); resp != nil {
		return resp
	}
	if resp := checkAccept(op, r); resp != nil {
		return resp
	}
	ctx := context.WithValue(r.Context(), requestKey{}, r)
	return op.Handle(ctx, req)
}

// readBody reads the request body, at most limit bytes (a longer one is an
// *http.MaxBytesError). A body of known length is read into a buffer of
// that size, in one allocation.
func readBody(r *http.Request, limit int64) ([]byte, error) {
	n := r.ContentLength
	if n > limit {
		return nil, &http.MaxBytesError{Limit: limit}
	}
	if r.Body == nil {
		return nil, nil
	}
	if n <= 0 {
		return io.ReadAll(http.MaxBytesReader(nil, r.Body, limit))
	}
	buf := make([]byte, n)
	if _, err := io.ReadFull(r.Body, buf); err != nil {
		return nil, err
	}
	// A body longer than its Content-Length (possible only in process).
	var one [1]byte
	if m, _ := io.ReadFull(r.Body, one[:]); m == 0 {
		return buf, nil
	}
	rest, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, limit-n-1))
	return append(append(buf, one[0]), rest...), err
}

// gunzipBody decompresses a body whose Content-Encoding ends with gzip (the
// last coding applied) and removes gzip from r's header, which the input's
// Content-Encoding member is then read from. The decompressed body is
// bounded by limit too.
func gunzipBody(r *http.Request, body []byte, limit int64) ([]byte, error) {
	codings := strings.Split(strings.Join(r.Header.Values("Content-Encoding"), ","), ",")
	last := len(codings) - 1
	if !strings.EqualFold(strings.TrimSpace(codings[last]), "gzip") {
		return body, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		return nil, errors.New("Content-Encoding gzip: " + err.Error())
	}
	out, err := io.ReadAll(io.LimitReader(zr, limit+1))
	if err != nil {
		return nil, errors.New("Content-Encoding gzip: " + err.Error())
	}
	if int64(len(out)) > limit {
		return nil, errors.New("the decompressed body exceeds the limit of " + strconv.FormatInt(limit, 10) + " bytes")
	}
	rest := make([]string, 0, last)
	for _, c := range codings[:last] {
		if c = strings.TrimSpace(c); c != "" {
			rest = append(rest, c)
		}
	}
	r.Header = r.Header.Clone()
	r.Header.Del("Content-Encoding")
	if len(rest) > 0 {
		r.Header.Set("Content-Encoding", strings.Join(rest, ", "))
	}
	return out, nil
}

// checkContentType refuses a body of another media type than the
// operation's (parameters such as charset are accepted), and a
// Content-Type on an operation that has no modeled body.
func checkContentType(op *Operation, r *http.Request, body []byte) *Response {
	ct := r.Header.Get("Content-Type")
	if op.MediaType == "*/*" {
		return nil
	}
	if op.MediaType == "" {
		if ct != "" && len(body) > 0 {
			return ErrorResponse(http.StatusUnsupportedMediaType, CodeUnsupportedMediaType,
				"operation "+op.Name+" takes no body, got Content-Type "+ct)
		}
		return nil
	}
	if ct == "" && len(body) == 0 {
		return nil
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil || !mediaTypeMatches(op.MediaType, mt) {
		return ErrorResponse(http.StatusUnsupportedMediaType, CodeUnsupportedMediaType,
			"expected Content-Type "+op.MediaType+", got "+strconv.Quote(ct))
	}
	return nil
}

// checkAccept refuses a request whose Accept header admits none of the
// operation's response media type (media ranges such as "*/*" and
// "application/*" and parameters are understood).
func checkAccept(op *Operation, r *http.Request) *Response {
	accepts := r.Header.Values("Accept")
	if op.ResponseMediaType == "" || len(accepts) == 0 {
		return nil
	}
	want := strings.ToLower(op.ResponseMediaType)
	for _, h := range accepts {
		for _, part := range strings.Split(h, ",") {
			mt, _, err := mime.ParseMediaType(strings.TrimSpace(part))
			if err == nil && mediaTypeMatches(mt, want) {
				return nil
			}
		}
	}
	return ErrorResponse(http.StatusNotAcceptable, CodeNotAcceptable,
		"the response is "+op.ResponseMediaType+", which Accept "+strconv.Quote(strings.Join(accepts, ", "))+" does not admit")
}

// mediaTypeMatches reports whether the request's media type got satisfies
// the modeled want, which may be a wildcard such as "image/*" or "*/*".
func mediaTypeMatches(want, got string) bool {
	want = strings.ToLower(want)
	if want == got || want == "*/*" {
		return true
	}
	if typ, ok := strings.CutSuffix(want, "/*"); ok {
		return strings.HasPrefix(got, typ+"/")
	}
	return false
}

// log writes one line about a served request, without headers, body or
// path (label values may be @sensitive, matched or not: an unmatched path
// may be a near miss of a real one); the decoded input is logged through
// its LogValue method, which redacts sensitive members.
func (s *Server) log(r *http.Request, op *Operation, req *Request, reqID string, status int, start time.Time) {
	if s.cfg.Logger == nil {
		return
	}
	name := ""
	if op != nil {
		name = op.Name
	}
	attrs := []slog.Attr{
		slog.String("operation", name),
		slog.String("method", r.Method),
		slog.Int("status", status),
		slog.String("request_id", reqID),
		slog.Duration("duration", time.Since(start)),
	}
	if req.Input != nil {
		attrs = append(attrs, slog.Any("input", req.Input))
	}
	s.cfg.Logger.LogAttrs(r.Context(), slog.LevelInfo, "request", attrs...)
}

// newRequestID returns a random request ID in UUID form.
func newRequestID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// requestKey is the context key of the HTTP request.
type requestKey struct{}

// HTTPRequest returns the HTTP request being served by an operation whose
// service method received ctx, or nil.
func HTTPRequest(ctx context.Context) *http.Request {
	r, _ := ctx.Value(requestKey{}).(*http.Request)
	return r
}
