package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"io"
	"net/http"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestRunArguments(t *testing.T) {
	dir := t.TempDir()
	badCfg := writeJSON(t, dir, "bad.json", map[string]any{"accountId": "1", "clusters": []any{}, "associations": []any{}, "typo": 1})
	tests := []struct {
		name    string
		args    []string
		wantErr error  // matched with errors.Is, when set
		wantMsg string // in the error or the output
	}{
		{"no config", nil, errUsage, "-config is required"},
		{"extra argument", []string{"-config", "example-config.json", "x"}, errUsage, "usage: eksauthmock"},
		{"unknown flag", []string{"-port", "1"}, errUsage, "flag provided but not defined"},
		{"help", []string{"-h"}, flag.ErrHelp, "-addr host:port"},
		{"missing file", []string{"-config", filepath.Join(dir, "nope.json")}, nil, "no such file"},
		{"bad config", []string{"-config", badCfg}, nil, `unknown field "typo"`},
		{"bad address", []string{"-config", "example-config.json", "-addr", "127.0.0.1:99999"}, nil, "invalid port"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := &syncBuffer{}
			err := run(context.Background(), tc.args, out)
			if err == nil || tc.wantErr != nil && !errors.Is(err, tc.wantErr) {
				t.Fatalf("run(%q) = %v, want %v", tc.args, err, tc.wantErr)
			}
			if !strings.Contains(err.Error()+out.String(), tc.wantMsg) {
				t.Errorf("run(%q): error %q and output %q lack %q", tc.args, err, out, tc.wantMsg)
			}
		})
	}
}

// buildBinary builds the command into a temporary directory.
func buildBinary(t *testing.T) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the signal test needs POSIX signals")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool to build the binary")
	}
	bin := filepath.Join(t.TempDir(), "eksauthmock")
	if out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func TestBinaryStopsOnSignal(t *testing.T) {
	bin := buildBinary(t)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			cmd := exec.Command(bin, "-addr", "127.0.0.1:0", "-config", "example-config.json")
			stderr, err := cmd.StderrPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = cmd.Process.Kill() }) // no-op once it exited
			lines := make(chan string, 100)
			go func() {
				defer close(lines)
				sc := bufio.NewScanner(stderr)
				for sc.Scan() {
					lines <- sc.Text()
				}
			}()
			addr := waitFor(t, lines, regexp.MustCompile(`msg=listening addr=(\S+)`))

			// One call, so that a request log line is written too.
			resp, err := http.Post("http://"+addr+"/clusters/prod/assume-role-for-pod-identity", "application/json",
				strings.NewReader(`{"token":"a.b.c"}`))
			if err != nil {
				t.Fatal(err)
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusNotFound || resp.Header.Get("X-Amzn-ErrorType") != "ResourceNotFoundException" {
				t.Errorf("unknown cluster: %d %q", resp.StatusCode, resp.Header.Get("X-Amzn-ErrorType"))
			}
			waitFor(t, lines, regexp.MustCompile(`msg=request .*status=404 error=ResourceNotFoundException cluster=prod`))

			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			waitFor(t, lines, regexp.MustCompile(`msg=stopped`))
			for range lines { // drain until stderr closes
			}
			if err := cmd.Wait(); err != nil {
				t.Errorf("exit after %v: %v", sig, err)
			}
		})
	}
}

func TestBinaryExitCodes(t *testing.T) {
	bin := buildBinary(t)
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"-config", "does-not-exist.json"}, 1},
		{nil, 2},
		{[]string{"-h"}, 0},
	} {
		err := exec.Command(bin, tc.args...).Run()
		code := 0
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			code = exitErr.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if code != tc.code {
			t.Errorf("eksauthmock %q exited %d, want %d", tc.args, code, tc.code)
		}
	}
}

// waitFor reads lines until one matches re, returning its first group.
func waitFor(t *testing.T, lines <-chan string, re *regexp.Regexp) string {
	t.Helper()
	timeout := time.After(30 * time.Second)
	for {
		select {
		case line, ok := <-lines:
			if !ok {
				t.Fatalf("the process ended before logging %s", re)
			}
			if m := re.FindStringSubmatch(line); m != nil {
				if len(m) > 1 {
					return m[1]
				}
				return ""
			}
		case <-timeout:
			t.Fatalf("no line matching %s within 30s", re)
		}
	}
}
