package printout

import (
	"strings"
	"unicode"
)

// wrapPDF breaks text into lines no wider than w in the current font. It
// breaks at spaces, and after a slash or a hyphen inside a word
// ("utredning/beslut", "Hälso-och"), but not in a date or a number. A word
// wider than a line is cut with a hyphen, so that a pasted address or a
// long compound never runs out of its cell. Line breaks in the text are
// kept. It always returns at least one line.
func (r *renderer) wrapPDF(text string, w float64) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		out = append(out, r.wrapLine(para, w)...)
	}
	if len(out) == 0 {
		out = []string{""}
	}
	return out
}

// piece is a part of a line that is never broken, except by force: a word,
// or the part of a word up to a slash or a hyphen.
type piece struct {
	text  string
	space bool // a space comes before it
	// address marks a part of an e-mail or web address: it is broken
	// after @ and dots, and never gets a hyphen added, which would read
	// as part of the address.
	address bool
}

func pieces(s string) []piece {
	var out []piece
	for _, word := range strings.Fields(s) {
		rs := []rune(word)
		addr := isAddress(word)
		start := 0
		for i := 0; i < len(rs)-1; i++ {
			if breakAfter(rs, i, addr) {
				out = append(out, piece{text: string(rs[start : i+1]), space: start == 0, address: addr})
				start = i + 1
			}
		}
		out = append(out, piece{text: string(rs[start:]), space: start == 0, address: addr})
	}
	return out
}

// isAddress tells an e-mail or web address from a word.
func isAddress(word string) bool {
	return strings.Contains(word, "@") || strings.Contains(word, "://") || strings.HasPrefix(strings.ToLower(word), "www.")
}

// breakAfter tells whether a line may end after rs[i]: after a slash, or a
// hyphen between letters; in an address also after @ and a dot.
func breakAfter(rs []rune, i int, address bool) bool {
	if i == 0 || i >= len(rs)-1 {
		return false
	}
	switch rs[i] {
	case '/':
		return true
	case '-':
		return unicode.IsLetter(rs[i-1]) && unicode.IsLetter(rs[i+1])
	case '@', '.':
		return address
	}
	return false
}

func (r *renderer) wrapLine(s string, w float64) []string {
	ps := pieces(s)
	if len(ps) == 0 {
		return []string{""}
	}
	space := r.pdf.GetStringWidth(" ")
	var lines []string
	var line strings.Builder
	lineW := 0.0
	flush := func() {
		lines = append(lines, line.String())
		line.Reset()
		lineW = 0
	}
	for _, p := range ps {
		pw := r.pdf.GetStringWidth(p.text)
		gap := 0.0
		if p.space && line.Len() > 0 {
			gap = space
		}
		if lineW+gap+pw <= w {
			if gap > 0 {
				line.WriteByte(' ')
			}
			line.WriteString(p.text)
			lineW += gap + pw
			continue
		}
		if line.Len() > 0 {
			flush()
		}
		text := p.text
		for pw > w {
			head, rest := r.cut(text, w, p.address)
			lines = append(lines, head)
			text = rest
			pw = r.pdf.GetStringWidth(text)
		}
		line.WriteString(text)
		lineW = pw
	}
	if line.Len() > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

// cut splits a word wider than w into a first part that fits with a hyphen
// after it, and the rest. At least one character goes on each line, so
// that even an absurdly narrow column makes progress; a single character
// or one already ending in a hyphen or slash gets no hyphen, nor does a
// part of an address.
func (r *renderer) cut(word string, w float64, address bool) (string, string) {
	rs := []rune(word)
	hyphen := r.pdf.GetStringWidth("-")
	if address {
		hyphen = 0
	}
	sum, n := 0.0, 0
	for n < len(rs)-1 {
		cw := r.pdf.GetStringWidth(string(rs[n]))
		if sum+cw+hyphen > w {
			break
		}
		sum += cw
		n++
	}
	if n == 0 {
		n = 1
	}
	head := string(rs[:n])
	if n > 1 && !address && !strings.ContainsRune("-/", rs[n-1]) {
		head += "-"
	}
	return head, string(rs[n:])
}
