package components

import (
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
)

// updateChoice handles a key on a choice field: ← and → step through the
// options, a letter picks the next option whose label starts with it
// (again and again through several: "p" goes personal, personal hos annan
// part, personal…). Space and any other text change nothing: someone
// typing there thought it was a text field (each space of a sentence
// stepped the choice once), and a silent change would go unnoticed into
// the plan; one line says which keys choose.
func (f *Form) updateChoice(fl *Field, k tea.KeyPressMsg) bool {
	opts := fl.choices()
	cur := -1
	for j, o := range opts {
		if o.Value == fl.Get() {
			cur = j
		}
	}
	d := 0
	switch {
	case key.Matches(k, formKeys.right):
		d = 1
	case key.Matches(k, formKeys.left):
		d = -1
	}
	if d != 0 {
		if len(opts) == 0 {
			return false
		}
		fl.Set(opts[(max(cur, 0)+d+len(opts))%len(opts)].Value)
		return true
	}
	if k.Text == "" && !key.Matches(k, formKeys.toggle) {
		return false
	}
	const textMods = tea.ModShift | tea.ModCapsLock | tea.ModNumLock
	if i, ok := letterChoice(opts, cur, k.Text); ok && k.Mod&^textMods == 0 {
		if i == cur {
			return false
		}
		fl.Set(opts[i].Value)
		return true
	}
	f.Notice = model.T(f.lang,
		"Välj med ← → eller första bokstaven; annat ändrar inget.",
		"Choose with ← → or the first letter; nothing else does.")
	return false
}

// letterChoice finds the option after cur whose label starts with the one
// letter typed, going round to the start; case does not matter, and å, ä
// and ö are letters of their own, as in a Swedish dictionary. Marks
// before the first letter of a label ("— ", "(") are passed over.
func letterChoice(opts []Option, cur int, text string) (int, bool) {
	r, size := utf8.DecodeRuneInString(text)
	if size == 0 || size != len(text) || !unicode.IsLetter(r) {
		return 0, false
	}
	r = unicode.ToLower(r)
	for n := 1; n <= len(opts); n++ {
		i := (cur + n + len(opts)) % len(opts)
		if firstLetter(opts[i].Label) == r {
			return i, true
		}
	}
	return 0, false
}

// firstLetter is the label's first letter in lower case, 0 when it has none.
func firstLetter(label string) rune {
	for _, r := range label {
		if unicode.IsLetter(r) {
			return unicode.ToLower(r)
		}
	}
	return 0
}
