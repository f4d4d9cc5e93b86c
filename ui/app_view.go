// How the root draws: the screen in front, cut to the window, and the
// sizes it hands down when the window changes.

package ui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
)

func (m *Model) resize() {
	m.home.SetSize(m.width, m.height)
	if m.trail != nil {
		m.trail.SetSize(m.width, m.height)
	}
	if m.sealing.to != nil {
		m.sealing.to.SetSize(m.width, m.height)
	}
	if m.closing != nil {
		m.closing.SetSize(m.width, m.height)
	}
	if m.ask != nil {
		m.ask.SetSize(m.width, m.height)
	}
	if m.recover != nil {
		m.recover.SetSize(m.width, m.height)
	}
	if m.newPlan != nil {
		m.newPlan.SetSize(m.width, m.height)
	}
	if m.meeting != nil {
		m.view.Read(func(*model.Plan) { m.meeting.SetSize(m.width, m.height-1) })
	}
}

// View draws the screen in front, cut to the window.
func (m *Model) View() tea.View {
	if m.keepFrame && m.frame != nil {
		return *m.frame
	}
	v := tea.NewView(common.Clip(m.render(), m.width, m.height))
	v.AltScreen = true
	v.WindowTitle = "sipmote"
	m.frame = &v
	return v
}

// render draws the screen in front as the screens lay it out; tests check
// that it fits the window without the cut that View adds.
func (m *Model) render() string {
	var s string
	switch {
	case m.tooSmall():
		s = ansi.Wordwrap(m.tinyText(), max(10, m.width), "")
	case m.screen == screenTrail && m.trail != nil:
		s = m.trail.View()
	case m.screen == screenSeal && m.sealing.to != nil:
		s = m.sealing.to.View()
	case m.screen == screenNew:
		s = m.newPlan.View()
	case m.screen == screenMeeting:
		m.view.Read(func(*model.Plan) { s = m.meeting.View() })
	case m.screen == screenAsk:
		s = m.ask.View()
	case m.screen == screenClose:
		s = m.closing.View()
	case m.screen == screenRecover && m.recover != nil:
		s = m.recover.View()
	default:
		s = m.home.View()
	}
	return s
}

// tell puts a message on the screen in front: the meeting's status line,
// the new-plan form's error line, or else the home screen's message line,
// which is where the user goes next from the other screens.
func (m *Model) tell(msg string) {
	switch {
	case m.screen == screenMeeting && m.meeting != nil:
		m.meeting.Message = msg
	case m.screen == screenNew && m.newPlan != nil:
		m.newPlan.Err = msg
	default:
		m.home.Message = msg
	}
}
