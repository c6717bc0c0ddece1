//go:build linux

package main

import (
	"bytes"
	"path/filepath"
	"syscall"
	"testing"
	"unsafe"
)

// openWatch records the files opened in a set of directories, with inotify.
type openWatch struct {
	fd     int
	dirs   map[int32]string // watch descriptor → directory
	active bool             // inotify works here
}

// startOpenWatch watches dirs (not their subdirectories) for opened files.
func startOpenWatch(t *testing.T, dirs []string) *openWatch {
	t.Helper()
	fd, err := syscall.InotifyInit1(syscall.IN_CLOEXEC | syscall.IN_NONBLOCK)
	if err != nil {
		t.Logf("inotify unavailable (%v): file opens not watched", err)
		return &openWatch{fd: -1}
	}
	w := &openWatch{fd: fd, dirs: map[int32]string{}, active: true}
	for _, d := range dirs {
		wd, err := syscall.InotifyAddWatch(fd, d, syscall.IN_OPEN)
		if err != nil {
			syscall.Close(fd)
			t.Fatalf("inotify watch %s: %v", d, err)
		}
		w.dirs[int32(wd)] = d
	}
	return w
}

// stop ends the watch and returns the paths of the files opened, in order;
// opening a watched directory itself (to list it) counts, as the directory.
func (w *openWatch) stop() []string {
	if !w.active {
		return nil
	}
	defer syscall.Close(w.fd)
	var opened []string
	buf := make([]byte, 64<<10)
	for {
		n, err := syscall.Read(w.fd, buf)
		if err != nil || n <= 0 {
			return opened
		}
		for off := 0; off+syscall.SizeofInotifyEvent <= n; {
			ev := (*syscall.InotifyEvent)(unsafe.Pointer(&buf[off]))
			nameBytes := buf[off+syscall.SizeofInotifyEvent : off+syscall.SizeofInotifyEvent+int(ev.Len)]
			name := string(bytes.TrimRight(nameBytes, "\x00"))
			if dir, ok := w.dirs[ev.Wd]; ok && ev.Mask&syscall.IN_OPEN != 0 {
				opened = append(opened, filepath.Join(dir, name))
			}
			off += syscall.SizeofInotifyEvent + int(ev.Len)
		}
	}
}
