package ui

import (
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
	"github.com/sipmote/sipmote/ui/screens/meeting"
	"github.com/sipmote/sipmote/ui/screens/remote"
)

// stepMoved waits for the event of another view's step move on spy, a
// view attached to the same session, and hands it to the secretary's
// screen as the program would.
func stepMoved(t *testing.T, m *Model, spy *service.View) {
	t.Helper()
	deadline := time.After(5 * time.Second)
	for {
		select {
		case e := <-spy.Events():
			if e.StepMoved {
				send(m, meeting.SessionMsg{Owner: m.meeting.Owner(), Event: e})
				return
			}
		case <-deadline:
			t.Fatal("the chair's move never reached the session")
		}
	}
}

// TestChairsStepNeverMovesTheSecretarysCursor: three views attached to one
// session, the secretary's, the chair's device and the room's device. The
// secretary is typing in the private field "not to raise" when the chair
// moves to the next step: the rest of what is typed still lands there,
// the secretary's screen says in one line where the chair is and that F5
// follows, the room's device shows the chair's step and never the private
// words; F5 then takes the secretary to the chair's step and section.
func TestChairsStepNeverMovesTheSecretarysCursor(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		m, _ := openViewsMeeting(t, model.Swedish, sz[0], sz[1])
		mm := m.meeting
		focusNotRaise(t, m)
		press(m, "enter") // show it for editing
		typeText(m, "; hemligt ")
		at, field := mm.Active, mm.Sections[model.SectionConsent].(*meeting.FormSection).Form.Current().Path

		spy := m.session.Attach()
		defer spy.Detach()
		cv, rv := m.session.Attach(), m.session.Attach()
		defer cv.Detach()
		defer rv.Detach()
		now := func() time.Time { return fixedNow }
		chair := remote.NewRemote(remote.RemoteOptions{Lang: model.Swedish, Chair: true, View: cv, Agenda: testAgenda(t), Now: now})
		room := remote.NewRemote(remote.RemoteOptions{Lang: model.Swedish, View: rv, Agenda: testAgenda(t), Now: now})
		chair.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
		room.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
		from := mm.Step
		chair.Update(kp("right"))
		stepMoved(t, m, spy)
		typeText(m, "fortsatt")

		if mm.Step != from || mm.Active != at || mm.Sections[model.SectionConsent].(*meeting.FormSection).Form.Current().Path != field {
			t.Fatalf("%v: the chair's move took the secretary to step %d, section %s", sz, mm.Step, mm.Active)
		}
		got := livePlan(m).Draft.Consent.NotRaise
		if len(got) != 2 || got[1] != "hemligt fortsatt" {
			t.Errorf("%v: what was typed went elsewhere: not to raise = %q", sz, got)
		}
		next := mm.Steps[from+1]
		// Where the chair is goes on the status line, so the help line
		// keeps the keys (tryout41a #11).
		want := "mötesledaren på " + strconv.Itoa(from+2) + " · f5 följ"
		scr := screenText(m)
		if !strings.Contains(scr, want) || !strings.Contains(scr, "f1 hjälp") {
			t.Errorf("%v: the secretary's screen does not say where the chair is (%q), or lost its keys:\n%s", sz, want, scr)
		}
		checkScreen(t, scr, sz[0], sz[1])
		roomScr := ansi.Strip(room.View().Content)
		if strings.Contains(roomScr, "hemligt") || strings.Contains(roomScr, "fortsatt") || strings.Contains(roomScr, testNotRaise) {
			t.Errorf("%v: the room's device shows the private field:\n%s", sz, roomScr)
		}
		if !strings.Contains(roomScr, next.Title.In(model.Swedish)) {
			t.Errorf("%v: the room's device does not follow the chair to %q:\n%s", sz, next.Title.In(model.Swedish), roomScr)
		}

		press(m, "f5")
		if mm.Step != from+1 || mm.Active != next.Section {
			t.Errorf("%v: F5 went to step %d, section %s; want %d, %s", sz, mm.Step, mm.Active, from+1, next.Section)
		}
		if scr := screenText(m); strings.Contains(scr, "mötesledaren på") || strings.Contains(scr, "hemligt") {
			t.Errorf("%v: after F5 the line stays, or the private field is still shown:\n%s", sz, scr)
		}
		// The chair moving to the secretary's own step says nothing.
		chair.Update(kp("left"))
		stepMoved(t, m, spy)
		chair.Update(kp("right"))
		stepMoved(t, m, spy)
		if scr := screenText(m); strings.Contains(scr, "mötesledaren på") {
			t.Errorf("%v: the chair back on the secretary's step still shows the line:\n%s", sz, scr)
		}
	}
}
