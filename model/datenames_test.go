package model

import (
	"strings"
	"testing"
)

// A finding about a date names which date it is, in both languages, so
// that "Consent — write the date as …" read on its own says where to look.
func TestDateFindingNamesTheDate(t *testing.T) {
	p := NewPlan(Person{Name: "Dora Datum"}, testNow)
	p.Draft.Consent.ValidUntil = "7/12"
	p.Draft.Consent.Date = "2026-02-30"
	p.Draft.Content.Actions = append(p.Draft.Content.Actions, Action{ID: "a1", What: "Boendestöd", Due: "imorgon"})
	want := map[string][2]string{
		"consent.valid_until":    {"Gäller till och med: datumet ska skrivas ÅÅÅÅ-MM-DD", "Valid until: write the date as YYYY-MM-DD"},
		"consent.date":           {"Datum för samtycket: datumet finns inte i kalendern.", "Date of consent: the date does not exist in the calendar."},
		"content.actions[0].due": {"Insatsen klar senast: datumet ska skrivas", "The action is due: write the date as"},
	}
	found := map[string]bool{}
	for _, f := range Validate(p, p.Draft, Options{Now: testNow}) {
		w, ok := want[f.Path]
		if !ok || !strings.Contains(f.Message.SV+f.Message.EN, "atum") && !strings.Contains(f.Message.EN, "date") {
			continue
		}
		if !strings.HasPrefix(f.Message.SV, w[0]) || !strings.HasPrefix(f.Message.EN, w[1]) {
			t.Errorf("%s: %q / %q, want it to begin %q / %q", f.Path, f.Message.SV, f.Message.EN, w[0], w[1])
		}
		found[f.Path] = true
	}
	for path := range want {
		if !found[path] {
			t.Errorf("no date finding for %s", path)
		}
	}
}

// A meeting date far back (a mistyped year) or far ahead is said; one a
// few weeks back, a plan written up after the meeting, is not.
func TestFarMeetingDate(t *testing.T) {
	now := testNow
	day := func(d int) string { return now.AddDate(0, 0, d).Format(DateLayout) }
	for _, c := range []struct {
		date, sv, en string
	}{
		{day(0), "", ""},
		{day(-20), "", ""},
		{day(200), "", ""},
		{day(-45), "var för 45 dagar sedan.", "was 45 days ago."},
		{day(-200), "var för 6 månader sedan.", "was 6 months ago."},
		{now.AddDate(-6, 0, 0).Format(DateLayout), "var för 6 år sedan.", "was 6 years ago."},
		{day(400), "ligger mer än ett år fram i tiden.", "is more than a year ahead."},
		{"2026-13-01", "", ""},
	} {
		sv, en := FarMeetingDate(Swedish, c.date, now), FarMeetingDate(English, c.date, now)
		if c.sv == "" && (sv != "" || en != "") || !strings.HasSuffix(sv, c.sv) || !strings.HasSuffix(en, c.en) {
			t.Errorf("%s: %q / %q, want … %q / … %q", c.date, sv, en, c.sv, c.en)
		}
	}
}
