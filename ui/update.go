// The root's Update: every message comes in here, keys typed while a
// screen opens are held for it (heldkeys.go), and the rest is routed to
// the screen in front (route, app.go).

package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/ui/screens/home"
)

// isRequest tells the messages that ask the root for another screen.
func isRequest(msg tea.Msg) bool {
	switch msg.(type) {
	case home.OpenPlanMsg, home.ClosePlanMsg, home.NewPlanMsg, home.ShowTrailMsg, home.SealPlanMsg, home.AskResultMsg, home.QuitMsg:
		return true
	}
	return false
}

// Update routes a message, holding keys typed while a screen is opening
// and giving them to that screen once it is in front.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(firstFrameMsg); ok {
		return m, m.framedNow()
	}
	if k, ok := msg.(tea.KeyPressMsg); ok {
		if esc, rest, split := splitEsc(k); split {
			_, first := m.Update(esc)
			_, then := m.Update(rest)
			return m, tea.Batch(first, then)
		}
	}
	if m.earlyKey(msg) {
		return m, nil
	}
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
		if !m.tooSmall() && m.holdKey(msg) {
			return m, nil
		}
	}
	// Whether keys were being held is known before a request clears
	// m.asked: a screen that opens at once (the new-plan form) must still
	// be given the keys typed after the key that asked for it.
	waiting := m.waiting()
	if isRequest(msg) {
		m.asked = false
	}
	trailFor := ""
	switch t := msg.(type) {
	case home.ShowTrailMsg:
		trailFor = t.ID
	case home.SealPlanMsg:
		trailFor = t.ID // the sealing screen loads the same way
	}
	_, cmd := m.route(msg)
	// A key only gathered into the meeting's run of typed characters
	// leaves the screen as it was: View gives the last frame again.
	m.keepFrame = m.screen == screenMeeting && m.meeting != nil && m.meeting.OnlyGathered()
	if m.home.TakeAsked() || (m.ask != nil && m.ask.TakeAsked()) {
		m.asked = true
	}
	// The trail screen loads without m.want; it is waited for here.
	if trailFor != "" {
		m.trailWant = trailFor
	}
	if t, ok := msg.(trailLoadedMsg); ok && t.id == m.trailWant {
		m.trailWant = ""
	}
	if t, ok := msg.(sealListMsg); ok && t.id == m.trailWant {
		m.trailWant = ""
	}
	if waiting && !m.waiting() {
		cmd = tea.Batch(cmd, m.releaseKeys())
	}
	return m, cmd
}
