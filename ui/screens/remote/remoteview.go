// Package remote is the screen of a device connected to a shared meeting:
// the chair's or the room's view, kept in step with the secretary's.
package remote

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/screens/meeting"
	"github.com/sipmote/sipmote/ui/screens/room"
)

// RemoteOptions make the program of a device joined to a shared meeting.
type RemoteOptions struct {
	Lang model.Lang
	// Chair gives the chair's view; otherwise the room's, which has no way
	// to change the plan.
	Chair bool
	// View is attached to the meeting's session by the caller, who
	// detaches it when the program has ended.
	View   *service.View
	Agenda func(model.AgeGroup) []room.Step
	Now    func() time.Time
}

type remoteKeys struct{ quit key.Binding }

// remoteModel is the whole program on a joined device: the chair's or the
// room's view of the one session, redrawn whenever another view changes
// the plan, and once a second for the clocks.
type remoteModel struct {
	o     RemoteOptions
	st    common.Styles
	keys  remoteKeys
	chair *room.ChairModel
	room  *room.RoomModel
	ended bool
	w, h  int
}

type (
	remoteEventMsg struct {
		ev service.Event
		ok bool
	}
	remoteClockMsg struct{}
)

// NewRemote makes the program of one joined device.
func NewRemote(o RemoteOptions) tea.Model {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Agenda == nil {
		o.Agenda = func(model.AgeGroup) []room.Step { return nil }
	}
	m := &remoteModel{o: o, st: common.DefaultStyles(), w: 80, h: 24}
	m.keys.quit = key.NewBinding(key.WithKeys("ctrl+c", "ctrl+q"), key.WithHelp("ctrl+c", model.T(o.Lang, "koppla ner", "disconnect")))
	m.chair = room.NewChairModel(o.Lang, &m.st, m.keys.quit)
	m.room = room.NewRoomModel(o.Lang, &m.st)
	return m
}

func (m *remoteModel) Init() tea.Cmd { return tea.Batch(m.wait(), m.tick()) }

func (m *remoteModel) wait() tea.Cmd {
	ch := m.o.View.Events()
	return func() tea.Msg {
		ev, ok := <-ch
		return remoteEventMsg{ev, ok}
	}
}

func (m *remoteModel) tick() tea.Cmd {
	return tea.Tick(time.Second, func(time.Time) tea.Msg { return remoteClockMsg{} })
}

func (m *remoteModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
		m.chair.SetSize(m.w, m.h)
		m.room.SetSize(m.w, m.h)
	case remoteEventMsg:
		if !msg.ok {
			// The meeting closed or this device was let go: say so, and
			// leave shortly after, with nothing to lose here.
			m.ended = true
			return m, tea.Tick(2*time.Second, func(time.Time) tea.Msg { return tea.QuitMsg{} })
		}
		return m, m.wait()
	case remoteClockMsg:
		if m.ended {
			return m, nil
		}
		return m, m.tick()
	case tea.QuitMsg:
		return m, tea.Quit
	case tea.KeyPressMsg:
		if key.Matches(msg, m.keys.quit) {
			return m, tea.Quit
		}
		if m.ended {
			return m, nil
		}
		if !m.o.Chair {
			m.room.Update(msg)
			return m, nil
		}
		var a room.ChairAction
		m.o.View.Read(func(p *model.Plan) { a = m.chair.Update(msg, m.state(p)) })
		m.apply(a)
	}
	return m, nil
}

// state reads the meeting inside View.Read; the state must not outlive it.
func (m *remoteModel) state(p *model.Plan) room.MeetingState {
	steps := meetingSteps(m.o.Agenda, p)
	cur := 0
	for i, s := range steps {
		if s.ID == p.Position.Step {
			cur = i
		}
	}
	var fs []model.Finding
	if m.o.Chair {
		fs = m.o.View.Findings()
	}
	return room.MeetingState{Plan: p, Room: m.o.View.RoomPlan(), Steps: steps, Step: cur, Elapsed: meetingElapsed(p, m.o.Now()), Findings: fs}
}

// apply carries out the chair's wish on the shared plan. It checks again
// under the write lock that the agenda has not moved meanwhile.
func (m *remoteModel) apply(a room.ChairAction) {
	if a.Kind == room.ChairNone {
		return
	}
	v := m.o.View
	v.Edit(func(p *model.Plan) {
		if v.ReadOnly() {
			return
		}
		steps := meetingSteps(m.o.Agenda, p)
		switch a.Kind {
		case room.ChairGoStep:
			if a.Step >= 0 && a.Step < len(steps) {
				v.MoveStep(steps[a.Step].ID)
			}
		case room.ChairToggleDone:
			if p.Position.Step != a.StepID && !(p.Position.Step == "" && a.Step == 0) {
				return
			}
			d := p.Draft
			if d.Agenda == nil {
				d.Agenda = map[string]model.StepState{}
			}
			st := d.Agenda[a.StepID]
			st.Done = !st.Done
			d.Agenda[a.StepID] = st
			v.Changed("")
			if st.Done && a.Step+1 < len(steps) {
				v.MoveStep(steps[a.Step+1].ID)
			}
		case room.ChairToggleSpoke:
			room.ToggleSpoke(p.Draft, a.StepID, a.Participant)
			v.Changed("")
		case room.ChairStartMeeting:
			// As the secretary's ctrl+o does (meeting.startMeeting): the
			// clock starts, a late start takes the real time, and the
			// secretary's ctrl+o takes a false start back.
			if d := p.Draft; d != nil && !d.Started() {
				d.StartMeeting(m.o.Now())
				v.Changed("")
			}
		}
	})
}

func (m *remoteModel) View() tea.View {
	var s string
	if m.ended {
		s = "\n  " + m.st.Title.Render(model.T(m.o.Lang, "Mötet delas inte längre.", "The meeting is no longer shared.")) + "\n\n  " +
			m.st.Subtle.Render(model.T(m.o.Lang, "Allt som skrevs är sparat hos sekreteraren.", "Everything written is saved with the secretary."))
	} else {
		m.o.View.Read(func(p *model.Plan) {
			st := m.state(p)
			if m.o.Chair {
				s = m.chair.View(st)
			} else {
				s = m.room.View(st)
			}
		})
	}
	v := tea.NewView(common.Clip(s, m.w, m.h))
	v.AltScreen = true
	v.WindowTitle = "sipmote"
	return v
}

// meetingSteps is the agenda of a plan as the meeting screen builds it.
func meetingSteps(agenda func(model.AgeGroup) []room.Step, p *model.Plan) []room.Step {
	steps := agenda(p.Variant)
	if p.Draft != nil && p.Draft.Review != nil {
		steps = meeting.FollowUpAgenda(steps)
	}
	return steps
}

// meetingElapsed is the meeting's time as every screen counts it.
func meetingElapsed(p *model.Plan, _ time.Time) time.Duration {
	if v := p.Current(); v != nil {
		return v.Elapsed()
	}
	return 0
}
