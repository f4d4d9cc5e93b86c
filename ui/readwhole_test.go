package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/components"
	"github.com/sipmote/sipmote/ui/screens/home"
)

// flat joins a screen's lines into one line of words, without the boxes'
// borders, so that a text wrapped over several lines can be found whole.
func flat(screen string) string {
	var words []string
	for _, l := range strings.Split(screen, "\n") {
		l = strings.Map(func(r rune) rune {
			if strings.ContainsRune("│╭╮╰╯─", r) {
				return ' '
			}
			return r
		}, l)
		words = append(words, strings.Fields(l)...)
	}
	return strings.Join(words, " ")
}

// readable tells whether text stands whole on the screen, wrapped or not.
func readable(screen, text string) bool {
	return strings.Contains(flat(screen), strings.Join(strings.Fields(text), " "))
}

// TestFindingReadsWholeAndGoesThere: at 80×24 a finding longer than its
// two lines in the list is cut there, enter shows it whole, esc goes back
// to the list, and g goes to the field it is about.
func TestFindingReadsWholeAndGoesThere(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		db := openTestDB(t)
		p := model.DemoChild(fixedNow)
		// A unit the guardians have not consented to: its finding is
		// longer than two lines at 80 columns.
		p.Draft.Meeting.Participants = append(p.Draft.Meeting.Participants, model.Participant{ID: model.NewID(), Name: "Lisa Berg",
			Role: model.RoleStaff, Unit: "Försäkringskassan", Principal: model.PrincipalOther, OtherParty: "Försäkringskassan", Attendance: model.AttendRoom})
		if err := db.Create(context.Background(), p); err != nil {
			t.Fatal(err)
		}
		m := newTestModel(t, db, l, 80, 24)
		send(m, home.OpenPlanMsg{ID: p.ID})
		press(m, "ctrl+f")
		// The longest finding, and one other to stand on.
		fs := m.meeting.Findings
		long := 0
		for i, f := range fs {
			if len(f.Message.In(l)) > len(fs[long].Message.In(l)) {
				long = i
			}
		}
		msg := fs[long].Message.In(l)
		if len(msg) < 150 || len(fs) < 2 {
			t.Fatalf("the child demo should have a finding longer than two lines; longest %q", msg)
		}
		other := (long + 1) % len(fs)
		for range other {
			press(m, "down")
		}
		if s := screenText(m); readable(s, msg) {
			t.Errorf("%s: with the cursor elsewhere the long finding should take two lines:\n%s", l, s)
		}
		press(m, "up", "up", "up", "up", "up", "up", "up", "up", "up", "up", "up", "up", "up", "up", "up", "up")
		for range long {
			press(m, "down")
		}
		if s := screenText(m); !readable(s, msg) {
			t.Errorf("%s: the finding chosen is not whole in the list:\n%s", l, s)
		}
		press(m, "enter")
		s := screenText(m)
		if !readable(s, msg) {
			t.Errorf("%s: enter does not show the finding whole:\n%s", l, s)
		}
		if !strings.Contains(s, model.T(l, "g går dit", "g goes there")) || !strings.Contains(s, "esc/enter") {
			t.Errorf("%s: the reader does not name its keys:\n%s", l, s)
		}
		press(m, "esc")
		if s := screenText(m); !strings.Contains(s, model.T(l, "Brister i planen", "Findings in the plan")) {
			t.Errorf("%s: esc in the reader does not go back to the list:\n%s", l, s)
		}
		press(m, "enter", "g")
		want, _ := sectionOfPathForTest(fs[long].Path)
		if m.meeting.Over != nil || m.meeting.Active != want {
			t.Errorf("%s: g in the reader goes to %q (overlay %v), want %q:\n%s", l, m.meeting.Active, m.meeting.Over != nil, want, screenText(m))
		}
	}
}

// sectionOfPathForTest is the section a finding's path belongs to.
func sectionOfPathForTest(path string) (string, bool) {
	s := model.SectionOf(path)
	return s, s != ""
}

// TestReaderScrollsToEveryLine: a text longer than the reader's box is
// read to its last word by scrolling; the box says what is above and
// below, keeps its size, and enter closes it.
func TestReaderScrollsToEveryLine(t *testing.T) {
	st := common.NewStyles(true, false)
	var words []string
	for i := range 60 {
		words = append(words, fmt.Sprintf("ord%02d", i))
	}
	r := components.NewReader(model.Swedish, &st, "Titel", strings.Join(words, " lite text "))
	const w, h = 40, 12
	seen := map[string]bool{}
	for range 40 {
		v := ansi.Strip(viewAt(r, w, h))
		if lines := strings.Split(v, "\n"); len(lines) != h {
			t.Fatalf("the reader is %d lines, want %d:\n%s", len(lines), h, v)
		}
		for _, f := range strings.Fields(v) {
			seen[f] = true
		}
		r.Update(kp("down"))
	}
	for _, w := range words {
		if !seen[w] {
			t.Errorf("%s never shows when scrolling down", w)
		}
	}
	if !seen["↑"] || !seen["bläddrar"] {
		t.Errorf("a scrolled reader does not say that more is above, or how to scroll")
	}
	r.Update(kp("enter"))
	if !r.Closed() {
		t.Errorf("enter does not close the reader")
	}
}
