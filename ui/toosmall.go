package ui

import "github.com/sipmote/sipmote/model"

// A window below MinWidth × MinHeight shows only a request to make it
// larger. Keys pressed meanwhile are refused, since they would land in a
// field nobody can see; the screen says so and counts them, then tells the
// count again on the screen that comes back, so no key is lost unseen.

func (m *Model) tooSmall() bool { return m.width < MinWidth || m.height < MinHeight }

func (m *Model) refuseKey() { m.refused++ }

// tinyText is the whole screen of a window that is too small.
func (m *Model) tinyText() string {
	l := m.o.Lang
	s := model.T(l,
		"Fönstret är för litet. Gör det större (minst 60 × 16 tecken). Det du skrivit innan finns kvar. Tangenter tas inte emot förrän fönstret är större.",
		"The window is too small. Make it larger (at least 60 × 16 characters). What you typed before is still there. Keys are not taken until the window is larger.")
	if m.refused > 0 {
		s += " " + m.refusedText()
	}
	return s
}

func (m *Model) refusedText() string {
	return model.Plural(m.o.Lang, m.refused,
		"%d tangent togs inte emot.", "%d tangenter togs inte emot.",
		"%d key was not taken.", "%d keys were not taken.")
}

// tellRefused, when the window is large enough again, says on the screen
// in front how many keys were refused while it was not.
func (m *Model) tellRefused() {
	if m.tooSmall() || m.refused == 0 {
		return
	}
	msg := model.T(m.o.Lang, "Fönstret var för litet: ", "The window was too small: ") + m.refusedText()
	m.refused = 0
	m.tell(msg)
}
