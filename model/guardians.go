package model

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// A child's consent with joint custody: every guardian consents on their
// own, to their own units and subjects, and a unit may share and take part
// only where every guardian with custody consented to it. What counts is
// the overlap; the plan's own lists (Consent.Actors and Subjects) are kept
// equal to it (SyncGuardianScope), so that the print, the export and the
// record systems see what holds.
//
// A guardian with Actors nil comes from a file older than guardians' own
// scopes: Upgrade gives them the plan's lists, which is what they were
// asked about then. An empty, non-nil list is a guardian who consented to
// no unit: it is kept as [] in the file.

// Today is the date now, for rules that need a date when the meeting has
// none yet.
func Today() string { return time.Now().Format(DateLayout) }

// NewGuardian is a guardian who has consented to nothing yet.
func NewGuardian(name string) Guardian {
	return Guardian{Name: name, Actors: []string{}, Subjects: []string{}}
}

// GuardiansDecide tells whether the guardians' consents decide version v:
// a child's plan under the child rules (not 18 on the meeting date) with
// at least one guardian written down. A sole guardian's scope is then the
// scope, as with joint custody the overlap of both.
func (p *Plan) GuardiansDecide(v *Version, today string) bool {
	child, _ := p.ChildRules(v, today)
	return child && len(v.Consent.Guardians) > 0
}

// Overlap is the units and the subjects every guardian consented to, in
// the first guardian's order, each once. Subjects are parted as units are:
// "skolgång, psykisk hälsa" typed on one line (or kept so by an older
// sipmote) is two subjects, each weighed on its own (tryout42a #3).
func (k Consent) Overlap() (actors, subjects []string) {
	if len(k.Guardians) == 0 {
		return nil, nil
	}
	var as, ss [][]string
	for _, g := range k.Guardians {
		a, s := k.ScopeOf(g)
		as = append(as, a)
		ss = append(ss, s)
	}
	return intersect(as, Units), intersect(ss, Units)
}

// ScopeOf is what guardian g consented to: their own lists, or the plan's
// for a guardian without lists of their own (an older file, see
// upgradeGuardians).
func (k Consent) ScopeOf(g Guardian) (actors, subjects []string) {
	actors, subjects = g.Actors, g.Subjects
	if actors == nil {
		actors = k.Actors
	}
	if subjects == nil {
		subjects = k.Subjects
	}
	return actors, subjects
}

// intersect keeps the entries of the first list that every other list
// names, by whole name with case and spacing aside. parts, when set,
// parts the first list's entries first (Units), so that a unit is kept
// whichever guardian typed it in a line with others.
func intersect(lists [][]string, parts func([]string) []string) []string {
	out := []string{}
	if len(lists) == 0 {
		return out
	}
	first := lists[0]
	if parts != nil {
		first = parts(first)
	}
	for _, s := range first {
		s = strings.Join(strings.Fields(s), " ")
		if s == "" || Covers(out, s) {
			continue
		}
		all := true
		for _, l := range lists[1:] {
			if !Covers(l, s) {
				all = false
				break
			}
		}
		if all {
			out = append(out, s)
		}
	}
	return out
}

// ConsentScope is what the consent of version v covers as it counts: for a
// child whose guardians decide, the overlap of their consents; otherwise
// the plan's own lists.
func (p *Plan) ConsentScope(v *Version, today string) (actors, subjects []string) {
	if p.GuardiansDecide(v, today) {
		return v.Consent.Overlap()
	}
	return v.Consent.Actors, v.Consent.Subjects
}

// SyncGuardianScope sets the plan's lists of version v to the overlap of
// the guardians' consents when they decide, and tells whether that
// changed them. A screen calls it after each change to a guardian.
func (p *Plan) SyncGuardianScope(v *Version, today string) bool {
	if v == nil || !p.GuardiansDecide(v, today) {
		return false
	}
	a, s := v.Consent.Overlap()
	k := &v.Consent
	if slices.Equal(a, k.Actors) && slices.Equal(s, k.Subjects) {
		return false
	}
	k.Actors, k.Subjects = a, s
	return true
}

