// How a meeting follows what other views of the same session did: the
// chair moving the agenda, an edit made on another device.

package meeting

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
)

// follow catches up with an edit made in another view of the session:
// the chair moved the step, ticked a speaker or finalised.
//
// When the chair moves the agenda from a device of their own, the
// secretary's cursor stays where it is: text typed goes on landing in the
// field that was on screen when the typing began, never in the step's
// section (which may be on the room's screen). The screen says where the
// chair is, and the follow key (F5) goes there.
func (m *Model) follow(e service.Event) {
	if !e.Edited && !e.StepMoved && !e.Finalised {
		return
	}
	m.rev++
	m.AgendaKey = ""
	m.agendaRev = m.rev
	if e.StepMoved {
		m.chairAt = -1
		id := m.Sess.Step()
		for i, s := range m.Steps {
			if s.ID == id && i != m.Step {
				m.chairAt = i
				break
			}
		}
	}
	if e.Finalised {
		m.RefreshFindings()
	}
	if v := m.Sess.Draft(); v != nil && v.Started() != m.startSeen {
		m.startSeen = v.Started()
		if m.startSeen {
			m.Message = m.startedText(v, model.Text{SV: "Mötesledaren startade mötet", EN: "The chair started the meeting"},
				model.Text{SV: "Mötesledaren startade mötet", EN: "The chair started the meeting"})
		}
	}
}

// followChair goes to the step the chair is on, when the follow key is
// pressed while the chair is elsewhere.
func (m *Model) followChair(k tea.KeyPressMsg) (tea.Cmd, bool) {
	if m.chairAt < 0 || !key.Matches(k, m.keys.follow) {
		return nil, false
	}
	return m.GoStep(m.chairAt), true
}

// followLine is the one line that says where the chair is, while it is not
// the secretary's step; "" otherwise.
func (m *Model) followLine() string {
	if m.chairAt < 0 || m.chairAt >= len(m.Steps) || m.chairAt == m.Step {
		return ""
	}
	s := m.Steps[m.chairAt]
	line := fmt.Sprintf(model.T(m.lang, "Mötesledaren är på %d %s — F5 följer med", "The chair is at %d %s — F5 follows"),
		m.chairAt+1, s.Title.In(m.lang))
	return m.st.Warn.Render(ansi.Truncate(line, m.width, "…"))
}

// followShort is followLine in a few words, for the right of the status
// line: "mötesledaren på 7 · f5 följ". Empty when the chair is here.
func (m *Model) followShort() string {
	if m.chairAt < 0 || m.chairAt >= len(m.Steps) || m.chairAt == m.Step {
		return ""
	}
	return m.st.Warn.Render(fmt.Sprintf(model.T(m.lang, "mötesledaren på %d · f5 följ", "chair at %d · f5 follows"), m.chairAt+1))
}

func newFollowKey(l model.Lang) key.Binding {
	return key.NewBinding(key.WithKeys("f5"), key.WithHelp("f5", model.T(l, "följ mötesledaren", "follow the chair")))
}
