package rules

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"
	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// sharedDir is ../shared from the project root.
var sharedDir = filepath.Join("..", "..", "..", "..", "shared")

// conformancePkg is one generated package of the conformance run.
type conformancePkg struct {
	name      string  // package directory and name
	ruleSet   ir.Node //
	tests     *ir.Node
	partition []byte // custom partitions.json; nil for the built-in table
}

// TestConformance compiles the rule sets of ../shared/endpoint-rules-tests
// and the EKS Auth rule set into packages under testdata/tmp-*, with their
// test cases and a copy of templates/endpoints, then runs go vet and go test
// there and counts the passing cases.
func TestConformance(t *testing.T) {
	rulesDir := filepath.Join(sharedDir, "endpoint-rules-tests")
	if _, err := os.Stat(rulesDir); err != nil {
		t.Skip("../shared/endpoint-rules-tests not available")
	}
	if testing.Short() {
		t.Skip("builds and runs generated packages; skipped with -short")
	}
	partitions, err := os.ReadFile(filepath.Join(rulesDir, "partitions.aws-c-sdkutils-tests.json"))
	if err != nil {
		t.Fatal(err)
	}
	var pkgs []conformancePkg
	files, _ := filepath.Glob(filepath.Join(rulesDir, "valid-rules", "*.json"))
	for _, file := range files {
		base := strings.TrimSuffix(filepath.Base(file), ".json")
		pkg := conformancePkg{name: "r" + strings.NewReplacer("-", "", "_", "").Replace(base), partition: partitions}
		pkg.ruleSet = parseNode(t, readFile(t, file))
		testName := base
		if base == "region-override" {
			testName = "local-region-override"
		}
		if data, err := os.ReadFile(filepath.Join(rulesDir, "test-cases", testName+".json")); err == nil {
			n := parseNode(t, data)
			pkg.tests = &n
		}
		pkgs = append(pkgs, pkg)
	}
	if rs, tests, ok := eksAuthRules(t); ok {
		pkgs = append(pkgs, conformancePkg{name: "eksauth", ruleSet: rs, tests: &tests})
	}

	if err := os.MkdirAll("testdata", 0o755); err != nil {
		t.Fatal(err)
	}
	dir, err := os.MkdirTemp("testdata", "tmp-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		os.RemoveAll(dir)
		os.Remove("testdata") // only when empty
	})
	base := "github.com/eksauthgen/eksauthgen/generator/emit/rules/" + filepath.ToSlash(dir)
	copyRuntime(t, filepath.Join("..", "..", "..", "templates", "endpoints"), filepath.Join(dir, "internal", "endpoints"))
	cfg := Config{RuntimePath: base + "/internal/endpoints"}

	var paths []string
	for _, p := range pkgs {
		pdir := filepath.Join(dir, p.name)
		if err := os.MkdirAll(pdir, 0o755); err != nil {
			t.Fatal(err)
		}
		c := cfg
		c.Shape = ir.ShapeID("test#" + p.name)
		f := jen.NewFilePathName(base+"/"+p.name, p.name)
		if err := Generate(f, p.ruleSet, c); err != nil {
			t.Fatalf("%s: Generate: %v", p.name, err)
		}
		writeFile(t, filepath.Join(pdir, "endpoints.go"), f)
		if p.partition != nil {
			c.TestResolver = "newTestResolver"
			h := jen.NewFilePathName(base+"/"+p.name, p.name)
			h.Func().Id("newTestResolver").Params().Id("EndpointResolverV2").Block(
				jen.List(jen.Id("p"), jen.Err()).Op(":=").Qual(cfg.RuntimePath, "ParsePartitions").Call(jen.Index().Byte().Call(jen.Lit(string(p.partition)))),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Panic(jen.Err())),
				jen.Return(jen.Op("&").Id("resolver").Values(jen.Dict{jen.Id("partitions"): jen.Id("p")})),
			)
			writeFile(t, filepath.Join(pdir, "resolver_test.go"), h)
		}
		if p.tests != nil {
			tf := jen.NewFilePathName(base+"/"+p.name, p.name)
			if err := GenerateTests(tf, p.ruleSet, *p.tests, c); err != nil {
				t.Fatalf("%s: GenerateTests: %v", p.name, err)
			}
			writeFile(t, filepath.Join(pdir, "endpoints_test.go"), tf)
		}
		paths = append(paths, "./"+filepath.ToSlash(filepath.Join(dir, p.name)))
	}

	if out, err := exec.Command("go", append([]string{"vet"}, paths...)...).CombinedOutput(); err != nil {
		t.Fatalf("go vet: %v\n%s", err, out)
	}
	out, err := exec.Command("go", append([]string{"test", "-count=1", "-json"}, paths...)...).Output()
	passed, failed, byPkg := countCases(out)
	t.Logf("endpoint rule cases: %d/%d passing", passed, passed+failed)
	for _, line := range byPkg {
		t.Log(line)
	}
	if err != nil || failed > 0 {
		t.Errorf("go test: %v (%d failing)\n%s", err, failed, testOutput(out))
	}
	if passed == 0 {
		t.Error("no endpoint test case ran")
	}
}

