package components

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
)

// ReaderKeys are the keys of a reader: it closes with esc or enter (the
// key that opened it), and scrolls when the text is longer than the box.
type ReaderKeys struct {
	Close, Up, Down, PageUp, PageDown key.Binding
}

// NewReaderKeys makes a reader's keys in the user's language.
func NewReaderKeys(l model.Lang) ReaderKeys {
	return ReaderKeys{
		Close:    key.NewBinding(key.WithKeys("esc", "enter", "q"), key.WithHelp("esc/enter", model.T(l, "stänger", "closes"))),
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑", model.T(l, "upp", "up"))),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓", model.T(l, "ned", "down"))),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", model.T(l, "sida upp", "page up"))),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "space"), key.WithHelp("pgdn", model.T(l, "sida ned", "page down"))),
	}
}

// Reader shows one text whole, wrapped to the box, so that nothing cut
// with "…" in a list is out of reach: a finding, a name, an address. When
// the text is longer than the box it scrolls, and says how much is above
// and below. Extra keys (such as "go there") are the opener's to handle;
// the reader only names them in its help.
type Reader struct {
	common.Panel
	lang  model.Lang
	st    *common.Styles
	keys  ReaderKeys
	extra []key.Binding
	title string
	text  string
	top   int
}

// NewReader opens a reader on a title and a text; extra are keys the
// opener handles while it is open, named in its help line.
func NewReader(l model.Lang, st *common.Styles, title, text string, extra ...key.Binding) *Reader {
	return &Reader{lang: l, st: st, keys: NewReaderKeys(l), title: title, text: text, extra: extra}
}

// layout wraps the title, the text and the key line to the box, and
// gives the text's height: what the border, the padding, the title, the
// key line and the blank lines between them leave.
func (r *Reader) layout() (title, foot string, lines []string, h int) {
	w := max(10, r.Width-6)
	title = ansi.Wrap(r.title, w, "")
	lines = strings.Split(ansi.Wrap(r.text, w, ""), "\n")
	var help []string
	for _, b := range append(append([]key.Binding(nil), r.extra...), r.keys.Close) {
		help = append(help, b.Help().Key+" "+b.Help().Desc)
	}
	room := func() int {
		return max(1, r.Height-4-strings.Count(title, "\n")-1-strings.Count(foot, "\n")-1-2)
	}
	foot = ansi.Wrap(strings.Join(help, " · "), w, "")
	if len(lines) > room() {
		help = append([]string{"↑↓ " + model.T(r.lang, "bläddrar", "scroll")}, help...)
		foot = ansi.Wrap(strings.Join(help, " · "), w, "")
	}
	return title, foot, lines, room()
}

// Update closes the reader or scrolls it.
func (r *Reader) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	_, _, lines, h := r.layout()
	switch {
	case key.Matches(k, r.keys.Close):
		r.Close()
	case key.Matches(k, r.keys.Up):
		r.top--
	case key.Matches(k, r.keys.Down):
		r.top++
	case key.Matches(k, r.keys.PageUp):
		r.top -= max(1, h-1)
	case key.Matches(k, r.keys.PageDown):
		r.top += max(1, h-1)
	}
	r.top = max(0, min(r.top, len(lines)-h))
	return nil
}

// View draws the title, the part of the text that fits, and the keys.
// When the text scrolls, its first and last lines shown say how many
// lines are above and below, so that none is hidden without a word.
func (r *Reader) View() string {
	title, foot, lines, h := r.layout()
	r.top = max(0, min(r.top, len(lines)-h))
	end := min(len(lines), r.top+h)
	shown := append([]string(nil), lines[r.top:end]...)
	if r.top > 0 && h >= 3 {
		shown[0] = r.st.Subtle.Render(fmt.Sprintf(model.T(r.lang, "↑ %d rader till", "↑ %d more lines"), r.top+1))
	}
	if end < len(lines) && h >= 3 {
		shown[len(shown)-1] = r.st.Subtle.Render(fmt.Sprintf(model.T(r.lang, "↓ %d rader till", "↓ %d more lines"), len(lines)-end+1))
	}
	body := r.st.Title.Render(title) + "\n\n" + strings.Join(shown, "\n") + "\n\n" + r.st.Subtle.Render(foot)
	return r.st.Box.Width(r.Width).Height(r.Height).MaxHeight(r.Height).Render(body)
}

// ShortHelp names the reader's keys, the opener's first.
func (r *Reader) ShortHelp() []key.Binding {
	return append(append([]key.Binding(nil), r.extra...), r.keys.Up, r.keys.Down, r.keys.Close)
}

var _ common.Overlay = (*Reader)(nil)
