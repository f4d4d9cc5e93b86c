package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/screens/meeting"
	"github.com/sipmote/sipmote/ui/screens/remote"
)

// TestChairStartsTheMeetingFromTheirDevice: the chair's device over SSH
// offered ctrl+o to start the meeting, and the key did nothing (tryout41a
// #7). It starts the clock as the secretary's ctrl+o does, and the
// secretary's ctrl+o takes a false start back.
func TestChairStartsTheMeetingFromTheirDevice(t *testing.T) {
	m, _ := openViewsMeeting(t, model.Swedish, 80, 24)
	if d := livePlan(m).Draft; d == nil || d.Started() {
		t.Fatalf("the meeting should not have started yet")
	}
	v, spy := m.session.Attach(), m.session.Attach()
	defer v.Detach()
	defer spy.Detach()
	later := fixedNow.Add(2 * time.Minute)
	r := remote.NewRemote(remote.RemoteOptions{Lang: model.Swedish, Chair: true, View: v, Agenda: testAgenda(t), Now: func() time.Time { return later }})
	r.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if out := ansi.Strip(r.View().Content); !strings.Contains(out, "ctrl+o") {
		t.Fatalf("the chair's device does not offer ctrl+o:\n%s", out)
	}
	r.Update(kp("f1"))
	if out := ansi.Strip(r.View().Content); !strings.Contains(out, "ctrl+o") || !strings.Contains(out, "starta mötet") {
		t.Errorf("the chair's F1 does not list ctrl+o:\n%s", out)
	}
	r.Update(kp("esc")) // any key closes the help
	r.Update(kp("ctrl+o"))
	d := livePlan(m).Draft
	if !d.Started() || d.Meeting.StartedAt == nil || !d.Meeting.StartedAt.Equal(later) {
		t.Fatalf("the chair's ctrl+o did not start the meeting: %+v", d.Meeting)
	}
	// The secretary is told, as the session's event arrives.
	select {
	case e := <-spy.Events():
		send(m, meeting.SessionMsg{Owner: m.meeting.Owner(), Event: e})
	case <-time.After(5 * time.Second):
		t.Fatal("the chair's start never reached the session")
	}
	if !strings.Contains(screenText(m), "Mötesledaren startade mötet") {
		t.Errorf("the secretary's screen does not say that the chair started the meeting:\n%s", screenText(m))
	}
	// Again on the chair's device: said where a false start is undone.
	r.Update(kp("ctrl+o"))
	if out := ansi.Strip(r.View().Content); !strings.Contains(out, "Mötet har redan startat") {
		t.Errorf("a second ctrl+o on the chair's device says nothing:\n%s", out)
	}
	press(m, "ctrl+o")
	if !strings.Contains(screenText(m), "Ångra starten?") {
		t.Fatalf("the secretary's ctrl+o does not offer to undo the chair's start:\n%s", screenText(m))
	}
	press(m, "j")
	if livePlan(m).Draft.Started() {
		t.Errorf("the secretary could not undo the chair's start")
	}
}
