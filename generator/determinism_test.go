package generator_test

import (
	"crypto/sha256"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/eksauthgen/eksauthgen/generator"
	"github.com/eksauthgen/eksauthgen/models"
)

// determinismGoldens are the golden cases whose models the determinism test
// also generates: ones with unions, documents, HTTP bindings and several
// services.
var determinismGoldens = []string{"documents", "unions", "http-bindings", "multi-service", "name-collisions"}

// determinismInput is one model the determinism test generates.
type determinismInput struct {
	name  string
	model []byte
	opts  generator.Options
}

// determinismInputs returns EKS Auth, the determinismGoldens cases and, when
// ../shared is present, the published amp model.
func determinismInputs(t *testing.T) []determinismInput {
	t.Helper()
	in := []determinismInput{{
		name:  "eks-auth",
		model: models.EKSAuth,
		opts:  generator.Options{Filename: models.EKSAuthFile, ImportPath: "example.com/det/eksauth"},
	}}
	for _, c := range loadGoldenCases(t) {
		if slices.Contains(determinismGoldens, c.name) {
			in = append(in, determinismInput{name: c.name, model: c.model, opts: generator.Options{
				Filename: modelEntry, Service: c.config.Service, Package: c.config.Pkg, ImportPath: c.importPath(),
			}})
		}
	}
	if len(in) != 1+len(determinismGoldens) {
		t.Fatalf("found %d of the golden cases %v", len(in)-1, determinismGoldens)
	}
	return in
}

// digest renders a generation's outcome as one line per file with the
// SHA-256 of its content, or the error text.
func digest(files []generator.File, err error) string {
	if err != nil {
		return "error: " + err.Error()
	}
	var b strings.Builder
	for _, f := range files {
		fmt.Fprintf(&b, "%s %x %s\n", f.Path, sha256.Sum256(f.Content), f.Template)
	}
	return b.String()
}

// TestOutputIsDeterministic generates each model under GOMAXPROCS 1, 2 and
// 8, twice each, and then all models at once from concurrent goroutines,
// and requires byte-identical files in the same order every time.
func TestOutputIsDeterministic(t *testing.T) {
	inputs := determinismInputs(t)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	want := make([]string, len(inputs))
	for i, in := range inputs {
		want[i] = digest(generator.Generate(in.model, in.opts))
		if strings.HasPrefix(want[i], "error: ") {
			t.Fatalf("%s: %s", in.name, want[i])
		}
	}
	for _, procs := range []int{1, 2, 8} {
		runtime.GOMAXPROCS(procs)
		for run := range 2 {
			for i, in := range inputs {
				if got := digest(generator.Generate(in.model, in.opts)); got != want[i] {
					t.Errorf("%s: GOMAXPROCS=%d run %d: output differs from the first run:\n%s", in.name, procs, run+1, lineDiff(want[i], got))
				}
			}
		}
	}
	runtime.GOMAXPROCS(8)
	got := make([]string, len(inputs))
	var wg sync.WaitGroup
	for i, in := range inputs {
		wg.Go(func() { got[i] = digest(generator.Generate(in.model, in.opts)) })
	}
	wg.Wait()
	for i, in := range inputs {
		if got[i] != want[i] {
			t.Errorf("%s: generated concurrently with other models: output differs:\n%s", in.name, lineDiff(want[i], got[i]))
		}
	}
}

// lineDiff lists the lines of want missing from got and of got missing from
// want (order changes show as both).
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		wl, gl := "", ""
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "\t-%s\n\t+%s\n", wl, gl)
		}
	}
	return b.String()
}
