// Package prototest holds the helpers of the protocol tests that eksauthgen
// generates from a model's smithy.test traits: building values (Ptr,
// BigInt, BigFloat), comparing decoded values (Equal), checking a captured
// HTTP request (query, headers, body) and a fake HTTP client that records
// the request and answers with a canned response (Client). Only generated
// _test.go files import it.
package prototest

import "math/big"

// Ptr returns a pointer to v.
func Ptr[T any](v T) *T { return &v }

// BigInt returns the integer written in base 10 in s, or nil when s is not
// one.
func BigInt(s string) *big.Int {
	v, ok := new(big.Int).SetString(s, 10)
	if !ok {
		return nil
	}
	return v
}

// BigFloat returns the decimal number written in s, or nil when s is not
// one.
func BigFloat(s string) *big.Float {
	v, ok := new(big.Float).SetString(s)
	if !ok {
		return nil
	}
	return v
}
