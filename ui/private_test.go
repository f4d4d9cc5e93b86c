package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/screens/home"
	"github.com/sipmote/sipmote/ui/screens/meeting"
	"github.com/sipmote/sipmote/ui/screens/meeting/preview"
	"github.com/sipmote/sipmote/ui/screens/remote"
)

// focusNotRaise tabs through the consent section, as a secretary does,
// until the subjects not to raise have the focus, and fails if the text
// shows on any screen on the way.
func focusNotRaise(t *testing.T, m *Model) {
	t.Helper()
	goConsentStep(t, m)
	fs := m.meeting.Sections[model.SectionConsent].(*meeting.FormSection)
	for range len(fs.Form.Fields) + 1 {
		if out := screenText(m); strings.Contains(out, testNotRaise) {
			t.Fatalf("tabbing through the consent shows what not to raise:\n%s", out)
		}
		if fs.Form.Current().Path == "consent.not_raise" {
			return
		}
		press(m, "tab")
	}
	t.Fatal("tab never reached the subjects not to raise")
}

// TestPrivateFieldHiddenOnFocus: the focus alone never draws a private
// field's text, at 80×24 in both languages; the field says it is hidden,
// how much it holds and how to show it. Typing while it is hidden changes
// nothing and says so; enter shows it, and every way of leaving hides it
// again.
func TestPrivateFieldHiddenOnFocus(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		m, _ := openViewsMeeting(t, l, 80, 24)
		focusNotRaise(t, m)
		out := screenText(m)
		want := model.T(l, "dolt · 1 punkt, 17 tecken · tryck enter för att visa och ändra",
			"hidden · 1 item, 17 characters · press enter to show and edit")
		if !strings.Contains(out, want) {
			t.Fatalf("%s: the focused field does not say it is hidden:\n%s", l, out)
		}
		checkScreen(t, out, 80, 24)

		// A letter, a backspace or a paste while hidden: refused, said.
		for _, msg := range []tea.Msg{kp("x"), kp("backspace"), tea.PasteMsg{Content: "pasted"}} {
			send(m, msg)
			out = screenText(m)
			if strings.Contains(out, testNotRaise) || !strings.Contains(out, model.T(l, "dolt och ändrades inte", "hidden and was not changed")) {
				t.Fatalf("%s: %v on the hidden field:\n%s", l, msg, out)
			}
			if got := livePlan(m).Draft.Consent.NotRaise; len(got) != 1 || got[0] != testNotRaise {
				t.Fatalf("%s: %v on the hidden field changed it to %q", l, msg, got)
			}
		}

		reveal := func(when string) {
			t.Helper()
			press(m, "enter")
			if out := screenText(m); !strings.Contains(out, testNotRaise) || !strings.Contains(out, model.T(l, "visas nu", "shown now")) {
				t.Fatalf("%s: enter did not show the field (%s):\n%s", l, when, out)
			}
		}
		hidden := func(when string) {
			t.Helper()
			if out := screenText(m); strings.Contains(out, testNotRaise) {
				t.Fatalf("%s: still shown after %s:\n%s", l, when, out)
			}
		}
		reveal("first")
		typeText(m, "; x")
		if got := livePlan(m).Draft.Consent.NotRaise; len(got) != 2 {
			t.Fatalf("%s: typing into the shown field gave %q", l, got)
		}
		press(m, "tab")
		hidden("tab")
		press(m, "shift+tab")
		hidden("tab and back")

		reveal("before esc")
		press(m, "esc")
		hidden("esc")
		if out := screenText(m); !strings.Contains(out, model.T(l, "dolt igen", "hidden again")) {
			t.Errorf("%s: esc does not say the field is hidden:\n%s", l, out)
		}

		reveal("before f2")
		press(m, "f2", "f2")
		hidden("the chair's view and back")

		reveal("before another section")
		press(m, "alt+1", "alt+2")
		if m.meeting.Active != model.SectionConsent {
			t.Fatalf("%s: alt+2 went to %s", l, m.meeting.Active)
		}
		hidden("another section and back")

		reveal("before the findings")
		press(m, "ctrl+f", "esc")
		hidden("the findings panel")

		reveal("before the next step")
		press(m, "ctrl+n", "ctrl+p")
		hidden("the next step and back")
	}
}

// TestPrivateFieldEmpty: an empty private field says so, and enter lets
// the secretary write in it.
func TestPrivateFieldEmpty(t *testing.T) {
	db := openTestDB(t)
	p := model.DemoChild(fixedNow)
	p.Draft.Consent.NotRaise = nil
	if err := db.Create(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, db, model.Swedish, 80, 24)
	send(m, home.OpenPlanMsg{ID: p.ID})
	focusNotRaise(t, m)
	if out := screenText(m); !strings.Contains(out, "dolt · tomt · tryck enter för att skriva") {
		t.Fatalf("an empty private field:\n%s", out)
	}
	press(m, "enter")
	typeText(m, "skolan")
	if got := livePlan(m).Draft.Consent.NotRaise; len(got) != 1 || got[0] != "skolan" {
		t.Fatalf("written: %q", got)
	}
	press(m, "tab")
	if out := screenText(m); strings.Contains(out, "skolan") || !strings.Contains(out, "1 punkt, 6 tecken") {
		t.Errorf("after leaving the field:\n%s", out)
	}
}

