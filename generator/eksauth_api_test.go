package generator_test

import (
	"fmt"
	"go/types"
	"slices"
	"strings"
	"testing"

	"github.com/eksauthgen/eksauthgen/generator"
	"github.com/eksauthgen/eksauthgen/models"
)

// TestEKSAuthAPIMatchesPublished generates Go from the published EKS Auth
// model and from the project's own, and requires the same exported Go API:
// every exported identifier of every package with its type (documentation
// may differ).
func TestEKSAuthAPIMatchesPublished(t *testing.T) {
	published := readShared(t, "aws-models/eks-auth/service/2023-11-26/"+models.EKSAuthFile)
	units := []checkUnit{
		{Name: "published", ImportPath: "example.com/api/published"},
		{Name: "project", ImportPath: "example.com/api/project"},
	}
	for i, src := range [][]byte{published, models.EKSAuth} {
		files, err := generator.Generate(src, generator.Options{Filename: models.EKSAuthFile, ImportPath: units[i].ImportPath})
		if err != nil {
			t.Fatalf("%s model: %v", units[i].Name, err)
		}
		if len(files) == 0 {
			t.Fatalf("%s model: generated no files", units[i].Name)
		}
		units[i].Files = files
	}
	res := typeCheck(t, "eksauth-api", units)
	for _, r := range res {
		if len(r.Errors) > 0 {
			t.Fatalf("%s model: output does not type-check:\n\t%s", r.Unit.Name, strings.Join(r.Errors, "\n\t"))
		}
	}
	want, got := exportedAPI(res[0]), exportedAPI(res[1])
	if want != got {
		t.Errorf("exported API of the project's model differs from the published model's (-published +project):\n%s",
			unifiedDiff("published", "project", []byte(want), []byte(got)))
	}
	t.Logf("%d exported declarations compared", strings.Count(want, "\n"))
}

// exportedAPI describes r's packages' exported identifiers, one per line:
// constants with their values, variables, functions and types with their
// underlying types, and the exported methods of exported types. Packages of
// the unit are named relative to its import path, so that two units compare.
func exportedAPI(r checkResult) string {
	root := r.Unit.ImportPath
	qual := func(p *types.Package) string {
		if p.Path() == root || strings.HasPrefix(p.Path(), root+"/") {
			return "<out>" + strings.TrimPrefix(p.Path(), root)
		}
		return p.Path()
	}
	var b strings.Builder
	for _, p := range r.Packages {
		fmt.Fprintf(&b, "package %s %s\n", qual(p.Types), p.Types.Name())
		scope := p.Types.Scope()
		for _, name := range scope.Names() {
			obj := scope.Lookup(name)
			if !obj.Exported() {
				continue
			}
			fmt.Fprintf(&b, "%s\n", types.ObjectString(obj, qual))
			tn, ok := obj.(*types.TypeName)
			if !ok || tn.IsAlias() {
				continue
			}
			named, ok := tn.Type().(*types.Named)
			if !ok {
				continue
			}
			var methods []string
			for m := range named.Methods() {
				if m.Exported() {
					methods = append(methods, types.ObjectString(m, qual)+"\n")
				}
			}
			slices.Sort(methods)
			b.WriteString(strings.Join(methods, ""))
		}
	}
	return b.String()
}
