package meeting

import (
	"charm.land/bubbles/v2/key"

	"github.com/sipmote/sipmote/model"
)

// undoKey answers ctrl+z: right after a change of role it brings back what
// the change emptied; else it takes back the last burst of typing in the
// text field in focus, one step each time; and where there is nothing to
// take back it says what ctrl+z does, never nothing. It returns the
// section changed, "" when none.
func (m *Model) undoKey() string {
	if m.undo != nil {
		if m.undoRole() {
			return secParticipants
		}
		return ""
	}
	if f := m.textForm(); f != nil && f.Undo() {
		m.Message = model.T(m.lang, "Ångrat i fältet. ctrl+z igen ångrar ett steg till.",
			"Undone in the field. ctrl+z again undoes one more step.")
		return m.Active
	}
	m.Message = model.T(m.lang, "Inget att ångra här: ctrl+z ångrar det som skrevs i ett textfält, steg för steg, och det ett rollbyte tömde.",
		"Nothing to undo here: ctrl+z undoes what was typed in a text field, step by step, and what a change of role cleared.")
	return ""
}

// undoHelp is ctrl+z as F1 names it in a section with text fields.
func undoHelp(l model.Lang) key.Binding {
	return key.NewBinding(key.WithKeys("ctrl+z"), key.WithHelp("ctrl+z", model.T(l, "ångrar i textfältet", "undoes typing")))
}
