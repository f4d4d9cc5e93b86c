// Package printout writes a SIP plan for people to read and sign: Markdown
// for the on-screen preview, plain text for an e-mail body, a PDF with the
// original and the copies handed out at the end of the meeting, and a
// calendar invitation to the follow-up.
//
// Every writer takes the same model.Document, so what the room reads on the
// screen is what it signs on paper. The writers decide only how things look;
// what is printed, and what is never printed, is decided in the model.
package printout

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// clean makes user text safe to lay out: line endings become \n, tabs
// become spaces, terminal escape sequences are removed whole, and every
// other control or format character is dropped. A colour code or bidi
// override pasted from another program must not reorder, hide or break
// the printed plan, nor restyle the terminal that previews it.
func clean(s string) string {
	if s == "" {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == '\x1b':
			i = skipEscape(s, i)
		case r == utf8.RuneError && n <= 1:
			b.WriteRune('\uFFFD')
		case r == '\n':
			b.WriteByte('\n')
		case r == '\r', r == '\u2028', r == '\u2029':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// oneLine is clean text with its line breaks turned into spaces, for
// places that hold a single line: a table cell, a list item, a value.
func oneLine(s string) string {
	return strings.Join(strings.Fields(clean(s)), " ")
}

// skipEscape returns the index just past the escape sequence whose ESC
// ends at i: a CSI sequence ("\x1b[31m") up to its final byte, an OSC
// sequence ("\x1b]...") up to BEL or ST, or else the one character after
// ESC.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[':
		for j := i + 1; j < len(s); j++ {
			if s[j] >= 0x40 && s[j] <= 0x7e {
				return j + 1
			}
		}
		return len(s)
	case ']':
		for j := i + 1; j < len(s); j++ {
			if s[j] == '\a' {
				return j + 1
			}
			if s[j] == '\x1b' && j+1 < len(s) && s[j+1] == '\\' {
				return j + 2
			}
		}
		return len(s)
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return i + n
}
