package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
)

// deriveImportPath returns the import path of directory out: the module path
// of the nearest go.mod at or above it, joined with out's path relative to
// that go.mod's directory. out need not exist yet.
func deriveImportPath(out string) (string, error) {
	abs, err := filepath.Abs(out)
	if err != nil {
		return "", err
	}
	for dir := abs; ; {
		gomod := filepath.Join(dir, "go.mod")
		data, err := os.ReadFile(gomod)
		switch {
		case err == nil:
			return importPathIn(gomod, data, dir, abs)
		case !errors.Is(err, fs.ErrNotExist):
			return "", err
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("cannot derive the import path of %s: no go.mod in it or above it; pass -import-path", out)
		}
		dir = parent
	}
}

// importPathIn returns the import path of directory abs inside the module
// whose go.mod (file gomod, content data) is in directory root.
func importPathIn(gomod string, data []byte, root, abs string) (string, error) {
	mod := modfile.ModulePath(data)
	if mod == "" {
		return "", fmt.Errorf("%s: no module statement; pass -import-path", gomod)
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil {
		return "", err
	}
	p := path.Join(mod, filepath.ToSlash(rel))
	if err := module.CheckImportPath(p); err != nil {
		return "", fmt.Errorf("derived import path of %s is invalid (%v); pass -import-path", abs, err)
	}
	return p, nil
}
