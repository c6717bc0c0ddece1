package main

import (
	"strings"
	"testing"
)

func TestParseTestJSON(t *testing.T) {
	const mod = "corpus.example/"
	tests := []struct {
		name string
		in   []string // JSON lines
		want []pkgOutcome
	}{
		{
			name: "passing package",
			in: []string{
				`{"Action":"start","Package":"corpus.example/a"}`,
				`{"Action":"run","Package":"corpus.example/a","Test":"TestEndpointRules"}`,
				`{"Action":"output","Package":"corpus.example/a","Test":"TestEndpointRules","Output":"=== RUN   TestEndpointRules\n"}`,
				`{"Action":"pass","Package":"corpus.example/a","Test":"TestEndpointRules"}`,
				`{"Action":"output","Package":"corpus.example/a","Output":"ok  \tcorpus.example/a\t0.01s\n"}`,
				`{"Action":"pass","Package":"corpus.example/a"}`,
			},
			want: []pkgOutcome{{Package: mod + "a"}},
		},
		{
			name: "failing subtest reports its first message",
			in: []string{
				`{"Action":"run","Package":"corpus.example/b","Test":"TestEndpointRules"}`,
				`{"Action":"run","Package":"corpus.example/b","Test":"TestEndpointRules/case3"}`,
				`{"Action":"output","Package":"corpus.example/b","Test":"TestEndpointRules/case3","Output":"=== RUN   TestEndpointRules/case3\n"}`,
				`{"Action":"output","Package":"corpus.example/b","Test":"TestEndpointRules/case3","Output":"    endpoints_test.go:40: iso: expect URL https://x, got https://y\n"}`,
				`{"Action":"output","Package":"corpus.example/b","Test":"TestEndpointRules/case3","Output":"    endpoints_test.go:41: second\n"}`,
				`{"Action":"output","Package":"corpus.example/b","Test":"TestEndpointRules/case3","Output":"--- FAIL: TestEndpointRules/case3 (0.00s)\n"}`,
				`{"Action":"fail","Package":"corpus.example/b","Test":"TestEndpointRules/case3"}`,
				`{"Action":"output","Package":"corpus.example/b","Test":"TestEndpointRules","Output":"--- FAIL: TestEndpointRules (0.00s)\n"}`,
				`{"Action":"fail","Package":"corpus.example/b","Test":"TestEndpointRules"}`,
				`{"Action":"output","Package":"corpus.example/b","Output":"FAIL\n"}`,
				`{"Action":"fail","Package":"corpus.example/b"}`,
			},
			want: []pkgOutcome{{Package: mod + "b", Failed: true, Err: "TestEndpointRules/case3: endpoints_test.go:40: iso: expect URL https://x, got https://y"}},
		},
		{
			name: "build failure of the test variant",
			in: []string{
				`{"ImportPath":"corpus.example/c [corpus.example/c.test]","Action":"build-output","Output":"# corpus.example/c [corpus.example/c.test]\n"}`,
				`{"ImportPath":"corpus.example/c [corpus.example/c.test]","Action":"build-output","Output":"c/endpoints_test.go:9:2: undefined: x\n"}`,
				`{"ImportPath":"corpus.example/c [corpus.example/c.test]","Action":"build-fail"}`,
				`{"Action":"start","Package":"corpus.example/c"}`,
				`{"Action":"output","Package":"corpus.example/c","Output":"FAIL\tcorpus.example/c [build failed]\n"}`,
				`{"Action":"fail","Package":"corpus.example/c","FailedBuild":"corpus.example/c [corpus.example/c.test]"}`,
			},
			want: []pkgOutcome{{Package: mod + "c", Failed: true, Err: "c/endpoints_test.go:9:2: undefined: x"}},
		},
		{
			name: "panic outside a test, noise and packages without tests",
			in: []string{
				`not json`,
				`{"Action":"output","Package":"corpus.example/d/types","Output":"?   \tcorpus.example/d/types\t[no test files]\n"}`,
				`{"Action":"skip","Package":"corpus.example/d/types"}`,
				`{"Action":"output","Package":"corpus.example/d","Output":"panic: boom\n"}`,
				`{"Action":"fail","Package":"corpus.example/d"}`,
			},
			want: []pkgOutcome{{Package: mod + "d/types"}, {Package: mod + "d", Failed: true, Err: "panic: boom"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := parseTestJSON([]byte(strings.Join(tt.in, "\n") + "\n"))
			if len(got) != len(tt.want) {
				t.Fatalf("got %d packages %+v, want %+v", len(got), got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("package %d: got %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestBuildPackage(t *testing.T) {
	for in, want := range map[string]string{
		"corpus.example/a":                                 "corpus.example/a",
		"corpus.example/a [corpus.example/a.test]":         "corpus.example/a",
		"corpus.example/a_test [corpus.example/a.test]":    "corpus.example/a",
		"corpus.example/a/types [corpus.example/a/t.test]": "corpus.example/a/types",
	} {
		if got := buildPackage(in); got != want {
			t.Errorf("buildPackage(%q) = %q, want %q", in, got, want)
		}
	}
}
