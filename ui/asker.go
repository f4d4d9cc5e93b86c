package ui

import tea "charm.land/bubbletea/v2"

// asker is embedded by a screen whose keys ask the root for another
// screen. A request is a message that Bubble Tea queues behind the keys
// already typed, so the root must know at once that one is coming.
type asker struct{ asked bool }

// request returns a command that sends msg, and marks that it was asked.
func (a *asker) request(msg tea.Msg) tea.Cmd {
	a.asked = true
	return func() tea.Msg { return msg }
}

func (a *asker) takeAsked() bool {
	asked := a.asked
	a.asked = false
	return asked
}
