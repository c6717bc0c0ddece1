package scratchmod

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestWorkDir(t *testing.T) {
	root := t.TempDir()
	base := filepath.Join(root, TmpDir)
	fixed := filepath.Join(base, "w")

	first, err := WorkDir(root, "w", false)
	if err != nil {
		t.Fatal(err)
	}
	if first != fixed {
		t.Errorf("first WorkDir = %s, want %s", first, fixed)
	}
	writeFile(t, filepath.Join(first, "held"), "x")

	// Held by another run: a new directory beside it, the first untouched.
	second, err := WorkDir(root, "w", false)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(second) != base || !strings.HasPrefix(filepath.Base(second), "w-") {
		t.Errorf("WorkDir while held = %s, want %s/w-*", second, base)
	}
	if _, err := os.Stat(filepath.Join(first, "held")); err != nil {
		t.Errorf("held directory was touched: %v", err)
	}

	// fresh: always a new directory.
	third, err := WorkDir(root, "w", true)
	if err != nil {
		t.Fatal(err)
	}
	if third == fixed || third == second || filepath.Dir(third) != base {
		t.Errorf("fresh WorkDir = %s, want a new %s/w-*", third, base)
	}

	// Left over by a killed run: removed and handed out again, empty.
	old := time.Now().Add(-StaleAfter - time.Minute)
	if err := os.Chtimes(fixed, old, old); err != nil {
		t.Fatal(err)
	}
	again, err := WorkDir(root, "w", false)
	if err != nil {
		t.Fatal(err)
	}
	if again != fixed {
		t.Errorf("WorkDir after stale = %s, want %s", again, fixed)
	}
	if entries, err := os.ReadDir(again); err != nil || len(entries) != 0 {
		t.Errorf("stale directory not emptied: %v %v", entries, err)
	}
}

func TestWorkDirNoRoot(t *testing.T) {
	root := filepath.Join(t.TempDir(), "file")
	writeFile(t, root, "not a directory")
	if dir, err := WorkDir(root, "w", false); err == nil {
		t.Errorf("WorkDir below a file = %s, want an error", dir)
	}
}
