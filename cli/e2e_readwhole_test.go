package cli

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// screenWords joins a captured screen's words, without the boxes'
// borders, so that a text wrapped over lines of one box reads as one.
func screenWords(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune("│╭╮╰╯─", r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// TestReadWholeAt80 runs sipmote in a real 80×24 terminal: every finding
// of a new plan, the longest (three lines and more) included, is read
// whole with enter in the findings list, and a start on another day than
// the booked one keeps its undo key on screen.
func TestReadWholeAt80(t *testing.T) {
	needTool(t, "tmux")
	bin := buildBinary(t)
	db := filepath.Join(t.TempDir(), "sip.db")
	day := time.Now().AddDate(0, 0, 2).Format("2006-01-02")
	out, err := exec.Command(bin, "new", "--db", db, "--person", "Maja Lind", "--date", day, "--time", "10:00").Output()
	if err != nil {
		t.Fatalf("new: %v", err)
	}
	id := strings.TrimSpace(string(out))
	js, err := exec.Command(bin, "findings", id, "--db", db, "--json").Output()
	if err != nil && len(js) == 0 {
		t.Fatalf("findings: %v", err)
	}
	var f struct {
		Errors, Warnings, Info []struct{ Message string }
	}
	if err := json.Unmarshal(js, &f); err != nil {
		t.Fatalf("findings --json: %v\n%s", err, js)
	}
	var msgs []string
	for _, group := range [][]struct{ Message string }{f.Errors, f.Warnings, f.Info} {
		for _, x := range group {
			msgs = append(msgs, x.Message)
		}
	}
	longest := ""
	for _, m := range msgs {
		if len(m) > len(longest) {
			longest = m
		}
	}
	if len(longest) < 160 {
		t.Fatalf("a new plan should have a finding of three lines at 80 columns; the longest is %q", longest)
	}

	tm := startTmux(t, 80, 24, bin, "meeting", id[:8], "--db", db)
	tm.waitFor("Rum och teknik", 10*time.Second)
	tm.keys("C-f")
	tm.waitFor("Brister i planen", 5*time.Second)
	if s := tm.capture(); strings.Contains(screenWords(s), longest) {
		t.Fatalf("the list should not show the longest finding whole before it is chosen:\n%s", s)
	}
	read := map[string]bool{}
	for range len(msgs) {
		tm.keys("Enter")
		s := tm.waitFor("esc/enter stänger", 5*time.Second)
		for _, m := range msgs {
			if strings.Contains(screenWords(s), m) {
				read[m] = true
			}
		}
		if !strings.Contains(s, "g går dit") {
			t.Fatalf("the reader does not name the key that goes to the field:\n%s", s)
		}
		tm.keys("Escape")
		tm.waitFor("Brister i planen", 5*time.Second)
		tm.keys("Down")
		time.Sleep(150 * time.Millisecond)
	}
	for _, m := range msgs {
		if !read[m] {
			t.Errorf("never read whole with enter: %q", m)
		}
	}

	tm.keys("Escape")
	time.Sleep(200 * time.Millisecond)
	tm.keys("C-o")
	s := tm.waitFor("ctrl+o ångrar", 5*time.Second)
	if !strings.Contains(screenWords(s), "(bokat "+day+" 10:00); planen har nu den tiden. ctrl+o ångrar.") {
		t.Errorf("the start message is not whole:\n%s", s)
	}
}
