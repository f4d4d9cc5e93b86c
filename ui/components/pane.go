package components

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Pane draws content in a rounded box of exactly w × h cells, cutting what
// does not fit, so that no pane can push the status bar off screen. It is
// drawn by hand rather than by lipgloss, since it runs on every keystroke
// and the lines' widths are measured once here anyway.
func Pane(border lipgloss.Style, content string, w, h int) []string {
	iw, ih := max(1, w-4), max(1, h-2)
	lines := strings.Split(content, "\n")
	if len(lines) > ih {
		lines = lines[:ih]
	}
	left, right := border.Render("│")+" ", " "+border.Render("│")
	out := make([]string, 0, h)
	out = append(out, border.Render("╭"+strings.Repeat("─", w-2)+"╮"))
	for i := range ih {
		l := ""
		if i < len(lines) {
			l = lines[i]
		}
		lw := ansi.StringWidth(l)
		if lw > iw {
			l = ansi.Truncate(l, iw, "…")
			lw = ansi.StringWidth(l)
		}
		out = append(out, left+l+strings.Repeat(" ", max(0, iw-lw))+right)
	}
	return append(out, border.Render("╰"+strings.Repeat("─", w-2)+"╯"))
}

// TopBorder is a pane's top border with a title set into it,
// "╭─ title ─╮", so that the title costs no row of the window. A title
// wider than TitleRoom(w) leaves the border plain; the caller shortens it.
func TopBorder(border lipgloss.Style, title string, w int) string {
	tw := ansi.StringWidth(title)
	if title == "" || tw > TitleRoom(w) {
		return border.Render("╭" + strings.Repeat("─", max(0, w-2)) + "╮")
	}
	return border.Render("╭─") + " " + title + " " + border.Render(strings.Repeat("─", w-tw-5)+"╮")
}

// TitleRoom is how wide a title a pane w columns wide holds in its top
// border.
func TitleRoom(w int) int { return max(0, w-6) }
