package ui

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
)

// confirmQuiet is how long the keyboard must be still before a question
// takes an answer. Keys typed ahead, for the screen before the question,
// arrive at once or in a stream; they are thrown away, and each one starts
// the wait again, so only a key pressed after reading the question counts.
const confirmQuiet = 600 * time.Millisecond

// confirmClock is the confirmation's clock. It is the wall clock even when
// the screens run on a fixed clock, since it measures how keys arrive;
// tests replace it.
var confirmClock = time.Now

// confirmKeys are the answers. Yes is a letter named in the question, never
// enter or space, which type-ahead is full of.
var confirmKeys = struct{ yes, no key.Binding }{
	yes: key.NewBinding(key.WithKeys("j", "y", "J", "Y")),
	no:  key.NewBinding(key.WithKeys("n", "N", "esc")),
}

type answer int

const (
	pending answer = iota
	answeredYes
	answeredNo
)

// confirm is a question before something that cannot be undone: closing a
// plan, throwing away what was typed. Type-ahead cannot answer it.
type confirm struct {
	lang     model.Lang
	st       *Styles
	question string
	last     time.Time // the question appeared, or the last key thrown away
	ignored  int       // keys thrown away
	hint     bool      // a key that is no answer was pressed after the wait
}

func newConfirm(l model.Lang, st *Styles, question string) *confirm {
	return &confirm{lang: l, st: st, question: question, last: confirmClock()}
}

// update takes a message while the question is shown.
func (c *confirm) update(msg tea.Msg) answer {
	switch msg := msg.(type) {
	case tea.PasteMsg:
		c.ignored++
		c.last = confirmClock()
	case tea.KeyPressMsg:
		now := confirmClock()
		if now.Sub(c.last) < confirmQuiet {
			c.ignored++
			c.last = now
			return pending
		}
		switch {
		case key.Matches(msg, confirmKeys.yes):
			return answeredYes
		case key.Matches(msg, confirmKeys.no):
			return answeredNo
		}
		c.hint = true
	}
	return pending
}

// view draws the question, what answers it and what was thrown away.
func (c *confirm) view(width int) string {
	w := max(20, width-2)
	out := c.st.Warn.Render(ansi.Wordwrap(c.question, w, "")) + "\n" +
		ansi.Wordwrap(model.T(c.lang, "Tryck j för ja eller n för nej.", "Press y for yes or n for no."), w, "")
	if c.ignored > 0 {
		out += "\n" + c.st.Subtle.Render(ansi.Wordwrap(model.Plural(c.lang, c.ignored,
			"%d tangent som trycktes innan frågan hann läsas togs inte emot.",
			"%d tangenter som trycktes innan frågan hann läsas togs inte emot.",
			"%d key pressed before the question could be read was not taken.",
			"%d keys pressed before the question could be read were not taken."), w, ""))
	}
	if c.hint {
		out += "\n" + c.st.Subtle.Render(model.T(c.lang, "Bara j eller n svarar på frågan.", "Only y or n answers the question."))
	}
	return out
}
