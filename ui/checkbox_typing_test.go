package ui

import (
	"strings"
	"testing"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/screens/meeting"
)

// TestTypingOnACheckboxChangesNothing: a sentence typed on the consent
// checkbox, or a name typed one field too far, leaves the consent as it
// was and one line names the keys; each space used to flip it. The same in
// the checklists (ctrl+l). A key typed alone still answers (tryout2 #11).
func TestTypingOnACheckboxChangesNothing(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		m := newTestModel(t, openTestDB(t), l, 80, 24)
		newMeeting(t, m, "Karin Holm", "Ali Rahimi")
		send(m, meeting.GotoSectionMsg{ID: model.SectionConsent})
		focusField(t, m, "consent.given")
		given := func() bool { return livePlan(m).Draft.Consent.Given }
		for _, text := range []string{model.T(l, "ja hon sa ja", "yes she said yes"), "Anna Nyström", "ok"} {
			typeText(m, text)
			if given() {
				t.Errorf("%s: typing %q gave consent", l, text)
			}
			if want := model.T(l, "det är en kryssruta (j ja, n nej, mellanslag byter)", "this is a checkbox (y yes, n no, space switches)"); !strings.Contains(strings.Join(strings.Fields(screenText(m)), " "), want) {
				t.Errorf("%s: typing %q is not answered with %q:\n%s", l, text, want, screenText(m))
			}
		}
		press(m, "right") // a key that is not text ends the run and answers
		if !given() {
			t.Errorf("%s: → did not give consent", l)
		}
		press(m, "tab", "shift+tab", "n")
		if given() {
			t.Errorf("%s: n typed alone did not take the consent back", l)
		}

		m.meeting.Checklist = func(model.AgeGroup) ([]CheckItem, []CheckItem) {
			return []CheckItem{{ID: "b1", Text: model.Text{SV: "Kalla", EN: "Invite"}}}, nil
		}
		press(m, "ctrl+l")
		for _, text := range []string{"ok klart", "vi har gjort det här"} {
			typeText(m, text)
			if livePlan(m).Ticked("b1") {
				t.Errorf("%s: typing %q in the checklist ticked it", l, text)
			}
			if m.meeting.Over == nil {
				t.Fatalf("%s: typing %q closed the checklist", l, text)
			}
			if want := model.T(l, "Här skrivs ingen text", "No text is written here"); !strings.Contains(screenText(m), want) {
				t.Errorf("%s: typing %q in the checklist is not answered:\n%s", l, text, screenText(m))
			}
		}
		press(m, "enter")
		if !livePlan(m).Ticked("b1") {
			t.Errorf("%s: enter did not tick the item", l)
		}
		press(m, "esc")
	}
}
