package ui

import (
	"fmt"

	"github.com/sipmote/sipmote/model"
)

// secReview is the follow-up of the previous version: what became of each
// action and goal, and whether the plan is revised or closed. It exists
// only in a follow-up meeting.
const secReview = "review"

// reviewFields builds one outcome and one note per action and goal of the
// previous version, then the decision. Writes go through the model, which
// carries each outcome into the new version.
func reviewFields(l model.Lang, p *model.Plan) []field {
	prev := p.Reviewed(p.Draft)
	if prev == nil {
		return nil
	}
	r := func() *model.Review { return p.Draft.Review }
	var fs []field
	outcomeOpts := func(values []string) []option {
		out := []option{{"", "—"}}
		for _, v := range values {
			out = append(out, option{v, model.OutcomeLabel(v, l)})
		}
		return out
	}
	for i, a := range prev.Content.Actions {
		id := a.ID
		fs = append(fs,
			field{path: fmt.Sprintf("review.actions[%d]", i), label: model.T(l, "Insats: ", "Action: ") + a.What, kind: kindChoice,
				opts: outcomeOpts(model.ActionOutcomes),
				get:  func() string { return r().Actions[id].Result },
				set:  func(s string) { _ = p.SetActionOutcome(id, s, r().Actions[id].Note) }},
			field{path: fmt.Sprintf("review.actions[%d].note", i), label: model.T(l, "  Kommentar", "  Note"), kind: kindText,
				get: func() string { return r().Actions[id].Note },
				set: func(s string) {
					res := r().Actions[id].Result
					if res == "" {
						// A note before the outcome is kept on the review.
						if r().Actions == nil {
							r().Actions = map[string]model.Outcome{}
						}
						r().Actions[id] = model.Outcome{Note: s}
						return
					}
					_ = p.SetActionOutcome(id, res, s)
				}})
	}
	for i, g := range prev.Content.Goals {
		id := g.ID
		fs = append(fs, field{path: fmt.Sprintf("review.goals[%d]", i), label: model.T(l, "Mål: ", "Goal: ") + g.Text, kind: kindChoice,
			opts: outcomeOpts(model.GoalOutcomes),
			get:  func() string { return r().Goals[id].Result },
			set:  func(s string) { _ = p.SetGoalOutcome(id, s, r().Goals[id].Note) }})
	}
	decisions := []option{{"", "—"}}
	for _, d := range model.Decisions {
		decisions = append(decisions, option{d, model.DecisionLabel(d, l)})
	}
	fs = append(fs, field{path: "review.decision", label: model.T(l, "Beslut: revidera planen eller avsluta den", "Decision: revise the plan or close it"), kind: kindChoice,
		opts: decisions,
		get:  func() string { return r().Decision },
		set:  func(s string) { _ = p.Decide(s) }})
	return fs
}
