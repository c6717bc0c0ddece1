package generated_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/eksauthgen/eksauthgen/generated/eksauth/eksauthmock"
)

// benchRequestBody is the body of the benchmarked calls: a token of a
// realistic size (a projected service-account token is about 1 KiB).
var benchRequestBody = []byte(`{"token":"eyJhbGciOiJSUzI1NiIsImtpZCI6IjEyMyJ9.` + string(bytes.Repeat([]byte("eyJhdWQiOlsicG9kcy5la3MuYW1hem9uYXdzLmNvbSJdfQ"), 16)) + `.c2lnbmF0dXJl"}`)

// shortTokenBody is a request with a tiny token, which shows the handler's
// cost apart from validating the token's pattern.
var shortTokenBody = []byte(`{"token":"h.p.s"}`)

// cannedResponse returns the exact bytes the mock answers a benchmarked
// call with, for the baseline handler to write.
func cannedResponse(b *testing.B, h http.Handler) []byte {
	b.Helper()
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodPost, mockPath("my-cluster"), bytes.NewReader(benchRequestBody))
	req.Header.Set("Content-Type", "application/json")
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		b.Fatalf("mock answered %d: %s", rec.Code, rec.Body)
	}
	return rec.Body.Bytes()
}

// baselineHandler is the smallest net/http JSON handler giving the same
// answer: it reads the body and writes the canned bytes.
func baselineHandler(body []byte) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := io.Copy(io.Discard, r.Body); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(body)
	})
}

// benchClient is the load generator's shared client, with enough idle
// connections for every parallel worker.
func benchClient() *http.Client {
	return &http.Client{Transport: &http.Transport{MaxIdleConns: 256, MaxIdleConnsPerHost: 256}}
}

// benchLoad calls url from parallel workers b.N times in all, checking each
// answer, and reports the requests per second.
func benchLoad(b *testing.B, url string, body []byte, wantLen int) {
	b.Helper()
	client := benchClient()
	defer client.CloseIdleConnections()
	b.SetParallelism(8) // 8 workers per CPU
	b.SetBytes(int64(len(body) + wantLen))
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if err := benchCall(client, url, body, wantLen); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
}

// BenchmarkMockThroughput serves AssumeRoleForPodIdentity on loopback with
// a minimal net/http handler and with the generated mock handler, under
// the same load generator, and reports each one's requests per second.
// "interleaved" alternates short phases of load against the two servers,
// so that noise from other processes on the machine hits both alike, and
// reports the mock's share of the baseline ("of-baseline", target >= 0.7);
// "interleaved-short-token" does the same with a 5-byte token:
//
//	go test -run '^$' -bench MockThroughput -benchtime 3s ./generated/
func BenchmarkMockThroughput(b *testing.B) {
	mock := eksauthmock.NewHandler(fixedService{out: sampleOutput()})
	canned := cannedResponse(b, mock)
	base := httptest.NewServer(baselineHandler(canned))
	defer base.Close()
	srv := httptest.NewServer(mock)
	defer srv.Close()
	recording := httptest.NewServer(eksauthmock.NewHandler(&eksauthmock.Mock{
		AssumeRoleForPodIdentityFunc: fixedService{out: sampleOutput()}.AssumeRoleForPodIdentity,
	}))
	defer recording.Close()
	for _, tc := range []struct{ name, url string }{
		{"nethttp", base.URL},
		{"eksauthmock", srv.URL},
		{"eksauthmock-Mock", recording.URL}, // the Mock records every call
	} {
		b.Run(tc.name, func(b *testing.B) { benchLoad(b, tc.url+mockPath("my-cluster"), benchRequestBody, len(canned)) })
	}
	urls := [2]string{base.URL + mockPath("my-cluster"), srv.URL + mockPath("my-cluster")}
	b.Run("interleaved", func(b *testing.B) { benchInterleaved(b, urls, benchRequestBody, len(canned)) })
	b.Run("interleaved-short-token", func(b *testing.B) { benchInterleaved(b, urls, shortTokenBody, len(canned)) })
}

// interleavePhase is the number of requests of one phase of
// benchInterleaved.
const interleavePhase = 256

// benchInterleaved sends b.N requests in rounds of two equal phases, one
// against the baseline urls[0] and one against the mock urls[1] (their
// order alternating from round to round), timing each phase. It reports
// both servers' requests per second over the whole run, and the median
// over rounds of the mock's share of the baseline: neighbouring phases
// share the machine's load, so the median resists noise from other
// processes.
func benchInterleaved(b *testing.B, urls [2]string, body []byte, wantLen int) {
	client := benchClient()
	defer client.CloseIdleConnections()
	workers := 8 * runtime.GOMAXPROCS(0)
	var (
		total  [2]time.Duration
		sent   int // per server
		ratios []float64
	)
	b.ReportAllocs()
	b.ResetTimer()
	for round := 0; b.N-2*sent >= 2; round++ {
		n := min(interleavePhase, (b.N-2*sent)/2)
		var took [2]time.Duration
		for k := range 2 {
			i := (k + round) % 2 // baseline first in even rounds
			start := time.Now()
			if err := burst(client, urls[i], body, n, workers, wantLen); err != nil {
				b.Fatal(err)
			}
			took[i] = time.Since(start)
		}
		total[0] += took[0]
		total[1] += took[1]
		sent += n
		ratios = append(ratios, took[0].Seconds()/took[1].Seconds())
	}
	b.StopTimer()
	if len(ratios) == 0 {
		return // b.N too small for a round
	}
	slices.Sort(ratios)
	b.ReportMetric(float64(sent)/total[0].Seconds(), "nethttp-req/s")
	b.ReportMetric(float64(sent)/total[1].Seconds(), "mock-req/s")
	b.ReportMetric(ratios[len(ratios)/2], "of-baseline")
}

// burst sends n requests to url from workers goroutines and checks every
// answer.
func burst(client *http.Client, url string, body []byte, n, workers, wantLen int) error {
	var (
		next atomic.Int64
		wg   sync.WaitGroup
		mu   sync.Mutex
		fail error
	)
	for range workers {
		wg.Go(func() {
			for next.Add(1) <= int64(n) {
				if err := benchCall(client, url, body, wantLen); err != nil {
					mu.Lock()
					fail = err
					mu.Unlock()
					return
				}
			}
		})
	}
	wg.Wait()
	return fail
}

// benchCall sends one benchmarked request and checks the answer's status and
// length.
func benchCall(client *http.Client, url string, body []byte, wantLen int) error {
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	n, err := io.Copy(io.Discard, resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK || int(n) != wantLen {
		return fmt.Errorf("status %d, %d bytes, %v", resp.StatusCode, n, err)
	}
	return nil
}
