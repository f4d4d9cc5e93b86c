// Package preview is the meeting's preview overlay (ctrl+e): the plan as
// the printed document, drawn with glamour, the only place that uses it.
package preview

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
	gansi "charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/printout"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/components"
)

// planMarkdown is the preview's text: the same document the print uses,
// with the personnummer masked. In a narrow window each table row becomes
// a list item, since six columns in 80 cells break every word.
func planMarkdown(p *model.Plan, l model.Lang, width int) string {
	v := p.Current()
	if v == nil {
		return model.T(l, "Planen är tom.", "The plan is empty.")
	}
	d := model.BuildDocument(p, v, l).Masked()
	if width < 110 {
		d = d.TablesAsLists()
	}
	return printout.Markdown(d)
}

// Overlay shows the plan as the printed document, rendered once when
// opened, never per keystroke.
type Overlay struct {
	common.Panel
	lang  model.Lang
	st    *common.Styles
	close key.Binding
	VP    viewport.Model
	Ready bool
	W, H  int
	owner common.Owner
	seq   int // the last render asked for
}

// Msg is a rendered document. Besides its owner it names the
// render it answers (seq): when the window changes while one is made, only
// the last render asked for is shown.
type Msg struct {
	common.Owner
	seq  int
	text string
}

func New(l model.Lang, st *common.Styles, w, h int, owner common.Owner) *Overlay {
	vp := viewport.New(viewport.WithWidth(w), viewport.WithHeight(max(3, h-2)))
	return &Overlay{lang: l, st: st, VP: vp, W: w, H: h, owner: owner, close: components.CloseKeys(l, "ctrl+e")}
}

// Render builds the document off the UI goroutine from a snapshot.
func (o *Overlay) Render(p *model.Plan, l model.Lang) tea.Cmd {
	o.seq++
	w, owner, seq := o.W, o.owner, o.seq
	style := Style(o.st)
	return func() tea.Msg {
		md := planMarkdown(p, l, w)
		// Line breaks typed in the plan are kept, as the PDF keeps them.
		r, err := glamour.NewTermRenderer(glamour.WithStyles(style), glamour.WithWordWrap(max(20, w-4)),
			glamour.WithPreservedNewLines())
		if err != nil {
			return Msg{owner, seq, md}
		}
		out, err := r.Render(md)
		if err != nil {
			return Msg{owner, seq, md}
		}
		return Msg{owner, seq, out}
	}
}

// Resize lays the preview out again for a window of w × h and renders
// the plan p for it.
func (o *Overlay) Resize(w, h int, p *model.Plan) tea.Cmd {
	o.W, o.H = w, h
	o.VP.SetWidth(w)
	o.VP.SetHeight(max(3, h-2))
	return o.Render(p, o.lang)
}

func (o *Overlay) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case Msg:
		if msg.seq != o.seq {
			return nil // an earlier render, for another width
		}
		o.VP.SetContent(msg.text)
		o.Ready = true
		return nil
	case tea.KeyPressMsg:
		if key.Matches(msg, o.close) {
			o.Close()
			return nil
		}
	}
	var cmd tea.Cmd
	o.VP, cmd = o.VP.Update(msg)
	return cmd
}

func (o *Overlay) View() string {
	if !o.Ready {
		return model.T(o.lang, "Förbereder förhandsgranskningen…", "Preparing the preview…")
	}
	foot := o.st.Subtle.Render(fmt.Sprintf(model.T(o.lang, "↑↓ pgup pgdn bläddrar · esc stänger · %d%%", "↑↓ pgup pgdn scroll · esc closes · %d%%"), int(o.VP.ScrollPercent()*100)))
	return o.VP.View() + "\n" + foot
}

// Style is glamour's style for the terminal's background (none at
// all under NO_COLOR), without the "##" before headings, which a reader who
// has never seen Markdown takes for part of the text.
func Style(st0 *common.Styles) gansi.StyleConfig {
	st := styles.DarkStyleConfig
	switch {
	case st0.NoColor:
		st = styles.NoTTYStyleConfig
	case !st0.Dark:
		st = styles.LightStyleConfig
	}
	st.H2.Prefix, st.H3.Prefix, st.H4.Prefix = "", "", ""
	st.H2.Underline = boolPtr(true)
	if !st0.NoColor {
		// Glamour's title (yellow on #5f5fff, 4.4:1) and rule (2.1 to
		// 2.9:1) read too faintly: a darker blue under the title, a
		// stronger grey rule (TestPreviewContrast).
		st.H1.BackgroundColor = strPtr("55")
		st.HorizontalRule.Color = strPtr("244")
		if !st0.Dark {
			st.HorizontalRule.Color = strPtr("245")
		}
	}
	return st
}

func boolPtr(b bool) *bool { return &b }

func strPtr(s string) *string { return &s }

// ShortHelp names the key that closes the preview; every other key
// scrolls it.
func (o *Overlay) ShortHelp() []key.Binding { return []key.Binding{o.close} }
