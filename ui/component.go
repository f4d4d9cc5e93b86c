package ui

import tea "charm.land/bubbletea/v2"

// overlay is a panel drawn over the meeting: help, findings, preview,
// the section chooser, the round of speakers.
type overlay interface {
	update(tea.Msg) (overlay, tea.Cmd)
	view(w, h int) string
}
