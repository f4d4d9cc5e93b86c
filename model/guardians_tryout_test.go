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
