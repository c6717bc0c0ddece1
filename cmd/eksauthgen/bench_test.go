package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/eksauthgen/eksauthgen/generator"
	"github.com/eksauthgen/eksauthgen/internal/cputime"
	"github.com/eksauthgen/eksauthgen/models"
)

// buildBinary builds this command once per benchmark into a temporary
// directory and returns its path.
func buildBinary(b *testing.B) string {
	b.Helper()
	bin := filepath.Join(b.TempDir(), "eksauthgen")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// usage is what one run of the command cost.
type usage struct {
	wall time.Duration
	cpu  time.Duration // user plus system time
	peak int64         // peak resident memory in bytes (rusage maxrss)
}

// runBinary runs the command with args in dir and returns what it cost.
func runBinary(b *testing.B, bin, dir string, args ...string) usage {
	b.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	start := time.Now()
	out, err := cmd.CombinedOutput()
	u := usage{wall: time.Since(start)}
	if err != nil {
		b.Fatalf("%s %v: %v\n%s", bin, args, err, out)
	}
	u.cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		u.peak = ru.Maxrss * 1024 // kilobytes on Linux
	}
	return u
}

// report adds the metrics of runs to b: wall and CPU milliseconds per
// run and the largest peak resident memory.
func report(b *testing.B, runs []usage) {
	var wall, cpu time.Duration
	var peak int64
	for _, u := range runs {
		wall += u.wall
		cpu += u.cpu
		peak = max(peak, u.peak)
	}
	n := float64(len(runs))
	b.ReportMetric(float64(wall.Microseconds())/1000/n, "ms/op")
	b.ReportMetric(float64(cpu.Microseconds())/1000/n, "cpu-ms/op")
	b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
}

// BenchmarkProcessEKSAuth runs the eksauthgen binary as a user does,
// generating EKS Auth from the bundled model into a new directory each
// time (process start, generation, writing the files), and reports the wall
// time (ms/op), its CPU time (cpu-ms/op: user plus system, which a busy
// machine does not inflate) and the peak resident memory (peak-MB).
func BenchmarkProcessEKSAuth(b *testing.B) {
	bin := buildBinary(b)
	work := b.TempDir()
	var runs []usage
	for b.Loop() {
		out := filepath.Join(work, "out"+strconv.Itoa(len(runs)))
		runs = append(runs, runBinary(b, bin, work, "-out", out, "-import-path", "example.com/eksauth"))
	}
	report(b, runs)
}

// BenchmarkProcessEKSAuthRerun runs the eksauthgen binary as
// BenchmarkProcessEKSAuth does, into a directory that already holds the
// generated files (a rerun with an unchanged model, as go generate or make
// do): the command compares and writes nothing.
func BenchmarkProcessEKSAuthRerun(b *testing.B) {
	bin := buildBinary(b)
	work := b.TempDir()
	args := []string{"-out", filepath.Join(work, "out"), "-import-path", "example.com/eksauth"}
	runBinary(b, bin, work, args...)
	var runs []usage
	for b.Loop() {
		runs = append(runs, runBinary(b, bin, work, args...))
	}
	report(b, runs)
}

// largestSharedModel returns the largest model file of
// ../shared/aws-models, skipping the benchmark when there is none.
func largestSharedModel(b *testing.B) string {
	b.Helper()
	dir := os.Getenv("EKSAUTHGEN_SHARED")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "aws-models", "*", "service", "*", "*.json"))
	best, size := "", int64(-1)
	for _, f := range files {
		if fi, err := os.Stat(f); err == nil && fi.Size() > size {
			best, size = f, fi.Size()
		}
	}
	if best == "" {
		b.Skipf("no models under %s", filepath.Join(dir, "aws-models"))
	}
	abs, err := filepath.Abs(best)
	if err != nil {
		b.Fatal(err)
	}
	return abs
}

// BenchmarkProcessLargestModel runs the eksauthgen binary on the largest
// shared model (Amazon Connect) and reports the same metrics as
// BenchmarkProcessEKSAuth; peak-MB is the one with a target.
func BenchmarkProcessLargestModel(b *testing.B) {
	model := largestSharedModel(b)
	bin := buildBinary(b)
	work := b.TempDir()
	var runs []usage
	for b.Loop() {
		out := filepath.Join(work, "out"+strconv.Itoa(len(runs)))
		runs = append(runs, runBinary(b, bin, work, "-model", model, "-out", out, "-import-path", "example.com/largest"))
	}
	report(b, runs)
}

// BenchmarkRunEKSAuth runs the command's code in process (as main does,
// without process start) generating EKS Auth into a new directory each
// time: the part of BenchmarkProcessEKSAuth that is eksauthgen's own.
// cpu-ms/op is the CPU time of the whole process per run.
func BenchmarkRunEKSAuth(b *testing.B) {
	work := b.TempDir()
	i := 0
	cpu := processCPU()
	for b.Loop() {
		out := filepath.Join(work, "out"+strconv.Itoa(i))
		i++
		var stdout, stderr strings.Builder
		if code := run([]string{"-out", out, "-import-path", "example.com/eksauth"}, &stdout, &stderr); code != 0 {
			b.Fatalf("exit %d: %s", code, stderr.String())
		}
	}
	reportCPU(b, cpu)
}

// BenchmarkWriteEKSAuth plans and writes the EKS Auth files (generated
// once, before the timer) into a new directory each time, and, as
// "rerun", into a directory that already holds them (nothing to write).
func BenchmarkWriteEKSAuth(b *testing.B) {
	files, err := generator.Generate(models.EKSAuth, generator.Options{Filename: models.EKSAuthFile, ImportPath: "example.com/eksauth"})
	if err != nil {
		b.Fatal(err)
	}
	write := func(b *testing.B, out string) {
		p, err := makePlan(out, files)
		if err != nil {
			b.Fatal(err)
		}
		if err := p.apply(); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("new", func(b *testing.B) {
		work := b.TempDir()
		i := 0
		cpu := processCPU()
		for b.Loop() {
			write(b, filepath.Join(work, "out"+strconv.Itoa(i)))
			i++
		}
		reportCPU(b, cpu)
	})
	b.Run("rerun", func(b *testing.B) {
		out := filepath.Join(b.TempDir(), "out")
		write(b, out)
		cpu := processCPU()
		for b.Loop() {
			write(b, out)
		}
		reportCPU(b, cpu)
	})
}

// processCPU returns the CPU time this process has used, 0 when unknown.
func processCPU() time.Duration {
	d, _ := cputime.Process()
	return d
}

// reportCPU adds to b the CPU time this process used since start (a
// processCPU reading) per iteration, as cpu-ms/op.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64((processCPU()-start).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}
