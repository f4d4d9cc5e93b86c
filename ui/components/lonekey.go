package components

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// LoneKeys tells a key typed on its own from one inside a run of typed
// text, for places where a text key is a command: space on a checkbox, j
// and n on a yes/no. Someone who thinks she is in a text field types a
// sentence there, and each space of "ja hon sa ja" flipped the consent;
// a name typed one field too far ticked it. So a command key acts only
// alone: a letter that is no command starts a run, inside which every
// text key is refused (the caller says so in one line), and a command
// key just before the run is taken back (the run shows it was text).
// A non-text key or a pause ends the run.
type LoneKeys struct {
	// Now is the clock; nil is time.Now. Tests fix it.
	Now   func() time.Time
	at    time.Time // the last text key
	inRun bool
	undo  func() // takes back the last command key's action
}

// RunGap is the pause that ends a run: longer than between the keys of a
// word, shorter than a look at the screen before the next key. The
// meeting's step change uses it too (keys typed on after ctrl+n).
const RunGap = 1500 * time.Millisecond

// KeyKind is what a key is to LoneKeys.
type KeyKind int

const (
	NotText KeyKind = iota // not a typed character: a key of its own
	Lone                   // a command key typed alone: act, and Acted
	InRun                  // part of typed text: refuse it
)

// textKey tells whether k is a character typed as text.
func textKey(k tea.KeyPressMsg) bool {
	const textMods = tea.ModShift | tea.ModCapsLock | tea.ModNumLock | tea.ModScrollLock
	return k.Text != "" && k.Mod&^textMods == 0
}

// Key sorts k; command tells whether k is one of the place's command
// keys. undone is set when k showed that the command key before it was
// text, and its action was taken back.
func (r *LoneKeys) Key(k tea.KeyPressMsg, command bool) (kind KeyKind, undone bool) {
	if !textKey(k) {
		r.Reset()
		return NotText, false
	}
	now := time.Now()
	if r.Now != nil {
		now = r.Now()
	}
	recent := !r.at.IsZero() && now.Sub(r.at) < RunGap
	r.at = now
	if r.inRun && recent {
		return InRun, false
	}
	if command {
		r.inRun = false
		r.undo = nil
		return Lone, false
	}
	r.inRun = true
	if recent && r.undo != nil {
		r.undo()
		undone = true
	}
	r.undo = nil
	return InRun, undone
}

// Acted records how to take back what a lone command key just did, in
// case the keys after it show it was the first letter of a text.
func (r *LoneKeys) Acted(undo func()) { r.undo = undo }

// Reset forgets the run: the focus moved, or a key that is not text came.
func (r *LoneKeys) Reset() { r.at, r.inRun, r.undo = time.Time{}, false, nil }
