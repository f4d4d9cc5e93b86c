// How the root draws: the screen in front, cut to the window, and the
// sizes it hands down when the window changes.

package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/termsafe"
)

func (m *Model) resize() {
	m.home.width, m.home.height = m.width, m.height
	if m.trail != nil {
		m.trail.width, m.trail.height = m.width, m.height
	}
	m.home.filter.SetWidth(max(10, m.width-10))
	if m.closing != nil {
		m.closing.form.setSize(min(m.width-4, 70), m.height-10)
	}
	if m.newPlan != nil {
		m.newPlan.setSize(m.width, m.height)
	}
	if m.meeting != nil {
		m.view.Read(func(*model.Plan) { m.meeting.setSize(m.width, m.height-1) })
	}
}

// View draws the screen in front, cut to the window.
func (m *Model) View() tea.View {
	v := tea.NewView(clip(m.render(), m.width, m.height))
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
		s = m.trail.view()
	case m.screen == screenNew:
		s = m.newPlan.view()
	case m.screen == screenMeeting:
		m.view.Read(func(*model.Plan) { s = m.meeting.view() })
	case m.screen == screenAsk:
		s = m.ask.view(m.width)
	case m.screen == screenClose:
		s = m.closing.view(m.width)
	case m.screen == screenRecover && m.recover != nil:
		s = m.recover.view(m.width, m.height)
	default:
		s = m.home.view()
	}
	return s
}

// clip cuts a screen to the window, the last guard against a broken
// layout: a line that would wrap or a screen that would scroll moves every
// line below it, so nothing may ever be wider or taller than the window.
func clip(s string, w, h int) string {
	// Stored text may hold bidi controls that would run a name backwards
	// or hide it; the screen shows the letters as stored, in order.
	s = termsafe.DropFormat(s)
	lines := strings.Split(s, "\n")
	if len(lines) > h && h > 0 {
		lines = lines[:h]
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			lines[i] = ansi.Truncate(l, w, "")
		}
	}
	return strings.Join(lines, "\n")
}
