package ui

import (
	"slices"
	"strings"
	"testing"

	"github.com/sipmote/sipmote/model"
)

// TestConsentUnitsTypedWithCommas: units typed in one line with commas are
// stored as separate units when the field is left, and shown apart
// ("Elevhälsan; Ekskolan"); nothing typed is lost (issue 27).
func TestConsentUnitsTypedWithCommas(t *testing.T) {
	m := newTestModel(t, openTestDB(t), model.Swedish, 120, 40)
	newMeeting(t, m, "Karin Holm", "Ali Rahimi")
	press(m, "alt+2")
	label := "Gäller för vilka verksamheter"
	for i := 0; i < 10 && !strings.Contains(screenText(m), "› "+label); i++ {
		press(m, "tab")
	}
	if !strings.Contains(screenText(m), "› "+label) {
		t.Fatalf("no units field in the consent:\n%s", screenText(m))
	}
	typeText(m, "Elevhälsan, Ekskolan;Fritids")
	press(m, "tab")
	k := livePlan(m).Draft.Consent
	if want := []string{"Elevhälsan", "Ekskolan", "Fritids"}; !slices.Equal(k.Actors, want) {
		t.Errorf("units stored %q, want %q", k.Actors, want)
	}
	if !strings.Contains(screenText(m), "Elevhälsan; Ekskolan; Fritids") {
		t.Errorf("the units are not shown apart once the field is left:\n%s", screenText(m))
	}
}
