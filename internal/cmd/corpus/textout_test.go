package main

import (
	"reflect"
	"testing"
)

func TestTextErrors(t *testing.T) {
	dirs := []string{"amp", "eks-auth", "connect"}
	out := "# corpus.example/amp/types\n" +
		"amp/types/types.go:3:2: undefined: Foo\n" +
		"amp/types/types.go:4:2: second problem\n" +
		"# corpus.example/eks-auth [corpus.example/eks-auth.test]\n" +
		"vet: eks-auth/endpoints_test.go:10:1: unreachable code\n" +
		"./connect/api.go:1:1: from a path\n" +
		"go: something global went wrong\n"
	first, rest := textErrors([]byte(out), "corpus.example", dirs)
	want := map[string]string{
		"amp":      "amp/types/types.go:3:2: undefined: Foo",
		"eks-auth": "eks-auth/endpoints_test.go:10:1: unreachable code",
		"connect":  "./connect/api.go:1:1: from a path",
	}
	if !reflect.DeepEqual(first, want) {
		t.Errorf("first = %v, want %v", first, want)
	}
	// The last line comes under the eks-auth header: attributed there, but
	// eks-auth already has its first error.
	if len(rest) != 0 {
		t.Errorf("rest = %q, want none", rest)
	}
	_, rest = textErrors([]byte("go: updates to go.mod needed\n"), "corpus.example", dirs)
	if !reflect.DeepEqual(rest, []string{"go: updates to go.mod needed"}) {
		t.Errorf("unattributed: rest = %q", rest)
	}
}

func TestDirOfPackage(t *testing.T) {
	for in, want := range map[string]string{
		"corpus.example/eks-auth":                                     "eks-auth",
		"corpus.example/eks-auth/eksauthmock":                         "eks-auth",
		"corpus.example/eks-auth_test [corpus.example/eks-auth.test]": "eks-auth",
		"example.com/other":                                           "",
		"corpus.example":                                              "",
	} {
		if got := dirOfPackage(in, "corpus.example"); got != want {
			t.Errorf("dirOfPackage(%q) = %q, want %q", in, got, want)
		}
	}
}
