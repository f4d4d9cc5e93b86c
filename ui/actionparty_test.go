package ui

import (
	"strings"
	"testing"

	"github.com/sipmote/sipmote/model"
)

// TestOtherOrganisationOnlyForOther: an action's "which other
// organisation" is asked only when another organisation is chosen, not for
// kommun or region (issue 27: it was offered for kommun).
func TestOtherOrganisationOnlyForOther(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		m := newTestModel(t, openTestDB(t), l, 120, 40)
		newMeeting(t, m, "Karin Holm", "Ali Rahimi")
		press(m, "alt+7")
		typeText(m, "Boendestöd")
		label := model.T(l, "Kommun eller region", "Municipality or region")
		// To the principal: the field whose label is marked as focused.
		for i := 0; i < 8 && !strings.Contains(screenText(m), "› "+label); i++ {
			press(m, "tab")
		}
		if !strings.Contains(screenText(m), "› "+label) {
			t.Fatalf("%s: no principal field on the action:\n%s", l, screenText(m))
		}
		other := model.T(l, "Vilken annan organisation", "Which other organisation")
		for _, want := range []model.Principal{model.PrincipalKommun, model.PrincipalRegion, model.PrincipalOther} {
			press(m, "right")
			a := livePlan(m).Draft.Content.Actions[0]
			if a.Principal != want {
				t.Fatalf("%s: → chose %q, want %q", l, a.Principal, want)
			}
			shown := strings.Contains(screenText(m), other)
			if shown != (want == model.PrincipalOther) {
				t.Errorf("%s: with %s chosen, %q shown: %v\n%s", l, want.Label(l), other, shown, screenText(m))
			}
		}
	}
}
