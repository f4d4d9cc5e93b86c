package accessible

import "testing"

// TestCountLines: what was typed ahead is counted in lines as the user
// typed them; an unfinished last line counts, an empty input is none.
func TestCountLines(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"", 0},
		{"p\n", 1},
		{"p\n:punkt 5\n", 2},
		{"p\n:punkt 5\nFel ", 3},
		{"Fel", 1},
		{"\n\n", 2},
		{"a\r\nb\r", 2},
	} {
		if got := countLines([]byte(tc.in)); got != tc.want {
			t.Errorf("countLines(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}
