package ui

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sipmote/sipmote/model"
)

// clearField empties the focused text field with backspace, as a user does.
func clearField(m *Model, value string) {
	press(m, "end")
	for range utf8.RuneCountInString(value) + 40 {
		press(m, "backspace")
	}
}

// TestGuardianSubjectsCommas: a guardian's subjects typed with commas, as
// the field above takes units, are kept as subjects of their own, so the
// subject both guardians named is in common and no error says there is
// none (tryout42a #3).
func TestGuardianSubjectsCommas(t *testing.T) {
	m, _ := openViewsMeeting(t, model.Swedish, 80, 24)
	goConsentStep(t, m)
	focusField(t, m, "consent.guardians[0].subjects")
	if out := screenText(m); !strings.Contains(out, "(skilj med , eller ;)") {
		t.Errorf("the subjects field does not say how to part them:\n%s", out)
	}
	clearField(m, strings.Join(livePlan(m).Draft.Consent.Guardians[0].Subjects, "; "))
	typeText(m, "skolgång, psykisk hälsa, hemsituation")
	press(m, "tab")
	focusField(t, m, "consent.guardians[1].subjects")
	clearField(m, strings.Join(livePlan(m).Draft.Consent.Guardians[1].Subjects, "; "))
	typeText(m, "skolgång")
	press(m, "tab")
	k := livePlan(m).Draft.Consent
	if want := []string{"skolgång", "psykisk hälsa", "hemsituation"}; !slices.Equal(k.Guardians[0].Subjects, want) {
		t.Errorf("guardian 1's subjects = %q, want %q", k.Guardians[0].Subjects, want)
	}
	if !slices.Equal(k.Subjects, []string{"skolgång"}) {
		t.Errorf("subjects in common = %q, want [skolgång]", k.Subjects)
	}
}

// TestGuardianNameLinksParticipant: "Anna" typed as a guardian's name is
// the participant Anna Nyström: the field says so, and leaving it writes
// her whole name, so she gets one original (tryout42a #2).
func TestGuardianNameLinksParticipant(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		m, _ := openViewsMeeting(t, l, 80, 24)
		goConsentStep(t, m)
		focusField(t, m, "consent.guardians[0].name")
		clearField(m, "Anna Nyström")
		if out := screenText(m); !strings.Contains(out, model.T(l, "Vårdnadshavare bland deltagarna: Anna Nyström", "Guardians among the participants: Anna Nyström")) {
			t.Errorf("%s: the empty name does not offer the participants:\n%s", l, out)
		}
		typeText(m, "Anna")
		if out := screenText(m); !strings.Contains(out, model.T(l, "Blir Anna Nyström", "Becomes Anna Nyström")) {
			t.Errorf("%s: the field does not say whom Anna stands for:\n%s", l, out)
		}
		press(m, "tab")
		p := livePlan(m)
		if got := p.Draft.Consent.Guardians[0].Name; got != "Anna Nyström" {
			t.Errorf("%s: the guardian's name is %q, want Anna Nyström", l, got)
		}
		if n := len(p.Copies(p.Draft, l).Originals); n != 2 {
			t.Errorf("%s: %d originals, want 2", l, n)
		}
	}
}

// TestQuickRowParentInChildPlan: in a child's plan "pappa" on the quick
// row makes a guardian, and the phone number goes to the phone; the
// preview says both before anything is added (tryout42a #15).
func TestQuickRowParentInChildPlan(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		m := openQuickRow(t, l, 80, 24)
		m.view.Edit(func(p *model.Plan) {
			p.Variant = model.AgeChild
			p.Person.PNR = "20140312-1237"
		})
		typeText(m, "Karim Haddad, pappa, 070-123 45 67")
		// The preview may wrap at 80 columns: each part is looked for.
		for _, want := range []string{model.T(l, "Karim Haddad · vårdnadshavare, pappa ·", "Karim Haddad · guardian, pappa ·"),
			model.T(l, "telefon: 070-123 45 67", "phone: 070-123 45 67")} {
			if out := screenText(m); !strings.Contains(out, want) {
				t.Errorf("%s: the preview does not say %q:\n%s", l, want, out)
			}
		}
		press(m, "enter")
		pts := livePlan(m).Draft.Meeting.Participants
		if len(pts) != 1 || pts[0].Role != model.RoleGuardian || pts[0].Phone != "070-123 45 67" || pts[0].PresenceNote != "" {
			t.Errorf("%s: added %+v", l, pts)
		}
	}
}
