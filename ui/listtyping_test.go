package ui

import (
	"strings"
	"testing"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/screens/meeting"
)

// TestTypingOnAListStartsARow: a secretary who pressed esc to leave a row
// and types on loses nothing. Letters were commands on the table (n a new
// row, a the quick row) and the others were dropped: "Karin ska må
// bättre" became a goal " ska må bättre" (tryout2 #43).
func TestTypingOnAListStartsARow(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		m := newTestModel(t, openTestDB(t), l, 80, 24)
		newMeeting(t, m, "Karin Holm", "Ali Rahimi")
		send(m, meeting.GotoSectionMsg{ID: model.SectionGoals})
		typeText(m, "Egen lägenhet")
		press(m, "esc")
		// A sentence that starts with a command letter of old, too.
		for _, goal := range []string{"Karin ska må bättre", "nya vänner", "arbete på halvtid"} {
			typeText(m, goal)
			press(m, "esc")
		}
		var got []string
		for _, g := range livePlan(m).Draft.Content.Goals {
			got = append(got, g.Text)
		}
		if want := "Egen lägenhet|Karin ska må bättre|nya vänner|arbete på halvtid"; strings.Join(got, "|") != want {
			t.Errorf("%s: goals %q, want %q", l, strings.Join(got, "|"), want)
		}
		if want := model.T(l, "a–ö ny rad", "a–z new row"); !strings.Contains(screenText(m), want) {
			t.Errorf("%s: the key line does not say that typing starts a row (%q):\n%s", l, want, screenText(m))
		}

		// Participants: typed text opens the quick row with it, which
		// shows what it understood before enter adds the row.
		send(m, meeting.GotoSectionMsg{ID: model.SectionParticipants})
		press(m, "esc")
		typeText(m, "Maria Holm")
		if want := model.T(l, "Maria Holm · ", "Maria Holm · "); !strings.Contains(screenText(m), want) {
			t.Errorf("%s: the quick row does not hold the typed name:\n%s", l, screenText(m))
		}
		press(m, "enter", "esc")
		// esc on a line not added says so once; the line stays.
		typeText(m, "Olle")
		press(m, "esc")
		if want := model.T(l, "Raden är inte tillagd", "The row is not added"); !strings.Contains(screenText(m), want) || !strings.Contains(screenText(m), "Olle") {
			t.Errorf("%s: esc threw a typed line away without a word:\n%s", l, screenText(m))
		}
		press(m, "esc")
		typeText(m, "anna Berg, god man")
		press(m, "enter", "esc")
		var names []string
		for _, p := range livePlan(m).Draft.Meeting.Participants {
			names = append(names, p.Name)
		}
		if j := strings.Join(names, "|"); !strings.Contains(j, "Maria Holm") || !strings.Contains(j, "anna Berg") {
			t.Errorf("%s: participants %q, want Maria Holm and anna Berg", l, j)
		}
		// + still opens an empty row.
		press(m, "+")
		if want := model.T(l, "Ny deltagare — börja skriva", "New participant — start typing"); !strings.Contains(screenText(m), want) {
			t.Errorf("%s: + opened no empty row:\n%s", l, screenText(m))
		}
	}
}
