package model

import (
	"fmt"
	"strings"
)

// A copy the secretary adds by hand goes to whoever she types, and the
// plan then leaves the units the consent names. The program says so as it
// does for a unit at the table: the print dialog at once, and the findings
// for a copy kept in a draft.

// CopyOutsideConsent tells whether a copy to unit would hand the plan to a
// unit the consent does not cover (for a child's plan with guardians, one
// that not every guardian consented to), and says so. A copy without a
// unit (a private person) is not judged. today stands in for the meeting
// date when none is written, for the child's age.
func (p *Plan) CopyOutsideConsent(v *Version, unit, today string) (Text, bool) {
	unit = strings.Join(strings.Fields(unit), " ")
	if unit == "" || v == nil {
		return Text{}, false
	}
	k := v.Consent
	if child, _ := p.ChildRules(v, today); child && len(k.Guardians) > 0 {
		names := k.NotConsentedBy(unit, Swedish)
		if len(names) == 0 {
			return Text{}, false
		}
		sv := NotInConsent(unit, names).SV
		en := NotInConsent(unit, k.NotConsentedBy(unit, English)).EN
		return Text{
			SV: sv + ". En kopia dit lämnar ut planen utanför samtycket; fråga vårdnadshavarna först.",
			EN: en + ". A copy there hands the plan outside the consent; ask the guardians first.",
		}, true
	}
	if Covers(k.Actors, unit) {
		return Text{}, false
	}
	return Text{
		SV: fmt.Sprintf("Samtycket gäller inte %s. En kopia dit lämnar ut planen utanför samtycket; fråga den enskilde först.", unit),
		EN: fmt.Sprintf("The consent does not cover %s. A copy there hands the plan outside the consent; ask the person first.", unit),
	}, true
}

// validateAddedCopies warns of each copy kept in the version that goes to
// a unit outside the consent.
func validateAddedCopies(c *checker, p *Plan, v *Version, today string) {
	for i, cp := range v.Copies.Added {
		if t, out := p.CopyOutsideConsent(v, cp.Unit, today); out {
			who := strings.TrimSpace(cp.Name)
			c.add(SevWarning, fmt.Sprintf("copies.added[%d]", i),
				fmt.Sprintf("Kopian till %s: %s", who, t.SV),
				fmt.Sprintf("The copy for %s: %s", who, t.EN))
		}
	}
}
