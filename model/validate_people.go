package model

import (
	"fmt"
	"strings"
)

// OwnAction tells whether an action is the person's own, or that of a
// relative, guardian or support person: it needs no unit or principal,
// since nobody employs them to do it.
func (v *Version) OwnAction(a Action, person string) bool {
	if SameName(a.Responsible, person) {
		return true
	}
	pt := v.ParticipantNamed(a.Responsible)
	return pt != nil && pt.Role.IsPrivate()
}

// validatePeople checks what roles, attendance and copies need: an
// interpreter's language, a trustee's mandate, and a way to reach every
// action owner who was not at the meeting, since their copy and any
// question go to them afterwards.
func validatePeople(c *checker, p *Plan, v *Version) {
	for i, pt := range v.Meeting.Participants {
		path := fmt.Sprintf("meeting.participants[%d]", i)
		switch pt.Role {
		case RoleInterpreter:
			if strings.TrimSpace(pt.Language) == "" {
				c.add(SevWarning, path+".language", "Det står inte vilket språk tolken tolkar till.",
					"It does not say which language the interpreter works in.")
			}
		case RoleTrustee:
			if pt.TrusteeKind == "" {
				c.add(SevWarning, path+".trustee_kind", "Det står inte om det är god man eller förvaltare.",
					"It does not say whether this is a god man or a förvaltare.")
			}
		}
		if lv := pt.Left; lv != nil && lv.At != "" {
			c.clock(path+".left", lv.At)
		}
	}
	for i, a := range v.Content.Actions {
		if strings.TrimSpace(a.Responsible) == "" || v.OwnAction(a, p.Person.Name) || strings.TrimSpace(a.Contact) != "" {
			continue
		}
		// "Anna och Peter Nyström": each person responsible is checked.
		for _, who := range ResponsiblePeople(a.Responsible) {
			if SameName(who, p.Person.Name) {
				continue
			}
			pt := v.ParticipantNamed(who)
			if pt != nil && (pt.IsPresent() || contact(*pt) != "" || pt.Role.IsPrivate()) {
				continue
			}
			c.add(SevWarning, fmt.Sprintf("content.actions[%d].contact", i),
				fmt.Sprintf("%s var inte med på mötet. Skriv telefon eller e-post så att kopian och frågor når fram.", who),
				fmt.Sprintf("%s was not at the meeting. Write a phone number or e-mail so that the copy and questions reach them.", who))
		}
	}
}

// ResponsiblePeople parts an action's responsible into people: "Anna och
// Peter Nyström", "Anna, Peter", "Anna & Peter". A first name alone before
// a full name takes its family name ("Anna" → "Anna Nyström"), as people
// write a couple.
func ResponsiblePeople(s string) []string {
	s = strings.TrimSpace(s)
	for _, sep := range []string{" och ", " and ", " & ", " + ", ";"} {
		s = strings.ReplaceAll(s, sep, ",")
	}
	var out []string
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	if len(out) > 1 {
		last := strings.Fields(out[len(out)-1])
		for i, who := range out[:len(out)-1] {
			if len(strings.Fields(who)) == 1 && len(last) >= 2 {
				out[i] = who + " " + last[len(last)-1]
			}
		}
	}
	return out
}
