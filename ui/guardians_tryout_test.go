package ui

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sipmote/sipmote/model"
)

// focusFrom tabs to the field with path from the top of the consent
// section, wherever the cursor was.
func focusFrom(t *testing.T, m *Model, path string) {
	t.Helper()
	for range 40 {
		press(m, "shift+tab")
	}
	focusField(t, m, path)
}

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

// TestWidenAsksPerUnit: Peter's consent lacks BUP and social services.
// "Fråga" asks about one unit at a time: he says no to BUP ("Nej") and
// yes to social services, and only that yes is recorded (tryout42a #18).
func TestWidenAsksPerUnit(t *testing.T) {
	const fam = "Socialtjänstens familjeenhet"
	for _, l := range []model.Lang{model.Swedish, model.English} {
		m, _ := openViewsMeeting(t, l, 80, 24)
		m.view.Edit(func(p *model.Plan) {
			v := p.Draft
			v.Meeting.Participants = v.Meeting.Participants[:len(v.Meeting.Participants)-1] // Lisa: not this test's
			v.Consent.Guardians[1].Actors = []string{"Elevhälsan"}
			p.SyncGuardianScope(v, "2026-12-01")
		})
		goConsentStep(t, m)
		focusFrom(t, m, "consent.actors.add")
		if out := screenText(m); !strings.Contains(out, model.T(l, "fråga Peter Nyström om BUP.", "ask Peter Nyström about BUP.")) {
			t.Fatalf("%s: the button does not offer to ask about BUP alone:\n%s", l, out)
		}
		press(m, "enter")
		out := screenText(m)
		if !strings.Contains(out, model.T(l, "får BUP vara med", "may BUP take part")) || strings.Contains(out, model.T(l, "får BUP och", "may BUP and")) {
			t.Fatalf("%s: the question is not about BUP alone:\n%s", l, out)
		}
		// He says no: the unit stays out, and the next one is asked.
		focusFrom(t, m, "consent.actors.decline")
		press(m, "enter")
		focusFrom(t, m, "consent.actors.add")
		if out := screenText(m); !strings.Contains(out, model.T(l, "om "+fam, "about "+fam)) {
			t.Fatalf("%s: after the no, social services is not asked about next:\n%s", l, out)
		}
		press(m, "enter", "enter")
		k := livePlan(m).Draft.Consent
		if got := k.Guardians[1].Actors; !slices.Equal(got, []string{"Elevhälsan", fam}) {
			t.Errorf("%s: Peter's units %q, want Elevhälsan and %s only", l, got, fam)
		}
		if len(k.Widened) != 1 || !slices.Equal(k.Widened[0].Units, []string{fam}) {
			t.Errorf("%s: widened %+v, want the yes to %s alone", l, k.Widened, fam)
		}
		if out := screenText(m); !strings.Contains(out, model.T(l, "Sade nej: BUP", "Said no: BUP")) {
			t.Errorf("%s: the no to BUP is not shown:\n%s", l, out)
		}
		checkScreen(t, screenText(m), 80, 24)
	}
}
