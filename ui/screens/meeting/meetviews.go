package meeting

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/screens/room"
)

// ViewKind is one of the three views of a meeting.
type ViewKind int

const (
	ViewSecretary ViewKind = iota
	ViewChair
	ViewRoom
)

// State is the meeting as the chair's and the room's views read it. In one
// terminal they read the live plan: they draw on the same goroutine that
// changes it, and never write to it.
func (m *Model) State() room.MeetingState {
	return room.MeetingState{Plan: m.Sess.Plan(), Room: m.Sess.RoomPlan(), Steps: m.Steps, Step: m.Step,
		Elapsed: m.elapsed(), Findings: m.Findings, Rev: m.rev}
}

// updateOtherView takes the keys while the chair's or the room's view is on
// screen, and the keys that switch between the views.
func (m *Model) updateOtherView(msg tea.Msg) (tea.Cmd, bool) {
	k, isKey := msg.(tea.KeyPressMsg)
	if isKey && m.Over == nil {
		if next, ok := m.switchView(k); ok {
			m.Who = next
			m.AgendaKey = ""
			return nil, true
		}
	}
	if m.Who == ViewSecretary {
		return nil, false
	}
	if _, paste := msg.(tea.PasteMsg); paste {
		// Nothing is typed into these views; the room's says so.
		if m.Who == ViewRoom {
			m.Room.Update(msg)
		}
		return nil, true
	}
	if !isKey {
		return nil, false
	}
	if key.Matches(k, m.keys.quit) {
		return m.leave(), true
	}
	if m.Who == ViewRoom {
		m.Room.Update(k)
		return nil, true
	}
	return m.applyChair(m.chair.Update(k, m.State())), true
}

// switchView says which view a key leads to. The screen in front of the
// secretary may be the one the room sees, so the room's view is entered
// only from the secretary's and left only to it: switching a projected
// screen to the room, or back, never passes through the chair's view with
// its private cues. f2 goes between the secretary's view and the chair's;
// f4 puts the room's view on and off. f4 in the chair's view and f2 in
// the room's lead back to the secretary's, and the first says how to go
// on to the room.
func (m *Model) switchView(k tea.KeyPressMsg) (ViewKind, bool) {
	views, room := key.Matches(k, m.keys.views), key.Matches(k, m.keys.room)
	if !views && !room {
		return m.Who, false
	}
	m.Message = ""
	switch {
	case m.Who == ViewSecretary && views:
		return ViewChair, true
	case m.Who == ViewSecretary && room:
		return ViewRoom, true
	case m.Who == ViewChair && room:
		m.Message = model.T(m.lang, "Mötesledarens vy är stängd. Tryck f4 igen för rummets vy.",
			"The chair's view is closed. Press f4 again for the room's view.")
	}
	return ViewSecretary, true
}

// applyChair carries out what the chair asked for, as the secretary's keys
// would, so that the secretary's view follows at once.
func (m *Model) applyChair(a room.ChairAction) tea.Cmd {
	switch a.Kind {
	case room.ChairGoStep:
		cmd := m.GoStep(a.Step)
		m.Sess.SetPosition(m.position())
		return cmd
	case room.ChairToggleDone:
		if a.Step != m.Step {
			return nil // the agenda moved on meanwhile
		}
		cmd := m.toggleDone()
		m.Sess.SetPosition(m.position())
		return cmd
	case room.ChairStartMeeting:
		m.startMeeting()
	case room.ChairToggleSpoke:
		if v := m.Sess.Draft(); v != nil {
			room.ToggleSpoke(v, a.StepID, a.Participant)
			m.rev++
			m.agendaRev = m.rev
			m.Sess.Changed("")
		}
	}
	return nil
}

// toggleDone marks the current step done, or not done again; done moves
// the agenda on.
func (m *Model) toggleDone() tea.Cmd {
	v := m.Sess.Draft()
	if v == nil || len(m.Steps) == 0 {
		return nil
	}
	id := m.Steps[m.Step].ID
	if v.Agenda == nil {
		v.Agenda = map[string]model.StepState{}
	}
	st := v.Agenda[id]
	st.Done = !st.Done
	v.Agenda[id] = st
	m.Sess.Changed("")
	m.AgendaKey = ""
	if st.Done {
		return m.GoStep(m.Step + 1)
	}
	return nil
}

// otherView draws the chair's or the room's view.
func (m *Model) otherView() string {
	if m.Who == ViewChair {
		return m.chair.View(m.State())
	}
	return m.Room.View(m.State())
}
