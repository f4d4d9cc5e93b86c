package model

import (
	"strings"
	"testing"
)

// TestCopyOutsideConsent: a copy added by hand to a unit the consent does
// not cover is said, for an adult's plan and for a child's (where every
// guardian must have consented), and kept in a draft it is a finding.
func TestCopyOutsideConsent(t *testing.T) {
	child := DemoChild(testNow) // guardians: BUP, Elevhälsan, Socialtjänstens familjeenhet
	adult := validPlan()        // consent: the psychiatry clinic, social services, Försäkringskassan
	for _, tc := range []struct {
		name string
		p    *Plan
		unit string
		want string // "" : not outside
	}{
		{"adult, covered", adult, "Försäkringskassan", ""},
		{"adult, covered, case aside", adult, "försäkringskassan", ""},
		{"adult, not covered", adult, "Arbetsförmedlingen", "Samtycket gäller inte Arbetsförmedlingen"},
		{"adult, no unit: a private person", adult, "", ""},
		{"child, every guardian consented", child, "Elevhälsan", ""},
		{"child, not in the consent", child, "Försäkringskassan", "Försäkringskassan finns inte i Anna Nyströms eller Peter Nyströms samtycke"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, out := tc.p.CopyOutsideConsent(tc.p.Draft, tc.unit, "2026-12-07")
			if out != (tc.want != "") || !strings.Contains(got.SV, tc.want) {
				t.Errorf("CopyOutsideConsent(%q) = %q, %v; want %q", tc.unit, got.SV, out, tc.want)
			}
			if out && (!strings.Contains(got.SV, "fråga") || got.EN == "") {
				t.Errorf("the warning does not say what to do, or has no English: %+v", got)
			}
		})
	}
	adult.Draft.AddCopy("Per Persson", "Arbetsförmedlingen")
	adult.Draft.AddCopy("Eva Holm", "Försäkringskassan")
	var found []string
	for _, f := range Validate(adult, adult.Draft, Options{Now: testNow}) {
		if strings.HasPrefix(f.Path, "copies.added") {
			found = append(found, f.Path+" "+f.Message.In(Swedish))
		}
	}
	if len(found) != 1 || !strings.Contains(found[0], "copies.added[0] Kopian till Per Persson: Samtycket gäller inte Arbetsförmedlingen") {
		t.Errorf("findings for the added copies: %q", found)
	}
}

// TestFindingsSayWhoseAndWhoToAsk: the e-mail finding names whose address
// it is, and a child's missing consent asks the guardians, not the person.
func TestFindingsSayWhoseAndWhoToAsk(t *testing.T) {
	p := validPlan()
	p.Draft.Meeting.Participants[4].Email = "eva.lind.example.org"
	child := DemoChild(testNow)
	child.Draft.Consent.Given = false
	for _, tc := range []struct {
		name      string
		p         *Plan
		path      string
		want, not string
	}{
		{"whose e-mail", p, "meeting.participants[4].email", "Eva Linds e-postadress ser inte rätt ut (eva.lind.example.org)", ""},
		{"a child's consent", child, "consent.given", "Fråga vårdnadshavarna", "Fråga den enskilde"},
	} {
		var got string
		for _, f := range Validate(tc.p, tc.p.Draft, Options{Now: testNow}) {
			if f.Path == tc.path {
				got = f.Message.In(Swedish)
			}
		}
		if !strings.Contains(got, tc.want) || tc.not != "" && strings.Contains(got, tc.not) {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}
