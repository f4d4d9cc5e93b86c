package model

import (
	"fmt"
	"strings"
)

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
		if strings.TrimSpace(a.Contact) != "" {
			continue
		}
		// "Anna och Peter Nyström": each person responsible is checked.
		for _, who := range v.Unreached(a, p.Person.Name) {
			if v.BeforeMeeting() {
				// Nobody is marked as there yet: said as what is needed
				// if they do not come.
				c.add(SevWarning, fmt.Sprintf("content.actions[%d].contact", i),
					fmt.Sprintf("Om %s inte kommer till mötet behövs telefon eller e-post, så att kopian och frågor når fram.", who),
					fmt.Sprintf("If %s does not come to the meeting, a phone number or e-mail is needed so that the copy and questions reach them.", who))
				continue
			}
			c.add(SevWarning, fmt.Sprintf("content.actions[%d].contact", i),
				fmt.Sprintf("%s var inte med på mötet. Skriv telefon eller e-post så att kopian och frågor når fram.", who),
				fmt.Sprintf("%s was not at the meeting. Write a phone number or e-mail so that the copy and questions reach them.", who))
		}
	}
}
