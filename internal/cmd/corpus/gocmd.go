package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"sync"
	"syscall"
	"time"
)

// goRunner runs the go command in the scratch module.
type goRunner struct {
	goCmd string   // the go command, e.g. "go"
	dir   string   // the scratch module's directory
	env   []string // the environment of every go command

	mu  sync.Mutex
	cpu time.Duration // user+system time of the go commands run so far, with their children
}

// cpuOf returns the user plus system time of a finished command and the
// children it waited for (the compiler, vet and test processes of go).
func cpuOf(cmd *exec.Cmd) time.Duration {
	if cmd.ProcessState == nil {
		return 0
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
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

// newGoRunner returns a runner for the module in dir. The module is outside
// any workspace and may update its go.mod (-mod=mod).
func newGoRunner(goCmd, dir string) *goRunner {
	env := append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	return &goRunner{goCmd: goCmd, dir: dir, env: env}
}

// run runs "go args..." and returns its combined output, how long it took
// (wall and CPU time),
// and the error of a failed start or non-zero exit. Its CPU time is added
// to the runner's total.
func (g *goRunner) run(ctx context.Context, args ...string) (out []byte, took, cpu time.Duration, err error) {
	cmd := exec.CommandContext(ctx, g.goCmd, args...)
	cmd.Dir = g.dir
	cmd.Env = g.env
	var buf bytes.Buffer
	cmd.Stdout = &buf
	cmd.Stderr = &buf
	start := time.Now()
	err = cmd.Run()
	took = time.Since(start)
	cpu = g.account(cmd)
	return buf.Bytes(), took, cpu, err
}

// runSplit is run with standard output and standard error kept apart.
func (g *goRunner) runSplit(ctx context.Context, args ...string) (stdout, stderr []byte, err error) {
	cmd := exec.CommandContext(ctx, g.goCmd, args...)
	cmd.Dir = g.dir
	cmd.Env = g.env
	var o, e bytes.Buffer
	cmd.Stdout = &o
	cmd.Stderr = &e
	err = cmd.Run()
	g.account(cmd)
	return o.Bytes(), e.Bytes(), err
}
