package ui

import (
	"unicode"

	tea "charm.land/bubbletea/v2"
)

// A terminal sends esc as the byte that also starts an alt key, and Bubble
// Tea reads esc followed at once by another key as that key with alt: an
// esc typed just before ctrl+n came as alt+ctrl+n and both were lost,
// silently (tryout2 #20). No screen here has a key with alt but alt+1…0
// (the meeting's sections), so any other alt key is read as what the
// secretary typed: esc, then the key.

// splitEsc tells whether k is esc and a key run together, and gives them.
func splitEsc(k tea.KeyPressMsg) (esc, rest tea.KeyPressMsg, ok bool) {
	if k.Mod&tea.ModAlt == 0 {
		return k, k, false
	}
	if k.Mod == tea.ModAlt && k.Code >= '0' && k.Code <= '9' {
		return k, k, false // alt+1…0: a section, on purpose
	}
	rest = k
	rest.Mod &^= tea.ModAlt
	const textMods = tea.ModShift | tea.ModCapsLock | tea.ModNumLock | tea.ModScrollLock
	if rest.Text == "" && rest.Mod&^textMods == 0 && unicode.IsPrint(k.Code) {
		r := k.Code
		if rest.Mod&tea.ModShift != 0 && k.ShiftedCode != 0 {
			r = k.ShiftedCode
		}
		rest.Text = string(r)
	}
	return tea.KeyPressMsg{Code: tea.KeyEscape}, rest, true
}
