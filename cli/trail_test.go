package cli

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestTrailFitsEightyColumns: a plan's trail with a hand-over keeps each
// event on one line of at most 80 columns (the keys go on lines of their
// own under it), and the footer asks the user to run check, in both
// languages.
func TestTrailFitsEightyColumns(t *testing.T) {
	home := sealHome(t)
	c := newCLI(t)
	c.ok("demo")
	id := firstID(t, c)
	c.ok("seal", id[:8], "--to", filepath.Join(home, ".ssh", "id_ed25519.pub"), "-o", filepath.Join(t.TempDir(), "p.age"))
	for _, l := range []struct{ lang, kind, signed, footer string }{
		{"sv", "förseglad", "    signerad med SHA256:", "Kör sipmote check för att visa att inget har ändrats i efterhand."},
		{"en", "sealed for hand-over", "    signed with SHA256:", "Run sipmote check to show that nothing was changed afterwards."},
	} {
		out := c.ok("trail", id[:8], "--lang", l.lang)
		lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
		found := false
		for i, line := range lines {
			if n := utf8.RuneCountInString(line); n > 80 {
				t.Errorf("%s: a line of %d columns: %q", l.lang, n, line)
			}
			if strings.Contains(line, l.kind) {
				found = i+1 < len(lines) && strings.HasPrefix(lines[i+1], l.signed)
			}
		}
		if !found || lines[len(lines)-1] != l.footer {
			t.Errorf("%s: the sealing's key is not under its row, or the footer is not %q:\n%s", l.lang, l.footer, out)
		}
	}
}
