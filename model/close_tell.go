package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"time"
)

// ToTell is one person to tell that the plan has ended: the name, the
// unit or party, a way to reach them, and whether they have been told.
type ToTell struct {
	Name    string `json:"name"`
	Role    Role   `json:"role,omitempty"`
	Unit    string `json:"unit,omitempty"`
	Contact string `json:"contact,omitempty"`
	// Told is ticked by the coordinator once the person has been told.
	Told bool `json:"told,omitempty"`
}

// ErrNoSuchRecipient is returned by SetTold for an index outside the list.
var ErrNoSuchRecipient = errors.New("no such person in the list of people to tell")

// SetTold ticks (or unticks) that recipient i has been told the plan is
// closed. It is the one change a closed plan takes: the list is the
// coordinator's record of having told everyone.
func (p *Plan) SetTold(i int, told bool) error {
	if p.Closure == nil {
		return ErrNoSuchRecipient
	}
	if i < 0 || i >= len(p.Closure.Tell) {
		return ErrNoSuchRecipient
	}
	p.Closure.Tell[i].Told = told
	return nil
}

// WhoToTell lists everyone who must be told when the plan ends: the person
// first, then every participant of the last finalised version but an
// interpreter (units, relatives, support persons, the absent too), then
// anyone the open draft added, then every person responsible for an action
// who is not a participant, with the action's unit. When the person is not among the participants, a
// recipient without role details stands for them.
func (p *Plan) WhoToTell() []ToTell {
	var vs []*Version
	if v := p.Latest(); v != nil {
		vs = append(vs, v)
	}
	if p.Draft != nil {
		vs = append(vs, p.Draft)
	}
	seen := map[string]bool{}
	var person, others []ToTell
	add := func(r ToTell) {
		key := unitKey(r.Name)
		if key == "" || seen[key] {
			return
		}
		seen[key] = true
		if r.Role == RolePerson || SameName(r.Name, p.Person.Name) {
			r.Role = RolePerson
			person = append(person, r)
		} else {
			others = append(others, r)
		}
	}
	for _, v := range vs {
		// A unit the consent keeps out had no plan and hears nothing of
		// its end (consent_keptout.go).
		for _, pt := range p.shared(v).Meeting.Participants {
			if pt.Role == RoleInterpreter {
				continue // an interpreter gets no copy and has nothing to be told
			}
			add(ToTell{Name: strings.TrimSpace(pt.Name), Role: pt.Role, Unit: UnitOf(pt), Contact: contact(pt)})
		}
	}
	for _, v := range vs {
		for _, a := range v.Content.Actions {
			unit := strings.TrimSpace(a.Unit)
			if unit == "" && a.Principal == PrincipalOther {
				unit = strings.TrimSpace(a.OtherParty)
			}
			for _, r := range v.ResponsibleOf(a) {
				if r.Participant == nil {
					add(ToTell{Name: r.Name, Role: RoleStaff, Unit: unit})
				}
			}
		}
	}
	if len(person) == 0 && strings.TrimSpace(p.Person.Name) != "" {
		person = []ToTell{{Name: strings.TrimSpace(p.Person.Name), Role: RolePerson}}
	}
	return append(person, others...)
}

// recipientsFromNames reads format 1's Notify list, "Name (Unit)".
func recipientsFromNames(names []string) []ToTell {
	var out []ToTell
	for _, s := range names {
		s = strings.TrimSpace(s)
		r := ToTell{Name: s}
		if i := strings.LastIndex(s, " ("); i > 0 && strings.HasSuffix(s, ")") {
			r.Name, r.Unit = s[:i], s[i+2:len(s)-1]
		}
		if r.Name != "" {
			out = append(out, r)
		}
	}
	return out
}

// Line is the recipient in one line: "Eva Lind (Vårdcentralen Norr) — 070-…".
func (r ToTell) Line() string {
	s := r.Name
	if r.Unit != "" {
		s += " (" + r.Unit + ")"
	}
	if r.Contact != "" {
		s += " — " + r.Contact
	}
	return s
}

// SameButTold tells whether two versions of a plan differ at most in who
// is ticked as told: the one change a closed plan takes, which the store
// lets through while it refuses every other.
func SameButTold(a, b *Plan) bool {
	if a == nil || b == nil {
		return false
	}
	x, y := a.Clone(), b.Clone()
	for _, p := range []*Plan{x, y} {
		p.UpdatedAt = time.Time{}
		if p.Closure != nil {
			for i := range p.Closure.Tell {
				p.Closure.Tell[i].Told = false
			}
		}
	}
	bx, errX := json.Marshal(x)
	by, errY := json.Marshal(y)
	return errX == nil && errY == nil && bytes.Equal(bx, by)
}
