package room

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/components"
)

// Text typed on the secretary's screen while the room's view is on was
// thrown away without a word (tryout41a #9): the secretary thought she was
// writing the plan. The room's view takes no text, so on the secretary's
// screen (where Back is set) the line at the bottom says so, as the
// chair's view does; j, k and space scroll only when typed alone
// (components.LoneKeys), so that a word typed does not move the view. A
// device joined over SSH shows nothing of it: its screen is the room's.

// typedState is what the room's view knows of text typed on it.
type typedState struct {
	lone  components.LoneKeys
	typed bool // text was typed and not taken: the bottom line says so
}

// secretaryScreen tells whether this view is on the secretary's screen.
func (r *RoomModel) secretaryScreen() bool { return r.Back.Help().Key != "" }

// typedKey sorts a key on the secretary's screen. It tells whether the key
// was text, which the view does not take; a scroll key typed alone is
// left to Update, with a way to take it back should it begin a word.
func (r *RoomModel) typedKey(msg tea.Msg) bool {
	if !r.secretaryScreen() {
		return false
	}
	if _, ok := msg.(tea.PasteMsg); ok {
		r.typed.typed = true
		return true
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return false
	}
	scroll := key.Matches(k, r.keys.up, r.keys.down)
	switch kind, _ := r.typed.lone.Key(k, scroll); kind {
	case components.InRun:
		r.typed.typed = true
		return true
	case components.Lone:
		before := r.scroll
		r.typed.lone.Acted(func() { r.scroll = before })
	}
	r.typed.typed = false
	return false
}

// typedNote is the bottom line's note while typed text was not taken.
func (r *RoomModel) typedNote() string {
	if !r.typed.typed {
		return ""
	}
	return r.st.Warn.Render(model.T(r.lang, "Rumsvyn: här skrivs ingen text · ", "Room's view: no text is written here · "))
}
