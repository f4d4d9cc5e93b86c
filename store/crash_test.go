package store

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
)

// envCrashDB makes TestCrashHelper run, as the child of TestCrashLosesNothing.
const envCrashDB = "SIPMOTE_STORE_CRASH_DB"

// crashPlanID is the plan the child types into.
const crashPlanID = "c0ffee00-0000-4000-8000-000000000000"

// TestCrashLosesNothing starts a child that types into a plan through a
// Saver and never flushes or closes; it is killed without warning some
// time after its last keystroke. Every keystroke must be on disk.
func TestCrashLosesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	path := filepath.Join(t.TempDir(), "sipmote.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashHelper$")
	cmd.Env = append(os.Environ(), envCrashDB+"="+path)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()

	// The child says "typed N" after each keystroke and "idle N" after the
	// last one.
	lines := bufio.NewScanner(out)
	last := -1
	for lines.Scan() {
		f := strings.Fields(lines.Text())
		if len(f) == 2 && f[0] == "idle" {
			last, _ = strconv.Atoi(f[1])
			break
		}
	}
	if last < 0 {
		t.Fatal("the child did not finish typing")
	}
	// Within the save interval plus some room for a slow disk.
	time.Sleep(DefaultSaveEvery + 300*time.Millisecond)
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()

	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	ed, ok, err := d.LoadEditorDraft(crashPlanID)
	if err != nil || !ok {
		t.Fatalf("no draft after the crash: %v", err)
	}
	if want := crashText(last); ed.Text != want {
		t.Errorf("draft after the crash has %d characters, want %d", len(ed.Text), len(want))
	}
	p, err := d.LoadPlan(crashPlanID)
	if err != nil {
		t.Fatalf("no plan after the crash: %v", err)
	}
	if p.Position.Cursor != last {
		t.Errorf("plan after the crash has cursor %d, want %d", p.Position.Cursor, last)
	}
}

// crashText is the field's text after n keystrokes.
func crashText(n int) string { return strings.Repeat("Tolvan ", n/7+1)[:n] }

// TestCrashHelper is the child of TestCrashLosesNothing. It types for
// about 700 ms, then waits to be killed.
func TestCrashHelper(t *testing.T) {
	path := os.Getenv(envCrashDB)
	if path == "" {
		t.Skip("run by TestCrashLosesNothing")
	}
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s := NewSaver(d, DefaultSaveEvery, nil)
	p := LargePlan()
	p.ID = crashPlanID
	n := 0
	for start := time.Now(); time.Since(start) < 700*time.Millisecond; {
		n++
		p.Position = model.Position{Step: "situation", Field: "content.situation", Cursor: n}
		s.Submit(p.Clone(), &EditorDraft{Field: "content.situation", Text: crashText(n), Cursor: n})
		fmt.Println("typed", n)
		time.Sleep(7 * time.Millisecond)
	}
	fmt.Println("idle", n)
	time.Sleep(time.Hour) // until killed
}
