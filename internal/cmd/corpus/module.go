package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/mod/modfile"
)

// runtimeModules are the modules generated code may import; the scratch
// module requires them at the project's versions.
var runtimeModules = []string{"github.com/aws/aws-sdk-go-v2", "github.com/aws/smithy-go"}

// writeModule writes dir/go.mod, a module at modPath requiring the
// project's versions of the runtime modules, and a copy of the project's
// go.sum. root is the project's directory.
func writeModule(root, dir, modPath string) error {
	data, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return err
	}
	f, err := modfile.ParseLax("go.mod", data, nil)
	if err != nil {
		return err
	}
	if f.Go == nil {
		return fmt.Errorf("%s: no go directive", filepath.Join(root, "go.mod"))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "module %s\n\ngo %s\n\nrequire (\n", modPath, f.Go.Version)
	for _, want := range runtimeModules {
		found := false
		for _, r := range f.Require {
			if r.Mod.Path == want {
				fmt.Fprintf(&b, "\t%s %s\n", r.Mod.Path, r.Mod.Version)
				found = true
			}
		}
		if !found {
			return fmt.Errorf("%s does not require %s", filepath.Join(root, "go.mod"), want)
		}
	}
	b.WriteString(")\n")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(b.String()), 0o644); err != nil {
		return err
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644)
}

// projectRoot returns the directory of the nearest go.mod at or above dir.
func projectRoot(dir string) (string, error) {
	for d := dir; ; {
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
