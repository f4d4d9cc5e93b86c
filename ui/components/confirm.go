package components

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
)

// ConfirmQuiet is how long the keyboard must be still before a question
// takes an answer. Keys typed ahead, for the screen before the question,
// arrive at once or in a stream; they are thrown away, and each one starts
// the wait again, so only a key pressed after reading the question counts.
const ConfirmQuiet = 600 * time.Millisecond

// ConfirmCalm is the wait before an answer to a question asked by a key
// that came after the keyboard had been still for ConfirmQuiet or more
// (Calm): no typing was under way, so nothing typed ahead is in flight,
// and a quick j from someone who knew the question was coming is an
// answer (tryout42a #21: a j 0.4 s after delete was thrown away). The
// wait still drops a key that bounced or repeated with the one that asked.
const ConfirmCalm = 200 * time.Millisecond

// ConfirmClock is the confirmation's clock. It is the wall clock even when
// the screens run on a fixed clock, since it measures how keys arrive;
// tests replace it.
var ConfirmClock = time.Now

// ConfirmKeys are the answers. Yes is a letter named in the question, never
// enter or space, which type-ahead is full of.
var ConfirmKeys = struct{ Yes, No key.Binding }{
	Yes: key.NewBinding(key.WithKeys("j", "y", "J", "Y")),
	No:  key.NewBinding(key.WithKeys("n", "N", "esc")),
}

type Answer int

const (
	Pending Answer = iota
	AnsweredYes
	AnsweredNo
)

// Confirm is a question before something that cannot be undone: closing a
// plan, throwing away what was typed. Type-ahead cannot answer it.
type Confirm struct {
	lang     model.Lang
	st       *common.Styles
	question string
	last     time.Time // the question appeared, or the last key thrown away
	ignored  int       // keys thrown away
	// quiet is the wait before an answer: ConfirmQuiet, or ConfirmCalm
	// until a key is thrown away (Calm).
	quiet time.Duration
	hint  bool // a key that is no answer was pressed after the wait
}

func NewConfirm(l model.Lang, st *common.Styles, question string) *Confirm {
	return &Confirm{lang: l, st: st, question: question, last: ConfirmClock(), quiet: ConfirmQuiet}
}

// Calm tells the question how long the keyboard was still before the key
// that asked it: ConfirmQuiet or more, and an answer is taken after
// ConfirmCalm. It returns c.
func (c *Confirm) Calm(still time.Duration) *Confirm {
	if still >= ConfirmQuiet {
		c.quiet = ConfirmCalm
	}
	return c
}

// Update takes a message while the question is shown.
func (c *Confirm) Update(msg tea.Msg) Answer {
	switch msg := msg.(type) {
	case tea.PasteMsg:
		c.ignored++
		c.last, c.quiet = ConfirmClock(), ConfirmQuiet
	case tea.KeyPressMsg:
		now := ConfirmClock()
		if now.Sub(c.last) < max(c.quiet, ConfirmCalm) {
			// Keys are arriving after all: from now on only a key after
			// the whole wait answers.
			c.ignored++
			c.last, c.quiet = now, ConfirmQuiet
			return Pending
		}
		switch {
		case key.Matches(msg, ConfirmKeys.Yes):
			return AnsweredYes
		case key.Matches(msg, ConfirmKeys.No):
			return AnsweredNo
		}
		c.hint = true
	}
	return Pending
}

// View draws the question, what answers it and what was thrown away.
func (c *Confirm) View(width int) string {
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
