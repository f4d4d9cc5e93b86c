package components

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
)

// textOverlay shows a text that may be longer than the window, such as
// what changed between two versions.
type textOverlay struct {
	common.Panel
	lang  model.Lang
	st    *common.Styles
	close key.Binding
	title string
	vp    viewport.Model
}

func NewTextOverlay(l model.Lang, st *common.Styles, title, text string, w, h int) *textOverlay {
	vp := viewport.New(viewport.WithWidth(max(10, w-6)), viewport.WithHeight(max(3, h-6)))
	vp.SetContent(ansi.Wordwrap(text, max(10, w-8), ""))
	return &textOverlay{lang: l, st: st, title: title, vp: vp, close: CloseKeys(l, "ctrl+t")}
}

func (o *textOverlay) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, o.close) {
		o.Close()
		return nil
	}
	var cmd tea.Cmd
	o.vp, cmd = o.vp.Update(msg)
	return cmd
}

func (o *textOverlay) View() string {
	w, h := o.Width, o.Height
	body := o.st.Title.Render(o.title) + "\n\n" + o.vp.View() + "\n" +
		o.st.Subtle.Render(model.T(o.lang, "↑↓ bläddrar · esc stänger", "↑↓ scroll · esc closes"))
	return o.st.Box.Width(w).Height(h).MaxHeight(h).Render(body)
}

// ShortHelp names the overlay's keys: every other key scrolls it.
func (o *textOverlay) ShortHelp() []key.Binding { return []key.Binding{o.close} }
