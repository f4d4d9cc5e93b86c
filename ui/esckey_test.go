package ui

import (
	"testing"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/screens/meeting"
)

// TestEscRunTogetherWithAKey: esc typed just before ctrl+n, or before the
// first letter of the next goal, comes as one alt key; it is read as esc
// and then the key, as typed (tryout2 #20). alt+1…0 still go to a section.
func TestEscRunTogetherWithAKey(t *testing.T) {
	m := newTestModel(t, openTestDB(t), model.Swedish, 80, 24)
	newMeeting(t, m, "Karin Holm", "Ali Rahimi")
	send(m, meeting.GotoSectionMsg{ID: model.SectionGoals})
	typeText(m, "Egen lägenhet")
	press(m, "alt+shift+K") // esc, then "K"
	typeText(m, "arin ska må bättre")
	var got []string
	for _, g := range livePlan(m).Draft.Content.Goals {
		got = append(got, g.Text)
	}
	if len(got) != 2 || got[1] != "Karin ska må bättre" {
		t.Errorf("esc run together with a letter: goals %q", got)
	}
	step := m.meeting.Step
	press(m, "alt+ctrl+n") // esc, then ctrl+n
	if m.meeting.Step != step+1 {
		t.Errorf("esc run together with ctrl+n did not go to the next step (%d → %d)", step, m.meeting.Step)
	}
	press(m, "alt+6")
	if m.meeting.Active != model.SectionGoals {
		t.Errorf("alt+6 went to %s, not the goals", m.meeting.Active)
	}
}
