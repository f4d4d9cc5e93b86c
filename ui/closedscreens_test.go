package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/screens/home"
	"github.com/sipmote/sipmote/ui/screens/meeting/printdialog"
)

// TestClosedPlanScreensSayWhatIs: a closed plan opened from the home screen
// showed a meeting clock, "saved" and counts of errors, and its last step
// said "Alla skriver under" (tryout 42a, 9 and 17). Its screens say it is
// closed and can be read and printed; the last step says p prints a copy
// marked closed, and the print list offers one copy, no originals.
func TestClosedPlanScreensSayWhatIs(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		db := openTestDB(t)
		p := model.DemoClosed(fixedNow)
		if err := db.Create(context.Background(), p); err != nil {
			t.Fatal(err)
		}
		m := newTestModel(t, db, l, 80, 24)
		send(m, home.OpenPlanMsg{ID: p.ID})
		if m.screen != screenMeeting {
			t.Fatalf("%s: the closed plan did not open:\n%s", l, screenText(m))
		}
		flat := func() string { return strings.Join(strings.Fields(strings.ReplaceAll(screenText(m), "│", " ")), " ") }
		s := flat()
		closed := model.T(l, "Avslutad "+p.Closure.Date+" · kan läsas och skrivas ut, inte ändras", "Closed "+p.Closure.Date+" · can be read and printed, not changed")
		if !strings.Contains(s, closed) {
			t.Errorf("%s: the screen does not say %q:\n%s", l, closed, screenText(m))
		}
		for _, untrue := range []string{model.T(l, "Mötet:", "Meeting:"), model.T(l, "sparat", "saved"), model.T(l, "varningar", "warnings"), model.T(l, "ctrl+o startar", "ctrl+o starts")} {
			if strings.Contains(s, untrue) {
				t.Errorf("%s: a closed plan's screen says %q:\n%s", l, untrue, screenText(m))
			}
		}
		inEdit(m, func() { m.meeting.GoStep(len(m.meeting.Steps) - 1) })
		s = flat()
		if strings.Contains(s, model.T(l, "närvarande deltagare. Alla skriver under", "participant present. Everyone signs")) ||
			!strings.Contains(s, model.T(l, "märkt AVSLUTAD på varje sida och utan rader att skriva under", "marked CLOSED on every page and with no lines to sign")) {
			t.Errorf("%s: the last step of a closed plan does not say it prints a copy:\n%s", l, screenText(m))
		}
		press(m, "p")
		if _, ok := m.meeting.Over.(*printdialog.Overlay); !ok {
			t.Fatalf("%s: p did not open the print list:\n%s", l, screenText(m))
		}
		s = flat()
		if !strings.Contains(s, model.T(l, "[x] En kopia utan namn, märkt AVSLUTAD", "[x] One copy without a name, marked CLOSED")) ||
			strings.Contains(s, "[x] "+model.T(l, "Kopia till", "Copy for")) || strings.Contains(s, model.T(l, "Original till", "Original for")) {
			t.Errorf("%s: the print list of a closed plan offers originals or chooses named copies:\n%s", l, screenText(m))
		}
	}
}
