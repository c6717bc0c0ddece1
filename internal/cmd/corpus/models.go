package main

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
)

// model is one published model of the corpus.
type model struct {
	Name string // the service directory, e.g. "eks-auth"; with "-<version>" when a service has several
	Dir  string // the package directory in the scratch module, e.g. "eks-auth"
	File string // path to the model file
}

// findModels lists <shared>/aws-models/<service>/service/<version>/*.json,
// sorted by path. A service with several model files gets one entry per
// file, named <service>-<version>.
func findModels(shared string) ([]model, error) {
	root := filepath.Join(shared, "aws-models")
	files, err := filepath.Glob(filepath.Join(root, "*", "service", "*", "*.json"))
	if err != nil {
		return nil, err
	}
	slices.Sort(files)
	perService := map[string]int{}
	type entry struct{ service, version, file string }
	var entries []entry
	for _, f := range files {
		rel, err := filepath.Rel(root, f)
		if err != nil {
			return nil, err
		}
		parts := strings.Split(filepath.ToSlash(rel), "/")
		if len(parts) != 4 {
			return nil, fmt.Errorf("%s: unexpected model path", f)
		}
		perService[parts[0]]++
		entries = append(entries, entry{service: parts[0], version: parts[2], file: f})
	}
	ms := make([]model, 0, len(entries))
	for _, e := range entries {
		name := e.service
		if perService[e.service] > 1 {
			name += "-" + e.version
		}
		ms = append(ms, model{Name: name, Dir: dirName(name), File: e.file})
	}
	return ms, nil
}

// dirName turns a model name into a directory name that is a valid import
// path element: letters, digits, '-' and '_' kept, anything else '_'.
func dirName(name string) string {
	var b strings.Builder
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	if b.Len() == 0 || b.String()[0] == '_' || b.String()[0] == '-' {
		return "m" + b.String()
	}
	return b.String()
}

// selectSubset keeps the models named in names, in the order of ms, and
// returns the names that matched no model.
func selectSubset(ms []model, names []string) (kept []model, missing []string) {
	found := map[string]bool{}
	for _, m := range ms {
		if slices.Contains(names, m.Name) {
			kept = append(kept, m)
			found[m.Name] = true
		}
	}
	for _, n := range names {
		if !found[n] {
			missing = append(missing, n)
		}
	}
	return kept, missing
}
