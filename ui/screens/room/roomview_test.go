package room

import (
	"strings"
	"testing"
)

// A long item wraps under its own text, not under its bullet or number:
// the wrapped part of a name never reads as the next person.
func TestRoomItemsHang(t *testing.T) {
	for _, c := range []struct{ line, second string }{
		{"• Maria Andersson-Lindqvist, Enheten för barn och unga i Västra kommundelen", "    "},
		{"12. Att kunna gå till skolan varje dag utan att vara rädd för vad som händer", "      "},
		{"Bara text utan punkt som är lång nog att brytas på fler än en rad här", "  "},
	} {
		out := hangWrap(c.line, 40, "  ")
		if len(out) < 2 {
			t.Fatalf("%q did not wrap at 40: %q", c.line, out)
		}
		for _, l := range out[1:] {
			if !strings.HasPrefix(l, c.second) || l[len(c.second)] == ' ' {
				t.Errorf("%q: a wrapped line %q does not start at column %d", c.line, l, len(c.second))
			}
		}
		if got := strings.Join(strings.Fields(strings.Join(out, " ")), " "); got != c.line {
			t.Errorf("wrapping changed the words: %q", got)
		}
	}
}
