package planfields

import (
	"strconv"
	"strings"
	"time"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/components"
)

// The consent section's fields for a child: one block per guardian, each
// with their own units and subjects; the overlap that counts, with whose
// consent lacks what; and the widening at the meeting, asked of each
// guardian by name and then of the child.

// ownList hides the plan's own list while the guardians decide: it is
// their overlap then (overlapField shows it).
func ownList(decide func() bool, f components.Field) components.Field {
	f.Hide = decide
	return f
}

// overlapField shows what the consent covers as it counts for a child:
// the units and subjects every guardian consented to, and under it each
// guardian whose consent lacks what another's has.
func overlapField(l model.Lang, p *model.Plan, v func() *model.Version, decide func() bool) components.Field {
	f := components.Field{Path: "consent.overlap", Kind: components.KindAction,
		Label: model.T(l, "Gäller för: det som alla vårdnadshavare har samtyckt till", "Covers: what every guardian consented to"),
		Hint:  model.T(l, "skrivs under varje vårdnadshavare nedan", "written under each guardian below"),
		Hide:  func() bool { return !decide() }}
	f.Get = func() string { return "" }
	f.Set = func(string) {}
	f.Note = func() string {
		k := v().Consent
		actors, subjects := k.Overlap()
		s := model.T(l, "Verksamheter: ", "Units: ") + orNothing(l, actors) + ". " +
			model.T(l, "Ämnen: ", "Subjects: ") + orNothing(l, subjects) + "."
		for _, g := range k.Gaps() {
			who := model.Possessive(model.GuardianName(k.Guardians[g.Index], g.Index, l), l)
			var lacks []string
			lacks = append(lacks, g.Actors...)
			lacks = append(lacks, g.Subjects...)
			s += " " + model.T(l, who+" samtycke saknar: ", who+" consent lacks: ") + strings.Join(lacks, ", ") + "."
		}
		return s
	}
	return f
}

func orNothing(l model.Lang, ss []string) string {
	if len(ss) == 0 {
		return model.T(l, "inget gemensamt", "nothing in common")
	}
	return strings.Join(ss, ", ")
}

// guardianFields edit guardian i: the name, their own consent, its date,
// and the units and subjects they consented to. Each guardian consents
// for themself, so each has a block; the plan's lists follow the overlap.
func guardianFields(l model.Lang, p *model.Plan, v func() *model.Version, now func() time.Time, i int) []components.Field {
	c := func() *model.Consent { return &v().Consent }
	n := strconv.Itoa(i + 1)
	// takenA and takenS mark lists taken over from the plan's and not
	// typed since: the first letter typed replaces them, as the field says,
	// instead of adding to them.
	var takenA, takenS bool
	g := func(create bool) *model.Guardian {
		if i < len(c().Guardians) {
			return &c().Guardians[i]
		}
		if !create {
			return &model.Guardian{}
		}
		for len(c().Guardians) <= i {
			ng := model.NewGuardian("")
			if len(c().Guardians) == 0 {
				// The first guardian named takes the lists typed before:
				// nothing typed is lost, and it is what was asked.
				ng.Actors = append(ng.Actors, c().Actors...)
				ng.Subjects = append(ng.Subjects, c().Subjects...)
				takenA, takenS = len(ng.Actors) > 0, len(ng.Subjects) > 0
			}
			c().Guardians = append(c().Guardians, ng)
		}
		return &c().Guardians[i]
	}
	// done drops trailing guardians left wholly empty, and makes the
	// plan's lists the overlap again.
	done := func() {
		gs := c().Guardians
		for len(gs) > 1 && emptyGuardian(gs[len(gs)-1]) {
			gs = gs[:len(gs)-1]
		}
		if len(gs) == 1 && emptyGuardian(gs[0]) {
			gs = nil
		}
		c().Guardians = gs
		p.SyncGuardianScope(v(), now().Format(model.DateLayout))
	}
	list := func(taken *bool, get func(g *model.Guardian) *[]string, of func(k model.Consent, g model.Guardian) []string, split func(string) []string) (func() string, func(string)) {
		return func() string {
				if i >= len(c().Guardians) {
					return ""
				}
				return components.JoinList(of(*c(), c().Guardians[i]))
			}, func(s string) {
				l := split(s)
				if l == nil {
					l = []string{} // consented to nothing, not "an older file"
				}
				*get(g(true)) = l
				*taken = false
				done()
			}
	}
	path := "consent.guardians[" + strconv.Itoa(i) + "]"
	who := func() string {
		if i < len(c().Guardians) {
			return model.GuardianName(c().Guardians[i], i, l)
		}
		return model.T(l, "vårdnadshavare "+n, "guardian "+n)
	}
	getA, setA := list(&takenA, func(g *model.Guardian) *[]string { return &g.Actors }, func(k model.Consent, g model.Guardian) []string { a, _ := k.ScopeOf(g); return a }, model.SplitUnits)
	getS, setS := list(&takenS, func(g *model.Guardian) *[]string { return &g.Subjects }, func(k model.Consent, g model.Guardian) []string { _, s := k.ScopeOf(g); return s }, model.SplitUnits)
	actors := components.Field{Path: path + ".actors", Kind: components.KindText, Get: getA, Set: setA,
		Suggested: func() bool { return takenA },
		Label:     model.T(l, "Vårdnadshavare "+n+": verksamheter hen samtycker till (skilj med , eller ;)", "Guardian "+n+": units they consent to (separate with , or ;)"),
		Hint:      model.T(l, "t.ex. BUP, Elevhälsan", "e.g. child psychiatry, school health")}
	actors.Check = func(string) string {
		// Says at once whose consent lacks what the other's has.
		for _, gap := range c().Gaps() {
			if gap.Index == i && len(gap.Actors) > 0 {
				return model.T(l, model.Possessive(who(), l)+" samtycke saknar ", model.Possessive(who(), l)+" consent lacks ") +
					strings.Join(gap.Actors, ", ")
			}
		}
		return ""
	}
	return []components.Field{
		guardianNameField(l, v, path, n, func() string { return g(false).Name }, func(s string) { g(true).Name = s; done() }),
		{Path: path + ".given", Label: model.T(l, "Vårdnadshavare "+n+" har samtyckt", "Guardian "+n+" has consented"), Kind: components.KindToggle,
			Get: func() string { return components.BoolStr(g(false).Given) }, Set: func(s string) { g(true).Given = s == "true"; done() }},
		components.WithCheck(components.Field{Path: path + ".date", Label: model.T(l, "Vårdnadshavare "+n+": datum för samtycket", "Guardian "+n+": date of consent"),
			Hint: model.T(l, "ÅÅÅÅ-MM-DD", "YYYY-MM-DD"), Kind: components.KindText,
			Get: func() string { return g(false).Date }, Set: func(s string) { g(true).Date = s; done() }}, components.DateCheck(l)),
		actors,
		{Path: path + ".subjects", Kind: components.KindText, Get: getS, Set: setS, Suggested: func() bool { return takenS },
			Label: model.T(l, "Vårdnadshavare "+n+": ämnen hen samtycker till (skilj med , eller ;)", "Guardian "+n+": subjects they consent to (separate with , or ;)"),
			Hint:  model.T(l, "t.ex. skolgång, psykisk hälsa", "e.g. school, mental health")},
	}
}

