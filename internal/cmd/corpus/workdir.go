package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/eksauthgen/eksauthgen/internal/scratchmod"
)

// modPath is the module path of the scratch module.
const modPath = "corpus.example"

// staleWork is the age after which a default scratch directory is taken to
// be left over by a killed run.
const staleWork = 2 * time.Hour

// workDir returns the empty directory to write the scratch module into.
//
// The go command keys its build cache for a package on the package's
// directory, so the default is the same directory every run,
// <root>/.corpus-tmp/corpus: a second run with unchanged output compiles
// nothing again. When another run holds it (or with -fresh), a new
// directory beside it is used, and everything generated is compiled anew.
// A -work directory is emptied first when it holds a previous scratch
// module; any other non-empty directory is refused.
func workDir(root string, cfg config) (string, error) {
	if cfg.Work != "" {
		return explicitWorkDir(cfg.Work)
	}
	base := filepath.Join(root, ".corpus-tmp")
	if err := os.MkdirAll(base, 0o755); err != nil {
		return "", err
	}
	if !cfg.Fresh {
		dir := filepath.Join(base, "corpus")
		if fi, err := os.Stat(dir); err == nil && time.Since(fi.ModTime()) > staleWork {
			os.RemoveAll(dir)
		}
		err := os.Mkdir(dir, 0o755)
		if err == nil {
			return dir, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", err
		}
	}
	return os.MkdirTemp(base, "corpus-")
}

// explicitWorkDir empties and returns dir (see workDir).
func explicitWorkDir(dir string) (string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return dir, os.MkdirAll(dir, 0o755)
	}
	if err != nil {
		return "", err
	}
	if len(entries) == 0 {
		return dir, nil
	}
	if !scratchmod.IsModule(dir, modPath) {
		return "", fmt.Errorf("-work %s: not empty and not a corpus scratch module", dir)
	}
	if err := os.RemoveAll(dir); err != nil {
		return "", err
	}
	return dir, os.MkdirAll(dir, 0o755)
}
