package mockrt

import (
	"math/rand/v2"
	"net/http"
	"sync/atomic"
	"time"
)

// Fault is a failure injected into an operation, to test how a client
// copes with errors, latency and lost connections.
//
// Which calls fail: with EveryNth n > 1, only the nth, 2nth, ... calls of
// the operation; with Probability p in (0, 1), each such call with
// probability p; with neither, every call.
//
// What happens: the call first waits Delay (or until the client gives up);
// then, with Drop, the connection is closed without an answer; with Err,
// the error is answered as if the service had returned it (a modeled error
// is encoded as such); with Status, an error of that status is answered
// (429 ThrottlingException, 503 ServiceUnavailableException, other 5xx
// InternalFailure). With only a Delay, the call then proceeds normally.
type Fault struct {
	Err         error
	Status      int
	Delay       time.Duration
	Drop        bool
	EveryNth    int
	Probability float64
}

// faultState counts the calls of one operation.
type faultState struct {
	f     Fault
	calls atomic.Int64
}

// fires counts a call and reports whether the fault applies to it.
func (s *faultState) fires() bool {
	n := s.calls.Add(1)
	if s.f.EveryNth > 1 && n%int64(s.f.EveryNth) != 0 {
		return false
	}
	if p := s.f.Probability; p > 0 && p < 1 && rand.Float64() >= p {
		return false
	}
	return true
}

// inject applies the fault; handled is false when the call goes on (a
// delay only). A nil response with handled set means the connection was
// dropped.
// encode renders a modeled error (nil when err is not one).
func (s *faultState) inject(w http.ResponseWriter, r *http.Request, encode func(error) *Response) (resp *Response, handled bool) {
	if s.f.Delay > 0 {
		t := time.NewTimer(s.f.Delay)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return nil, true
		}
	}
	switch {
	case s.f.Drop:
		if drop(w) {
			return nil, true
		}
		return ErrorResponse(http.StatusInternalServerError, CodeInternalFailure, "injected fault: the connection cannot be dropped"), true
	case s.f.Err != nil:
		if encode != nil {
			if resp := encode(s.f.Err); resp != nil {
				return resp, true
			}
		}
		return Failure(s.f.Err), true
	case s.f.Status != 0:
		return ErrorResponse(s.f.Status, statusCode(s.f.Status), "injected fault"), true
	}
	return nil, false
}

// drop closes the client's connection without writing a response, and
// reports whether it could (not over HTTP/2, nor with a recorder).
func drop(w http.ResponseWriter) bool {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		return false
	}
	_ = conn.Close()
	return true
}
