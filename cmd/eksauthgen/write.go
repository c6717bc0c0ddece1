package main

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// apply carries out p: writes each created or updated file atomically, then
// removes stale files and the directories they leave empty (never the
// output directory itself). It refuses to run when p has conflicts.
func (p *plan) apply() error {
	if len(p.conflicts) > 0 {
		return fmt.Errorf("%d file(s) in the way, nothing written:\n%s", len(p.conflicts), strings.Join(p.conflicts, "\n"))
	}
	var emptied []string
	for _, c := range p.changes {
		name := filepath.Join(p.out, filepath.FromSlash(c.path))
		switch c.kind {
		case create, update:
			if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
				return err
			}
			if err := writeAtomic(name, c.new, c.perm); err != nil {
				return err
			}
		case remove:
			if err := os.Remove(name); err != nil {
				return err
			}
			emptied = append(emptied, path.Dir(c.path))
		}
	}
	return p.removeEmptyDirs(emptied)
}

// removeEmptyDirs removes each of dirs (slash paths relative to the output
// directory) and its parents inside the output directory while they are
// empty, deepest first.
func (p *plan) removeEmptyDirs(dirs []string) error {
	var all []string
	for _, d := range dirs {
		for ; d != "."; d = path.Dir(d) {
			all = append(all, d)
		}
	}
	slices.Sort(all)
	all = slices.Compact(all)
	// Deeper directories sort after their parents; remove from the end.
	for _, d := range slices.Backward(all) {
		name := filepath.Join(p.out, filepath.FromSlash(d))
		entries, err := os.ReadDir(name)
		if err != nil {
			return err
		}
		if len(entries) == 0 {
			if err := os.Remove(name); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeAtomic writes data to name through a temporary file in the same
// directory renamed over name, so that name never holds a partial write.
func writeAtomic(name string, data []byte, perm fs.FileMode) (err error) {
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Chmod(perm); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), name)
}
