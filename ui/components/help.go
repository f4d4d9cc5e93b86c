package components

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
)

// closeKey closes the help and the other overlays that take no text.
var closeKey = key.NewBinding(key.WithKeys("esc", "q", "f1"))

// HelpGroup is one titled group of keys in the full help.
type HelpGroup struct {
	Title string
	Keys  []key.Binding
}

// helpOverlay shows every key of the screen. Nothing is ever cut: the keys
// are laid out in one or two columns with their whole descriptions, and
// when they do not fit the window the help scrolls.
type helpOverlay struct {
	common.Panel
	lang   model.Lang
	st     *common.Styles
	groups []HelpGroup
	vp     viewport.Model
	w, h   int
}

func NewHelpOverlay(l model.Lang, st *common.Styles, g []HelpGroup) *helpOverlay {
	return &helpOverlay{lang: l, st: st, groups: g, vp: viewport.New()}
}

func (o *helpOverlay) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, closeKey) {
		o.Close()
		return nil
	}
	var cmd tea.Cmd
	o.vp, cmd = o.vp.Update(msg)
	return cmd
}

// layout builds the help's text for an inner width and height; it runs
// when the overlay opens or the window changes, not per key.
func (o *helpOverlay) layout(iw, ih int) {
	intro := model.T(o.lang, "Allt du skriver sparas direkt. Det här är alla tangenter.",
		"Everything you type is saved at once. These are all the keys.")
	head := ansi.Wordwrap(intro, iw, "")
	var blocks []string
	kw := 0
	for _, g := range o.groups {
		for _, k := range g.Keys {
			if k.Enabled() {
				kw = max(kw, ansi.StringWidth(k.Help().Key))
			}
		}
	}
	cols := 1
	if iw >= 70 {
		cols = 2
	}
	colW := (iw - 3*(cols-1)) / cols
	for _, g := range o.groups {
		var b strings.Builder
		b.WriteString(o.st.Label.Render(ansi.Wordwrap(g.Title, colW, "")))
		for _, k := range g.Keys {
			if !k.Enabled() || k.Help().Key == "" {
				continue
			}
			kk := k.Help().Key
			desc := strings.Split(ansi.Wordwrap(k.Help().Desc, max(8, colW-kw-2), ""), "\n")
			b.WriteString("\n" + o.st.Title.Render(kk) + strings.Repeat(" ", kw-ansi.StringWidth(kk)+2) + desc[0])
			for _, d := range desc[1:] {
				b.WriteString("\n" + strings.Repeat(" ", kw+2) + d)
			}
		}
		blocks = append(blocks, b.String())
	}
	var body string
	if cols == 1 {
		body = strings.Join(blocks, "\n\n")
	} else {
		// Fill the left column up to half of all lines, the rest right.
		total := 0
		for _, b := range blocks {
			total += strings.Count(b, "\n") + 2
		}
		var left, right []string
		used := 0
		for _, b := range blocks {
			if used < total/2 && len(right) == 0 {
				left = append(left, b)
				used += strings.Count(b, "\n") + 2
			} else {
				right = append(right, b)
			}
		}
		l := lipgloss.NewStyle().Width(colW).Render(strings.Join(left, "\n\n"))
		body = lipgloss.JoinHorizontal(lipgloss.Top, l, "   ", strings.Join(right, "\n\n"))
	}
	o.vp.SetWidth(iw)
	o.vp.SetHeight(max(1, ih))
	o.vp.SetContent(head + "\n\n" + body)
}

func (o *helpOverlay) View() string {
	w, h := o.Width, o.Height
	// The box's border and padding take 6 columns and 4 lines; the title
	// and the footer two lines more.
	iw, ih := max(10, w-6), max(1, h-4-3)
	if w != o.w || h != o.h {
		o.w, o.h = w, h
		o.layout(iw, ih)
	}
	foot := model.T(o.lang, "esc stänger", "esc closes")
	if o.vp.TotalLineCount() > o.vp.Height() {
		more := ""
		if !o.vp.AtBottom() {
			more = model.T(o.lang, " · ↓ mer nedan", " · ↓ more below")
		}
		foot = model.T(o.lang, "↑↓ pgup pgdn bläddrar · esc stänger", "↑↓ pgup pgdn scroll · esc closes") + more
	}
	body := o.st.Title.Render(model.T(o.lang, "Hjälp", "Help")) + "\n" + o.vp.View() + "\n\n" + o.st.Subtle.Render(ansi.Truncate(foot, iw, "…"))
	return o.st.Box.Width(w).Height(h).MaxHeight(h).Render(body)
}

// ShortHelp names the key that closes the help; every other key scrolls it.
func (o *helpOverlay) ShortHelp() []key.Binding { return []key.Binding{closeKey} }
