package components

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
)

// TestLongLineReadWholeWhenFocused: a one-line field scrolls to its end
// while it has the cursor, so a long line showed only its tail ("ården
// ger Karin hennes mediciner …"); the whole text is now read under it,
// wrapped. A line that fits is shown once (tryout2 #33).
func TestLongLineReadWholeWhenFocused(t *testing.T) {
	long := "Hemsjukvården ger Karin hennes mediciner i dosett varje morgon klockan åtta, också på helgerna"
	cases := []struct {
		width int
		value string
		whole bool // the whole text is read in the view
		twice bool // read again under the field
	}{
		{60, long, true, true},
		{120, long, true, false}, // fits: the field alone
		{60, "Boendestöd", true, false},
	}
	st := common.DefaultStyles()
	for _, tc := range cases {
		val := tc.value
		f := NewForm(model.Swedish, &st, []Field{TextField("what", "Vad ska göras", "", func() *string { return &val })})
		f.SetSize(tc.width, 20)
		f.FocusField(0, -1)
		view := ansi.Strip(f.View(nil))
		read := strings.Join(strings.Fields(view), " ")
		if got := strings.Contains(read, tc.value); got != tc.whole {
			t.Errorf("width %d: the whole text read %v, want %v:\n%s", tc.width, got, tc.whole, view)
		}
		lines := 0
		for _, l := range strings.Split(view, "\n") {
			if strings.TrimSpace(l) != "" {
				lines++
			}
		}
		if got := lines > 2; got != tc.twice {
			t.Errorf("width %d: read again under the field %v, want %v:\n%s", tc.width, got, tc.twice, view)
		}
		for _, l := range strings.Split(view, "\n") {
			if ansi.StringWidth(l) > tc.width {
				t.Errorf("width %d: a line is %d wide: %q", tc.width, ansi.StringWidth(l), l)
			}
		}
	}
}
