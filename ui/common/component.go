package common

import tea "charm.land/bubbletea/v2"

// Overlay is a panel drawn over the meeting: help, findings, preview,
// the section chooser, the round of speakers.
type Overlay interface {
	Update(tea.Msg) (Overlay, tea.Cmd)
	View(w, h int) string
}
