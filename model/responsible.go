package model

import (
	"strings"
	"unicode"
)

// An action's "Ansvarig person" is free text, and a secretary writes a
// couple as a couple: "Anna och Peter Nyström", "Omar Haddad och Göran
// Lindqvist". Every rule, copy list and printout that asks who is
// responsible reads the people one by one through ResponsibleOf, so that
// each is matched against the participants on their own and no paper,
// question or warning goes to a joined name.

// Responsible is one person an action names as responsible, and the
// participant they are, if they are on the list.
type Responsible struct {
	Name string
	// Participant is nil when nobody on the participant list has the name.
	Participant *Participant
}

// ResponsibleOf lists the people responsible for an action, in the order
// written. A name that is a participant's whole name as written is one
// person, whatever it holds ("Anna-Karin och Co" stays one when that is a
// participant's name).
func (v *Version) ResponsibleOf(a Action) []Responsible {
	whole := strings.TrimSpace(a.Responsible)
	if whole == "" {
		return nil
	}
	if pt := v.ParticipantNamed(whole); pt != nil {
		return []Responsible{{Name: pt.Name, Participant: pt}}
	}
	var out []Responsible
	for _, who := range ResponsiblePeople(whole) {
		r := Responsible{Name: who, Participant: v.ParticipantNamed(who)}
		if r.Participant != nil {
			r.Name = r.Participant.Name
		}
		out = append(out, r)
	}
	return out
}

// isPerson tells whether r is the person the plan is about: by name, or as
// the participant in the person's role.
func (r Responsible) isPerson(person string) bool {
	return SameName(r.Name, person) || (r.Participant != nil && r.Participant.Role == RolePerson)
}

// OwnAction tells whether an action is the person's own, or that of
// relatives, guardians or a support person: it needs no unit or principal,
// since nobody employs them to do it. With several people responsible, it
// is their own only when every one of them is private ("Anna och Peter
// Nyström", both guardians); one member of staff among them makes it a
// unit's action.
func (v *Version) OwnAction(a Action, person string) bool {
	rs := v.ResponsibleOf(a)
	for _, r := range rs {
		if !r.isPerson(person) && (r.Participant == nil || !r.Participant.Role.IsPrivate()) {
			return false
		}
	}
	return len(rs) > 0
}

// Unreached names the people responsible for an action whom the copy and
// any question cannot reach: not the person, not at the meeting, not a
// relative, and with no phone or e-mail on the participant list. The
// action's own contact field is not read here; the caller decides whether
// it answers for them.
func (v *Version) Unreached(a Action, person string) []string {
	var out []string
	for _, r := range v.ResponsibleOf(a) {
		if r.isPerson(person) {
			continue
		}
		if pt := r.Participant; pt != nil && (pt.IsPresent() || contact(*pt) != "" || pt.Role.IsPrivate()) {
			continue
		}
		out = append(out, r.Name)
	}
	return out
}

// ResponsiblePeople parts an action's responsible into people: "Anna och
// Peter Nyström", "Anna, Peter", "Anna & Peter". A first name alone before
// a full name takes its family name ("Anna" → "Anna Nyström"), as people
// write a couple. What follows a comma in small letters is about the
// person before it, not another person ("Lena Ek, distriktssköterska").
func ResponsiblePeople(s string) []string {
	s = strings.TrimSpace(s)
	for _, sep := range []string{" och ", " and ", " & ", " + ", ";"} {
		s = strings.ReplaceAll(s, sep, "\x00")
	}
	var out []string
	for _, group := range strings.Split(s, "\x00") {
		var cur []string
		for _, part := range strings.Split(group, ",") {
			part = strings.TrimSpace(part)
			switch {
			case part == "":
			case len(cur) > 0 && startsSmall(part):
				cur[len(cur)-1] += ", " + part
			default:
				cur = append(cur, part)
			}
		}
		out = append(out, cur...)
	}
	if len(out) > 1 {
		last := strings.Fields(out[len(out)-1])
		for i, who := range out[:len(out)-1] {
			// "hemtjänsten och Peter Nyström" is no Nyström.
			if len(strings.Fields(who)) == 1 && len(last) >= 2 && startsSmall(who) == startsSmall(last[0]) {
				out[i] = who + " " + last[len(last)-1]
			}
		}
	}
	return out
}

func startsSmall(s string) bool {
	for _, r := range s {
		return unicode.IsLower(r)
	}
	return false
}
