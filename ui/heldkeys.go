package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
)

// Keys typed while the root opens a screen (a plan's meeting, the closing
// form) were typed for that screen, not for the one still in front: x then
// "moved away" must not reach the home screen's keys. They are held until
// the screen is there and then given to it in order; if it does not come
// (the plan could not be opened), they are dropped and the screen says how
// many. A meeting is the exception: it takes every key as text of the
// plan, so the keys typed before it was seen are dropped and counted, as
// those typed before the program's first frame are. Nothing is held longer than holdLimit, so a load that never
// answers cannot freeze the keyboard.

// holdLimit bounds how long keys are held for a screen that is opening.
const holdLimit = 2 * time.Second

// maxHeld bounds the keys held; a paste of a book is one message.
const maxHeld = 1000

// waiting tells whether a screen is being opened, or the home screen's
// first list is still being read.
func (m *Model) waiting() bool {
	return m.asked || m.want != "" || m.trailWant != "" || m.listWait()
}

// listWait tells whether keys must wait for the home screen's first list:
// a key on the home screen acts on the plan under the cursor.
func (m *Model) listWait() bool { return m.listing && m.screen == screenHome }

type holdState struct {
	keys   []tea.Msg
	since  time.Time
	screen screen // the screen in front when holding began
	// forList is set when the keys wait for the home screen's list, not
	// for another screen: they go to the home screen when it comes.
	forList bool
}

// holdKey holds msg if a screen is being opened, and tells whether it did.
func (m *Model) holdKey(msg tea.Msg) bool {
	if !m.waiting() {
		return false
	}
	h := &m.held
	now := time.Now()
	if len(h.keys) == 0 {
		h.since, h.screen, h.forList = now, m.screen, m.listWait()
	}
	if now.Sub(h.since) > holdLimit || len(h.keys) >= maxHeld {
		// Whatever is opening takes too long: stop holding, and say
		// how many keys were not taken.
		m.dropHeld()
		m.asked, m.trailWant, m.listing = false, "", false
		return false
	}
	h.keys = append(h.keys, msg)
	return true
}

// releaseKeys gives the held keys to the screen that has opened, once the
// root is no longer opening one.
func (m *Model) releaseKeys() tea.Cmd {
	h := &m.held
	if m.waiting() || len(h.keys) == 0 {
		return nil
	}
	if m.screen == h.screen && !h.forList {
		m.dropHeld() // the screen did not come; the keys were not for this one
		return nil
	}
	if m.screen == screenMeeting {
		// A meeting writes every key into the plan, where the cursor
		// happens to be: keys typed before its first frame are counted
		// and said as at start (firstframe.go), never typed.
		m.early += len(h.keys)
		*h = holdState{}
		if m.framed {
			m.tellEarly()
		}
		return nil
	}
	keys := h.keys
	*h = holdState{}
	cmds := make([]tea.Cmd, 0, len(keys))
	for _, k := range keys {
		_, cmd := m.Update(k)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

// dropHeld forgets the held keys and says so on the screen in front.
func (m *Model) dropHeld() {
	n := len(m.held.keys)
	m.held = holdState{}
	if n == 0 {
		return
	}
	msg := model.Plural(m.o.Lang, n,
		"%d tangent som trycktes medan en skärm öppnades togs inte emot.", "%d tangenter som trycktes medan en skärm öppnades togs inte emot.",
		"%d key pressed while a screen was opening was not taken.", "%d keys pressed while a screen was opening were not taken.")
	m.tell(msg)
}
