package ui

import (
	"strings"
	"testing"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/screens/meeting"
)

// TestGoalNumberThatIsNoGoal: "1, 7" typed for an action when the plan has
// two goals was shown as "Mål: 1", the 7 gone without a word (tryout41a
// #6). The field now says which goal is missing and keeps the text until
// it is corrected, also after the secretary leaves the field.
func TestGoalNumberThatIsNoGoal(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		m := newTestModel(t, openTestDB(t), l, 80, 24)
		newMeeting(t, m, "Karin Holm", "Ali Rahimi")
		send(m, meeting.GotoSectionMsg{ID: model.SectionGoals})
		for _, g := range []string{"Egen lägenhet", "Ett arbete"} {
			typeText(m, g)
			press(m, "esc")
		}
		send(m, meeting.GotoSectionMsg{ID: model.SectionActions})
		typeText(m, "Boendestöd")
		send(m, meeting.JumpMsg{Path: "content.actions[0].goal_ids"})
		typeText(m, "1, 7")
		say := model.T(l, "Mål 7 finns inte (planen har 2 mål).", "There is no goal 7 (the plan has 2 goals).")
		if !strings.Contains(screenText(m), say) {
			t.Errorf("%s: the field does not say %q:\n%s", l, say, screenText(m))
		}
		press(m, "esc")
		if !strings.Contains(screenText(m), "1, 7") {
			t.Errorf("%s: the typed 1, 7 is gone after esc:\n%s", l, screenText(m))
		}
		a := livePlan(m).Draft.Content.Actions
		if len(a) != 1 || a[0].GoalsTyped != "1, 7" || len(a[0].GoalIDs) != 1 {
			t.Fatalf("%s: action %+v, want goal 1 and the text 1, 7 kept", l, a)
		}
		send(m, meeting.JumpMsg{Path: "content.actions[0].goal_ids"})
		press(m, "backspace")
		typeText(m, "2")
		a = livePlan(m).Draft.Content.Actions
		if a[0].GoalsTyped != "" || len(a[0].GoalIDs) != 2 || strings.Contains(screenText(m), say) {
			t.Errorf("%s: corrected to 1, 2 but %+v:\n%s", l, a[0], screenText(m))
		}
	}
}
