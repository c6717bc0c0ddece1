package main

import (
	"fmt"
	"os"
	"path/filepath"

	"golang.org/x/mod/modfile"
)

// moduleName is the module path of the temporary module.
const moduleName = "protocoltests.local"

// requiredModules are the modules the generated code imports; the temporary
// module requires the versions the project's go.mod does.
var requiredModules = []string{"github.com/aws/aws-sdk-go-v2", "github.com/aws/smithy-go"}

// moduleFile returns the go.mod of the temporary module from the project's
// go.mod text: its go version and the versions of requiredModules.
func moduleFile(projectGoMod []byte) ([]byte, error) {
	f, err := modfile.ParseLax("go.mod", projectGoMod, nil)
	if err != nil {
		return nil, err
	}
	out := new(modfile.File)
	if err := out.AddModuleStmt(moduleName); err != nil {
		return nil, err
	}
	if f.Go != nil {
		if err := out.AddGoStmt(f.Go.Version); err != nil {
			return nil, err
		}
	}
	for _, path := range requiredModules {
		found := false
		for _, r := range f.Require {
			if r.Mod.Path == path {
				if err := out.AddRequire(path, r.Mod.Version); err != nil {
					return nil, err
				}
				found = true
			}
		}
		if !found {
			return nil, fmt.Errorf("go.mod does not require %s", path)
		}
	}
	return out.Format()
}

// writeModule writes go.mod (see moduleFile) and a copy of the project's
// go.sum into dir.
func writeModule(dir, root string) error {
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return err
	}
	mod, err := moduleFile(gomod)
	if err != nil {
		return fmt.Errorf("%s: %w", filepath.Join(root, "go.mod"), err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), mod, 0o644); err != nil {
		return err
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644)
}
