package emulator

import (
	"context"
	"log/slog"
	"net/http"
	"time"
)

// requestInfo is what the service learnt about a request, for its log
// line; never a token or a credential.
type requestInfo struct {
	cluster, namespace, serviceAccount, associationID string
}

// requestInfoKey is the context key of a *requestInfo.
type requestInfoKey struct{}

// requestInfoFrom returns the request's info from ctx, or a throwaway one
// when the service is called outside Handler.
func requestInfoFrom(ctx context.Context) *requestInfo {
	if info, ok := ctx.Value(requestInfoKey{}).(*requestInfo); ok {
		return info
	}
	return &requestInfo{}
}

// statusRecorder remembers the status written through it.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

// WriteHeader records the status and writes it.
func (r *statusRecorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
	r.ResponseWriter.WriteHeader(status)
}

// Write records an implicit 200 and writes b.
func (r *statusRecorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.ResponseWriter.Write(b)
}

// Unwrap gives http.ResponseController the underlying writer.
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// logRequests wraps next with the request log: one line per request with
// the method, path, status, error type, request ID, duration and the
// cluster, namespace, service account and association the call resolved
// to. Headers, tokens and credentials are never logged.
func (e *Emulator) logRequests(next http.Handler) http.Handler {
	if e.logger == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		info := &requestInfo{}
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r.WithContext(context.WithValue(r.Context(), requestInfoKey{}, info)))
		attrs := []slog.Attr{
			slog.String("method", r.Method),
			slog.String("path", r.URL.EscapedPath()),
			slog.Int("status", rec.status),
		}
		if code := w.Header().Get("X-Amzn-ErrorType"); code != "" {
			attrs = append(attrs, slog.String("error", code))
		}
		for _, a := range []struct{ key, value string }{
			{"cluster", info.cluster},
			{"namespace", info.namespace},
			{"service_account", info.serviceAccount},
			{"association_id", info.associationID},
			{"request_id", w.Header().Get("X-Amzn-Requestid")},
		} {
			if a.value != "" {
				attrs = append(attrs, slog.String(a.key, a.value))
			}
		}
		attrs = append(attrs, slog.String("remote", r.RemoteAddr), slog.Duration("duration", time.Since(start)))
		e.logger.LogAttrs(r.Context(), slog.LevelInfo, "request", attrs...)
	})
}
