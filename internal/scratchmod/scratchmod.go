// Package scratchmod sets up the scratch Go modules that the project's
// runners (internal/cmd/corpus, internal/cmd/protocoltests) generate code
// into and build, vet and test there: a go.mod that requires the project's
// versions of the modules generated code imports, a copy of the project's
// go.sum, the generated files, go commands run outside any workspace, and
// their "go test -json" output read back. It imports nothing of the
// project, so that the generator's own tests may use it too.
package scratchmod

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"golang.org/x/mod/modfile"
)

// runtimeModules are the modules generated code may import, in the order
// the scratch go.mod requires them.
var runtimeModules = [...]string{"github.com/aws/aws-sdk-go-v2", "github.com/aws/smithy-go"}

// GoMod returns the go.mod of a scratch module at modPath from the text of
// the project's go.mod: the project's go version and its versions of the
// modules generated code imports (aws-sdk-go-v2 and smithy-go), nothing
// else. It is an error when the project's go.mod has no go directive or
// does not require one of them.
func GoMod(projectGoMod []byte, modPath string) ([]byte, error) {
	f, err := modfile.ParseLax("go.mod", projectGoMod, nil)
	if err != nil {
		return nil, err
	}
	if f.Go == nil {
		return nil, fmt.Errorf("no go directive")
	}
	var b strings.Builder
	fmt.Fprintf(&b, "module %s\n\ngo %s\n\nrequire (\n", modPath, f.Go.Version)
	for _, want := range runtimeModules {
		found := false
		for _, r := range f.Require {
			if r.Mod.Path == want && !found {
				fmt.Fprintf(&b, "\t%s %s\n", r.Mod.Path, r.Mod.Version)
				found = true
			}
		}
		if !found {
			return nil, fmt.Errorf("does not require %s", want)
		}
	}
	b.WriteString(")\n")
	return []byte(b.String()), nil
}

// Write creates dir when needed and writes into it the go.mod of a scratch
// module at modPath (see GoMod) and a copy of the go.sum of the project in
// root.
func Write(root, dir, modPath string) error {
	gomodPath := filepath.Join(root, "go.mod")
	data, err := os.ReadFile(gomodPath)
	if err != nil {
		return err
	}
	mod, err := GoMod(data, modPath)
	if err != nil {
		return fmt.Errorf("%s: %w", gomodPath, err)
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), mod, 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644)
}

// IsModule reports whether dir holds the go.mod of a module at modPath
// (a scratch module a previous run left there).
func IsModule(dir, modPath string) bool {
	data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	return err == nil && modfile.ModulePath(data) == modPath
}

// Root returns the directory of the nearest go.mod at or above dir: the
// project's root when dir is inside it.
func Root(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := abs; ; {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", fmt.Errorf("no go.mod at or above %s", dir)
		}
		d = parent
	}
}

// WriteFile writes content to the file at path (slash-separated, relative)
// below dir, creating directories as needed. A path that is not valid
// (fs.ValidPath: no "..", no leading slash, ...) is an error.
func WriteFile(dir, path string, content []byte) error {
	if !fs.ValidPath(path) {
		return fmt.Errorf("invalid generated path %q", path)
	}
	full := filepath.Join(dir, filepath.FromSlash(path))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return err
	}
	return os.WriteFile(full, content, 0o644)
}

// Env returns the environment of go commands run in a scratch module: the
// process's, with the module outside any workspace (GOWORK=off) and its
// go.mod updated as the build needs (GOFLAGS=-mod=mod).
func Env() []string {
	return append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
}

// Command returns the command "goCmd args..." (goCmd is the go command,
// e.g. "go") to run in the scratch module in dir, with Env. The caller
// sets its output and runs it; ctx ends it early.
func Command(ctx context.Context, goCmd, dir string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, goCmd, args...)
	cmd.Dir = dir
	cmd.Env = Env()
	return cmd
}
