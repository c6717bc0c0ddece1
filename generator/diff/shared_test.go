package diff_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/eksauthgen/eksauthgen/generator/diff"
)

// sharedModels returns the published models in the reference data:
// $EKSAUTHGEN_SHARED, else ../shared beside the project. It skips the test
// when they are absent.
func sharedModels(t *testing.T) []string {
	t.Helper()
	dir := os.Getenv("EKSAUTHGEN_SHARED")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared")
	}
	files, err := filepath.Glob(filepath.Join(dir, "aws-models", "*", "service", "*", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Skipf("reference models under %s are absent", dir)
	}
	return files
}

// TestSharedModelsUnchanged compares every published model with itself,
// each parsed twice: any change reported is a false positive (-short: the
// first five models).
func TestSharedModelsUnchanged(t *testing.T) {
	files := sharedModels(t)
	if testing.Short() && len(files) > 5 {
		files = files[:5]
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			old, err := diff.Load(src, file, "")
			if err != nil {
				t.Fatal(err)
			}
			new, err := diff.Load(src, file, "")
			if err != nil {
				t.Fatal(err)
			}
			if cs := diff.Compare(old, new); len(cs) != 0 {
				t.Errorf("%d changes between a model and itself, first: %+v", len(cs), cs[0])
			}
		})
	}
}
