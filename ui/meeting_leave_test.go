package ui

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
	"github.com/sipmote/sipmote/ui/screens/meeting"
)

// While saves fail, ctrl+q does not leave silently: it asks, type-ahead
// cannot answer, "no" stays with the text, and only a deliberate "yes"
// leaves, after which the home screen does not claim the text was kept.
func TestLeavingWithUnsavedTextAsks(t *testing.T) {
	now := fakeConfirmClock(t)
	m := newTestModel(t, openTestDB(t), model.English, 120, 40)
	newMeeting(t, m, "Karin Holm", "Ali Rahimi")
	if m.screen != screenMeeting {
		t.Fatalf("no meeting:\n%s", screenText(m))
	}
	id := m.meeting.Sess.Session().ID()
	send(m, meeting.SessionMsg{Owner: m.meeting.Owner(), Event: service.Event{Session: id, Saved: &service.Saved{At: fixedNow, Err: errors.New("write: no space left on device")}}})
	if !m.meeting.SaveErr {
		t.Fatal("the failed save is not shown")
	}
	press(m, "ctrl+q")
	if m.screen != screenMeeting || !strings.Contains(screenText(m), "NOT saved") {
		t.Fatalf("ctrl+q left a meeting whose text is not saved:\n%s", screenText(m))
	}
	press(m, "y") // typed ahead: within the quiet time
	if m.screen != screenMeeting {
		t.Fatal("type-ahead answered the question")
	}
	*now = now.Add(time.Second)
	press(m, "n")
	if m.screen != screenMeeting || m.meeting.LeaveAsk != nil {
		t.Fatalf("no did not stay in the meeting:\n%s", screenText(m))
	}
	press(m, "ctrl+q")
	*now = now.Add(time.Second)
	press(m, "y")
	if m.screen != screenHome {
		t.Fatalf("a deliberate yes did not leave:\n%s", screenText(m))
	}
	if s := screenText(m); strings.Contains(s, "kept") {
		t.Errorf("the home screen claims the text is kept:\n%s", s)
	}
}

// A save that works leaves at once, with no question.
func TestLeavingWhenSavedDoesNotAsk(t *testing.T) {
	m := newTestModel(t, openTestDB(t), model.English, 120, 40)
	newMeeting(t, m, "Karin Holm", "Ali Rahimi")
	press(m, "ctrl+q")
	if m.screen != screenHome {
		t.Fatalf("ctrl+q asked although nothing failed:\n%s", screenText(m))
	}
}

// TestLeavingSaysItIsSaved: leaving a meeting whose saves work is not
// silent: the home screen says the text is saved, which it then is. And
// ctrl+c leaves the new-plan form as esc does, keeping what was typed.
func TestLeavingSaysItIsSaved(t *testing.T) {
	m, id := openTyping(t)
	typeText(m, "sparas")
	press(m, "ctrl+q")
	drainPending(m)
	if m.screen != screenHome || !strings.Contains(screenText(m), "everything typed is saved") {
		t.Fatalf("leaving the meeting says nothing of the text:\n%s", screenText(m))
	}
	p, err := m.o.Service.Load(context.Background(), id)
	if err != nil || p.Draft.Content.OwnWords != "sparas" {
		t.Fatalf("the screen says saved, but the database has %q (%v)", p.Draft.Content.OwnWords, err)
	}
	press(m, "n")
	typeText(m, "Ola")
	press(m, "ctrl+c")
	if m.screen != screenHome {
		t.Errorf("ctrl+c does not leave the new-plan form:\n%s", screenText(m))
	}
	if m.formDraft == nil || m.formDraft.Person != "Ola" {
		t.Errorf("the form typed was not kept on ctrl+c: %+v", m.formDraft)
	}
}

// TestCtrlCLeavesAsCtrlQ: ctrl+c in a meeting saves and leaves as ctrl+q
// does, and says so on the home screen; F1 names it, since for a social
// worker ctrl+c is copy (tryout2 #24).
func TestCtrlCLeavesAsCtrlQ(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		m := newTestModel(t, openTestDB(t), l, 80, 24)
		newMeeting(t, m, "Karin Holm", "Ali Rahimi")
		press(m, "f1")
		if want := model.T(l, "ctrl+c samma som ctrl+q", "ctrl+c same as ctrl+q"); !strings.Contains(strings.Join(strings.Fields(screenText(m)), " "), want) {
			t.Errorf("%s: F1 does not say %q:\n%s", l, want, screenText(m))
		}
		press(m, "esc", "ctrl+c")
		drainPending(m)
		if want := model.T(l, "Mötet är stängt och allt som skrevs är sparat.", "The meeting is closed and everything typed is saved."); m.screen != screenHome || !strings.Contains(screenText(m), want) {
			t.Errorf("%s: ctrl+c did not leave with %q:\n%s", l, want, screenText(m))
		}
	}
}

// TestOpenedPlanSaysWhenSaved: a plan just opened says when it was last
// saved; "sparat  ·" alone read as a time cut off (tryout2 #42).
func TestOpenedPlanSaysWhenSaved(t *testing.T) {
	m, _ := openTyping(t)
	lines := strings.Split(screenText(m), "\n")
	status := lines[len(lines)-2]
	if !regexp.MustCompile(`saved (\d{4}-\d\d-\d\d )?\d\d:\d\d`).MatchString(status) {
		t.Errorf("the status line of a plan just opened does not say when it was saved: %q", status)
	}
}

// A database that refuses every write (found damaged) is not said to be
// tried again, on the status line or in the question on leaving.
func TestRefusedSavesAreNotSaidRetried(t *testing.T) {
	m := newTestModel(t, openTestDB(t), model.English, 250, 40)
	newMeeting(t, m, "Karin Holm", "Ali Rahimi")
	id := m.meeting.Sess.Session().ID()
	send(m, meeting.SessionMsg{Owner: m.meeting.Owner(), Event: service.Event{Session: id, Saved: &service.Saved{At: fixedNow, Err: service.ErrDamaged}}})
	read := func() string { return strings.Join(strings.Fields(screenText(m)), " ") }
	if s := read(); !strings.Contains(s, "damaged records") || strings.Contains(s, "trying again") || !strings.Contains(s, "The text is only here") {
		t.Errorf("the status line of a refused save:\n%s", screenText(m))
	}
	press(m, "ctrl+q")
	if s := read(); !strings.Contains(s, "NOT saved") || strings.Contains(s, "tried again") || !strings.Contains(s, "will not take the text then either") {
		t.Errorf("the question on leaving a refused save:\n%s", screenText(m))
	}
}
