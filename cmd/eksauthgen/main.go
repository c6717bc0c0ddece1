// Command eksauthgen generates a Go client, types, validators and a mock
// server from a Smithy 2.0 JSON AST model (by default the Amazon EKS Auth
// model that ships with it).
//
// Usage:
//
//	eksauthgen [generate] [-model FILE] [-service ID] [-out DIR] [-pkg NAME] [-import-path PATH] [-check]
//	eksauthgen diff [-service ID] [-json] [-fail-on-breaking] OLD.json NEW.json
//
// Run "eksauthgen -h" for the flags. The exit status is 0 on success, 1 when
// generation fails or -check finds differences, and 2 for usage errors.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
