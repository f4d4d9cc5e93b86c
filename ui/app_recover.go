package ui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/screens/home"
	"github.com/sipmote/sipmote/ui/screens/recovery"
)

// offerRecoveries reads the recovery files of the database before the
// first frame and, when there are any, puts the offer in front. It tells
// whether it did.
func (m *Model) offerRecoveries() bool {
	recs := m.o.Service.Recoveries()
	if len(recs) == 0 {
		return false
	}
	m.recover = recovery.New(m.ctx, m.o.Lang, &m.st, recs, m.o.Service, m.io)
	m.recover.SetSize(m.width, m.height)
	m.screen = screenRecover
	return true
}

// updateRecover handles the offer's messages, and the keys while it is in
// front; ok is false for anything else.
func (m *Model) updateRecover(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case recovery.DoneMsg:
		if m.recover == nil {
			return nil, true
		}
		left := m.recover.Done(msg)
		cmd := m.reload()
		if !left {
			cmd = tea.Batch(cmd, m.endRecoveries(m.recover.Message))
		}
		return cmd, true
	case recovery.LaterMsg:
		if m.recover == nil {
			return nil, true
		}
		text := model.T(m.o.Lang, "Återställningsfilen väntar; den erbjuds igen nästa gång sipmote startas.",
			"The recovery file waits; it is offered again the next time sipmote starts.")
		if n := len(m.recover.Recs); n > 1 {
			text = fmt.Sprintf(model.T(m.o.Lang, "%d återställningsfiler väntar; de erbjuds igen nästa gång sipmote startas.",
				"%d recovery files wait; they are offered again the next time sipmote starts."), n)
		}
		return m.endRecoveries(text), true
	case tea.KeyPressMsg, tea.PasteMsg:
		if m.screen == screenRecover && m.recover != nil {
			return m.recover.Update(msg), true
		}
	}
	return nil, false
}

// endRecoveries leaves the offer for the home screen, or for the meeting
// asked for on the command line (sipmote meeting ID).
func (m *Model) endRecoveries(message string) tea.Cmd {
	m.screen = screenHome
	m.recover = nil
	if message != "" {
		m.home.Message = message
	}
	if ref := m.afterRecover; ref != "" {
		m.afterRecover = ""
		return m.home.Request(home.OpenPlanMsg{ID: ref})
	}
	return nil
}
