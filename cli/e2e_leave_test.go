package cli

import (
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestLeaveKeepsQuickRow types a participant's quick row and leaves the
// meeting with ctrl+c before enter adds it: the home screen says the row
// is kept, and the plan opens with the row as it was typed, not added.
// Then the same with kill -9 half a second after the last key.
func TestLeaveKeepsQuickRow(t *testing.T) {
	needTool(t, "tmux")
	bin := buildBinary(t)
	db := filepath.Join(t.TempDir(), "sip.db")
	out, err := exec.Command(bin, "new", "--db", db, "--person", "Maja Lind").Output()
	if err != nil {
		t.Fatalf("new: %v", err)
	}
	id := strings.TrimSpace(string(out))
	tm := startTmux(t, 80, 24, bin, "meeting", id, "--db", db, "--lang", "en")
	tm.waitFor("Room and equipment", 10*time.Second)
	tm.keys("C-g")
	tm.waitFor("Go to section", 5*time.Second)
	tm.keys("1")
	tm.waitFor("Participants", 5*time.Second)
	// An empty list opens a new row's form; esc goes to the table, where
	// typing opens the quick row.
	tm.keys("Escape")
	time.Sleep(300 * time.Millisecond)
	tm.keys("-l", "Karin Svensson, occupational therapist, Rehab")
	tm.waitFor("enter adds", 5*time.Second)
	tm.keys("C-c")
	// The home screen comes first, the line on the closed meeting when its
	// last save is done: wait for the line, wrapped or not.
	tm.waitFor("Plans", 10*time.Second)
	var s string
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		s = tm.capture()
		if flat := strings.Join(strings.Fields(s), " "); strings.Contains(flat, "The participant row not yet added is saved too") {
			break
		}
		if time.Now().After(deadline) {
			t.Errorf("leaving with a quick row typed does not say the row is kept:\n%s", s)
			break
		}
	}
	tm.keys("Enter")
	s = tm.waitFor("Quick row", 10*time.Second)
	if !strings.Contains(s, "+ Karin Svensson, occupational therapist, Rehab") || !strings.Contains(s, "typed last time but is not added") {
		t.Fatalf("the plan opens without the quick row typed before leaving:\n%s", s)
	}
	if strings.Contains(s, "Karin Svensson  ") {
		t.Errorf("the row was added to the table though enter was never pressed:\n%s", s)
	}
	// A person looks at the meeting before typing: keys that come with
	// its first screen are taken as typed before it, and ignored.
	time.Sleep(500 * time.Millisecond)
	tm.keys("-l", ", video")
	tm.waitFor("Rehab, video", 5*time.Second)
	time.Sleep(500 * time.Millisecond)
	if err := syscall.Kill(tm.pid(), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	tm2 := startTmux(t, 80, 24, bin, "meeting", id, "--db", db, "--lang", "en")
	s = tm2.waitFor("Quick row", 10*time.Second)
	if !strings.Contains(s, "+ Karin Svensson, occupational therapist, Rehab, video") {
		t.Errorf("after kill -9 the quick row is not as typed:\n%s", s)
	}
}
