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
		// How to answer is on screen too, at 80x24 with a long list.
		if answer := model.T(l, "Tryck j för ja eller n för nej", "Press y for yes or n for no"); !strings.Contains(strings.Join(strings.Fields(scr), " "), answer) {
			t.Errorf("%s: the question's answer keys are cut off (%q):\n%s", l, answer, scr)
		}
		press(m, "n")
		var n int
		inRead(m, func() { n = len(livePlan(m).Draft.Meeting.Participants) })
		if n != len(p.Draft.Meeting.Participants) {
			t.Errorf("%s: n removed a row: %d rows, had %d", l, n, len(p.Draft.Meeting.Participants))
		}
	}
}
