package cli

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestMeetingIgnoresKeysBeforeItsFirstFrame starts `sipmote meeting ID` and
// types at once, before the first screen is drawn, what printed a plan
// before: ctrl+n fifteen times, p, enter and letters. None may act: no
// print question, no print, no text in the person's name; the screen says
// the keys were ignored, and a key typed once the screen is there works
// (not in the person's name: the meeting never opens with the cursor there).
func TestMeetingIgnoresKeysBeforeItsFirstFrame(t *testing.T) {
	needTool(t, "tmux")
	bin := buildBinary(t)
	db := filepath.Join(t.TempDir(), "sip.db")
	out, err := exec.Command(bin, "new", "--db", db, "--person", "Maja Lind").Output()
	if err != nil {
		t.Fatalf("new: %v", err)
	}
	id := strings.TrimSpace(string(out))
	for i := range 2 {
		tm := startTmux(t, 80, 24, bin, "meeting", id, "--db", db, "--lang", "en")
		keys := []string{}
		for range 15 {
			keys = append(keys, "C-n")
		}
		tm.keys(append(keys, "p", "Enter")...)
		tm.keys("-l", "hello tay")
		tm.waitFor("before the screen was ready", 10*time.Second)
		time.Sleep(500 * time.Millisecond)
		s := tm.capture()
		if strings.Contains(s, "Plans") || strings.Contains(s, "hello") || strings.Contains(s, "tay") {
			t.Fatalf("run %d: keys typed before the first frame acted:\n%s", i, s)
		}
		if !regexp.MustCompile(`\d+ keys were pressed before the screen was ready; they did nothing\.`).MatchString(s) {
			t.Fatalf("run %d: the screen does not say the keys were ignored:\n%s", i, s)
		}
		// A key typed now, with the screen there, works, and the cursor
		// the meeting opened with is not in the person's name.
		tm.keys("-l", "!")
		if s := tm.waitFor("!", 5*time.Second); strings.Contains(s, "Maja Lind!") {
			t.Fatalf("run %d: the meeting opened with the cursor in the person's name:\n%s", i, s)
		}
		tm.keys("BSpace")
		time.Sleep(300 * time.Millisecond)
		tm.keys("C-q")
		tm.waitFor("Plans", 5*time.Second)
		tm.keys("q")
		time.Sleep(500 * time.Millisecond)
	}
	trail, err := exec.Command(bin, "trail", id, "--db", db, "--lang", "en").CombinedOutput()
	if err != nil {
		t.Fatalf("trail: %v\n%s", err, trail)
	}
	if strings.Contains(strings.ToLower(string(trail)), "print") {
		t.Errorf("the plan was printed by keys typed before the first frame:\n%s", trail)
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

// TestOpeningAPlanDropsKeysTypedAtOnce: enter on the home screen and a
// word typed at once (tryout 42a, 1: "Nora Lundabc" was saved). Whether
// the keys come while the plan loads or just after the meeting is put in
// front, nobody has seen where they would go: none is typed, the screen
// says how many did nothing, and the saved name is the one it was.
func TestOpeningAPlanDropsKeysTypedAtOnce(t *testing.T) {
	needTool(t, "tmux")
	bin := buildBinary(t)
	db := filepath.Join(t.TempDir(), "sip.db")
	out, err := exec.Command(bin, "new", "--db", db, "--person", "Nora Lund").Output()
	if err != nil {
		t.Fatalf("new: %v", err)
	}
	id := strings.TrimSpace(string(out))
	tm := startTmux(t, 80, 24, bin, "--db", db)
	tm.waitFor("Nora Lund", 10*time.Second)
	for i := range 2 {
		tm.keys("Enter")
		tm.keys("-l", "abc")
		s := tm.waitFor("innan skärmen var klar", 5*time.Second)
		if strings.Contains(s, "abc") {
			t.Fatalf("run %d: keys typed as the plan opened were typed:\n%s", i, s)
		}
		tm.keys("C-q")
		tm.waitFor("Planer", 5*time.Second)
	}
	tm.keys("q")
	deadline := time.Now().Add(5 * time.Second)
	for {
		j, err := exec.Command(bin, "export", id, "--format", "json", "--db", db).Output()
		if err == nil {
			if !strings.Contains(string(j), `"name": "Nora Lund"`) || strings.Contains(string(j), "abc") {
				t.Fatalf("the plan was changed by keys typed as it opened:\n%s", j)
			}
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("export: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
