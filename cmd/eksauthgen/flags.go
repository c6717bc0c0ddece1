package main

import (
	"flag"
	"fmt"
	"go/token"
	"io"
	"strings"

	"golang.org/x/mod/module"

	"github.com/eksauthgen/eksauthgen/models"
)

// Defaults of the generate flags, relative to the working directory.
const (
	defaultModel = "models/" + models.EKSAuthFile
	defaultOut   = "generated/eksauth"
)

// options are the generate subcommand's flags.
type options struct {
	model      string // -model
	modelSet   bool   // -model was given explicitly
	service    string // -service
	out        string // -out
	pkg        string // -pkg
	importPath string // -import-path
	check      bool   // -check
}

// parseGenerateFlags parses the generate subcommand's flags. It returns
// flag.ErrHelp for -h, and errUsage (after printing why) for a bad command
// line.
func parseGenerateFlags(args []string, stderr io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("eksauthgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.model, "model", defaultModel, "Smithy 2.0 JSON AST model `file`; when the default does not exist, the embedded EKS Auth model is used")
	fs.StringVar(&o.service, "service", "", "absolute shape `ID` of the service to generate (default: the model's only service)")
	fs.StringVar(&o.out, "out", defaultOut, "output `directory`")
	fs.StringVar(&o.pkg, "pkg", "", "Go package `name` (default: derived from the service's sdkId)")
	fs.StringVar(&o.importPath, "import-path", "", "import `path` of the output directory (default: derived from the enclosing go.mod)")
	fs.BoolVar(&o.check, "check", false, "write nothing; print a diff and exit 1 when the files on disk are not what would be generated")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: eksauthgen [generate] [flags]\n\nflags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return o, err
		}
		return o, errUsage
	}
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "model" {
			o.modelSet = true
		}
	})
	if err := o.validate(); err != nil {
		fmt.Fprintf(stderr, "eksauthgen: %v\n", err)
		fs.Usage()
		return o, errUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "eksauthgen: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return o, errUsage
	}
	return o, nil
}

// validate checks the flag values that can be checked without the model.
func (o *options) validate() error {
	switch {
	case o.model == "":
		return fmt.Errorf("-model must not be empty")
	case o.out == "":
		return fmt.Errorf("-out must not be empty")
	case o.pkg != "" && (!token.IsIdentifier(o.pkg) || o.pkg == "_"):
		return fmt.Errorf("-pkg %q is not a valid Go package name", o.pkg)
	}
	if o.service != "" {
		ns, name, ok := strings.Cut(o.service, "#")
		if !ok || ns == "" || name == "" || strings.Contains(name, "$") {
			return fmt.Errorf("-service %q is not an absolute shape ID (namespace#Name)", o.service)
		}
	}
	if o.importPath != "" {
		if err := module.CheckImportPath(o.importPath); err != nil {
			return fmt.Errorf("-import-path: %v", err)
		}
	}
	return nil
}
