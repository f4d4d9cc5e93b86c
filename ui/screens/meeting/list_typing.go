package meeting

import (
	tea "charm.land/bubbletea/v2"
)

// A secretary who has just pressed esc to leave a row often types the
// next one straight on, on the table. Letters used to be commands there
// (n a new row, a the quick row) and the others were dropped, so
// "Karin ska må bättre" lost "Kari", and "n" opened a row that got the
// rest. Now no letter is a command on the table: typed text starts a new
// row with the text in it, in the quick row where the list has one (it
// shows what it understood before enter adds it), else in the row's first
// field. Commands are on keys that are not text: + or insert an empty
// row, enter, delete, space and the arrows.

// isText tells whether k is a character typed as text: shift and the
// lock keys make text, any other modifier a command.
func isText(k tea.KeyPressMsg) bool {
	const textMods = tea.ModShift | tea.ModCapsLock | tea.ModNumLock | tea.ModScrollLock
	return k.Text != "" && k.Mod&^textMods == 0
}

// typeNew starts a new row with the key typed on the table in it.
func (s *ListSection) typeNew(k tea.KeyPressMsg) (tea.Cmd, bool) {
	if s.spec.quick != nil {
		open := s.openQuick()
		cmd, changed := s.updateQuick(k)
		return tea.Batch(open, cmd), changed
	}
	open := s.startNew()
	cmd, changed := s.Form.Update(k)
	return tea.Batch(open, cmd), changed
}
