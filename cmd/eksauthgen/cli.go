package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// Exit statuses of the command.
const (
	exitOK    = 0 // success; -check found nothing to change
	exitFail  = 1 // generation failed, or -check found differences
	exitUsage = 2 // bad command line
)

// command is one subcommand of eksauthgen.
type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

// commands returns the subcommands, the default one ("generate") first.
func commands() []command {
	return []command{
		{name: "generate", summary: "generate the Go package from a model (the default)", run: runGenerate},
		{name: "diff", summary: "report the changes between two versions of a model, breaking or compatible", run: runDiff},
	}
}

// run runs the command line args (without the program name) and returns the
// exit status. A first argument that does not start with "-" names a
// subcommand; otherwise the default subcommand runs.
func run(args []string, stdout, stderr io.Writer) int {
	cmds := commands()
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return cmds[0].run(args, stdout, stderr)
	}
	for _, c := range cmds {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "eksauthgen: unknown command %q\n", args[0])
	printCommands(stderr, cmds)
	return exitUsage
}

// printCommands lists the subcommands.
func printCommands(w io.Writer, cmds []command) {
	fmt.Fprintf(w, "usage: eksauthgen [command] [flags]\n\ncommands:\n")
	for _, c := range cmds {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
}

// printErrors writes err to w, one line per error: errors joined with
// errors.Join (as model errors are) are unwrapped and each printed on its own.
func printErrors(w io.Writer, err error) {
	for _, e := range flattenErrors(err) {
		for line := range strings.SplitSeq(strings.TrimRight(e.Error(), "\n"), "\n") {
			fmt.Fprintln(w, line)
		}
	}
}

// flattenErrors returns the leaves of a tree of joined errors, in order.
func flattenErrors(err error) []error {
	if err == nil {
		return nil
	}
	j, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return []error{err}
	}
	var out []error
	for _, e := range j.Unwrap() {
		out = append(out, flattenErrors(e)...)
	}
	return out
}

// errUsage marks a command-line error; the message has been printed.
var errUsage = errors.New("usage error")
