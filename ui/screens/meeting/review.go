package meeting

import (
	"fmt"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/components"
	"github.com/sipmote/sipmote/ui/screens/room"
)

// SecReview is the follow-up of the previous version: what became of each
// action and goal, and whether the plan is revised or closed. It exists
// only in a follow-up meeting.
const SecReview = model.SectionReview

// reviewFields builds one outcome and one note per action and goal of the
// previous version, then the decision. Writes go through the model, which
// carries each outcome into the new version.
func reviewFields(l model.Lang, p *model.Plan) []components.Field {
	prev := p.Reviewed(p.Draft)
	if prev == nil {
		return nil
	}
	r := func() *model.Review { return p.Draft.Review }
	var fs []components.Field
	outcomeOpts := func(values []string) []components.Option {
		out := []components.Option{{Value: "", Label: "—"}}
		for _, v := range values {
			out = append(out, components.Option{Value: v, Label: model.OutcomeLabel(v, l)})
		}
		return out
	}
	for i, a := range prev.Content.Actions {
		id := a.ID
		fs = append(fs,
			components.Field{Path: fmt.Sprintf("review.actions[%d]", i), Label: model.T(l, "Insats: ", "Action: ") + a.What, Kind: components.KindChoice,
				Opts: outcomeOpts(model.ActionOutcomes),
				Get:  func() string { return r().Actions[id].Result },
				Set:  func(s string) { _ = p.SetActionOutcome(id, s, r().Actions[id].Note) }},
			components.Field{Path: fmt.Sprintf("review.actions[%d].note", i), Label: model.T(l, "  Kommentar", "  Note"), Kind: components.KindText,
				Get: func() string { return r().Actions[id].Note },
				Set: func(s string) {
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
		fs = append(fs, components.Field{Path: fmt.Sprintf("review.goals[%d]", i), Label: model.T(l, "Mål: ", "Goal: ") + g.Text, Kind: components.KindChoice,
			Opts: outcomeOpts(model.GoalOutcomes),
			Get:  func() string { return r().Goals[id].Result },
			Set:  func(s string) { _ = p.SetGoalOutcome(id, s, r().Goals[id].Note) }})
	}
	decisions := []components.Option{{Value: "", Label: "—"}}
	for _, d := range model.Decisions {
		decisions = append(decisions, components.Option{Value: d, Label: model.DecisionLabel(d, l)})
	}
	fs = append(fs, components.Field{Path: "review.decision", Label: model.T(l, "Beslut: revidera planen eller avsluta den", "Decision: revise the plan or close it"), Kind: components.KindChoice,
		Opts: decisions,
		Get:  func() string { return r().Decision },
		Set:  func(s string) { _ = p.Decide(s) }})
	// Closing asks why; there is no default reason. Withdrawn consent is
	// not offered: it closes the plan at once, from the home screen.
	reasons := []components.Option{{Value: "", Label: model.T(l, "— välj —", "— choose —")}}
	for _, cr := range model.ClosureReasons {
		if cr != model.CloseConsentGone {
			reasons = append(reasons, components.Option{Value: string(cr), Label: cr.Label(l)})
		}
	}
	fs = append(fs,
		components.Field{Path: "review.close_reason", Label: model.T(l, "Om planen avslutas: varför?", "If the plan is closed: why?"), Kind: components.KindChoice,
			Opts: reasons,
			Get:  func() string { return string(r().CloseReason) },
			Set: func(s string) {
				if s == "" {
					r().CloseReason = ""
					return
				}
				if err := p.DecideClose(model.ClosureReason(s), r().CloseText); err == model.ErrReasonText {
					// "Other" waits for its explanation, written below.
					r().Decision, r().CloseReason = model.DecisionClose, model.ClosureReason(s)
				}
			}},
		components.Field{Path: "review.close_text", Label: model.T(l, "Förklaring till avslutet (sparas och skrivs ut)", "Explanation of the closing (kept and printed)"), Kind: components.KindText,
			Get: func() string { return r().CloseText },
			Set: func(s string) { r().CloseText = s }})
	return fs
}

// reviewShare is the part of a follow-up meeting given to going through
// the last plan.
const reviewShare = 20

// FollowUpAgenda turns the agenda into the follow-up meeting's: after the
// current situation comes the review of every action and goal of the last
// plan and the decision to revise or close. The other steps give up time
// in proportion, so the shares still fill the planned length.
func FollowUpAgenda(steps []room.Step) []room.Step {
	if len(steps) == 0 {
		return steps
	}
	out := make([]room.Step, 0, len(steps)+1)
	at := 0
	for i, s := range steps {
		if s.Section == secSituation {
			at = i + 1
		}
	}
	if at == 0 {
		at = min(len(steps), 2)
	}
	for i, s := range steps {
		if i == at {
			out = append(out, reviewStep(steps[i-1]))
		}
		s.Share = s.Share * (100 - reviewShare) / 100
		out = append(out, s)
	}
	if at >= len(steps) {
		out = append(out, reviewStep(steps[len(steps)-1]))
	}
	return out
}

// reviewStep belongs to the part of the step it follows, so that the agenda
// shows that part's heading once and the next part keeps its own.
func reviewStep(after room.Step) room.Step {
	return room.Step{
		ID: "review", Part: after.Part, PartTxt: after.PartTxt, Share: reviewShare, Section: SecReview,
		Title: model.Text{SV: "Hur har det gått sedan sist?", EN: "How has it gone since last time?"},
		Prompt: model.Text{
			SV: "Gå igenom varje insats och varje mål i förra planen: vad blev gjort, vad pågår, vad har ändrats? Bestäm sedan tillsammans om planen ska ändras eller avslutas.",
			EN: "Go through every action and goal of the last plan: what was done, what goes on, what changed? Then decide together whether to revise the plan or close it.",
		},
		Complete: func(p *model.Plan, v *model.Version) bool {
			return v.Review != nil && v.Review.Decision != "" && len(model.ValidateReview(p, v)) == 0
		},
	}
}
