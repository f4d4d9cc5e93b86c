package ui

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/screens/meeting"
)

// focusField tabs through the consent section, as a secretary does, to
// the field with path.
func focusField(t *testing.T, m *Model, path string) {
	t.Helper()
	fs := m.meeting.Sections[model.SectionConsent].(*meeting.FormSection)
	for range len(fs.Form.Fields) + 1 {
		if fs.Form.Current().Path == path {
			return
		}
		press(m, "tab")
	}
	t.Fatalf("tab never reached %s:\n%s", path, screenText(m))
}

// TestGuardiansOnScreen: in a child's consent section each guardian has
// their own units; narrowing Peter's says whose consent lacks what and
// the plan's list follows; "ask" then asks Peter by name and records his
// yes on its own, and the child, who is here, is asked for their view.
func TestGuardiansOnScreen(t *testing.T) {
	const unit = "Socialtjänstens familjeenhet"
	m, _ := openViewsMeeting(t, model.Swedish, 80, 24)
	m.view.Edit(func(p *model.Plan) {
		// Lisa from Försäkringskassan is in no consent: not this test's.
		v := p.Draft
		v.Meeting.Participants = v.Meeting.Participants[:len(v.Meeting.Participants)-1]
	})
	goConsentStep(t, m)
	focusField(t, m, "consent.guardians[1].actors")
	out := screenText(m)
	if !strings.Contains(out, "Vårdnadshavare 2: verksamheter hen samtycker till") {
		t.Fatalf("no units of guardian 2:\n%s", out)
	}
	// Take social services out of Peter's consent.
	for range utf8.RuneCountInString("; " + unit) {
		press(m, "backspace")
	}
	out = screenText(m)
	if !strings.Contains(out, "Peter Nyströms samtycke saknar Socialtjänstens familjeenhet") {
		t.Errorf("the screen does not say what Peter's consent lacks:\n%s", out)
	}
	p := livePlan(m)
	if k := p.Draft.Consent; slices.Contains(k.Actors, unit) || !slices.Equal(k.Guardians[1].Actors, []string{"BUP", "Elevhälsan"}) {
		t.Fatalf("plan's list %q, Peter's %q", k.Actors, k.Guardians[1].Actors)
	}
	// The overlap, shown where the plan's list was.
	press(m, "shift+tab")
	for range 30 {
		if strings.Contains(screenText(m), "Gäller för: det som alla vårdnadshavare har samtyckt till") {
			break
		}
		press(m, "shift+tab")
	}
	out = screenText(m)
	if !strings.Contains(out, "Verksamheter: BUP, Elevhälsan.") {
		t.Errorf("the overlap is not shown:\n%s", out)
	}
	// The chair's view says it too, for the chair only.
	press(m, "f2")
	if out := screenText(m); !strings.Contains(out, "Peter Nyströms samtycke saknar:") {
		t.Errorf("the chair's view does not say what Peter's consent lacks:\n%s", out)
	}
	press(m, "f2")
	focusField(t, m, "consent.actors.add")
	out = screenText(m)
	if !strings.Contains(out, "Socialtjänstens familjeenhet finns inte i Peter Nyströms samtycke") {
		t.Errorf("the widening does not name Peter:\n%s", out)
	}
	// The summons list above the checklists warns before the meeting.
	m.meeting.Checklist = func(model.AgeGroup) ([]CheckItem, []CheckItem) { return nil, nil }
	press(m, "ctrl+l")
	if out := screenText(m); !strings.Contains(out, "Varning: Socialtjänstens familjeenhet finns inte i Peter") {
		t.Errorf("the summons list does not warn:\n%s", out)
	}
	press(m, "esc")
	press(m, "enter")
	if out = screenText(m); !strings.Contains(out, "Fråga Peter Nyström: får Socialtjänstens") {
		t.Fatalf("enter does not ask Peter:\n%s", out)
	}
	press(m, "enter")
	p = livePlan(m)
	k := p.Draft.Consent
	if len(k.Widened) != 1 || k.Widened[0].By != "Peter Nyström" || k.Widened[0].As != model.WidenedGuardian || !slices.Contains(k.Actors, unit) {
		t.Fatalf("after Peter's yes: widened %+v, list %q", k.Widened, k.Actors)
	}
	// Elias is here: his view is asked next, in his words.
	focusField(t, m, "consent.widened.child")
	typeText(m, "Okej om Mona är med")
	k = livePlan(m).Draft.Consent
	if len(k.Widened) != 2 || k.Widened[1].As != model.WidenedChild || k.Widened[1].View != "Okej om Mona är med" ||
		!slices.Equal(k.Widened[1].Units, []string{unit}) {
		t.Fatalf("the child's view: %+v", k.Widened)
	}
	checkScreen(t, screenText(m), 80, 24)
}

// TestGuardianTakesListsToReplace: naming guardian 1 gives them the lists
// typed before; units typed into their field, as its label invites,
// replace those lists instead of being added to their end.
func TestGuardianTakesListsToReplace(t *testing.T) {
	m, _ := openViewsMeeting(t, model.Swedish, 80, 24)
	m.view.Edit(func(p *model.Plan) {
		k := &p.Draft.Consent
		k.Guardians = nil
		k.Actors = []string{"Elevhälsan", "BUP"}
		k.Subjects = []string{"skolan"}
	})
	goConsentStep(t, m)
	focusField(t, m, "consent.guardians[0].name")
	typeText(m, "Jonas Berg")
	focusField(t, m, "consent.guardians[0].actors")
	if out := screenText(m); !strings.Contains(out, "skriv för att ersätta") {
		t.Errorf("the taken-over list does not say typing replaces it:\n%s", out)
	}
	typeText(m, "Elevhälsan; BUP")
	press(m, "tab")
	if got := livePlan(m).Draft.Consent.Guardians[0].Actors; !slices.Equal(got, []string{"Elevhälsan", "BUP"}) {
		t.Fatalf("Jonas's units %q, want them replaced by what was typed", got)
	}
	// Typed by the secretary now: a later visit edits it in place.
	press(m, "shift+tab")
	if out := screenText(m); strings.Contains(out, "skriv för att ersätta") {
		t.Errorf("a list the secretary typed is offered for replacing:\n%s", out)
	}
}
