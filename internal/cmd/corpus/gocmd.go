package main

import (
	"bytes"
	"context"
	"io"
	"os/exec"
	"sync"
	"time"

	"github.com/eksauthgen/eksauthgen/internal/scratchmod"
)

// goRunner runs the go command in the scratch module.
type goRunner struct {
	goCmd string // the go command, e.g. "go"
	dir   string // the scratch module's directory

	mu  sync.Mutex
	cpu time.Duration // user+system time of the go commands run so far, with their children
}

// cpuOf returns the user plus system time of a finished command and, on
// Unix, of the children it waited for (the compiler, vet and test processes
// of go): ProcessState reads them from the rusage wait4(2) returned.
func cpuOf(cmd *exec.Cmd) time.Duration {
	if cmd.ProcessState == nil {
		return 0
	}
	return cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
}

// account adds a finished command's CPU time to the total and returns it.
func (g *goRunner) account(cmd *exec.Cmd) time.Duration {
	d := cpuOf(cmd)
	g.mu.Lock()
	g.cpu += d
	g.mu.Unlock()
	return d
}

// cpuTotal returns the CPU time of the go commands run so far.
func (g *goRunner) cpuTotal() time.Duration {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.cpu
}

// newGoRunner returns a runner for the scratch module in dir (see
// scratchmod.Command).
func newGoRunner(goCmd, dir string) *goRunner {
	return &goRunner{goCmd: goCmd, dir: dir}
}

// runTo runs "go args..." with its standard output and error written to
// stdout and stderr, and returns how long it took (wall and CPU time) and
// the error of a failed start or non-zero exit. Its CPU time is added to
// the runner's total.
func (g *goRunner) runTo(ctx context.Context, stdout, stderr io.Writer, args ...string) (took, cpu time.Duration, err error) {
	cmd := scratchmod.Command(ctx, g.goCmd, g.dir, args...)
	cmd.Stdout = stdout
	cmd.Stderr = stderr
	begin := time.Now()
	err = cmd.Run()
	took = time.Since(begin)
	return took, g.account(cmd), err
}

// run runs "go args..." (see runTo) and returns its combined output.
func (g *goRunner) run(ctx context.Context, args ...string) (out []byte, took, cpu time.Duration, err error) {
	var buf bytes.Buffer
	took, cpu, err = g.runTo(ctx, &buf, &buf, args...)
	return buf.Bytes(), took, cpu, err
}

// runSplit is run with standard output and standard error kept apart.
func (g *goRunner) runSplit(ctx context.Context, args ...string) (stdout, stderr []byte, err error) {
	var o, e bytes.Buffer
	_, _, err = g.runTo(ctx, &o, &e, args...)
	return o.Bytes(), e.Bytes(), err
}
