package ui

import (
	"strings"
	"testing"

	"github.com/sipmote/sipmote/model"
)

// TestRemoveRowNamesTheRow: delete on a participant asks about that
// participant by name, in both languages, and n keeps the row (tryout2 #9:
// "Ta bort raden …?" did not say which row).
func TestRemoveRowNamesTheRow(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		m, p := openViewsMeeting(t, l, 80, 24)
		press(m, "ctrl+n", "esc", "down")
		name := p.Draft.Meeting.Participants[1].Name
		press(m, "delete")
		want := model.T(l, "Ta bort "+name+" och allt som står på raden?", "Remove "+name+" and everything in the row?")
		scr := screenText(m)
		if !strings.Contains(strings.Join(strings.Fields(scr), " "), want) {
			t.Fatalf("%s: the question does not name the row, want %q:\n%s", l, want, scr)
		}
		press(m, "n")
		var n int
		inRead(m, func() { n = len(livePlan(m).Draft.Meeting.Participants) })
		if n != len(p.Draft.Meeting.Participants) {
			t.Errorf("%s: n removed a row: %d rows, had %d", l, n, len(p.Draft.Meeting.Participants))
		}
	}
}
