package model

import (
	"fmt"
	"strings"
)

// CopyReason says why someone gets the plan.
type CopyReason string

const (
	CopyOriginal    CopyReason = "original"     // the person, or each guardian for a child
	CopyChild       CopyReason = "child"        // the child, who took part: their own copy
	CopyPresent     CopyReason = "present"      // took part in the meeting
	CopyActionOwner CopyReason = "action_owner" // owns an action but was not there
	CopyAdded       CopyReason = "added"        // added by the secretary
)

var copyReasonLabels = map[CopyReason]Text{
	CopyOriginal:    {"originalet", "the original"},
	CopyChild:       {"barnet var med på mötet och får en egen kopia", "the child took part and gets a copy of their own"},
	CopyPresent:     {"var med på mötet", "took part"},
	CopyActionOwner: {"ansvarar för en insats", "owns an action"},
	CopyAdded:       {"tillagd av sekreteraren", "added by the secretary"},
}

// Label is the reason on screen.
func (r CopyReason) Label(l Lang) string { return copyReasonLabels[r].In(l) }

// Recipient is someone who gets the original or a copy of the plan.
type Recipient struct {
	Name string
	// Unit is where they come from, printed after the name: a unit, a
	// party, or for a private person their role ("vårdnadshavare").
	Unit   string
	Reason CopyReason
	// Contact is a phone or e-mail, for those who were not there and get
	// their copy by post or by hand.
	Contact string
	// EasyRead says the paper starts with the easy-read page "Min plan":
	// the person's original, each guardian's original for a child, and
	// the child's own copy. A staff copy never has it, however printed.
	EasyRead bool
	// Child marks the child's own copy: its easy-read page is written to
	// the child.
	Child bool
}

// Explain says why the recipient gets this paper and what it holds, for
// `sipmote copies` and the copies screen.
func (r Recipient) Explain(l Lang) string {
	var why string
	switch {
	case r.Reason == CopyOriginal && r.Unit != "":
		why = T(l, "vårdnadshavare: varje vårdnadshavare med vårdnad får ett original", "guardian: each guardian with custody gets an original")
	case r.Reason == CopyOriginal:
		why = T(l, "den enskilde får originalet", "the person gets the original")
	default:
		why = r.Reason.Label(l)
	}
	switch {
	case r.Child:
		why += T(l, "; med den lättlästa sidan, skriven till barnet", "; with the easy-read page, written to the child")
	case r.EasyRead:
		why += T(l, "; med den lättlästa sidan", "; with the easy-read page")
	}
	return why
}

// Label is "Per Wall, Geriatriken".
func (r Recipient) Label() string {
	if u := strings.TrimSpace(r.Unit); u != "" {
		return strings.TrimSpace(r.Name) + ", " + u
	}
	return strings.TrimSpace(r.Name)
}

// Mark is what the first page of the recipient's paper says:
// "Kopia till Per Wall, Geriatriken", or "Original till Maja Lind".
func (r Recipient) Mark(l Lang) string {
	if r.Reason == CopyOriginal {
		return fmt.Sprintf(T(l, "Original till %s", "Original for %s"), r.Label())
	}
	return fmt.Sprintf(T(l, "Kopia till %s", "Copy for %s"), r.Label())
}

// CopyTo is a recipient the secretary added by hand.
type CopyTo struct {
	Name string `json:"name"`
	Unit string `json:"unit,omitempty"`
}

// CopyEdits are the secretary's changes to the copy list of a version: the
// list itself is worked out from the participants and the actions, so a
// change to them is followed; only these choices are kept.
type CopyEdits struct {
	Added []CopyTo `json:"added,omitempty"`
	// Removed names the default recipients taken off the list.
	Removed []string `json:"removed,omitempty"`
}

// CopyList is who gets the plan when it is printed.
type CopyList struct {
	// Originals are the person's original, or for a child one for each
	// guardian with custody.
	Originals []Recipient
	Copies    []Recipient
	// Removed are default recipients the secretary took off, so that the
	// screen can offer to put them back.
	Removed []Recipient
}

// Copies works out who gets the plan of version v: the original for the
// person (for a child, one for each guardian with custody, and a copy of
// their own for the child who took part), then a copy for every
// participant present whose role gets one, and for every action owner who
// was not there; then the secretary's edits. Each name is on the list
// once.
func (p *Plan) Copies(v *Version, l Lang) CopyList {
	var cl CopyList
	cl.Originals = p.originals(v, l)
	var seen []string
	for _, r := range cl.Originals {
		seen = append(seen, r.Name)
	}
	has := func(name string) bool {
		for _, s := range seen {
			if SameName(s, name) {
				return true
			}
		}
		return false
	}
	var all []Recipient
	add := func(r Recipient) {
		if strings.TrimSpace(r.Name) == "" || has(r.Name) {
			return
		}
		seen = append(seen, r.Name)
		all = append(all, r)
	}
	if len(cl.Originals) > 0 && cl.Originals[0].Unit != "" {
		// A child's plan with guardians: the child who took part gets a
		// copy of their own, with the easy-read page written to them.
		for _, pt := range v.Meeting.Participants {
			if pt.Role == RolePerson && pt.IsPresent() {
				add(Recipient{Name: firstOf(p.Person.Name, pt.Name), Reason: CopyChild, EasyRead: true, Child: true})
				break
			}
		}
	}
	for _, pt := range v.Meeting.Participants {
		if pt.IsPresent() && pt.Role != RolePerson && pt.Role.Defaults().Copy && !p.KeptOut(v, pt) {
			add(Recipient{Name: pt.Name, Unit: pt.Affiliation(l), Reason: CopyPresent, Contact: contact(pt)})
		}
	}
	for _, a := range v.Content.Actions {
		// Each person responsible gets their own paper: "Omar Haddad och
		// Göran Lindqvist" is two people, never one recipient.
		for _, r := range v.ResponsibleOf(a) {
			if pt := r.Participant; pt != nil {
				// A unit the consent keeps out gets no paper
				// (consent_keptout.go).
				if pt.IsPresent() || pt.Role == RolePerson || p.KeptOut(v, *pt) {
					continue
				}
				add(Recipient{Name: pt.Name, Unit: pt.Affiliation(l), Reason: CopyActionOwner, Contact: firstOf(contact(*pt), a.Contact)})
				continue
			}
			if SameName(r.Name, p.Person.Name) {
				continue
			}
			unit := strings.TrimSpace(a.Unit)
			if unit == "" {
				unit = PartyName(a.Principal, a.OtherParty, l)
			}
			add(Recipient{Name: r.Name, Unit: unit, Reason: CopyActionOwner, Contact: strings.TrimSpace(a.Contact)})
		}
	}
	for _, c := range v.Copies.Added {
		add(Recipient{Name: strings.TrimSpace(c.Name), Unit: strings.TrimSpace(c.Unit), Reason: CopyAdded})
	}
	for _, r := range all {
		if r.Reason != CopyAdded && v.copyRemoved(r.Name) {
			cl.Removed = append(cl.Removed, r)
			continue
		}
		cl.Copies = append(cl.Copies, r)
	}
	return cl
}

