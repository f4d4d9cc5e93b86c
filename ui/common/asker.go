package common

import tea "charm.land/bubbletea/v2"

// Asker is embedded by a screen whose keys ask the root for another
// screen. A request is a message that Bubble Tea queues behind the keys
// already typed, so the root must know at once that one is coming.
type Asker struct{ asked bool }

// Request returns a command that sends msg, and marks that it was asked.
func (a *Asker) Request(msg tea.Msg) tea.Cmd {
	a.asked = true
	return func() tea.Msg { return msg }
}

func (a *Asker) TakeAsked() bool {
	asked := a.asked
	a.asked = false
	return asked
}
