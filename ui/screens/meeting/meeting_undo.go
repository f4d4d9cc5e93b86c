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
		m.Message = model.T(m.lang, "Ångrat i fältet. ctrl+z igen ångrar ett steg till, ctrl+y gör om det ångrade.",
			"Undone in the field. ctrl+z again undoes one more step; ctrl+y redoes what was undone.")
		return m.Active
	}
	m.Message = model.T(m.lang, "Inget att ångra här: ctrl+z ångrar det som skrevs i ett textfält, steg för steg, och det ett rollbyte tömde.",
		"Nothing to undo here: ctrl+z undoes what was typed in a text field, step by step, and what a change of role cleared.")
	return ""
}

// redoKey answers ctrl+y: it brings back what ctrl+z took in the text
// field in focus, one step each time, until the field is changed again.
// It returns the section changed, "" when none.
func (m *Model) redoKey() string {
	if f := m.textForm(); f != nil && f.Redo() {
		m.Message = model.T(m.lang, "Gjort om i fältet. ctrl+y igen gör om ett steg till, ctrl+z ångrar.",
			"Redone in the field. ctrl+y again redoes one more step; ctrl+z undoes.")
		return m.Active
	}
	m.Message = model.T(m.lang, "Inget att göra om här: ctrl+y gör om det ctrl+z just ångrade i textfältet.",
		"Nothing to redo here: ctrl+y redoes what ctrl+z just undid in the text field.")
	return ""
}

// undoHelp is ctrl+z and ctrl+y as F1 names them in a section with text
// fields, on one line, so that the help still fits 80x24.
func undoHelp(l model.Lang) key.Binding {
	return key.NewBinding(key.WithKeys("ctrl+z", "ctrl+y"), key.WithHelp("ctrl+z/y", model.T(l, "ångrar / gör om skrivet", "undo / redo typing")))
}

// redoKey is ctrl+y (and ctrl+shift+z, where the terminal tells it).
func redoKey(l model.Lang) key.Binding {
	return key.NewBinding(key.WithKeys("ctrl+y", "ctrl+shift+z"), key.WithHelp("ctrl+y", model.T(l, "gör om det ctrl+z ångrade", "redoes what ctrl+z undid")))
}
