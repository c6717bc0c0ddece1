package emulator

import (
	"sync"
	"time"
)

// bucket is a token bucket rate limiter, safe for concurrent use.
type bucket struct {
	rate  float64 // tokens added per second
	burst float64 // the bucket's size
	now   func() time.Time

	mu     sync.Mutex
	tokens float64
	last   time.Time
}

// newBucket returns a full bucket for t, or nil (no limit) when t is nil.
func newBucket(t *Throttle, now func() time.Time) *bucket {
	if t == nil {
		return nil
	}
	burst := float64(t.Burst)
	if burst == 0 {
		burst = max(1, t.RequestsPerSecond)
	}
	return &bucket{rate: t.RequestsPerSecond, burst: burst, now: now, tokens: burst, last: now()}
}

// allow takes a token, reporting false when the bucket is empty. A nil
// bucket allows everything.
func (b *bucket) allow() bool {
	if b == nil {
		return true
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	now := b.now()
	if elapsed := now.Sub(b.last); elapsed > 0 {
		b.tokens = min(b.burst, b.tokens+elapsed.Seconds()*b.rate)
		b.last = now
	}
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}