// eksAuthRules reads the EKS Auth service's endpointRuleSet and
// endpointTests trait values from the published model in ../shared.
func eksAuthRules(t *testing.T) (ruleSet, tests ir.Node, ok bool) {
	data, err := os.ReadFile(filepath.Join(sharedDir, "aws-models", "eks-auth", "service", "2023-11-26", "eks-auth-2023-11-26.json"))
	if err != nil {
		t.Log("EKS Auth model not available; skipping its rule set")
		return ir.Node{}, ir.Node{}, false
	}
	model := parseNode(t, data)
	shapes, _ := model.Get("shapes")
	svc, _ := shapes.Get("com.amazonaws.eksauth#EKSAuthFrontend")
	traits, _ := svc.Get("traits")
	ruleSet, ok1 := traits.Get(string(ir.TraitEndpointRuleSet))
	tests, ok2 := traits.Get(string(ir.TraitEndpointTests))
	if !ok1 || !ok2 {
		t.Fatal("EKS Auth model: endpoint traits not found")
	}
	if n := len(mustGet(tests, "testCases").Items); n != 10 {
		t.Errorf("EKS Auth has %d endpoint tests, want 10", n)
	}
	return ruleSet, tests, true
}

func mustGet(n ir.Node, key string) ir.Node {
	v, _ := n.Get(key)
	return v
}

// countCases counts passing and failing subtests in go test -json output.
func countCases(out []byte) (passed, failed int, byPkg []string) {
	type event struct{ Action, Package, Test string }
	counts := map[string][2]int{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var e event
		if json.Unmarshal(sc.Bytes(), &e) != nil || !strings.Contains(e.Test, "/") {
			continue
		}
		c := counts[e.Package]
		switch e.Action {
		case "pass":
			passed++
			c[0]++
		case "fail":
			failed++
			c[1]++
		}
		counts[e.Package] = c
	}
	for pkg, c := range counts {
		byPkg = append(byPkg, fmt.Sprintf("  %s: %d/%d", filepath.Base(pkg), c[0], c[0]+c[1]))
	}
	sort.Strings(byPkg)
	return passed, failed, byPkg
}

// testOutput returns the text output of go test -json.
func testOutput(out []byte) string {
	var b strings.Builder
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var e struct{ Output string }
		if json.Unmarshal(sc.Bytes(), &e) == nil {
			b.WriteString(e.Output)
		}
	}
	return b.String()
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// writeFile renders f into name.
func writeFile(t *testing.T, name string, f *jen.File) {
	t.Helper()
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		t.Fatalf("%s: render: %v", name, err)
	}
	if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// copyRuntime copies the runtime package's non-test Go files.
func copyRuntime(t *testing.T, from, to string) {
	t.Helper()
	if err := os.MkdirAll(to, 0o755); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(from, "*.go"))
	n := 0
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		if err := os.WriteFile(filepath.Join(to, filepath.Base(file)), readFile(t, file), 0o644); err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n == 0 {
		t.Fatal("runtime package not found at " + from)
	}
}
