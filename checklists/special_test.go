package checklists

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestNotRegularFilesSkipped puts a FIFO and a directory named *.ini beside
// a good file: loading must not wait on the FIFO, must say that each was
// skipped, and must still use the good file.
func TestNotRegularFilesSkipped(t *testing.T) {
	dir := writeDir(t, map[string]string{"b-lokal.ini": "[step room]\ntitle.sv = Lokalen\n"})
	if err := syscall.Mkfifo(filepath.Join(dir, "a-ror.ini"), 0o600); err != nil {
		t.Fatalf("mkfifo: %v", err)
	}
	if err := os.Symlink("a-ror.ini", filepath.Join(dir, "c-lank.ini")); err != nil {
		t.Fatal(err)
	}
	done := make(chan []Problem, 1)
	var set *Set
	go func() {
		s, probs := Load(dir)
		set = s
		done <- probs
	}()
	var probs []Problem
	select {
	case probs = <-done:
	case <-time.After(3 * time.Second):
		// Unblock the stuck reader so the test ends.
		if f, err := os.OpenFile(filepath.Join(dir, "a-ror.ini"), os.O_WRONLY, 0); err == nil {
			f.Close()
		}
		t.Fatal("Load waited on a FIFO named *.ini")
	}
	for _, name := range []string{"a-ror.ini", "c-lank.ini"} {
		found := false
		for _, p := range probs {
			if filepath.Base(p.File) == name && strings.Contains(p.Message.EN, "not a regular file") {
				found = true
			}
		}
		if !found {
			t.Errorf("no message that %s was skipped: %v", name, probs)
		}
	}
	used := false
	for _, s := range set.Agenda {
		if s.ID == "room" && s.Title.SV == "Lokalen" {
			used = true
		}
	}
	if !used {
		t.Errorf("the good file beside the FIFO was not used; problems: %v", probs)
	}
}
