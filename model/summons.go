package model

import (
	"fmt"
	"strings"
)

// SummonsLine is one person to summon to a meeting.
type SummonsLine struct {
	Name string
	// Affiliation is the unit, party or role printed after the name.
	Affiliation string
	Contact     string
	Invited     bool
	Confirmed   bool
}

// Summons is what the convener needs to call a meeting: who to summon,
// and what to book so that everyone can take part.
type Summons struct {
	People []SummonsLine
	// Bookings are things to arrange, one line each: "Boka tolk: finska".
	Bookings []string
}

// Summons lists the summons of version v: every participant but the
// interpreters, who are booked rather than summoned, and an interpreter
// to book for each language. On a follow-up draft the participants, and
// so the languages, come from the last meeting.
func (v *Version) Summons(l Lang) Summons {
	var s Summons
	for _, pt := range v.Meeting.Participants {
		if pt.Role == RoleInterpreter || strings.TrimSpace(pt.Name) == "" {
			continue
		}
		s.People = append(s.People, SummonsLine{
			Name: strings.TrimSpace(pt.Name), Affiliation: pt.Affiliation(l), Contact: contact(pt),
			Invited: pt.Invited, Confirmed: pt.Confirmed,
		})
	}
	for _, lang := range v.Interpreters() {
		s.Bookings = append(s.Bookings, BookInterpreter(lang, l))
	}
	return s
}

// BookInterpreter is the line that asks for an interpreter to be booked:
// "Boka tolk: finska".
func BookInterpreter(language string, l Lang) string {
	return fmt.Sprintf(T(l, "Boka tolk: %s", "Book an interpreter: %s"), strings.TrimSpace(language))
}

// InterpreterTickID is the checklist id of the item that books an
// interpreter for a language, so that the tick follows the language.
func InterpreterTickID(language string) string {
	return "book_interpreter:" + strings.ToLower(strings.Join(strings.Fields(language), " "))
}

// SummonsWarnings are the warnings to read before summoning to version
// v's meeting: each summoned unit the consent as it counts does not cover.
// For a child whose guardians decide, the warning names the guardians
// whose consent lacks the unit, since a summoned unit is obliged to come
// and may not share anything without every guardian's consent.
func (p *Plan) SummonsWarnings(v *Version, today string, l Lang) []string {
	decide := p.GuardiansDecide(v, today)
	actors, _ := p.ConsentScope(v, today)
	var out, seen []string
	for _, pt := range v.Meeting.Participants {
		unit := UnitOf(pt)
		if !pt.Invited || !pt.Role.IsStaff() || unit == "" || Covers(actors, unit) || Covers(seen, unit) {
			continue
		}
		seen = append(seen, unit)
		if decide {
			out = append(out, T(l, "Varning: ", "Warning: ")+NotInConsent(unit, v.Consent.NotConsentedBy(unit, l)).In(l)+
				T(l, ". Fråga före mötet: utan alla vårdnadshavares samtycke får verksamheten inte vara med.",
					". Ask before the meeting: without every guardian's consent the unit may not take part."))
			continue
		}
		out = append(out, fmt.Sprintf(T(l, "Varning: samtycket gäller inte %s. Fråga den enskilde innan verksamheten kallas.",
			"Warning: the consent does not cover %s. Ask the person before the unit is summoned."), unit))
	}
	return out
}

// SummonsLead is how long before a meeting the summons goes out: four
// weeks, as some regions require.
const SummonsLead = 28

// SummonsByTickID is the checklist id of the item that names the day the
// summons must go out.
const SummonsByTickID = "summons_by"

// SummonsBy is the last day to send the summons to the meeting of v, four
// weeks before it: the meeting itself for a draft, the booked follow-up
// for a finalised version. Empty when there is no date to count from.
func (v *Version) SummonsBy() string {
	d := v.Meeting.Date
	if v.FinalisedAt != nil {
		d = ""
		if v.Content.FollowUp.Booked() {
			d = v.Content.FollowUp.Date
		}
	}
	t, err := ParseDate(d)
	if err != nil {
		return ""
	}
	return t.AddDate(0, 0, -SummonsLead).Format(DateLayout)
}

// SummonsByLine says by when the summons must go out.
func SummonsByLine(date string, l Lang) string {
	return fmt.Sprintf(T(l, "Kallelsen går ut senast %s, fyra veckor före mötet (om er rutin kräver det).",
		"The summons goes out by %s, four weeks before the meeting (where your routine requires it)."), date)
}
