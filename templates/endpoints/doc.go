// Package endpoints is the runtime of the endpoint rules that eksauthgen
// compiles into Go: the functions of the Smithy rules-engine standard library
// and its AWS extensions (aws.partition, aws.parseArn, parseURL, substring,
// uriEncode, isValidHostLabel, aws.isVirtualHostableS3Bucket) and the AWS
// partition table.
//
// The generator copies this package into the generated module as
// internal/endpoints; the generated resolver calls it from straight Go code.
package endpoints
