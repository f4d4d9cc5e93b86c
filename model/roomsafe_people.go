package model

import (
	"strings"
	"unicode/utf8"
)

// The people of a plan are named in every text of it: a child's plan says
// "mamma" and "pappa" in each part, and the participants are named by name.
// A subject not to raise that names one of them ("Pappans tidigare
// missbruk") is about what it says of them (missbruk), not about them:
// were "pappa" one of its words, every sentence that names the father
// would be warned of on the secretary's screen and blanked on the room's,
// and a warning that is always on is soon not read (tryout42a #5). So a
// subject's word that names one of the plan's people does not count, as
// long as the subject has another word of its own. A subject that is only
// a person ("pappa", "Karim") keeps its words: the person asked that he
// not be raised at all.

// parentWords name a child's parents and guardians: in a child's plan they
// are the plan's people whether or not a participant is written with them.
var parentWords = strings.Fields(`mamma mor pappa far förälder föräldrar
	vårdnadshavare mother mum mom father dad parent parents guardian guardians`)

// PeopleWords are the words version v of p uses for its people: the names
// of the participants and the guardians, the relations the participants
// are written with ("mamma", "son"), the names of the private roles
// (närstående, vårdnadshavare), and in a child's plan the words for the
// parents. They are lower case, once each.
func PeopleWords(p *Plan, v *Version) []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		for _, w := range words(strings.ToLower(s)) {
			if utf8.RuneCountInString(w) >= minWord && !functionWords[w] && !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	for _, r := range []Role{RoleRelative, RoleGuardian} {
		add(roleLabels[r].SV)
		add(roleLabels[r].EN)
	}
	if v == nil {
		return out
	}
	for _, pt := range v.Meeting.Participants {
		add(pt.Name)
		if pt.Role.IsPrivate() || pt.Role == RoleTrustee {
			add(pt.Title) // a relative's title is their relation
		}
	}
	for _, g := range v.Consent.Guardians {
		add(g.Name)
	}
	if p != nil && p.Variant == AgeChild {
		for _, w := range parentWords {
			add(w)
		}
	}
	return out
}

// subjectStemsAmong is SubjectStems leaving out the stems that name one of
// the people, unless the subject has no other.
func subjectStemsAmong(subject, person string, people []string) []string {
	all := SubjectStems(subject, person)
	var own []string
	for _, st := range all {
		if !namesPerson(st, people) {
			own = append(own, st)
		}
	}
	if len(own) == 0 {
		return all
	}
	return own
}

// namesPerson tells whether a subject's stem would find one of the
// people's words in a text: "pappa" (of "pappans") finds "pappa".
func namesPerson(st string, people []string) bool {
	for _, w := range people {
		if namesStem(w, st) || stem(w) == st {
			return true
		}
	}
	return false
}

// newSubjectMatcherAmong is newSubjectMatcher for a plan with people.
func newSubjectMatcherAmong(notRaise []string, person string, people []string) subjectMatcher {
	m := make(subjectMatcher, len(notRaise))
	for i, s := range notRaise {
		m[i] = subjectStemsAmong(s, person, people)
	}
	return m
}

// NamedSubjectsAmong is NamedSubjects for a plan whose people (PeopleWords)
// are named in its texts without naming a subject.
func NamedSubjectsAmong(text string, notRaise []string, person string, people []string) []int {
	return newSubjectMatcherAmong(notRaise, person, people).named(text)
}

// RoomSafeAmong is RoomSafe for a plan whose people (PeopleWords) are
// named in its texts without naming a subject.
func RoomSafeAmong(s string, notRaise []string, person string, people []string) string {
	return roomSafe(s, newSubjectMatcherAmong(notRaise, person, people))
}
