// Package ampmock tests the amp mock server that eksauthgen generates from
// ../shared/aws-models/amp (github.com/eksauthgen/eksauthgen/interop/amp/ampmock)
// with a client nobody here wrote: the AWS SDK for Go v2's own amp client.
// Its tests cover labels, query parameters, JSON bodies, blobs, idempotency
// tokens, SigV4, modeled errors, the mock's validation failures and
// injected faults with the SDK retrying. `make interop` generates the mock
// and runs them.
package ampmock
