package printout

import (
	"sync"

	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// glyphs knows which characters the embedded font can draw. The Go fonts
// cover Latin, Greek and Cyrillic, which is what a Swedish plan holds; an
// emoji or a character from another script is printed as "?" rather than
// as an empty box that hides that something was written there.
type glyphs struct {
	font *sfnt.Font
	buf  sfnt.Buffer
	seen map[rune]bool
}

// regularFont is the body font, parsed once for the program's life: every
// PDF makes two layouts (one to count pages), and a font parsed anew for
// each was a fifth of the time of a print. A parsed sfnt.Font is safe to
// share; each glyphs keeps its own scratch buffer.
var regularFont = sync.OnceValues(func() (*sfnt.Font, error) { return sfnt.Parse(goregular.TTF) })

func newGlyphs() (*glyphs, error) {
	f, err := regularFont()
	if err != nil {
		return nil, err
	}
	return &glyphs{font: f, seen: map[rune]bool{}}, nil
}

func (g *glyphs) has(r rune) bool {
	if r < 0x80 {
		return r >= 0x20 || r == '\n'
	}
	ok, found := g.seen[r]
	if !found {
		idx, err := g.font.GlyphIndex(&g.buf, r)
		ok = err == nil && idx != 0 && r <= 0xFFFF
		g.seen[r] = ok
	}
	return ok
}

// sanitize replaces the characters the font lacks.
func (g *glyphs) sanitize(s string) string {
	for _, r := range s {
		if !g.has(r) {
			return g.replace(s)
		}
	}
	return s
}

func (g *glyphs) replace(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if !g.has(r) {
			r = '?'
		}
		out = append(out, r)
	}
	return string(out)
}
