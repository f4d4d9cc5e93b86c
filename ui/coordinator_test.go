package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/sipmote/sipmote/model"
)

// At 80x24 the coordinator section shows its keys, the staff to choose
// from and, once one is chosen, the coordinator's phone and e-mail lines:
// the rules' text above goes first when the pane is short, nothing below.
func TestCoordinatorSectionFitsEightyByTwentyFour(t *testing.T) {
	for _, c := range []struct {
		l                model.Lang
		keys, who, phone string
	}{
		{model.Swedish, "↑/↓ väljer, enter utser till samordnare.", "Samordnare: ", "Telefon och e-post ändras under Deltagare"},
		{model.English, "↑/↓ choose, enter appoints the coordinator.", "Coordinator: ", "Phone and e-mail are edited under Participants"},
	} {
		db := openTestDB(t)
		p := model.Demo(fixedNow)
		p.Current().Content.Coordinator.ParticipantID = ""
		if err := db.Create(context.Background(), p); err != nil {
			t.Fatal(err)
		}
		m := newTestModel(t, db, c.l, 80, 24)
		press(m, "enter")
		if m.screen != screenMeeting {
			t.Fatalf("%s: no meeting:\n%s", c.l, screenText(m))
		}
		press(m, "alt+8")
		if got := screenText(m); !strings.Contains(got, c.keys) {
			t.Errorf("%s: the section does not say its keys:\n%s", c.l, got)
		}
		press(m, "enter")
		got := screenText(m)
		if !strings.Contains(got, c.who) || !strings.Contains(got, c.phone) {
			t.Errorf("%s: the chosen coordinator's lines are cut off:\n%s", c.l, got)
		}
	}
}
