package printdialog

import (
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
)

// A recipient's name typed but not yet added with enter is typed text like
// any other: esc says once that it is not added before it throws it away,
// and leaving the meeting (or the program ending) keeps it with the plan's
// position, so that the dialog opens with it again (Pending, Resume).

// startAdding opens the line for a recipient, with line in it.
func (o *Overlay) startAdding(line string) tea.Cmd {
	o.adding, o.escOnce = true, false
	o.input = textinput.New()
	o.input.Prompt = "› "
	o.input.Placeholder = model.T(o.lang, "Namn, verksamhet (t.ex. Per Wall, Geriatriken)", "Name, unit (e.g. Per Wall, Geriatrics)")
	o.input.CharLimit = 200
	o.limit.Reset()
	o.full = ""
	if line != "" {
		o.input.SetValue(line)
		o.input.CursorEnd()
		o.full = model.T(o.lang, "Namnet skrevs förra gången men är inte tillagt: enter lägger till det, esc kastar det.",
			"This name was typed last time but is not added: enter adds it, esc throws it away.")
	}
	return o.input.Focus()
}

// holdOnEsc keeps the line open at the first esc when something is typed
// in it, and says what esc again does.
func (o *Overlay) holdOnEsc() bool {
	if o.escOnce || strings.TrimSpace(o.input.Value()) == "" {
		return false
	}
	o.escOnce = true
	o.full = model.T(o.lang, "Namnet är inte tillagt: enter lägger till det, esc igen kastar det.",
		"The name is not added: enter adds it, esc again throws it away.")
	return true
}

// Pending is the recipient's line typed but not added, "" when none.
func (o *Overlay) Pending() string {
	if !o.adding || strings.TrimSpace(o.input.Value()) == "" {
		return ""
	}
	return o.input.Value()
}

// Resume opens the line for a recipient with the line kept from before.
func (o *Overlay) Resume(line string) tea.Cmd {
	if strings.TrimSpace(line) == "" {
		return nil
	}
	return o.startAdding(line)
}

// Warn says note under the recipient's line.
func (o *Overlay) Warn(note string) { o.full = note }
