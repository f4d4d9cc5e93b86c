package model

import (
	"fmt"
	"strings"
)

// review prints, on a follow-up meeting, what became of the previous
// version's actions and goals: the follow-up is what the law asks the
// plan to show, and the new version's own lists have moved on.
func (b docBuilder) review() (Section, bool) {
	r := b.v.Review
	if r == nil {
		return Section{}, false
	}
	prev := b.p.Reviewed(b.v)
	s := Section{Heading: b.t("Uppföljning av förra planen", "Follow-up of the previous plan")}
	if prev != nil {
		acts := Table{
			Caption: b.t("Insatser och åtgärder", "Actions"),
			Header:  []string{b.t("Vad", "What"), b.t("Resultat", "Outcome"), b.t("Kommentar", "Comment")},
		}
		for _, a := range prev.Content.Actions {
			if o, ok := r.Actions[a.ID]; ok {
				res, note := b.outcome(o)
				acts.Rows = append(acts.Rows, []string{orDash(a.What), res, note})
			}
		}
		goals := Table{
			Caption: b.t("Mål", "Goals"),
			Header:  []string{b.t("Mål", "Goal"), b.t("Resultat", "Outcome"), b.t("Kommentar", "Comment")},
		}
		for i, g := range prev.Content.Goals {
			if o, ok := r.Goals[g.ID]; ok {
				res, note := b.outcome(o)
				goals.Rows = append(goals.Rows, []string{fmt.Sprintf("%d. %s", i+1, orDash(g.Text)), res, note})
			}
		}
		for _, t := range []Table{acts, goals} {
			if len(t.Rows) > 0 {
				s.Blocks = append(s.Blocks, Block{Kind: BlockTable, Table: t})
			}
		}
	}
	if r.Decision != "" {
		pairs := []KeyValue{{b.t("Beslut", "Decision"), orDash(DecisionLabel(r.Decision, b.l))}}
		if r.Decision == DecisionClose {
			why := Closure{Reason: r.CloseReason, Text: r.CloseText}
			if why.Reason == "" {
				why.Reason = CloseGoalsMet // what closing without a reason means
			}
			pairs = append(pairs, KeyValue{b.t("Skäl", "Reason"), orDash(closeWhy(why, b.l))})
		}
		s.Blocks = append(s.Blocks, Block{Kind: BlockKeyValues, Pairs: pairs})
	}
	return s, true
}

// closeWhy is the reason a plan is closed, with the written reason when
// there is one.
func closeWhy(c Closure, l Lang) string {
	why := c.Reason.Label(l)
	if t := strings.TrimSpace(c.Text); t != "" {
		if c.Reason == CloseOther || why == "" {
			return t
		}
		return why + " (" + t + ")"
	}
	return why
}

// outcome is an outcome and its note as two cells.
func (b docBuilder) outcome(o Outcome) (string, string) {
	res := OutcomeLabel(o.Result, b.l)
	if res == "" {
		res = o.Result
	}
	return orDash(res), orDash(o.Note)
}
