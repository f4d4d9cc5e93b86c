package meeting

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/components"
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

// spaceKey handles a text key on the table through the row's space
// action. Space is a command there (present/absent), and a sentence
// typed on the table, " och sedan" right after ctrl+n, began with one:
// the person under the cursor was marked absent without a word. So space
// acts only typed alone (components.LoneKeys, as on the consent box): a
// letter right after it takes the change back, one line says so, and the
// letters start a row as any typed text does. done is false when the key
// is not the table's space and is left to the caller.
func (s *ListSection) spaceKey(k tea.KeyPressMsg) (cmd tea.Cmd, changed, done bool) {
	space := key.Matches(k, s.keys.space) && s.spec.space != nil
	kind, undone := s.lone.Key(k, space)
	switch {
	case kind == components.Lone && s.spec.count() > 0:
		s.lone.Acted(s.spec.space(min(s.Cursor, s.spec.count()-1)))
		return nil, true, true
	case kind == components.Lone:
		return nil, false, true
	case !undone:
		return nil, false, false
	}
	// The space began a typed text: it changed nothing after all.
	cmd, _ = s.typeNew(k)
	note := model.T(s.lang, "Mellanslaget ändrade inget: det började en text. Mellanslag ensamt: ",
		"The space changed nothing: it began a text. Space on its own: ") + s.spec.spaceHelp.In(s.lang) + "."
	if s.quickIn != nil {
		s.quickNote = note
	} else if s.Form != nil {
		s.Form.Notice = note
	}
	return cmd, true, true
}
