package model

import (
	"fmt"
	"strings"
)

// The time to consider (betänketid, rådrum) is one free line, "till när,
// och svar till vem": "till 2026-12-21, svar till Omar Haddad". The
// printout, `due`, the home screen's list of what is due soon and the
// findings all read its date through ConsiderDate (due_dates.go), so that
// a line the paper shows with a date never goes missing from what is due.

// badConsiderDate is the first word of a time-to-consider line shaped
// like a date that is not one ("2027-02-30"), for the finding that names
// it; empty when there is none.
func badConsiderDate(s string) string {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == ';' }) {
		w = strings.Trim(w, ".:()")
		if d := TidyDateWord(w); DateShaped(d) && CheckDate(d) != nil {
			return w
		}
	}
	return ""
}

// validateConsider warns when the time to consider has no date the
// program can read: without one it is never listed as due, and nobody is
// reminded to ask for the answer. A date not in the calendar is named.
func validateConsider(c *checker, v *Version) {
	line := strings.TrimSpace(v.Content.ConsiderUntil)
	if line == "" || ConsiderDate(line) != "" {
		return
	}
	if bad := badConsiderDate(line); bad != "" {
		c.add(SevWarning, "content.consider_until",
			fmt.Sprintf("Datumet i betänketiden (%s) finns inte i kalendern, så betänketiden kommer inte med bland det som ska göras snart. Rätta det, som ÅÅÅÅ-MM-DD.", bad),
			fmt.Sprintf("The date in the time to consider (%s) does not exist in the calendar, so the time to consider is not listed among what is due soon. Correct it, as YYYY-MM-DD.", bad))
		return
	}
	c.add(SevWarning, "content.consider_until",
		"Betänketiden har inget datum som går att läsa, så den kommer inte med bland det som ska göras snart. Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. ”till 2026-12-21, svar till Omar”.",
		"The time to consider has no date that can be read, so it is not listed among what is due soon. Write the date as YYYY-MM-DD, e.g. \"until 2026-12-21, answer to Omar\".")
}
