package model

import "strings"

// The consent's section of the printed plan: what it covers, for a child
// each guardian's own scope, and how it was widened at the meeting.

// consent prints what the consent covers. NotRaise is deliberately absent:
// naming a subject on paper is raising it.
func (b docBuilder) consent() Section {
	k := b.v.Consent
	s := Section{Heading: b.t("Samtycke", "Consent")}
	if !k.Given && k.WithdrawnOn == "" && len(k.Actors) == 0 && len(k.Subjects) == 0 {
		s.Blocks = []Block{{Kind: BlockParagraph, Text: b.t("Inget samtycke är registrerat.", "No consent is recorded."), Note: true}}
		return s
	}
	form := k.Form
	switch k.Form {
	case "oral":
		form = b.t("muntligt", "oral")
	case "written":
		form = b.t("skriftligt", "written")
	}
	actors, subjects := k.Actors, k.Subjects
	covers, subjLabel := b.t("Gäller för", "Covers"), b.t("Ämnen", "Subjects")
	decide := b.p.GuardiansDecide(b.v, Today())
	if decide {
		// What every guardian consented to is what holds.
		actors, subjects = k.Overlap()
		if len(k.Guardians) > 1 {
			covers = b.t("Gäller för (alla vårdnadshavare)", "Covers (every guardian)")
			subjLabel = b.t("Ämnen (alla vårdnadshavare)", "Subjects (every guardian)")
		}
	}
	pairs := []KeyValue{
		{covers, orDash(strings.Join(trimAll(actors), ", "))},
	}
	if subj := trimAll(subjects); len(subj) > 0 {
		pairs = append(pairs, KeyValue{subjLabel, strings.Join(subj, ", ")})
	}
	pairs = append(pairs,
		KeyValue{b.t("Form", "Form of consent"), orDash(form)},
		KeyValue{b.t("Datum", "Date"), orDash(k.Date)},
		KeyValue{b.t("Gäller till och med", "Valid until"), orDash(k.ValidUntil)},
	)
	// When one guardian's scope is not the plan's, every guardian's is
	// printed, so that the paper shows why a unit one of them named is
	// not in the plan.
	differ := false
	for _, g := range k.Guardians {
		if ga, gs := k.ScopeOf(g); !sameSet(Units(ga), Units(actors)) || !sameSet(gs, subjects) {
			differ = true
		}
	}
	for _, g := range k.Guardians {
		given := b.t("har inte samtyckt", "has not consented")
		if g.Given {
			given = b.t("samtycker", "consents")
			if g.Date != "" {
				given += " " + g.Date
			}
		}
		if ga, gs := k.ScopeOf(g); differ {
			given += "; " + b.t("verksamheter", "units") + ": " + orDash(strings.Join(trimAll(ga), ", "))
			if subj := trimAll(gs); len(subj) > 0 {
				given += "; " + b.t("ämnen", "subjects") + ": " + strings.Join(subj, ", ")
			}
		}
		pairs = append(pairs, KeyValue{b.t("Vårdnadshavare", "Guardian"), orDash(b.v.GuardianFullName(g)) + ": " + given})
	}
	for _, w := range k.Widened {
		line := w.At.Format(DateLayout+" "+TimeLayout) + ": " + strings.Join(w.Units, ", ")
		switch w.As {
		case WidenedGuardian:
			line += " — " + orDash(b.v.GuardianFullName(Guardian{Name: w.By})) + " (" + RoleGuardian.Label(b.l) + ") " + b.t("sade ja", "said yes")
		case WidenedChild:
			view := strings.TrimSpace(w.View)
			if view == "" {
				view = b.t("ville inte säga något", "did not want to say")
			}
			line += " — " + orDash(w.By) + b.t(" tycker: ", " thinks: ") + view
		default:
			if by := strings.TrimSpace(w.By); by != "" {
				line += " — " + by
			}
			if view := strings.TrimSpace(w.View); view != "" {
				line += ": " + view
			}
		}
		pairs = append(pairs, KeyValue{b.t("Utvidgat vid mötet", "Widened at the meeting"), line})
	}
	if k.WithdrawnOn != "" {
		pairs = append(pairs, KeyValue{b.t("Återkallat", "Withdrawn on"), k.WithdrawnOn})
	}
	s.Blocks = []Block{{Kind: BlockKeyValues, Pairs: pairs}}
	return s
}

func trimAll(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
