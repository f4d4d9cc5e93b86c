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