// guardianNameField is a guardian's name, linked to the participants: the
// note names the guardians among them not yet written here, or the one a
// shorter name stands for, and leaving the field writes that one's whole
// name ("Maria" becomes Maria Andersson), so that each guardian is one
// person with one original (tryout42a #2).
func guardianNameField(l model.Lang, v func() *model.Version, path, n string, get func() string, set func(string)) components.Field {
	f := components.Field{Path: path + ".name", Label: model.T(l, "Vårdnadshavare "+n+": namn", "Guardian "+n+": name"), Kind: components.KindText,
		Get: get, Set: set}
	f.Tidy = func(s string) string {
		if pt, near := v().GuardianParticipant(model.Guardian{Name: s}); pt != nil && near {
			return strings.TrimSpace(pt.Name)
		}
		return s
	}
	f.Note = func() string {
		name := strings.TrimSpace(get())
		if pt, near := v().GuardianParticipant(model.Guardian{Name: name}); pt != nil {
			if near {
				return model.T(l, "Blir "+strings.TrimSpace(pt.Name)+" (bland deltagarna) när du går vidare.",
					"Becomes "+strings.TrimSpace(pt.Name)+" (among the participants) when you move on.")
			}
			return ""
		}
		var free []string
		for _, pt := range v().Meeting.Participants {
			if pt.Role == model.RoleGuardian && strings.TrimSpace(pt.Name) != "" && !namedGuardian(v(), pt.Name) {
				free = append(free, strings.TrimSpace(pt.Name))
			}
		}
		switch {
		case len(free) == 0:
			return ""
		case name == "":
			return model.T(l, "Vårdnadshavare bland deltagarna: ", "Guardians among the participants: ") + strings.Join(free, ", ")
		}
		return model.T(l, "Inte bland deltagarna. Vårdnadshavare där: ", "Not among the participants. Guardians there: ") + strings.Join(free, ", ")
	}
	return f
}

// namedGuardian tells whether the consent names the participant called
// name as one of its guardians.
func namedGuardian(v *model.Version, name string) bool {
	for _, g := range v.Consent.Guardians {
		if pt, _ := v.GuardianParticipant(g); pt != nil && model.SameName(pt.Name, name) {
			return true
		}
	}
	return false
}

func emptyGuardian(g model.Guardian) bool {
	return strings.TrimSpace(g.Name) == "" && !g.Given && g.Date == "" && len(g.Actors) == 0 && len(g.Subjects) == 0
}

// widenChildField keeps the child's own view of the units the guardians
// let in at this meeting, when the child takes part: the child does not
// decide, but is asked, and the plan says what they thought.
func widenChildField(l model.Lang, p *model.Plan, v func() *model.Version, now func() time.Time, decide func() bool) components.Field {
	f := components.Field{Path: "consent.widened.child", Kind: components.KindText,
		Label: model.T(l, "Barnets syn på de nya verksamheterna (fråga barnet, skriv med barnets ord)", "The child's view of the new units (ask the child; write it in their words)")}
	f.Hide = func() bool {
		if !decide() || !v().ChildTakesPart() {
			return true
		}
		at, units := v().Consent.ChildViewDue()
		return at < 0 && len(units) == 0
	}
	f.Get = func() string {
		k := v().Consent
		if at, _ := k.ChildViewDue(); at >= 0 {
			return k.Widened[at].View
		}
		return ""
	}
	f.Set = func(s string) {
		k := &v().Consent
		if at, _ := k.ChildViewDue(); at >= 0 {
			k.Widened[at].View = s
			return
		}
		_, units := k.ChildViewDue()
		_ = p.ChildHeard(units, s, now())
	}
	return f
}
