package planfields

import (
	"strconv"
	"strings"
	"time"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/components"
)

// The widening at the meeting asks about one unit at a time: a father may
// say yes to IFO and no to BUP, and each answer is his own (tryout42a
// #18). The first enter on "Fråga" shows the question, the second
// records the yes; "Nej" next to it records a no, which keeps the unit
// out and moves on to the next. For a child each guardian whose consent
// lacks a unit is asked by name, one after the other.

// widening is the state the two buttons share while the consent section
// is open: the question shown, and the noes heard at this meeting.
type widening struct {
	l   model.Lang
	p   *model.Plan
	v   func() *model.Version
	now func() time.Time
	// asked is the unit asked about and of whom (-1 the person), or ""
	// when no question is shown.
	asked   string
	askedOf int
	// noes are the answers no, by who and unit: that unit is not asked
	// of them again while the section is open. The unit stays outside
	// the consent, as it was.
	noes map[string]bool
}

func newWidening(l model.Lang, p *model.Plan, v func() *model.Version, now func() time.Time) *widening {
	return &widening{l: l, p: p, v: v, now: now, noes: map[string]bool{}}
}

func noKey(who int, unit string) string {
	return strconv.Itoa(who) + "|" + strings.ToLower(strings.Join(strings.Fields(unit), " "))
}

// outside is every unit here or with an action that the consent does not
// cover, as it counts.
func (w *widening) outside() []string {
	return w.p.UnitsOutside(w.v(), w.now().Format(model.DateLayout))
}

// next is whom to ask now and the units they lack that they have not said
// no to: the first guardian with any, or the person of an adult's plan.
// said lists the units someone said no to.
func (w *widening) next() (who int, lack, said []string) {
	out := w.outside()
	today := w.now().Format(model.DateLayout)
	if len(out) == 0 {
		return -1, nil, nil
	}
	if !w.p.GuardiansDecide(w.v(), today) {
		for _, u := range out {
			if w.noes[noKey(-1, u)] {
				said = append(said, u)
			} else {
				lack = append(lack, u)
			}
		}
		return -1, lack, said
	}
	k := w.v().Consent
	who = -1
	for i, g := range k.Guardians {
		a, _ := k.ScopeOf(g)
		for _, u := range out {
			switch {
			case model.Covers(a, u):
			case w.noes[noKey(i, u)]:
				if !model.Covers(said, u) {
					said = append(said, u)
				}
			case who < 0 || who == i:
				who = i
				lack = append(lack, u)
			}
		}
	}
	return who, lack, said
}

func (w *widening) name(i int) string {
	if i < 0 {
		return model.T(w.l, "den enskilde", "the person")
	}
	return model.GuardianName(w.v().Consent.Guardians[i], i, w.l)
}

// question is the unit asked about now, when the question is still open.
func (w *widening) question() (who int, unit string, ok bool) {
	who, lack, _ := w.next()
	if len(lack) == 0 || w.asked == "" || w.askedOf != who || !model.Covers(lack, w.asked) {
		return who, "", false
	}
	return who, w.asked, true
}

// widenField is "Fråga": enter names the next unit and asks, enter again
// records the yes for that unit alone.
func widenField(l model.Lang, p *model.Plan, v func() *model.Version, now func() time.Time, w *widening) components.Field {
	f := components.Field{Path: "consent.actors.add", Label: model.T(l, "Verksamheter som är här men inte i samtycket", "Units here but not in the consent"),
		Kind: components.KindAction}
	f.Hint = model.T(l, "Fråga", "Ask")
	f.Get = func() string { return "" }
	and := model.T(l, " och ", " and ")
	f.Note = func() string {
		who, lack, said := w.next()
		if len(lack) == 0 && len(said) == 0 {
			w.asked = ""
			if len(v().Consent.Guardians) > 1 && p.GuardiansDecide(v(), now().Format(model.DateLayout)) {
				return model.T(l, "Alla vårdnadshavare har samtyckt till varje verksamhet som är här.", "Every guardian has consented to every unit here.")
			}
			return model.T(l, "Samtycket gäller alla verksamheter som är här.", "The consent covers every unit here.")
		}
		if len(lack) == 0 {
			return model.T(l, "Sade nej: ", "Said no: ") + strings.Join(said, ", ") + "."
		}
		if _, unit, ok := w.question(); ok {
			n := w.name(who)
			return model.T(l, "Fråga "+n+": får "+unit+" vara med och ta del av uppgifterna? Tryck enter igen om "+n+" säger ja, eller välj Nej nedan.",
				"Ask "+n+": may "+unit+" take part and share information? Press enter again if "+n+" says yes, or choose No below.")
		}
		w.asked = ""
		if who >= 0 {
			return model.NotInConsent(strings.Join(lack, and), []string{w.name(who)}).In(l) + ". " +
				model.T(l, "Tryck enter för att fråga "+w.name(who)+" om "+lack[0]+".", "Press enter to ask "+w.name(who)+" about "+lack[0]+".")
		}
		return model.T(l, "Inte i samtycket: ", "Not in the consent: ") + strings.Join(lack, "; ") + ". " +
			model.T(l, "Tryck enter för att fråga om "+lack[0]+".", "Press enter to ask about "+lack[0]+".")
	}
	f.Set = func(string) {
		who, lack, _ := w.next()
		if len(lack) == 0 {
			return
		}
		_, unit, ok := w.question()
		if !ok {
			w.asked, w.askedOf = lack[0], who
			return
		}
		if who >= 0 {
			_ = p.GuardianSaysYes(who, []string{unit}, now())
		} else {
			_ = p.WidenConsent([]string{unit}, now())
		}
		w.asked = ""
	}
	return f
}

// declineField is "Nej": the one asked said no to the unit asked about
// (or, before a question, the next one). The unit stays out, and the
// next unit is asked about.
func declineField(l model.Lang, v func() *model.Version, w *widening) components.Field {
	f := components.Field{Path: "consent.actors.decline", Kind: components.KindAction,
		Label: model.T(l, "Svaret är nej för verksamheten", "The answer is no for the unit"),
		Hint:  model.T(l, "Nej", "No")}
	f.Get = func() string { return "" }
	f.Hide = func() bool { return len(w.outside()) == 0 }
	f.Note = func() string {
		who, lack, said := w.next()
		if len(lack) == 0 {
			if len(said) == 0 {
				return ""
			}
			return model.T(l, "Utanför planen: ", "Kept out of the plan: ") + strings.Join(said, ", ") +
				model.T(l, ". Gick någon därifrån när svaret blev nej, skriv det under Deltagare (Gick före slutet).",
					". If someone from there left when the answer was no, write it under Participants (left before the end).")
		}
		unit := lack[0]
		if _, u, ok := w.question(); ok {
			unit = u
		}
		return model.T(l, "Enter om "+w.name(who)+" säger nej till "+unit+": den stannar utanför planen.",
			"Enter if "+w.name(who)+" says no to "+unit+": it stays out of the plan.")
	}
	f.Set = func(string) {
		who, lack, _ := w.next()
		if len(lack) == 0 {
			return
		}
		unit := lack[0]
		if _, u, ok := w.question(); ok {
			unit = u
		}
		w.noes[noKey(who, unit)] = true
		w.asked = ""
	}
	return f
}
