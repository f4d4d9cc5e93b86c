// Package textwrap breaks plain text into lines of a fixed width, for the
// text printout and the checklists command: one way to wrap, so that both
// keep to the same margin.
package textwrap

import (
	"strings"
	"unicode/utf8"
)

// Lines breaks s into lines of at most width runes, the first starting
// with first and the rest with rest. Runs of spaces and line breaks in s
// count as one space. A word longer than a line is cut, so that a pasted
// address cannot run past the margin. Empty s gives one line, first
// without its trailing spaces.
func Lines(s string, width int, first, rest string) []string {
	var lines []string
	line := first
	n := utf8.RuneCountInString(first) // runes on the current line
	empty := true                      // no word on the current line yet
	for _, word := range strings.Fields(s) {
		wl := utf8.RuneCountInString(word)
		if !empty && n+1+wl > width {
			lines = append(lines, line)
			line, n, empty = rest, utf8.RuneCountInString(rest), true
		}
		for empty && n+wl > width && width-n > 0 {
			// Cut a word that does not fit on an empty line.
			cut := width - n
			r := []rune(word)
			lines = append(lines, line+string(r[:cut]))
			word = string(r[cut:])
			wl = len(r) - cut
			line, n = rest, utf8.RuneCountInString(rest)
		}
		if !empty {
			line += " "
			n++
		}
		line += word
		n += wl
		empty = false
	}
	if !empty || len(lines) == 0 {
		lines = append(lines, strings.TrimRight(line, " "))
	}
	return lines
}
