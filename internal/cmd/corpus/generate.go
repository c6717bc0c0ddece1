package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/eksauthgen/eksauthgen/generator"
)

// generateModel runs the generator in process on m's model, with the output
// at importPath, and writes the files below dir. It records the generation
// time (reading and generating, not writing) and the first error in r.
func generateModel(m model, importPath, dir string, r *result) {
	src, err := os.ReadFile(m.File)
	if err != nil {
		r.fail(stageGenerate, err.Error())
		return
	}
	start := time.Now()
	files, err := generator.Generate(src, generator.Options{Filename: filepath.Base(m.File), ImportPath: importPath})
	r.Generate = time.Since(start)
	if err != nil {
		r.fail(stageGenerate, firstLine(err))
		return
	}
	if len(files) == 0 {
		r.fail(stageGenerate, "no files generated")
		return
	}
	r.Files = len(files)
	if err := writeFiles(dir, files); err != nil {
		r.fail(stageGenerate, err.Error())
	}
}

// writeFiles writes files below dir, which must not hold them yet.
func writeFiles(dir string, files []generator.File) error {
	for _, f := range files {
		if !fs.ValidPath(f.Path) {
			return fmt.Errorf("invalid generated path %q", f.Path)
		}
		full := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, f.Content, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// firstLine returns the first line of the first of possibly joined errors,
// saying how many more there are.
func firstLine(err error) string {
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok && len(j.Unwrap()) > 0 {
		errs = j.Unwrap()
	}
	first, _, _ := strings.Cut(errs[0].Error(), "\n")
	if len(errs) > 1 {
		return fmt.Sprintf("%s (and %d more)", first, len(errs)-1)
	}
	return first
}
