package generated_test

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eksauthgen/eksauthgen/generated/eksauth/eksauthmock"
)

// loadConfig sizes the load test.
type loadConfig struct {
	conns    int           // concurrent connections, one client and transport each
	duration time.Duration // how long the clients send
}

// TestMockLoad serves the EKS Auth mock on 127.0.0.1 with a real
// http.Server and runs conns clients, each on its own connection, for
// duration: every answer must be 200 with the expected body, the heap at the
// end must stay near the heap midway, and after shutdown the goroutine count
// must return to what it was. Requests/s and p99 latency are logged. With
// -short it runs 100 connections for 3 seconds.
func TestMockLoad(t *testing.T) {
	cfg := loadConfig{conns: 500, duration: 20 * time.Second}
	if testing.Short() {
		cfg = loadConfig{conns: 100, duration: 3 * time.Second}
	}
	before := runtime.NumGoroutine()

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var conns connCounter
	// A fixedService keeps no state: a Mock records every call, which would
	// grow without bound under load.
	srv := &http.Server{Handler: eksauthmock.NewHandler(fixedService{out: sampleOutput()}), ReadHeaderTimeout: 10 * time.Second, ConnState: conns.track}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	url := "http://" + ln.Addr().String() + mockPath("load-cluster")

	res := runLoad(t, cfg, url)

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		t.Errorf("shutdown: %v", err)
	}
	if err := <-served; err != http.ErrServerClosed {
		t.Errorf("Serve returned %v", err)
	}

	if res.errors > 0 {
		t.Errorf("%d unexpected errors of %d requests; first: %v", res.errors, res.requests, res.firstErr)
	}
	if res.requests == 0 {
		t.Fatal("no request completed")
	}
	if peak := conns.peakOpen(); peak < cfg.conns {
		t.Errorf("only %d connections were open at once, want %d", peak, cfg.conns)
	}
	const heapSlack = 64 << 20
	if res.heapEnd > 2*res.heapMid+heapSlack {
		t.Errorf("heap grew from %d bytes midway to %d at the end", res.heapMid, res.heapEnd)
	}
	t.Logf("%d connections for %v: %d requests, %.0f requests/s, p50 %v, p99 %v, max %v; heap midway %d KiB, at the end %d KiB",
		cfg.conns, cfg.duration, res.requests, float64(res.requests)/cfg.duration.Seconds(),
		res.p50, res.p99, res.max, res.heapMid>>10, res.heapEnd>>10)

	if after, ok := settleGoroutines(before, 10*time.Second); !ok {
		buf := make([]byte, 1<<20)
		n := runtime.Stack(buf, true)
		t.Errorf("goroutine leak: %d before, %d after shutdown\n%s", before, after, buf[:n])
	}
}

// loadResult is what runLoad measured.
type loadResult struct {
	requests, errors int
	firstErr         error
	p50, p99, max    time.Duration
	heapMid, heapEnd uint64
}

// runLoad runs cfg.conns workers posting to url until cfg.duration has
// passed, each with its own http.Transport (and so its own connection).
func runLoad(t *testing.T, cfg loadConfig, url string) loadResult {
	t.Helper()
	const body = `{"token":"eyJhbGciOiJSUzI1NiJ9.e30.c2ln"}`
	var (
		mu        sync.Mutex
		res       loadResult
		latencies []time.Duration
		wg        sync.WaitGroup
	)
	stop := make(chan struct{})
	transports := make([]*http.Transport, cfg.conns)
	for i := range cfg.conns {
		tr := &http.Transport{MaxIdleConnsPerHost: 1, MaxConnsPerHost: 1, DisableCompression: true}
		transports[i] = tr
		client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
		wg.Add(1)
		go func() {
			defer wg.Done()
			var local []time.Duration
			var errs int
			var first error
			for {
				select {
				case <-stop:
					mu.Lock()
					latencies = append(latencies, local...)
					res.requests += len(local)
					res.errors += errs
					if res.firstErr == nil {
						res.firstErr = first
					}
					mu.Unlock()
					return
				default:
				}
				start := time.Now()
				if err := loadCall(client, url, body); err != nil {
					errs++
					if first == nil {
						first = err
					}
				}
				local = append(local, time.Since(start))
			}
		}()
	}
	deadline := time.After(cfg.duration)
	mid := time.After(cfg.duration / 2)
	for done := false; !done; {
		select {
		case <-mid:
			res.heapMid = heapInUse()
		case <-deadline:
			done = true
		}
	}
	res.heapEnd = heapInUse()
	close(stop)
	wg.Wait()
	for _, tr := range transports {
		tr.CloseIdleConnections()
	}
	slices.Sort(latencies)
	if n := len(latencies); n > 0 {
		res.p50 = latencies[n/2]
		res.p99 = latencies[min(n-1, n*99/100)]
		res.max = latencies[n-1]
	}
	return res
}

// loadCall makes one AssumeRoleForPodIdentity call and checks its answer.
func loadCall(client *http.Client, url, body string) error {
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(b), `"accessKeyId":"ASIAEXAMPLE"`) {
		return fmt.Errorf("status %d, body %.200s", resp.StatusCode, b)
	}
	return nil
}

// heapInUse returns the live heap after a garbage collection.
func heapInUse() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapInuse
}

// settleGoroutines waits up to timeout for the goroutine count to come back
// to at most before, plus a slack for goroutines of other tests that come
// and go (a leak of this test would be hundreds: one or two per connection).
func settleGoroutines(before int, timeout time.Duration) (int, bool) {
	const slack = 10
	deadline := time.Now().Add(timeout)
	for {
		n := runtime.NumGoroutine()
		if n <= before+slack {
			return n, true
		}
		if time.Now().After(deadline) {
			return n, false
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// connCounter counts the server's open connections and their peak.
type connCounter struct {
	mu         sync.Mutex
	open, peak int
}

// track is an http.Server ConnState hook.
func (c *connCounter) track(_ net.Conn, st http.ConnState) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch st {
	case http.StateNew:
		c.open++
		c.peak = max(c.peak, c.open)
	case http.StateClosed, http.StateHijacked:
		c.open--
	}
}

// peakOpen returns the most connections that were open at once.
func (c *connCounter) peakOpen() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.peak
}
