package cli

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestMeetingOpensDirectlyForTypeAhead starts `sipmote meeting ID` and types
// at once, before the first screen is drawn, as a secretary does: every
// letter must reach the name field it was typed for, none the home screen.
func TestMeetingOpensDirectlyForTypeAhead(t *testing.T) {
	needTool(t, "tmux")
	bin := buildBinary(t)
	db := filepath.Join(t.TempDir(), "sip.db")
	out, err := exec.Command(bin, "new", "--db", db, "--person", "Maja Lind").Output()
	if err != nil {
		t.Fatalf("new: %v", err)
	}
	id := strings.TrimSpace(string(out))
	for i := range 3 {
		tm := startTmux(t, 100, 30, bin, "meeting", id, "--db", db, "--lang", "en")
		tm.keys("-l", "Sara Ekström")
		// The letters may first show as the terminal's echo, before the
		// program has the screen; wait for the meeting, then a moment.
		tm.waitFor("Who is here", 10*time.Second)
		time.Sleep(500 * time.Millisecond)
		s := tm.capture()
		if strings.Contains(s, "Plans") {
			t.Fatalf("run %d: the home screen came first:\n%s", i, s)
		}
		// The field in focus holds what was typed in this run, after what
		// was typed in earlier runs, and nothing lost its first letter.
		want := strings.Repeat("Sara Ekström", i+1)
		m := regexp.MustCompile(`│ › [^\n]*\n[^\n]*│ +([^│]*?) +│\n`).FindStringSubmatch(s)
		if m == nil || !strings.HasSuffix(m[1], want) {
			t.Fatalf("run %d: the field in focus does not end with %q:\n%s", i, want, s)
		}
		tm.keys("C-q")
		tm.waitFor("Plans", 5*time.Second)
		tm.keys("q")
		time.Sleep(500 * time.Millisecond)
	}
}

// TestTypeAheadCannotClosePlan types, as fast as keys come, what closed a
// plan for good before: x (close), some text, ctrl+s and a yes. The plan
// must still be open; the question must be on screen; a deliberate y after
// a pause then closes it.
func TestTypeAheadCannotClosePlan(t *testing.T) {
	needTool(t, "tmux")
	bin := buildBinary(t)
	db := filepath.Join(t.TempDir(), "sip.db")
	out, err := exec.Command(bin, "new", "--db", db, "--person", "Maja Lind").Output()
	if err != nil {
		t.Fatalf("new: %v", err)
	}
	id := strings.TrimSpace(string(out))
	tm := startTmux(t, 100, 30, bin, "--db", db, "--lang", "en")
	tm.waitFor("Maja Lind", 10*time.Second)
	tm.keys("x", "Right", "Right", "Right", "Right", "Tab")
	tm.keys("-l", "flyttar")
	tm.keys("C-s", "y", "y", "Enter", "j")
	tm.waitFor("for good?", 5*time.Second)
	time.Sleep(300 * time.Millisecond)
	if s := tm.capture(); strings.Contains(s, "The plan is closed") {
		t.Fatalf("type-ahead closed the plan:\n%s", s)
	}
	time.Sleep(time.Second)
	tm.keys("y")
	tm.waitFor("The plan is closed", 5*time.Second)
	tm.keys("Escape")
	tm.waitFor("Plans", 5*time.Second)
	tm.keys("q")
	deadline := time.Now().Add(5 * time.Second)
	for {
		list, err := exec.Command(bin, "list", "--json", "--db", db).Output()
		if err == nil {
			if !strings.Contains(string(list), `"closed"`) || !strings.Contains(string(list), id) {
				t.Fatalf("the deliberate yes did not close the plan: %s", list)
			}
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("database still locked: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
