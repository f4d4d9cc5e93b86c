package cli

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestTypedTextLandsWhereMeant types at 80×24 what a secretary types on
// after esc or one field too far (tryout2 #43, #11): a sentence on the
// goals' table becomes a goal whole, a name on the participants' table
// opens the quick row with it, and a sentence on the consent checkbox
// leaves it unticked with one line naming the keys.
func TestTypedTextLandsWhereMeant(t *testing.T) {
	needTool(t, "tmux")
	bin := buildBinary(t)
	db := filepath.Join(t.TempDir(), "sip.db")
	out, err := exec.Command(bin, "new", "--db", db, "--person", "Karin Lindqvist").Output()
	if err != nil {
		t.Fatalf("new: %v", err)
	}
	id := strings.TrimSpace(string(out))
	tm := startTmux(t, 80, 24, bin, "meeting", id, "--db", db)
	tm.waitFor("Rum och teknik", 10*time.Second)
	pause := func() { time.Sleep(400 * time.Millisecond) }

	tm.keys("M-6") // the goals: an empty list opens a new row
	tm.waitFor("Målet", 5*time.Second)
	tm.keys("-l", "Egen lägenhet")
	pause()
	tm.keys("Escape")
	tm.waitFor("a–ö ny rad", 5*time.Second)
	tm.keys("-l", "Karin ska må bättre")
	tm.waitFor("Inlagda: Egen lägenhet", 5*time.Second)
	pause()
	tm.keys("Escape")
	pause()

	tm.keys("M-1") // the participants
	pause()
	tm.keys("Escape")
	tm.waitFor("a–ö snabbrad", 5*time.Second)
	tm.keys("-l", "Maria Holm, kurator")
	tm.waitFor("Maria Holm · personal, kurator", 5*time.Second)
	tm.keys("Enter")
	pause()
	tm.keys("Escape")
	pause()

	tm.keys("M-2") // consent: the first field is the checkbox
	tm.waitFor("Samtycke finns", 5*time.Second)
	tm.keys("-l", "ja hon sa ja")
	s := tm.waitFor("Här skrivs ingen text", 5*time.Second)
	if !strings.Contains(s, "[ ] nej") {
		t.Errorf("a sentence typed on the consent checkbox changed it:\n%s", s)
	}
	tm.keys("C-q")
	tm.waitFor("Planer", 5*time.Second)
	tm.keys("q")
	time.Sleep(time.Second)

	exp, err := exec.Command(bin, "export", id, "--format", "json", "--db", db).Output()
	if err != nil {
		t.Fatalf("export: %v %s\n%s", err, exp, tm.capture())
	}
	var doc struct {
		Plan struct {
			Draft struct {
				Content struct {
					Goals []struct{ Text string }
				}
				Consent struct{ Given bool }
				Meeting struct {
					Participants []struct{ Name, Title string }
				}
			}
		}
	}
	if err := json.Unmarshal(exp, &doc); err != nil {
		t.Fatal(err)
	}
	d := doc.Plan.Draft
	var goals []string
	for _, g := range d.Content.Goals {
		goals = append(goals, g.Text)
	}
	if got := strings.Join(goals, "|"); got != "Egen lägenhet|Karin ska må bättre" {
		t.Errorf("goals %q, want the two typed whole", got)
	}
	if len(d.Meeting.Participants) != 1 || d.Meeting.Participants[0].Name != "Maria Holm" {
		t.Errorf("participants %+v, want Maria Holm", d.Meeting.Participants)
	}
	if d.Consent.Given {
		t.Error("the consent was given by a typed sentence")
	}
}
