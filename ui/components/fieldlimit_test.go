package components

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
)

// TestInputLimitRefusesAndSays: a one-line input at its CharLimit used to
// drop keys and the end of a paste without a word. InputLimit refuses
// them, quotes the keys refused in a row, counts a paste, and the input
// keeps what it had.
func TestInputLimitRefusesAndSays(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		in := textinput.New()
		in.CharLimit = 10
		in.Focus()
		var g InputLimit
		give := func(msg tea.Msg) (string, bool) {
			note, full := g.Refuse(l, &in, msg)
			if !full {
				in, _ = in.Update(msg)
			}
			return note, full
		}
		var note string
		var full bool
		for _, r := range "Anna Berggren" {
			note, full = give(tea.KeyPressMsg{Code: r, Text: string(r)})
		}
		if in.Value() != "Anna Bergg" || !full {
			t.Fatalf("%s: the input holds %q (full %v)", l, in.Value(), full)
		}
		if want := model.T(l, "Fältet är fullt (högst 10 tecken). Togs inte emot: «ren».", "The field is full (10 characters at most). Not taken: “ren”."); note != want {
			t.Errorf("%s: note %q, want %q", l, note, want)
		}
		if _, full := give(tea.KeyPressMsg{Code: tea.KeyBackspace}); full {
			t.Errorf("%s: backspace refused", l)
		}
		if note, full := give(tea.PasteMsg{Content: "xyz"}); !full || !strings.Contains(note, model.T(l, "Det inklistrade (3 tecken) togs inte emot", "The pasted text (3 characters) was not taken")) {
			t.Errorf("%s: a paste past the limit: %v %q", l, full, note)
		}
		if _, full := give(tea.PasteMsg{Content: "x"}); full || in.Value() != "Anna Bergx" {
			t.Errorf("%s: a paste that fits was refused: %q", l, in.Value())
		}
	}
	if got := groupDigits(model.Swedish, 50000); got != "50 000" {
		t.Errorf("50000 in Swedish: %q", got)
	}
	if got := groupDigits(model.English, 1234567); got != "1,234,567" {
		t.Errorf("1234567 in English: %q", got)
	}
}
