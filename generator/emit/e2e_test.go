package emit

import "testing"

// TestGeneratedCode writes the files emitted for testModel into a temporary
// directory inside the module, then vets the packages and runs
// testdata/e2e_test.go.txt inside the generated package: required-only and
// full validation, typed errors and sensitive redaction.
func TestGeneratedCode(t *testing.T) {
	p := NewTempPackage(t, "e2e", "things")
	files, err := Emit(testModel(), testConfig(p.ImportPath))
	if err != nil {
		t.Fatal(err)
	}
	p.Write(t, files)
	p.AddTest(t, "testdata/e2e_test.go.txt", "e2e_test.go")
	importPath := p.ImportPath
	pkgs := []string{importPath, importPath + "/types", importPath + "/document",
		importPath + "/internal/validation", importPath + "/internal/sensitive"}
	p.Go(t, nil, append([]string{"vet"}, pkgs...)...)
	p.Go(t, nil, "test", "-count=1", importPath)
}
