// Private fields: a value the person asked to keep from the room (the
// subjects not to raise). The secretary's screen may be the one on the
// wall, so such a value is never drawn because the cursor reached it.
// With the focus on it the field says that it is hidden and how much it
// holds; enter shows it for editing; leaving it (tab, esc, another
// section, another view) hides it again.

package components

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
)

var privateKeys = struct {
	reveal, conceal, next, prev key.Binding
}{
	reveal:  key.NewBinding(key.WithKeys("enter")),
	conceal: key.NewBinding(key.WithKeys("esc")),
	next:    key.NewBinding(key.WithKeys("tab", "down")),
	prev:    key.NewBinding(key.WithKeys("shift+tab", "up")),
}

// Concealed tells whether the focused field is private and hidden now.
func (f *Form) Concealed() bool {
	fl := f.Current()
	return fl != nil && fl.Private && !f.revealed
}

// Conceal hides the focused private field again; it tells whether it was
// shown.
func (f *Form) Conceal() bool {
	was := f.revealed
	f.revealed = false
	return was
}

// updateConcealed takes a message while the focused private field is
// hidden. Tab and the arrows move on, enter shows the field. Every other
// key, and a paste, is refused with a message that says how to show it:
// taking a typed letter as the start of an edit would show the whole text
// on a key that may have been meant for another field or another window,
// and a projector would show it with it. Editing it unseen is no better:
// nobody can check what they change. So nothing is changed, and the
// message says so and what to press.
func (f *Form) updateConcealed(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, privateKeys.next):
			cmd, _ := f.move(1) // a hidden field is not tidied
			return cmd
		case key.Matches(msg, privateKeys.prev):
			cmd, _ := f.move(-1)
			return cmd
		case key.Matches(msg, privateKeys.reveal):
			return f.reveal()
		case key.Matches(msg, privateKeys.conceal):
			return nil
		}
		f.Notice = refusedNotice(f.lang)
	case tea.PasteMsg:
		f.Notice = refusedNotice(f.lang)
	}
	return nil
}

// reveal shows the focused private field for editing.
func (f *Form) reveal() tea.Cmd {
	f.revealed = true
	fl := f.Current()
	switch {
	case f.Held:
	case fl.Kind == KindText:
		return f.input.Focus()
	case fl.Kind == KindArea:
		f.areaView = ""
		return f.area.Focus()
	}
	return nil
}

func refusedNotice(l model.Lang) string {
	return model.T(l, "Fältet är dolt och ändrades inte. Tryck enter för att visa och ändra det.",
		"The field is hidden and was not changed. Press enter to show and edit it.")
}

// privateAmount says how much a private field holds without a word of it:
// "2 punkter, 31 tecken", or "tomt".
func privateAmount(l model.Lang, fl *Field) string {
	v := fl.Get()
	if v == "" {
		return model.T(l, "tomt", "empty")
	}
	chars := model.Plural(l, len([]rune(v)), "%d tecken", "%d tecken", "%d character", "%d characters")
	if fl.Items == nil {
		return chars
	}
	return model.Plural(l, fl.Items(), "%d punkt", "%d punkter", "%d item", "%d items") + ", " + chars
}

// hiddenLine is what a focused private field shows in place of its text.
func hiddenLine(l model.Lang, fl *Field) string {
	if fl.Get() == "" {
		return model.T(l, "dolt · tomt · tryck enter för att skriva", "hidden · empty · press enter to write")
	}
	return model.T(l, "dolt · ", "hidden · ") + privateAmount(l, fl) + " · " +
		model.T(l, "tryck enter för att visa och ändra", "press enter to show and edit")
}

// shownNote is put under a private field shown for editing,
// so that the secretary knows it is on screen and how to hide it.
func shownNote(l model.Lang) string {
	return model.T(l, "visas nu · esc eller tab döljer det igen", "shown now · esc or tab hides it again")
}

// restingLine is what a private field shows when the focus is elsewhere.
func restingLine(l model.Lang, fl *Field) string {
	return model.T(l, "(dolt här · ", "(hidden here · ") + privateAmount(l, fl) +
		model.T(l, " · syns i mötesledarens vy, f2)", " · shown in the chair's view, f2)")
}
