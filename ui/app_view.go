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
	m.home.Width, m.home.Height = m.width, m.height
	if m.trail != nil {
		m.trail.Width, m.trail.Height = m.width, m.height
	}
	if m.sealing.to != nil {
		m.sealing.to.Width, m.sealing.to.Height = m.width, m.height
	}
	m.home.Filter.SetWidth(max(10, m.width-10))
	if m.closing != nil {
		m.closing.Form.SetSize(min(m.width-4, 70), m.height-10)
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
	v := tea.NewView(common.Clip(m.render(), m.width, m.height))
	v.AltScreen = true
	v.WindowTitle = "sipmote"
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
		s = m.ask.View(m.width)
	case m.screen == screenClose:
		s = m.closing.View(m.width)
	case m.screen == screenRecover && m.recover != nil:
		s = m.recover.View(m.width, m.height)
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
