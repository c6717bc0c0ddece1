// Package ampbench compares the client-side cost of one call of the amp
// client that eksauthgen generates (interop/amp) with the AWS SDK for Go v2's
// own amp client, against the same loopback server, credentials and region,
// and against two floors: a bare net/http round trip with the same request
// and response bytes, and the same round trip plus SigV4 signing with
// v4.Signer. Every variant runs against two loopback servers answering the
// same bytes: a lean HTTP/1.1 server that allocates nothing per request (the
// client's side of a call) and an httptest.Server (the client plus a
// net/http server). Its tests check first that both clients send equivalent
// requests and decode the same outputs, against both servers, so that the
// benchmarks compare like with like.
//
// Run the benchmarks (after `make interop` has generated ../amp) with
//
//	go test -run '^$' -bench . -benchmem -count 5 ./ampbench
//
// from the interop module; BENCHMARKS.md at the repository root records the
// results.
package ampbench
