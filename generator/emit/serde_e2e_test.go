package emit_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/eksauthgen/eksauthgen/generator"
	"github.com/eksauthgen/eksauthgen/generator/emit"
)

// TestSerdeGeneratedCode generates testdata/serde_model.json (every type
// kind, every HTTP binding) into a temporary directory inside the module,
// vets it and runs testdata/serde_e2e_test.go.txt in the generated package:
// codec round trips, nulls, unions, documents, decode errors with paths,
// request serialization and response and error deserialization.
func TestSerdeGeneratedCode(t *testing.T) {
	model, err := os.ReadFile("testdata/serde_model.json")
	if err != nil {
		t.Fatal(err)
	}
	runGenerated(t, model, "kitchens", "testdata/serde_e2e_test.go.txt", nil)
}

// TestSerdeEKSAuthSnapshots generates the EKS Auth model and checks its
// serializer and deserializers against the AWS SDK's wire snapshots in
// ../shared/sdk-v2-snapshots (testdata/serde_eksauth_test.go.txt).
func TestSerdeEKSAuthSnapshots(t *testing.T) {
	shared := os.Getenv("EKSAUTHGEN_SHARED")
	if shared == "" {
		shared = filepath.Join("..", "..", "..", "shared")
	}
	snaps, err := filepath.Abs(filepath.Join(shared, "sdk-v2-snapshots"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(snaps); err != nil {
		t.Skip("no ../shared/sdk-v2-snapshots: reference data absent")
	}
	model, err := os.ReadFile(filepath.Join("..", "..", "models", "eks-auth-2023-11-26.json"))
	if err != nil {
		t.Fatal(err)
	}
	runGenerated(t, model, "eksauth", "testdata/serde_eksauth_test.go.txt", []string{"EKSAUTHGEN_SNAPSHOTS=" + snaps})
}

// runGenerated writes the files generated from model as package pkg in a
// temporary directory inside the module, adds the test file testFile (its
// "example.invalid/<pkg>" imports rewritten), then vets the output and runs
// the test with the extra environment env.
func runGenerated(t *testing.T, model []byte, pkg, testFile string, env []string) {
	t.Helper()
	p, pkgs := writeGenerated(t, model, pkg)
	p.AddTest(t, testFile, "serde_e2e_test.go")
	p.Go(t, env, append([]string{"vet"}, pkgs...)...)
	p.Go(t, env, "test", "-count=1", p.ImportPath)
}

// writeGenerated writes the files generated from model as package pkg in a
// temporary package directory inside the module (see emit.NewTempPackage)
// and returns it and the import paths of every generated package, sorted.
func writeGenerated(t *testing.T, model []byte, pkg string) (*emit.TempPackage, []string) {
	t.Helper()
	p := emit.NewTempPackage(t, "serde", pkg)
	files, err := generator.Generate(model, generator.Options{Filename: pkg + ".json", ImportPath: p.ImportPath, Package: pkg})
	if err != nil {
		t.Fatal(err)
	}
	return p, p.Write(t, files)
}
