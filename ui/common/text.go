package common

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/termsafe"
)

func Pad(s string, n int) string {
	s = ansi.Truncate(s, n, "…")
	return s + strings.Repeat(" ", max(0, n-ansi.StringWidth(s)))
}

// Clip cuts a screen to the window, the last guard against a broken
// layout: a line that would wrap or a screen that would scroll moves every
// line below it, so nothing may ever be wider or taller than the window.
func Clip(s string, w, h int) string {
	// Stored text may hold bidi controls that would run a name backwards
	// or hide it; the screen shows the letters as stored, in order.
	s = termsafe.DropFormat(s)
	lines := strings.Split(s, "\n")
	if len(lines) > h && h > 0 {
		lines = lines[:h]
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			lines[i] = ansi.Truncate(l, w, "")
		}
	}
	return strings.Join(lines, "\n")
}
