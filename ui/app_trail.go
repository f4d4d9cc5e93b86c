package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/screens/home"
	"github.com/sipmote/sipmote/ui/screens/trail"
)

// The trail screen is reached with t on the home screen. Loading the trail
// is disk I/O, so it happens in a tea.Cmd; the answer names its plan, and
// one that arrives after the user has moved on is dropped.

type (
	trailLoadedMsg struct {
		id, person string
		rows       []trail.TrailRow
		err        error
	}
)

// loadTrail reads a plan's trail and logs that it was shown.
func (m *Model) loadTrail(id, person string) tea.Cmd {
	svc := m.o.Service
	return m.io(func() tea.Msg {
		events, err := svc.Trail(m.ctx, id) // the service records that it was shown
		rows := make([]trail.TrailRow, 0, len(events))
		for _, e := range events {
			rows = append(rows, trail.TrailRow{Seq: e.Seq, At: e.At, Kind: e.Kind, Section: e.Section, Count: e.Count,
				OSUser: e.OSUser, Secretary: e.Secretary, From: e.From, Carried: e.Carried})
		}
		return trailLoadedMsg{id: id, person: person, rows: rows, err: err}
	})
}

// updateTrail handles the trail screen's messages; ok is false for a
// message that is not about it.
func (m *Model) updateTrail(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case home.ShowTrailMsg:
		return m.loadTrail(msg.ID, msg.Person), true
	case trailLoadedMsg:
		if m.screen != screenHome {
			return nil, true // the user has gone elsewhere meanwhile
		}
		if msg.err != nil {
			m.home.Message = common.ErrSentence(m.o.Lang, msg.err)
			return nil, true
		}
		title := model.T(m.o.Lang, "Åtkomstlogg: ", "Access trail: ") + msg.person
		m.trail = trail.New(m.o.Lang, &m.st, title, msg.rows, m.width, m.height)
		m.screen = screenTrail
		return nil, true
	case trail.BackMsg:
		m.trail = nil
		m.screen = screenHome
		return nil, true
	}
	return nil, false
}
