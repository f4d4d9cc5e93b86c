package model

import (
	"fmt"
	"strings"
)

// A guardian is written twice: under Deltagare, as one of the people at
// the meeting, and under Samtycke, as one who consented. The secretary
// types the consent's name as it is said in the room ("Maria"), so the
// two are linked by name: the same name, or failing that the one private
// participant whose name holds every word of it. Each guardian then gets
// one original, however the name was typed (tryout42a #2), and the
// findings say where the two do not meet.

// GuardianParticipant is the participant guardian g of the consent is: the
// participant of the same name, or else the one guardian among the
// participants (failing that, the one relative) whose name holds every
// word of g's ("Maria" is Maria Andersson). near is true for the latter.
// Nil when there is none, or more than one.
func (v *Version) GuardianParticipant(g Guardian) (pt *Participant, near bool) {
	if v == nil || strings.TrimSpace(g.Name) == "" {
		return nil, false
	}
	if pt := v.ParticipantNamed(g.Name); pt != nil {
		return pt, false
	}
	for _, role := range []Role{RoleGuardian, RoleRelative} {
		var hit *Participant
		n := 0
		for i := range v.Meeting.Participants {
			pt := &v.Meeting.Participants[i]
			if pt.Role == role && nameHolds(pt.Name, g.Name) {
				hit = pt
				n++
			}
		}
		switch {
		case n == 1:
			return hit, true
		case n > 1:
			return nil, false
		}
	}
	return nil, false
}

// nameHolds tells whether every word of short is a word of the longer
// name full, case aside.
func nameHolds(full, short string) bool {
	fw, sw := strings.Fields(strings.ToLower(full)), strings.Fields(strings.ToLower(short))
	if len(sw) == 0 || len(sw) >= len(fw) {
		return false
	}
	for _, w := range sw {
		found := false
		for _, f := range fw {
			if f == w {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// GuardianFullName is the name the plan gives guardian g: the linked
// participant's, when the consent wrote a shorter one.
func (v *Version) GuardianFullName(g Guardian) string {
	if pt, _ := v.GuardianParticipant(g); pt != nil {
		return strings.TrimSpace(pt.Name)
	}
	return strings.TrimSpace(g.Name)
}

// linkedGuardian tells whether participant pt is one of the consent's
// guardians.
func (v *Version) linkedGuardian(pt *Participant) bool {
	for _, g := range v.Consent.Guardians {
		if l, _ := v.GuardianParticipant(g); l == pt {
			return true
		}
	}
	return false
}

// validateGuardianLinks says where the guardians under Samtycke and the
// participants do not meet: a consent's name that is short for a
// participant's, a guardian who is a participant of another role, and a
// guardian among the participants with no consent of their own. A
// consent's guardian who is not among the participants is no finding: a
// guardian who is not at the meeting need not be written there.
func validateGuardianLinks(c *checker, v *Version) {
	k := v.Consent
	if len(k.Guardians) == 0 {
		return
	}
	for i, g := range k.Guardians {
		name := strings.TrimSpace(g.Name)
		if name == "" {
			continue
		}
		path := fmt.Sprintf("consent.guardians[%d].name", i)
		pt, near := v.GuardianParticipant(g)
		if pt != nil && near {
			c.add(SevWarning, path,
				fmt.Sprintf("”%s” i samtycket är inte en deltagare. Menar du %s? Skriv hela namnet, så att det syns vem som har samtyckt.", name, strings.TrimSpace(pt.Name)),
				fmt.Sprintf("“%s” in the consent is not a participant. Do you mean %s? Write the whole name, so that it shows who consented.", name, strings.TrimSpace(pt.Name)))
		}
		if pt != nil && pt.Role == RoleRelative {
			c.add(SevWarning, path,
				fmt.Sprintf("%s är vårdnadshavare i samtycket men närstående under Deltagare. Ändra rollen där till vårdnadshavare.", strings.TrimSpace(pt.Name)),
				fmt.Sprintf("%s is a guardian in the consent but a relative under Participants. Change the role there to guardian.", strings.TrimSpace(pt.Name)))
		}
	}
	for i := range v.Meeting.Participants {
		pt := &v.Meeting.Participants[i]
		if pt.Role != RoleGuardian || strings.TrimSpace(pt.Name) == "" || v.linkedGuardian(pt) {
			continue
		}
		name := strings.TrimSpace(pt.Name)
		c.add(SevError, fmt.Sprintf("meeting.participants[%d].name", i),
			fmt.Sprintf("%s är vårdnadshavare men finns inte under Samtycke. Varje vårdnadshavares samtycke behövs: skriv hens namn och vad hen samtycker till där. Har hen inte vårdnaden, ändra rollen under Deltagare till närstående.", name),
			fmt.Sprintf("%s is a guardian but is not under Consent. Each guardian's consent is needed: write their name and what they consent to there. If they do not have custody, change their role under Participants to relative.", name))
	}
}
