package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
)

// Keys that come before the first frame was typed at a screen nobody could
// see: a secretary who starts `sipmote meeting ID` and types at once (or a
// terminal that replays what was typed while the program started) would
// otherwise print, finalise or close the plan, or write into whatever
// field happens to have the focus. Such keys are never acted on; once the
// first frame has had time to be drawn, the screen says once how many were
// ignored. Keys typed after the first frame while a screen or the first
// list is loading are held for it (heldkeys.go): the user saw something.

// firstFrameWait is how long after start keys are still taken as typed
// before the first frame: the first frame is drawn within a render tick
// (a few milliseconds), and no one reacts to a screen that quickly, while
// keys typed before start all come in the first read of the terminal.
const firstFrameWait = 150 * time.Millisecond

// FirstFrameWait is firstFrameWait for the program's options
// (Options.MeetingSeenAfter).
const FirstFrameWait = firstFrameWait

// burstGap ends a burst of keys: keys typed before the first frame go on
// being ignored until the keyboard has been still this long, so that the
// rest of a long run typed or pasted before start (which the program may
// still be reading when the first frame is out) never acts either.
const burstGap = 100 * time.Millisecond

// firstFrameMsg says the first frame has been drawn: keys count from now.
type firstFrameMsg struct{}

// firstFrame asks for firstFrameMsg once the first frame is on screen.
func firstFrame() tea.Cmd {
	return tea.Tick(firstFrameWait, func(time.Time) tea.Msg { return firstFrameMsg{} })
}

// earlyKey tells whether msg is a key or paste that came before the first
// frame, and counts it: it is not acted on.
func (m *Model) earlyKey(msg tea.Msg) bool {
	if m.framed {
		return false
	}
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
		m.early++
		m.earlyAt = time.Now()
		return true
	}
	return false
}

// framedNow marks the first frame as drawn and says, once, how many keys
// were ignored before it. While a burst that began before it goes on, it
// waits for the burst to end.
func (m *Model) framedNow() tea.Cmd {
	if m.framed {
		return nil
	}
	if m.early > 0 && time.Since(m.earlyAt) < burstGap {
		return tea.Tick(burstGap, func(time.Time) tea.Msg { return firstFrameMsg{} })
	}
	m.framed = true
	due := m.dueAfterFrame()
	m.tellEarly()
	return due
}

// tellEarly says, once, how many keys were not acted on because they came
// before the screen they were typed for was seen.
func (m *Model) tellEarly() {
	if m.early == 0 {
		return
	}
	m.tell(model.Plural(m.o.Lang, m.early,
		"%d tangent trycktes innan skärmen var klar; den gjorde ingenting.",
		"%d tangenter trycktes innan skärmen var klar; de gjorde ingenting.",
		"%d key was pressed before the screen was ready; it did nothing.",
		"%d keys were pressed before the screen was ready; they did nothing."))
	m.early = 0
}
