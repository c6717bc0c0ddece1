package generator_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// The published models of ../shared/aws-models are generated, compiled,
// vetted and tested by internal/cmd/corpus ("make corpus", and the CI
// subset "make corpus-ci"), not by go test: that takes minutes. The helpers
// here give the generator's own tests access to the reference data.

// sharedDir returns the reference data directory: $EKSAUTHGEN_SHARED, else
// ../shared beside the project. It skips the test when that is absent.
func sharedDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("EKSAUTHGEN_SHARED")
	if dir == "" {
		dir = filepath.Join(moduleRoot(t), "..", "shared")
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("reference data %s is absent", dir)
	}
	return dir
}

// readShared reads a file below the reference data directory, skipping the
// test when it is absent.
func readShared(t *testing.T, rel string) []byte {
	t.Helper()
	name := filepath.Join(sharedDir(t), filepath.FromSlash(rel))
	data, err := os.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s is absent", name)
	}
	if err != nil {
		t.Fatal(err)
	}
	return data
}
