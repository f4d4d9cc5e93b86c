package model

import (
	"fmt"
	"strings"
)

// A unit the consent does not cover may not have the plan: not a copy,
// not its signature line, not its name on the papers the other units get,
// and not the notice when the plan closes. For a child that is every unit
// one guardian kept out, also one whose staff came and left when the
// guardian said no (tryout42a #8). The record keeps them as they were;
// only what leaves the record is judged.

// KeptOut tells whether participant pt of version v is staff of a unit
// the consent as it counts does not cover (for a child whose guardians
// decide, the overlap of their consents). Nobody is kept out before a
// consent names any unit: there is nothing to judge by yet.
func (p *Plan) KeptOut(v *Version, pt Participant) bool {
	if p == nil || v == nil || !pt.Role.IsStaff() {
		return false
	}
	unit := UnitOf(pt)
	if unit == "" {
		return false
	}
	today := Today()
	actors, _ := p.ConsentScope(v, today)
	if len(Units(actors)) == 0 && !p.GuardiansDecide(v, today) {
		return false
	}
	return !Covers(actors, unit)
}

// shared is version v as it may leave the record: without the
// participants the consent keeps out. v itself is returned when none is.
func (p *Plan) shared(v *Version) *Version {
	var kept []Participant
	out := false
	for _, pt := range v.Meeting.Participants {
		if p.KeptOut(v, pt) {
			out = true
			continue
		}
		kept = append(kept, pt)
	}
	if !out {
		return v
	}
	c := *v
	c.Meeting.Participants = kept
	return &c
}

// leftOutside is a finding for staff of a unit outside the consent who
// left the meeting before the plan was made: the truth as recorded, and
// what follows from it. It stands instead of the error a unit at the
// table outside the consent is.
func leftOutside(c *checker, path string, pt Participant, unit string) {
	name := orDash(strings.TrimSpace(pt.Name))
	c.add(SevNotice, path,
		fmt.Sprintf("%s (%s) gick före slutet och %s finns inte i samtycket: verksamheten får inte planen, står inte med på den och meddelas inte när den avslutas.", name, unit, unit),
		fmt.Sprintf("%s (%s) left before the end and %s is not in the consent: the unit does not get the plan, is not named on it and is not told when it closes.", name, unit, unit))
}
