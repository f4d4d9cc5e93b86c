package newplan

import (
	"charm.land/bubbles/v2/key"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/components"
)

// formKeys are the new-plan form's own keys. The editing keys (ctrl+u and
// the others) are the text field's; they are named here for the help.
type formKeys struct {
	next, prev, save, cancel, back, discard, enter, openExisting, help, undo key.Binding
	// For the help only: the text field handles them.
	clearBefore, clearAfter, wordBack, choose key.Binding
}

func newFormKeys(l model.Lang) formKeys {
	return formKeys{
		next: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab/enter", model.T(l, "nästa fält", "next field"))),
		prev: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", model.T(l, "fältet före", "the field before"))),
		// enter on the last field creates the plan, as ctrl+s does.
		enter:        key.NewBinding(key.WithKeys("enter")),
		save:         key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", model.T(l, "skapa och öppna mötet", "create and open the meeting"))),
		cancel:       key.NewBinding(key.WithKeys("esc", "ctrl+c"), key.WithHelp("esc", model.T(l, "avbryt", "cancel"))),
		back:         key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T(l, "tillbaka", "back"))),
		openExisting: key.NewBinding(key.WithKeys("ctrl+o")),
		discard:      key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", model.T(l, "kasta formuläret", "throw the form away"))),
		help:         key.NewBinding(key.WithKeys("f1"), key.WithHelp("f1", model.T(l, "hjälp", "help"))),
		undo:         key.NewBinding(key.WithKeys("ctrl+z"), key.WithHelp("ctrl+z", model.T(l, "ångrar det som senast skrevs i fältet", "undoes what was last typed in the field"))),
		clearBefore:  key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", model.T(l, "tömmer fältet fram till markören", "clears the field up to the cursor"))),
		clearAfter:   key.NewBinding(key.WithKeys("ctrl+k"), key.WithHelp("ctrl+k", model.T(l, "tömmer fältet efter markören", "clears the field after the cursor"))),
		wordBack:     key.NewBinding(key.WithKeys("ctrl+w"), key.WithHelp("ctrl+w", model.T(l, "tar bort ordet före markören", "deletes the word before the cursor"))),
		choose:       key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", model.T(l, "väljer i fältet Form (eller skriv första bokstaven)", "choose in the field Form (or type its first letter)"))),
	}
}

// FullHelp is every key of the form, for F1.
func (m *Model) FullHelp() []components.HelpGroup {
	k, l := m.keys, m.lang
	replace := key.NewBinding(key.WithKeys("_"), key.WithHelp(model.T(l, "skriv", "type"),
		model.T(l, "ett förslag (dagens datum) eller ett felaktigt värde ersätts av det du skriver; ← först för att ändra i det",
			"a suggestion (today's date) or a wrong value is replaced by what you type; ← first to edit it instead")))
	return []components.HelpGroup{
		{Title: model.T(l, "Fälten", "The fields"), Keys: []key.Binding{k.next, k.prev, k.choose}},
		{Title: model.T(l, "Skriva", "Typing"), Keys: []key.Binding{replace, k.clearBefore, k.clearAfter, k.wordBack, k.undo}},
		{Title: model.T(l, "Formuläret", "The form"), Keys: []key.Binding{k.save, k.back, k.discard,
			key.NewBinding(key.WithKeys("f1"), key.WithHelp("f1/esc", model.T(l, "stänger hjälpen", "closes the help")))}},
	}
}
