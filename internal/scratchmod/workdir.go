package scratchmod

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// TmpDir is the directory, below the project's root, that holds the
// scratch directories WorkDir returns.
const TmpDir = ".corpus-tmp"

// StaleAfter is the age after which a reused scratch directory is taken to
// be left over by a run that was killed, and removed.
const StaleAfter = 2 * time.Hour

// WorkDir creates and returns a new, empty scratch directory below
// <root>/.corpus-tmp (TmpDir).
//
// The go command keys its build cache for a package on the package's
// directory, so the directory is <root>/.corpus-tmp/<name>, the same from
// run to run: a run whose output is unchanged compiles nothing again. One
// older than StaleAfter is removed first. When another run holds it, or
// with fresh, a new directory <root>/.corpus-tmp/<name>-* beside it is
// returned instead, and everything in it is compiled anew.
//
// The caller removes the directory when done, and then .corpus-tmp
// (os.Remove, which keeps it while another run uses it).
func WorkDir(root, name string, fresh bool) (string, error) {
	base := filepath.Join(root, TmpDir)
	if err := os.MkdirAll(base, 0o755); err != nil {
		return "", err
	}
	if !fresh {
		dir := filepath.Join(base, name)
		if fi, err := os.Stat(dir); err == nil && time.Since(fi.ModTime()) > StaleAfter {
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
	return os.MkdirTemp(base, name+"-")
}