// GuardianGap is what one guardian's consent lacks that another guardian
// consented to: those units and subjects do not count.
type GuardianGap struct {
	Index    int
	Name     string
	Actors   []string
	Subjects []string
}

// Gaps lists, for each guardian whose consent is narrower than another's,
// the units and subjects it lacks.
func (k Consent) Gaps() []GuardianGap {
	var out []GuardianGap
	for i, g := range k.Guardians {
		gap := GuardianGap{Index: i, Name: strings.TrimSpace(g.Name)}
		ga, gs := k.ScopeOf(g)
		for j, o := range k.Guardians {
			if j == i {
				continue
			}
			oa, os := k.ScopeOf(o)
			gap.Actors = addMissing(gap.Actors, Units(oa), ga)
			gap.Subjects = addMissing(gap.Subjects, Units(os), gs)
		}
		if len(gap.Actors)+len(gap.Subjects) > 0 {
			out = append(out, gap)
		}
	}
	return out
}

// addMissing appends to out each entry of from that have does not name.
func addMissing(out, from, have []string) []string {
	for _, s := range from {
		s = strings.Join(strings.Fields(s), " ")
		if s != "" && !Covers(have, s) && !Covers(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// NotConsentedBy lists the guardians whose consent does not name unit, by
// their names ("vårdnadshavare 2" for one without a name).
func (k Consent) NotConsentedBy(unit string, l Lang) []string {
	var out []string
	for i, g := range k.Guardians {
		if a, _ := k.ScopeOf(g); !Covers(a, unit) {
			out = append(out, GuardianName(g, i, l))
		}
	}
	return out
}

// GuardianName is the guardian's name, or "vårdnadshavare 2" when none is
// written yet.
func GuardianName(g Guardian, i int, l Lang) string {
	if n := strings.TrimSpace(g.Name); n != "" {
		return n
	}
	return fmt.Sprintf(T(l, "vårdnadshavare %d", "guardian %d"), i+1)
}

// Possessive is a name as the owner of what follows: "Peter Nyströms",
// "Lars" (a Swedish name ending in s, x or z takes nothing), "Peter
// Nyström's" in English.
func Possessive(name string, l Lang) string {
	name = strings.TrimSpace(name)
	if l == English {
		if strings.HasSuffix(name, "s") {
			return name + "'"
		}
		return name + "'s"
	}
	if n := strings.ToLower(name); strings.HasSuffix(n, "s") || strings.HasSuffix(n, "x") || strings.HasSuffix(n, "z") {
		return name
	}
	return name + "s"
}

// NotInConsent says which guardians' consent lacks unit: "Socialtjänsten
// finns inte i Peter Nyströms samtycke".
func NotInConsent(unit string, names []string) Text {
	var sv, en []string
	for _, n := range names {
		sv = append(sv, Possessive(n, Swedish))
		en = append(en, Possessive(n, English))
	}
	return Text{
		SV: fmt.Sprintf("%s finns inte i %s samtycke", unit, strings.Join(sv, " eller ")),
		EN: fmt.Sprintf("%s is not in %s consent", unit, strings.Join(en, " or ")),
	}
}

// GuardianSaysYes records that guardian i was asked at the meeting and
// consented to units: they are added to that guardian's own scope, the
// yes is kept with who said it and when, and the plan's lists follow the
// overlap. Units the guardian already consented to are left out; when
// none is left, nothing changes (ErrNothingToAdd).
func (p *Plan) GuardianSaysYes(i int, units []string, now time.Time) error {
	if p.ReadOnly() {
		return ErrClosed
	}
	if p.Draft == nil {
		return ErrNoDraft
	}
	k := &p.Draft.Consent
	if i < 0 || i >= len(k.Guardians) {
		return fmt.Errorf("model: no guardian %d", i)
	}
	g := &k.Guardians[i]
	upgradeGuardians(p.Draft) // a guardian's own list, before it grows
	var added []string
	for _, u := range units {
		u = strings.Join(strings.Fields(u), " ")
		if u == "" || Covers(g.Actors, u) || Covers(added, u) {
			continue
		}
		added = append(added, u)
	}
	if len(added) == 0 {
		return ErrNothingToAdd
	}
	g.Actors = append(slices.Clip(g.Actors), added...)
	k.Widened = append(k.Widened, Widening{At: now, Units: added, By: GuardianName(*g, i, Swedish), As: WidenedGuardian})
	p.SyncGuardianScope(p.Draft, now.Format(DateLayout))
	p.UpdatedAt = now
	return nil
}

// ChildHeard records the child's own view of units added to the consent
// at the meeting, in the words the secretary wrote. The child does not
// decide, but their view is asked and kept beside the guardians' yes.
func (p *Plan) ChildHeard(units []string, view string, now time.Time) error {
	if p.ReadOnly() {
		return ErrClosed
	}
	if p.Draft == nil {
		return ErrNoDraft
	}
	var us []string
	for _, u := range units {
		if u = strings.Join(strings.Fields(u), " "); u != "" && !Covers(us, u) {
			us = append(us, u)
		}
	}
	if len(us) == 0 {
		return ErrNothingToAdd
	}
	k := &p.Draft.Consent
	k.Widened = append(k.Widened, Widening{At: now, Units: us, By: strings.TrimSpace(p.Person.Name), As: WidenedChild, View: strings.TrimSpace(view)})
	p.UpdatedAt = now
	return nil
}

// ChildTakesPart tells whether the person of a child's plan is at the
// meeting (in the room, by video or phone).
func (v *Version) ChildTakesPart() bool {
	for _, pt := range v.Meeting.Participants {
		if pt.Role == RolePerson && pt.IsPresent() {
			return true
		}
	}
	return false
}

// upgradeGuardians gives each guardian of an older file, who has no list
// of their own, the plan's lists: what they were asked about then.
func upgradeGuardians(v *Version) bool {
	changed := false
	k := &v.Consent
	for i := range k.Guardians {
		g := &k.Guardians[i]
		if g.Actors == nil {
			g.Actors = append([]string{}, k.Actors...)
			changed = true
		}
		if g.Subjects == nil {
			g.Subjects = append([]string{}, k.Subjects...)
			changed = true
		}
	}
	return changed
}

// UnitsOutside lists, once each in the order met, the units of version v
// that the consent as it counts does not cover: of the staff present, for
// a child whose guardians decide also of the staff summoned, and of the
// actions.
func (p *Plan) UnitsOutside(v *Version, today string) []string {
	decide := p.GuardiansDecide(v, today)
	actors, _ := p.ConsentScope(v, today)
	var out []string
	add := func(u string) {
		if u == "" || Covers(actors, u) || Covers(out, u) {
			return
		}
		out = append(out, u)
	}
	for _, pt := range v.Meeting.Participants {
		if pt.Role.IsStaff() && (pt.IsPresent() || decide && pt.Invited) {
			add(UnitOf(pt))
		}
	}
	for _, a := range v.Content.Actions {
		add(strings.TrimSpace(a.Unit))
	}
	return out
}

// ChildViewDue finds where the child's view of this meeting's widening
// goes: at is the child's entry after the guardians' last yes (-1 when
// there is none yet), and units are the units the guardians let in since
// the child was last heard.
func (k Consent) ChildViewDue() (at int, units []string) {
	at = -1
	for i, w := range k.Widened {
		switch w.As {
		case WidenedGuardian:
			if at >= 0 {
				at, units = -1, nil
			}
			for _, u := range w.Units {
				if !Covers(units, u) {
					units = append(units, u)
				}
			}
		case WidenedChild:
			at = i
		}
	}
	if at >= 0 {
		units = k.Widened[at].Units
	}
	return at, units
}
