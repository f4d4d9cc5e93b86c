// Package smalldisk gives tests a real, small file system to fill up, so
// that a full disk is acted out by the kernel and not by a mock: the
// database on it gets ENOSPC from write(2) exactly as it would on a full
// laptop disk.
//
// Mounting needs root. A test that cannot mount is skipped on a
// developer's machine and fails in CI (env CI set), where the tests run
// as root: a skipped test never counts as passed.
package smalldisk

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// Mount mounts a tmpfs of size (such as "2m") on a new temporary folder,
// mode 0700, and unmounts it when the test ends.
func Mount(t testing.TB, size string) string {
	t.Helper()
	dir := t.TempDir()
	if err := mount(dir, size); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("cannot mount a small file system (CI runs the tests as root): %v", err)
		}
		t.Skipf("cannot mount a small file system (needs root): %v", err)
	}
	// Registered after TempDir's removal, so it runs before it.
	t.Cleanup(func() { _ = unmount(dir) })
	return dir
}

// Fill writes a filler file in dir until the file system is full, and
// returns a function that frees the space again.
func Fill(t testing.TB, dir string) (free func()) {
	t.Helper()
	path := filepath.Join(dir, "filler")
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	chunk := make([]byte, 4096)
	for {
		if _, err := f.Write(chunk); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatalf("filling %s: %v", dir, err)
			}
			break
		}
	}
	// Small writes fill the last blocks too.
	for _, err := f.Write(chunk[:1]); err == nil; _, err = f.Write(chunk[:1]) {
	}
	_ = f.Close()
	return func() {
		if err := os.Remove(path); err != nil {
			t.Errorf("freeing %s: %v", dir, err)
		}
	}
}