// screenKind tells the three views of a meeting apart by what they show.
func screenKind(t *testing.T, l model.Lang, out string) meeting.ViewKind {
	t.Helper()
	switch {
	case strings.Contains(out, model.T(l, "MÖTESLEDARENS VY", "CHAIR'S VIEW")):
		if !strings.Contains(out, testNotRaise) {
			t.Fatalf("the chair's view lacks its cue:\n%s", out)
		}
		return meeting.ViewChair
	case strings.Contains(out, testNotRaise):
		t.Fatalf("a view other than the chair's shows what not to raise:\n%s", out)
	case strings.Contains(out, model.T(l, "Nu pratar vi om", "We are talking about")):
		return meeting.ViewRoom
	}
	return meeting.ViewSecretary
}

// TestViewKeysNeverPassTheChair walks every sequence of five view keys
// (f2, f4) and looks at the screen after each key: the room's view is
// only ever entered from the secretary's and only ever left to it, so a
// screen switched to the room or back never shows the chair's cues on
// the way. It also checks where each key leads.
func TestViewKeysNeverPassTheChair(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		m, _ := openViewsMeeting(t, l, 80, 24)
		goConsentStep(t, m)
		keys := []string{"f2", "f4"}
		want := map[meeting.ViewKind]map[string]meeting.ViewKind{
			meeting.ViewSecretary: {"f2": meeting.ViewChair, "f4": meeting.ViewRoom},
			meeting.ViewChair:     {"f2": meeting.ViewSecretary, "f4": meeting.ViewSecretary},
			meeting.ViewRoom:      {"f2": meeting.ViewSecretary, "f4": meeting.ViewSecretary},
		}
		for n := range 1 << 5 {
			// Each walk starts on the secretary's view.
			for m.meeting.Who != meeting.ViewSecretary {
				press(m, "f4")
			}
			prev, seq := meeting.ViewSecretary, ""
			for i := range 5 {
				k := keys[(n>>i)&1]
				seq += k + " "
				press(m, k)
				out := screenText(m)
				now := screenKind(t, l, out)
				if now != want[prev][k] || now != m.meeting.Who {
					t.Fatalf("%s: %s led to view %d, want %d:\n%s", l, seq, now, want[prev][k], out)
				}
				if (prev == meeting.ViewChair && now == meeting.ViewRoom) || (prev == meeting.ViewRoom && now == meeting.ViewChair) {
					t.Fatalf("%s: %s went between the chair's and the room's view", l, seq)
				}
				if now == meeting.ViewRoom && !strings.Contains(out, model.T(l, "f4: tillbaka", "f4: back")) {
					t.Fatalf("%s: the room's view does not say how to go back:\n%s", l, out)
				}
				checkScreen(t, out, 80, 24)
				prev = now
			}
		}
	}
}

// TestRemoteRoomShowsNoKeys: a room's device joined over SSH shows the
// room's view with no key hint, since its keys lead nowhere.
func TestRemoteRoomShowsNoKeys(t *testing.T) {
	m, _ := openViewsMeeting(t, model.Swedish, 80, 24)
	v := m.session.Attach()
	defer v.Detach()
	r := remote.NewRemote(remote.RemoteOptions{Lang: model.Swedish, View: v, Agenda: testAgenda(t), Now: func() time.Time { return fixedNow }})
	r.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	out := ansi.Strip(r.View().Content)
	if !strings.Contains(out, "Nu pratar vi om") || strings.Contains(out, "f4") || strings.Contains(out, "tillbaka") {
		t.Errorf("the room's device:\n%s", out)
	}
}

// TestPanelsLeaveOutNotRaise: no panel the secretary opens over the
// meeting names a subject not to raise, the preview's whole document
// included, even while the field is shown for editing underneath.
func TestPanelsLeaveOutNotRaise(t *testing.T) {
	m, _ := openViewsMeeting(t, model.Swedish, 80, 24)
	focusNotRaise(t, m)
	for _, k := range []string{"ctrl+e", "ctrl+f", "ctrl+t", "ctrl+g", "ctrl+r", "f1"} {
		press(m, "enter") // the field shown underneath
		press(m, k)
		if m.meeting.Over == nil {
			t.Fatalf("%s opened no panel", k)
		}
		if out := screenText(m); strings.Contains(out, testNotRaise) {
			t.Fatalf("%s shows what not to raise:\n%s", k, out)
		}
		if p, ok := m.meeting.Over.(*preview.Overlay); ok {
			if doc := ansi.Strip(p.VP.GetContent()); !p.Ready || strings.Contains(doc, testNotRaise) || !strings.Contains(doc, "BUP") {
				t.Fatalf("the preview's document (ready %v):\n%s", p.Ready, doc)
			}
		}
		press(m, "esc")
		if m.meeting.Over != nil {
			t.Fatalf("esc did not close the panel of %s", k)
		}
		if out := screenText(m); strings.Contains(out, testNotRaise) {
			t.Fatalf("the field is shown again after the panel of %s:\n%s", k, out)
		}
	}
}
