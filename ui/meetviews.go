package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
)

// viewKind is one of the three views of a meeting.
type viewKind int

const (
	viewSecretary viewKind = iota
	viewChair
	viewRoom
)

// state is the meeting as the chair's and the room's views read it. In one
// terminal they read the live plan: they draw on the same goroutine that
// changes it, and never write to it.
func (m *meetingModel) state() MeetingState {
	return MeetingState{Plan: m.sess.Plan(), Steps: m.steps, Step: m.step,
		Elapsed: m.elapsed(), Findings: m.findings, Rev: m.rev}
}

// updateOtherView takes the keys while the chair's or the room's view is on
// screen, and the keys that switch between the views.
func (m *meetingModel) updateOtherView(msg tea.Msg) (tea.Cmd, bool) {
	k, isKey := msg.(tea.KeyPressMsg)
	if isKey && m.over == nil {
		if next, ok := m.switchView(k); ok {
			m.who = next
			m.agendaKey = ""
			return nil, true
		}
	}
	if m.who == viewSecretary {
		return nil, false
	}
	if _, paste := msg.(tea.PasteMsg); paste {
		return nil, true // nothing is typed into these views
	}
	if !isKey {
		return nil, false
	}
	if key.Matches(k, m.keys.quit) {
		return func() tea.Msg { return closeMeetingMsg{} }, true
	}
	if m.who == viewRoom {
		m.room.update(k)
		return nil, true
	}
	return m.applyChair(m.chair.update(k, m.state())), true
}

// switchView says which view a key leads to. The screen in front of the
// secretary may be the one the room sees, so the room's view is entered
// only from the secretary's and left only to it: switching a projected
// screen to the room, or back, never passes through the chair's view with
// its private cues. f2 goes between the secretary's view and the chair's;
// f4 puts the room's view on and off. f4 in the chair's view and f2 in
// the room's lead back to the secretary's, and the first says how to go
// on to the room.
func (m *meetingModel) switchView(k tea.KeyPressMsg) (viewKind, bool) {
	views, room := key.Matches(k, m.keys.views), key.Matches(k, m.keys.room)
	if !views && !room {
		return m.who, false
	}
	m.message = ""
	switch {
	case m.who == viewSecretary && views:
		return viewChair, true
	case m.who == viewSecretary && room:
		return viewRoom, true
	case m.who == viewChair && room:
		m.message = model.T(m.lang, "Mötesledarens vy är stängd. Tryck f4 igen för rummets vy.",
			"The chair's view is closed. Press f4 again for the room's view.")
	}
	return viewSecretary, true
}

// applyChair carries out what the chair asked for, as the secretary's keys
// would, so that the secretary's view follows at once.
func (m *meetingModel) applyChair(a ChairAction) tea.Cmd {
	switch a.Kind {
	case ChairGoStep:
		cmd := m.goStep(a.Step)
		m.sess.SetPosition(m.position())
		return cmd
	case ChairToggleDone:
		if a.Step != m.step {
			return nil // the agenda moved on meanwhile
		}
		cmd := m.toggleDone()
		m.sess.SetPosition(m.position())
		return cmd
	case ChairStartMeeting:
		m.startMeeting()
	case ChairToggleSpoke:
		if v := m.sess.Draft(); v != nil {
			toggleSpoke(v, a.StepID, a.Participant)
			m.rev++
			m.agendaRev = m.rev
			m.sess.Changed("")
		}
	}
	return nil
}

// toggleDone marks the current step done, or not done again; done moves
// the agenda on.
func (m *meetingModel) toggleDone() tea.Cmd {
	v := m.sess.Draft()
	if v == nil || len(m.steps) == 0 {
		return nil
	}
	id := m.steps[m.step].ID
	if v.Agenda == nil {
		v.Agenda = map[string]model.StepState{}
	}
	st := v.Agenda[id]
	st.Done = !st.Done
	v.Agenda[id] = st
	m.sess.Changed("")
	m.agendaKey = ""
	if st.Done {
		return m.goStep(m.step + 1)
	}
	return nil
}

// otherView draws the chair's or the room's view.
func (m *meetingModel) otherView() string {
	if m.who == viewChair {
		return m.chair.view(m.state())
	}
	return m.room.view(m.state())
}
