package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/eksauthgen/eksauthgen/generator"
	"github.com/eksauthgen/eksauthgen/internal/scratchmod"
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
	for _, f := range files {
		if err := scratchmod.WriteFile(dir, f.Path, f.Content); err != nil {
			r.fail(stageGenerate, err.Error())
			return
		}
	}
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
