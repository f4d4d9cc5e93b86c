package components

import (
	"fmt"
	"strconv"
	"unicode/utf8"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
)

// A field with a limit used to drop what went past it without a word: a
// long name in the quick row lost its last words (tryout41a #5). Now what
// does not fit is refused whole, a key or a paste, and the field's notice
// says so at once, with the limit and what was not taken, so that it can
// be read and typed again elsewhere. Nothing already in the field changes.

// Fits tells whether adding add to a field holding have stays within
// limit characters.
func Fits(have, add string, limit int) bool {
	return utf8.RuneCountInString(have)+utf8.RuneCountInString(add) <= limit
}

// FullNotice says that a field of at most limit characters did not take
// refused: typed keys are quoted (the end, when long), a paste counted.
func FullNotice(l model.Lang, limit int, refused string, pasted bool) string {
	n := utf8.RuneCountInString(refused)
	if pasted {
		return fmt.Sprintf(model.T(l,
			"Det inklistrade (%d tecken) togs inte emot: fältet rymmer högst %s tecken. Fältet är som förut.",
			"The pasted text (%d characters) was not taken: the field holds at most %s characters. The field is as it was."),
			n, groupDigits(l, limit))
	}
	shown := []rune(refused)
	if len(shown) > 40 {
		shown = append([]rune("…"), shown[len(shown)-39:]...)
	}
	return fmt.Sprintf(model.T(l,
		"Fältet är fullt (högst %s tecken). Togs inte emot: «%s».",
		"The field is full (%s characters at most). Not taken: “%s”."),
		groupDigits(l, limit), string(shown))
}

// groupDigits writes n with its thousands apart: 50 000, or 50,000.
func groupDigits(l model.Lang, n int) string {
	s := strconv.Itoa(n)
	sep := model.T(l, " ", ",")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + sep + s[i:]
	}
	return s
}

// InputLimit keeps a one-line input's CharLimit, the one place its limit
// is set, from dropping keys or the end of a paste without a word.
type InputLimit struct {
	refused string // keys refused in a row, for the notice
}

// Refuse tells whether msg would take in past its CharLimit, and if so
// returns the line that says what was not taken; the caller shows it and
// does not give msg to the input.
func (g *InputLimit) Refuse(l model.Lang, in *textinput.Model, msg tea.Msg) (string, bool) {
	if in.CharLimit <= 0 {
		return "", false
	}
	have := in.Value()
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if !textKey(msg) {
			return "", false
		}
		if Fits(have, msg.Text, in.CharLimit) {
			g.refused = "" // the next refusal quotes only its own keys
			return "", false
		}
		g.refused += msg.Text
		return FullNotice(l, in.CharLimit, g.refused, false), true
	case tea.PasteMsg:
		if Fits(have, msg.Content, in.CharLimit) {
			return "", false
		}
		return FullNotice(l, in.CharLimit, msg.Content, true), true
	}
	return "", false
}

// Reset forgets the keys refused: the input was emptied or closed.
func (g *InputLimit) Reset() { g.refused = "" }
