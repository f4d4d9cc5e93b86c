package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/screens/home"
)

// TestCloseDateBeforeFinalised: the closing form took a date before the
// plan was finalised and printed it (tryout41a #10). The date field says
// so as it is typed, and ctrl+s refuses before asking, the plan unchanged.
func TestCloseDateBeforeFinalised(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		db := openTestDB(t)
		p := model.Demo(fixedNow)
		if err := db.Create(context.Background(), p); err != nil {
			t.Fatal(err)
		}
		fin := p.Versions[len(p.Versions)-1].FinalisedAt.Format(model.DateLayout)
		before := p.Versions[len(p.Versions)-1].FinalisedAt.AddDate(0, 0, -1).Format(model.DateLayout)
		m := newTestModel(t, db, l, 80, 24)
		send(m, home.ClosePlanMsg{ID: p.ID})
		if m.screen != screenClose {
			t.Fatalf("%s: no closing form:\n%s", l, screenText(m))
		}
		press(m, "right", "tab", "tab")
		for range 10 {
			press(m, "backspace")
		}
		typeText(m, before)
		say := model.T(l, "Planen kan inte avslutas före "+fin+", då den fastställdes.",
			"The plan cannot be closed before "+fin+", the day it was finalised.")
		flat := func() string { return strings.Join(strings.Fields(strings.ReplaceAll(screenText(m), "│", " ")), " ") }
		if !strings.Contains(flat(), say) {
			t.Errorf("%s: the date field does not say %q:\n%s", l, say, screenText(m))
		}
		press(m, "ctrl+s")
		if !strings.Contains(flat(), say) || strings.Contains(flat(), model.T(l, "för gott", "for good")) {
			t.Errorf("%s: ctrl+s did not refuse before asking:\n%s", l, screenText(m))
		}
		press(m, "j", "y")
		got, err := db.Load(context.Background(), p.ID)
		if err != nil || got.Status == model.StatusClosed {
			t.Errorf("%s: the plan was closed (%v)", l, err)
		}
	}
}
