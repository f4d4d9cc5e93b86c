package components

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
)

// toggleKeys answer a yes/no field: j or n (y or n in English) set it,
// space switches it, but only as keys typed alone (LoneKeys); ← and →
// always switch it.
type toggleKeys struct{ yes, no key.Binding }

func newToggleKeys(l model.Lang) toggleKeys {
	return toggleKeys{
		yes: key.NewBinding(key.WithKeys(model.T(l, "j", "y"))),
		no:  key.NewBinding(key.WithKeys("n")),
	}
}

// updateToggle handles a key on a yes/no field and tells whether it was
// changed. Consent is such a field, the worst place for a change nobody
// meant: text typed there changes nothing, and one line names the keys.
func (f *Form) updateToggle(fl *Field, k tea.KeyPressMsg) bool {
	if key.Matches(k, formKeys.left, formKeys.right) {
		f.lone.Reset()
		return f.setToggle(fl, fl.Get() != "true")
	}
	tk := newToggleKeys(f.lang)
	f.lone.Now = f.clock
	command := key.Matches(k, formKeys.toggle, tk.yes, tk.no)
	kind, undone := f.lone.Key(k, command)
	switch kind {
	case NotText:
		return false
	case InRun:
		f.Notice = model.T(f.lang,
			"Här skrivs ingen text: det är en kryssruta (j ja, n nej, mellanslag byter). ",
			"No text is written here: this is a checkbox (y yes, n no, space switches). ")
		if undone {
			f.Notice += model.T(f.lang, "Den är som förut.", "It is as it was.")
		}
		return undone
	}
	before := fl.Get()
	f.lone.Acted(func() { fl.Set(before) })
	switch {
	case key.Matches(k, tk.yes):
		return f.setToggle(fl, true)
	case key.Matches(k, tk.no):
		return f.setToggle(fl, false)
	}
	return f.setToggle(fl, before != "true")
}

// setToggle sets a yes/no field and tells whether it changed.
func (f *Form) setToggle(fl *Field, on bool) bool {
	v := "false"
	if on {
		v = "true"
	}
	if fl.Get() == v {
		return false
	}
	fl.Set(v)
	return true
}