func firstOf(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

func (v *Version) copyRemoved(name string) bool {
	for _, n := range v.Copies.Removed {
		if SameName(n, name) {
			return true
		}
	}
	return false
}

// originals are the person's original, or for a child under 18 one for
// each guardian with custody: those the consent names, in its order, then
// any guardian among the participants it does not name. A child's plan
// with no guardian written anywhere gives the person the original.
func (p *Plan) originals(v *Version, l Lang) []Recipient {
	if child, _ := p.ChildRules(v, Today()); child {
		guardian := RoleGuardian.Label(l)
		var out []Recipient
		add := func(name, contact string) {
			name = strings.TrimSpace(name)
			for _, r := range out {
				if SameName(r.Name, name) {
					return
				}
			}
			if name != "" {
				out = append(out, Recipient{Name: name, Unit: guardian, Reason: CopyOriginal, Contact: contact, EasyRead: true})
			}
		}
		for _, g := range v.Consent.Guardians {
			// "Maria" in the consent is the participant Maria Andersson:
			// one original, in her whole name (GuardianParticipant).
			name, c := g.Name, ""
			if pt, _ := v.GuardianParticipant(g); pt != nil {
				name, c = pt.Name, contact(*pt)
			}
			add(name, c)
		}
		for _, pt := range v.Meeting.Participants {
			if pt.Role == RoleGuardian {
				add(pt.Name, contact(pt))
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	name := strings.TrimSpace(p.Person.Name)
	for _, pt := range v.Meeting.Participants {
		if pt.Role == RolePerson && strings.TrimSpace(pt.Name) != "" {
			if name == "" {
				name = strings.TrimSpace(pt.Name)
			}
			break
		}
	}
	return []Recipient{{Name: name, Reason: CopyOriginal, EasyRead: true}}
}

// ParticipantNamed returns the participant with that name, or nil.
func (v *Version) ParticipantNamed(name string) *Participant {
	for i := range v.Meeting.Participants {
		if SameName(v.Meeting.Participants[i].Name, name) {
			return &v.Meeting.Participants[i]
		}
	}
	return nil
}

// AddCopy puts a recipient on the copy list: back on it, when they were a
// default recipient taken off, else as an added one.
func (v *Version) AddCopy(name, unit string) {
	name = strings.TrimSpace(name)
	if name == "" {
		return
	}
	for i, n := range v.Copies.Removed {
		if SameName(n, name) {
			v.Copies.Removed = append(v.Copies.Removed[:i:i], v.Copies.Removed[i+1:]...)
			return
		}
	}
	for _, c := range v.Copies.Added {
		if SameName(c.Name, name) {
			return
		}
	}
	v.Copies.Added = append(v.Copies.Added, CopyTo{Name: name, Unit: strings.TrimSpace(unit)})
}

// RemoveCopy takes a recipient off the copy list. An added one is
// forgotten; a default one is remembered as removed, so that it stays off
// even though the participants still name them.
func (v *Version) RemoveCopy(name string) {
	for i, c := range v.Copies.Added {
		if SameName(c.Name, name) {
			v.Copies.Added = append(v.Copies.Added[:i:i], v.Copies.Added[i+1:]...)
			return
		}
	}
	if !v.copyRemoved(name) {
		v.Copies.Removed = append(v.Copies.Removed, strings.TrimSpace(name))
	}
}

// Pick returns the papers for the names given, in the order given: a
// guardian's original (a second original is printed by name) or a copy. A name
// matches a recipient with the same name, or failing that the one
// recipient whose name contains it ("Per" for "Per Wall"). A recipient the
// secretary took off can be asked for by name. Names that match nobody, or
// more than one, are returned in missing.
func (cl CopyList) Pick(names []string) (picked []Recipient, missing []string) {
	pool := append(append(append([]Recipient{}, cl.Originals...), cl.Copies...), cl.Removed...)
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		var hit *Recipient
		for i := range pool {
			if SameName(pool[i].Name, n) {
				hit = &pool[i]
				break
			}
		}
		if hit == nil {
			count := 0
			for i := range pool {
				if strings.Contains(strings.ToLower(pool[i].Name), strings.ToLower(n)) {
					hit = &pool[i]
					count++
				}
			}
			if count != 1 {
				hit = nil
			}
		}
		if hit == nil {
			missing = append(missing, n)
			continue
		}
		picked = append(picked, *hit)
	}
	return picked, missing
}
