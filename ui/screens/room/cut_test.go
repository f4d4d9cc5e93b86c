package room

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
)

func TestCutAndWindowSayWhatIsLeftOut(t *testing.T) {
	st := common.DefaultStyles()
	lines := make([]string, 20)
	for i := range lines {
		lines[i] = fmt.Sprint("line", i)
	}
	if got := cutLines(&st, model.Swedish, lines, 20); len(got) != 20 {
		t.Errorf("cut what fits: %d lines", len(got))
	}
	got := cutLines(&st, model.Swedish, lines, 5)
	if len(got) != 5 || got[3] != "line3" || ansi.Strip(got[4]) != "16 till ↓" {
		t.Errorf("cut to 5: %q", got)
	}
	for _, tc := range []struct{ focus, h int }{{0, 8}, {10, 8}, {19, 8}, {10, 3}, {10, 4}, {1, 6}, {18, 5}} {
		w := windowLines(&st, model.English, lines, tc.focus, tc.h)
		if len(w) > tc.h {
			t.Errorf("%v: %d lines", tc, len(w))
		}
		joined := ansi.Strip(strings.Join(w, "|"))
		if !strings.Contains(joined, fmt.Sprint("line", tc.focus)) {
			t.Errorf("%v: the focus is out of sight: %q", tc, joined)
		}
		// Every line is either shown or counted.
		shown, counted := 0, 0
		for _, x := range w {
			var n int
			var arrow string
			if _, err := fmt.Sscanf(ansi.Strip(x), "%d more %s", &n, &arrow); err == nil {
				counted += n
			} else {
				shown++
			}
		}
		if shown+counted != len(lines) {
			t.Errorf("%v: %d shown + %d counted of %d: %q", tc, shown, counted, len(lines), joined)
		}
	}
}
