package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/eksauthgen/eksauthgen/internal/scratchmod"
)

// modPath is the module path of the scratch module.
const modPath = "corpus.example"

// workDir returns the empty directory to write the scratch module into.
//
// The default is <root>/.corpus-tmp/corpus, the same directory every run,
// so that a second run with unchanged output compiles nothing again; when
// another run holds it (or with -fresh), a new directory beside it is used
// (see scratchmod.WorkDir). A -work directory is emptied first when it
// holds a previous scratch module; any other non-empty directory is
// refused.
func workDir(root string, cfg config) (string, error) {
	if cfg.Work != "" {
		return explicitWorkDir(cfg.Work)
	}
	return scratchmod.WorkDir(root, "corpus", cfg.Fresh)
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
