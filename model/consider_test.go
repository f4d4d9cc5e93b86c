package model

import (
	"strings"
	"testing"
)

// TestConsiderBadDate: a time to consider whose date is not in the
// calendar gets one warning that names that date; one with no date at all
// is told how to write it (TestConsiderDate checks which lines are read).
func TestConsiderBadDate(t *testing.T) {
	for _, tc := range []struct{ line, finding string }{
		{"till 2027-02-30, svar till Ali", "(2027-02-30) finns inte i kalendern"},
		{"till den 21 december, svar till Ali", "inget datum som går att läsa"},
		{"till 2026-12-21, svar till Omar Haddad", ""},
	} {
		p := validPlan()
		p.Draft.Content.ConsiderUntil = tc.line
		var got []string
		for _, f := range Validate(p, p.Draft, Options{Now: testNow}) {
			if f.Path == "content.consider_until" {
				got = append(got, f.Message.In(Swedish))
			}
		}
		switch {
		case tc.finding == "" && len(got) > 0:
			t.Errorf("%q: finding %q, want none", tc.line, got)
		case tc.finding != "" && (len(got) != 1 || !strings.Contains(got[0], tc.finding)):
			t.Errorf("%q: findings %q, want one saying %q", tc.line, got, tc.finding)
		}
	}
}
