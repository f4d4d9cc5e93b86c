package model

import (
	"slices"
	"strings"
	"testing"
)

// TestGuardianSubjectsWithCommas: subjects typed on one line with commas,
// as the units above them are, are weighed one by one: "skolgång" in
// both guardians' consents is in common, and no error says otherwise
// (tryout42a #3).
func TestGuardianSubjectsWithCommas(t *testing.T) {
	p := childPlan()
	k := &p.Draft.Consent
	k.Guardians[0].Subjects = []string{"skolgång, psykisk hälsa, hemsituation"}
	k.Guardians[1].Subjects = []string{"skolgång"}
	p.SyncGuardianScope(p.Draft, "2026-11-30")
	if _, s := k.Overlap(); !slices.Equal(s, []string{"skolgång"}) {
		t.Errorf("overlap of subjects = %q, want [skolgång]", s)
	}
	for _, f := range Errors(Validate(p, p.Draft, Options{Now: testNow})) {
		if f.Path == "consent.subjects" {
			t.Errorf("false error: %s", f.Message.SV)
		}
	}
	gaps := k.Gaps()
	if len(gaps) != 1 || !slices.Equal(gaps[0].Subjects, []string{"psykisk hälsa", "hemsituation"}) {
		t.Errorf("gaps = %+v, want Peter lacking psykisk hälsa and hemsituation", gaps)
	}
}

// TestGuardianDateChecked: a guardian's consent date that is not a date
// is an error naming whose it is; a real date or none is not.
func TestGuardianDateChecked(t *testing.T) {
	for _, tc := range []struct {
		date string
		want bool
	}{{"7/12", true}, {"2026-02-30", true}, {"2026-11-20", false}, {"", false}} {
		p := childPlan()
		p.Draft.Consent.Guardians[1].Date = tc.date
		var hit *Finding
		for _, f := range Errors(Validate(p, p.Draft, Options{Now: testNow})) {
			if f.Path == "consent.guardians[1].date" {
				hit = &f
			}
		}
		if (hit != nil) != tc.want {
			t.Errorf("date %q: finding %v, want one: %v", tc.date, hit, tc.want)
			continue
		}
		if hit != nil && (!strings.Contains(hit.Message.SV, "Peter Nyströms samtycke") || !strings.Contains(hit.Message.EN, "Peter Nyström's consent")) {
			t.Errorf("date %q: the finding does not say whose: %+v", tc.date, hit.Message)
		}
	}
}

// TestGuardianLinkedToParticipant: "Maria" in the consent is the
// participant Maria Andersson: one original each for two guardians, in
// their whole names, and a warning asking for the whole name; a guardian
// among the participants with no consent is an error (tryout42a #2).
func TestGuardianLinkedToParticipant(t *testing.T) {
	p := tryoutChild()
	v := p.Draft
	v.Consent.Guardians[0].Name = "Maria"
	v.Consent.Guardians[1].Name = "Karim Haddad"
	var names []string
	for _, r := range p.Copies(v, Swedish).Originals {
		names = append(names, r.Name)
	}
	if want := []string{"Maria Andersson", "Karim Haddad"}; !slices.Equal(names, want) {
		t.Errorf("originals %q, want %q", names, want)
	}
	fs := Validate(p, v, Options{Now: testNow})
	var near *Finding
	for _, f := range fs {
		if f.Path == "consent.guardians[0].name" && f.Severity == SevWarning {
			near = &f
		}
		if strings.HasPrefix(f.Path, "meeting.participants") && strings.Contains(f.Message.SV, "finns inte under Samtycke") {
			t.Errorf("a linked guardian is said to have no consent: %s", f.Message.SV)
		}
	}
	if near == nil || !strings.Contains(near.Message.SV, "Menar du Maria Andersson?") || !strings.Contains(near.Message.EN, "Do you mean Maria Andersson?") {
		t.Errorf("no warning asking for Maria's whole name: %v", findingSet(fs))
	}
	doc := BuildDocument(p, v, Swedish)
	if txt := docText(doc); !strings.Contains(txt, "Maria Andersson: samtycker") || strings.Contains(txt, "Maria: samtycker") {
		t.Errorf("the consent on paper does not name Maria Andersson whole")
	}

	// A guardian at the meeting who is not under Samtycke.
	v.Consent.Guardians[1].Name = "Karim Hadad"
	found := false
	for _, f := range Errors(Validate(p, v, Options{Now: testNow})) {
		if strings.HasPrefix(f.Path, "meeting.participants") && strings.Contains(f.Message.SV, "Karim Haddad är vårdnadshavare men finns inte under Samtycke") {
			// A parent without custody is a relative: the way out is said.
			found = strings.Contains(f.Message.SV, "ändra rollen under Deltagare till närstående") && strings.Contains(f.Message.EN, "change their role")
		}
	}
	if !found {
		t.Errorf("a guardian without consent is not an error: %v", findingSet(Validate(p, v, Options{Now: testNow})))
	}
}
