// Command eksauthmock is a standalone Amazon EKS Auth emulator for local
// testing of EKS Pod Identity: it answers AssumeRoleForPodIdentity from a
// JSON configuration of clusters and pod identity associations, checking
// the pod's service-account token as EKS Auth does.
//
// Usage:
//
//	eksauthmock -config example-config.json [-addr 127.0.0.1:8085]
//
// Point an AWS SDK at it with AWS_ENDPOINT_URL_EKS_AUTH=http://127.0.0.1:8085,
// or the EKS Pod Identity Agent with its endpoint override. The
// configuration's fields are documented on emulator.Config; see
// example-config.json. The emulator logs one line per request to standard
// error and stops cleanly on SIGINT or SIGTERM.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stderr)
	stop()
	switch {
	case errors.Is(err, flag.ErrHelp):
		os.Exit(0)
	case errors.Is(err, errUsage):
		os.Exit(2)
	case err != nil:
		fmt.Fprintln(os.Stderr, "eksauthmock:", err)
		os.Exit(1)
	}
}

// errUsage marks a command-line error, already reported with the usage.
var errUsage = errors.New("usage error")

// DefaultAddr is the address served when -addr is not given.
const DefaultAddr = "127.0.0.1:8085"

// run parses the command line, loads the configuration and serves until
// ctx is done, logging to stderr.
func run(ctx context.Context, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("eksauthmock", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", DefaultAddr, "`host:port` to listen on (port 0 picks a free port)")
	config := fs.String("config", "", "the JSON configuration `file` (required; see example-config.json)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: eksauthmock -config FILE [-addr host:port]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	if *config == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "eksauthmock: -config is required and no arguments are taken")
		fs.Usage()
		return errUsage
	}
	return serve(ctx, *addr, *config, stderr)
}
