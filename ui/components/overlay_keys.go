package components

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
)

// The meeting's overlays each have a keymap of their own, matched with
// key.Matches like every other screen's, so that a key is named in one
// place together with the help that describes it.

// PickKeys are the keys of an overlay that lists things to choose from
// (the findings, the sections).
type PickKeys struct {
	Close, Up, Down, Choose key.Binding
}

// NewPickKeys makes the keys of a list overlay; closeKey is the key that
// opened it, which closes it again.
func NewPickKeys(l model.Lang, closeKey string, downToo ...string) PickKeys {
	return PickKeys{
		Close:  key.NewBinding(key.WithKeys("esc", "q", closeKey), key.WithHelp("esc", model.T(l, "stänger", "closes"))),
		Up:     key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", model.T(l, "upp", "up"))),
		Down:   key.NewBinding(key.WithKeys(append([]string{"down"}, downToo...)...), key.WithHelp("↓", model.T(l, "ned", "down"))),
		Choose: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", model.T(l, "väljer", "chooses"))),
	}
}

// Move moves a cursor over n rows by the up and down keys, and tells
// whether k was one of them. It stops at the ends.
func (p PickKeys) Move(k tea.KeyPressMsg, cursor, n int) (int, bool) {
	switch {
	case key.Matches(k, p.Up):
		return max(0, cursor-1), true
	case key.Matches(k, p.Down):
		return max(0, min(n-1, cursor+1)), true
	}
	return cursor, false
}

// CloseKeys close an overlay that only shows something (the preview, a
// long text); every other key scrolls it.
func CloseKeys(l model.Lang, openKey string) key.Binding {
	return key.NewBinding(key.WithKeys("esc", "q", openKey), key.WithHelp("esc", model.T(l, "stänger", "closes")))
}

// ShortHelp names the keys of a list to choose from.
func (p PickKeys) ShortHelp() []key.Binding { return []key.Binding{p.Up, p.Down, p.Choose, p.Close} }
