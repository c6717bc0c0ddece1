package emit

import (
	"bytes"
	"go/format"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"testing"

	"github.com/eksauthgen/eksauthgen/templates"
)

// TestCopyTemplateIsGofmted copies every template file for several import
// paths (ones that sort before, between and after the standard library and
// the AWS modules) and requires exactly what gofmt makes of the copy.
func TestCopyTemplateIsGofmted(t *testing.T) {
	var files []string
	err := fs.WalkDir(templates.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && path.Ext(p) == ".go" && !strings.HasSuffix(p, "_test.go") {
			files = append(files, p)
		}
		return err
	})
	if err != nil || len(files) == 0 {
		t.Fatalf("no template files: %v", err)
	}
	for _, ip := range []string{"a.example/x", "example.com/corpus/eks-auth", "github.com/aws/zz", "zz.example/svc"} {
		g := &gen{cfg: Config{Package: "x", ImportPath: ip, Source: "m.json"}}
		for _, p := range files {
			src, err := fs.ReadFile(templates.FS, p)
			if err != nil {
				t.Fatal(err)
			}
			got, err := g.copyTemplate(src)
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			want, err := format.Source(got)
			if err != nil {
				t.Fatalf("%s for %s: copy does not parse: %v", p, ip, err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s for %s: copy is not gofmt-ed", p, ip)
			}
		}
	}
}

func TestSortImportBlock(t *testing.T) {
	tests := []struct {
		name, in, want string
		ok             bool
	}{
		{
			name: "sorts each group",
			in:   "package p\n\nimport (\n\t\"b\"\n\t\"a\"\n\n\tz \"y/internal/c\"\n\t\"y/document\"\n)\n\nvar x = 1\n",
			want: "package p\n\nimport (\n\t\"a\"\n\t\"b\"\n\n\t\"y/document\"\n\tz \"y/internal/c\"\n)\n\nvar x = 1\n",
			ok:   true,
		},
		{name: "no imports", in: "package p\n\nvar x = 1\n", want: "package p\n\nvar x = 1\n", ok: true},
		{name: "single import", in: "package p\n\nimport \"a\"\n", ok: false},
		{name: "comment", in: "package p\n\nimport (\n\t\"b\" // why\n\t\"a\"\n)\n", ok: false},
		{name: "duplicate", in: "package p\n\nimport (\n\t\"a\"\n\tx \"a\"\n)\n", ok: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := sortImportBlock([]byte(tt.in))
			if ok != tt.ok || (ok && string(got) != tt.want) {
				t.Errorf("sortImportBlock = %q, %v; want %q, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

// TestParseImportSpec compares parseImportSpec with the regular expression
// it stands for.
func TestParseImportSpec(t *testing.T) {
	re := regexp.MustCompile(`^\t(?:([A-Za-z_][A-Za-z0-9_]*|\.) )?("[^"\\]*")$`)
	lines := []string{
		"\t\"a/b\"", "\tx \"a/b\"", "\t. \"a\"", "\t_ \"a\"", "\tx9_Y \"a\"", "\t\"\"",
		"\"a\"", "  \"a\"", "\t9x \"a\"", "\tx  \"a\"", "\tx\t\"a\"", "\t\"a\" // c", "\t\"a\"; \"b\"",
		"\t\"a\\\"b\"", "\t\"a", "\t\"", "\t", "\tx", "\tx ", "\tx \"", "\t.. \"a\"", "\té \"a\"", "\t\"a\"\"b\"",
	}
	for _, l := range lines {
		m := re.FindSubmatch([]byte(l))
		name, path, ok := parseImportSpec([]byte(l))
		if ok != (m != nil) || ok && (string(name) != string(m[1]) || string(path) != string(m[2])) {
			t.Errorf("parseImportSpec(%q) = %q, %q, %v; the regexp gives %q", l, name, path, ok, m)
		}
	}
}
