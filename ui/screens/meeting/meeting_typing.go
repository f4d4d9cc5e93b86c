package meeting

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/components"
)

// Keys typed into a text field come one message each. A paste from a
// terminal that does not mark pastes, or keys typed faster than the screen
// keeps up, is thousands of them, and the text editor's cost per key grows
// with the field, since it lays the whole field out again: a 38 kB paste
// into a long field took minutes and a gigabyte. So a run of typed
// characters is gathered and given to the field as one insert as soon as
// the keys already waiting have been read. A typedMsg, which Bubble Tea
// queues behind them, ends the run; so does any other message, which then
// comes after the run, in the order it was typed.

// typedMsg ends a run of typed characters; it names its owner, like every
// asynchronous message of the meeting.
type typedMsg struct{ common.Owner }

// gather takes msg into the run of typed characters if it is one, and
// tells whether it did. The first character of a run asks for its end.
func (m *Model) gather(msg tea.Msg) (tea.Cmd, bool) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || !m.gathers(k) {
		return nil, false
	}
	first := len(m.Typed) == 0
	m.Typed = append(m.Typed, k.Text...)
	if !first {
		return nil, true
	}
	o := m.owner
	return func() tea.Msg { return typedMsg{o} }, true
}

// gathers tells whether k is a character typed into the text field in
// focus, which is all the field does with it: no question, panel or other
// view is in front, and the field is one that takes text now.
func (m *Model) gathers(k tea.KeyPressMsg) bool {
	// Shift and the lock keys make text; any other modifier a command.
	const textMods = tea.ModShift | tea.ModCapsLock | tea.ModNumLock | tea.ModScrollLock
	if k.Text == "" || k.Mod&^textMods != 0 || strings.ContainsAny(k.Text, "\r\n\t") {
		return false
	}
	if m.Over != nil || m.LeaveAsk != nil || m.confirmUndo || m.Who != ViewSecretary || m.Sess.ReadOnly() {
		return false
	}
	f := m.textForm()
	if f == nil || f.Held || f.Concealed() || f.Replace {
		return false
	}
	fl := f.Current()
	return fl != nil && (fl.Kind == components.KindText || fl.Kind == components.KindArea)
}

// textForm is the form whose field has the keys: the section's own, or
// the row of a list being written.
func (m *Model) textForm() *components.Form {
	switch s := m.Sections[m.Active].(type) {
	case *FormSection:
		return s.Form
	case *ListSection:
		if s.ask == nil && s.quickIn == nil {
			return s.Form
		}
	}
	return nil
}

// FlushTyped gives the field the run gathered so far, as one insert, and
// returns what the field answered.
func (m *Model) FlushTyped() tea.Cmd {
	if len(m.Typed) == 0 {
		return nil
	}
	text := string(m.Typed)
	m.Typed = m.Typed[:0]
	return m.Update(tea.PasteMsg{Content: text})
}

// concealForms hides every private field of the meeting again: called
// when the secretary leaves the section, the step or the view, or opens a
// panel over it.
func (m *Model) concealForms() {
	for _, s := range m.Sections {
		switch s := s.(type) {
		case *FormSection:
			s.Form.Conceal()
		case *ListSection:
			if s.Form != nil {
				s.Form.Conceal()
			}
		}
	}
}

// place is where the secretary is: a change of any of it leaves the field.
type place struct {
	active string
	who    ViewKind
	step   int
	over   bool
}

func (m *Model) place() place {
	return place{m.Active, m.Who, m.Step, m.Over != nil || m.LeaveAsk != nil}
}
