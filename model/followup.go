package model

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// The follow-up meeting (uppföljning) reviews the version it follows up:
// what became of each action and goal, and whether the plan is revised or
// closed. StartFollowUp opens the draft with an empty Review; the functions
// here fill it in.
//
// What is decided flows into the new draft, so that the secretary does not
// type the same thing twice:
//
//   - an action outcome "done" sets the draft action's status to done, and
//     "ongoing" to ongoing;
//   - "not_started" leaves a planned or awaiting action as it was, and puts
//     a done or ongoing one back to planned;
//   - "changed" keeps the action as it was (a done one goes back to
//     planned) so that the secretary rewrites it in the draft; the note
//     says what changed and is kept in the Review, beside the action, for
//     the print;
//   - clearing an outcome (result "") gives the action back the status it
//     had in the version followed up.
//
// Because the status is always worked out from the version followed up and
// the outcome, setting an outcome twice, or correcting it, gives the same
// draft as setting it once. Notes are never copied into the plan's free
// text for the same reason.
//
// Goal outcomes change nothing in the draft: whether a met goal is kept,
// reworded or removed is for the meeting to say.
//
// The decision "close" closes the plan when the version is finalised, with
// the reason given by DecideClose; the reason must be chosen, there is no
// default. While the decision is "close" no next follow-up needs to be
// booked.

// Decisions of a follow-up meeting.
const (
	DecisionRevise = "revise"
	DecisionClose  = "close"
)

// Errors of the follow-up. They carry no user data.
var (
	ErrNotFollowUp   = errors.New("the draft is not a follow-up")
	ErrOutcome       = errors.New("unknown outcome")
	ErrDecision      = errors.New("unknown decision")
	ErrNoSuchAction  = errors.New("no such action in the version followed up")
	ErrNoSuchGoal    = errors.New("no such goal in the version followed up")
	ErrReason        = errors.New("unknown closing reason")
	ErrReasonText    = errors.New("the reason must be written out when it is other")
	ErrReasonConsent = errors.New("withdrawn consent closes the plan by WithdrawConsent")
)

// ActionOutcomes and GoalOutcomes list the outcomes in the order a form
// offers them.
var (
	ActionOutcomes = []string{OutcomeDone, OutcomeOngoing, OutcomeNotStarted, OutcomeChanged}
	GoalOutcomes   = []string{GoalMet, GoalPartlyMet, GoalNotMet}
	Decisions      = []string{DecisionRevise, DecisionClose}
)

var reviewOutcomeLabels = map[string]Text{
	OutcomeDone:       {"klar", "done"},
	OutcomeOngoing:    {"pågår", "ongoing"},
	OutcomeNotStarted: {"inte påbörjad", "not started"},
	OutcomeChanged:    {"ändrad", "changed"},
	GoalMet:           {"uppnått", "met"},
	GoalPartlyMet:     {"delvis uppnått", "partly met"},
	GoalNotMet:        {"inte uppnått", "not met"},
}

var decisionLabels = map[string]Text{
	DecisionRevise: {"planen revideras", "the plan is revised"},
	DecisionClose:  {"planen avslutas", "the plan is closed"},
}

// OutcomeLabel is an action or goal outcome in words; empty for an unknown
// one.
func OutcomeLabel(result string, l Lang) string { return labelOf(reviewOutcomeLabels, result, l) }

// DecisionLabel is a follow-up decision in words; empty for an unknown one.
func DecisionLabel(decision string, l Lang) string { return labelOf(decisionLabels, decision, l) }

func labelOf[K comparable](m map[K]Text, key K, l Lang) string {
	if t, ok := m[key]; ok {
		return t.In(l)
	}
	return ""
}

func validActionOutcome(r string) bool {
	return r == OutcomeDone || r == OutcomeOngoing || r == OutcomeNotStarted || r == OutcomeChanged
}

func validGoalOutcome(r string) bool {
	return r == GoalMet || r == GoalPartlyMet || r == GoalNotMet
}

// Reviewed returns the version that a version's Review follows up: the
// version numbered just before it. It is nil when there is none.
func (p *Plan) Reviewed(v *Version) *Version {
	if v == nil || v.Review == nil {
		return nil
	}
	if n := v.Number - 1; n >= 1 && n <= len(p.Versions) {
		return &p.Versions[n-1]
	}
	return nil
}

// review returns the open follow-up draft, its Review with maps ready to
// write, and the version it follows up.
func (p *Plan) review() (*Version, *Review, *Version, error) {
	if p.Status == StatusClosed {
		return nil, nil, nil, ErrClosed
	}
	if p.Draft == nil {
		return nil, nil, nil, ErrNoDraft
	}
	r := p.Draft.Review
	prev := p.Reviewed(p.Draft)
	if r == nil || prev == nil {
		return nil, nil, nil, ErrNotFollowUp
	}
	// A store round trip turns empty maps into nil ones.
	if r.Actions == nil {
		r.Actions = map[string]Outcome{}
	}
	if r.Goals == nil {
		r.Goals = map[string]Outcome{}
	}
	return p.Draft, r, prev, nil
}

// SetActionOutcome records what became of an action of the version followed
// up, and carries it into the draft as described at the top of this file.
// An empty result clears the outcome.
func (p *Plan) SetActionOutcome(actionID, result, note string) error {
	d, r, prev, err := p.review()
	if err != nil {
		return err
	}
	var was *Action
	for i := range prev.Content.Actions {
		if prev.Content.Actions[i].ID == actionID {
			was = &prev.Content.Actions[i]
			break
		}
	}
	if actionID == "" || was == nil {
		return ErrNoSuchAction
	}
	if result != "" && !validActionOutcome(result) {
		return ErrOutcome
	}
	if result == "" {
		delete(r.Actions, actionID)
	} else {
		r.Actions[actionID] = Outcome{Result: result, Note: strings.TrimSpace(note)}
	}
	for i := range d.Content.Actions {
		if d.Content.Actions[i].ID == actionID {
			d.Content.Actions[i].Status = statusAfter(was.Status, result)
		}
	}
	return nil
}

// statusAfter is the draft status of an action that had status was in the
// version followed up and got outcome result.
func statusAfter(was ActionStatus, result string) ActionStatus {
	switch result {
	case OutcomeDone:
		return ActionDone
	case OutcomeOngoing:
		return ActionOngoing
	case OutcomeNotStarted, OutcomeChanged:
		if was == ActionDone || (was == ActionOngoing && result == OutcomeNotStarted) {
			return ActionPlanned
		}
	}
	return was
}

// SetGoalOutcome records how far a goal of the version followed up was
// reached. An empty result clears it.
func (p *Plan) SetGoalOutcome(goalID, result, note string) error {
	_, r, prev, err := p.review()
	if err != nil {
		return err
	}
	if goalID == "" || prev.Goal(goalID) == nil {
		return ErrNoSuchGoal
	}
	if result != "" && !validGoalOutcome(result) {
		return ErrOutcome
	}
	if result == "" {
		delete(r.Goals, goalID)
		return nil
	}
	r.Goals[goalID] = Outcome{Result: result, Note: strings.TrimSpace(note)}
	return nil
}

// Decide records the follow-up meeting's decision: "revise" or "close", or
// "" to clear it. Deciding "close" keeps a reason given earlier by
// DecideClose; deciding "revise" forgets it.
func (p *Plan) Decide(decision string) error {
	_, r, _, err := p.review()
	if err != nil {
		return err
	}
	switch decision {
	case DecisionClose:
	case DecisionRevise, "":
		r.CloseReason, r.CloseText = "", ""
	default:
		return ErrDecision
	}
	r.Decision = decision
	return nil
}

// DecideClose records the decision to close, with the reason. Withdrawn
// consent is not a reason here: it closes the plan at once, by
// WithdrawConsent, and does not wait for a version to be finalised.
func (p *Plan) DecideClose(reason ClosureReason, text string) error {
	_, r, _, err := p.review()
	if err != nil {
		return err
	}
	if err := checkReason(reason, text); err != nil {
		return err
	}
	if reason == CloseConsentGone {
		return ErrReasonConsent
	}
	r.Decision = DecisionClose
	r.CloseReason, r.CloseText = reason, strings.TrimSpace(text)
	return nil
}

// closeByReview closes the plan after version v, whose Review decided
// "close", was finalised. The closing date is the meeting's, where the
// decision was taken, unless it is missing or later than now.
func (p *Plan) closeByReview(v *Version, now time.Time) {
	today := now.Format(DateLayout)
	date := v.Meeting.Date
	if CheckDate(date) != nil || date == "" || date > today {
		date = today
	}
	// ValidateReview makes sure a reason was chosen; there is no default.
	p.Closure = &Closure{Reason: v.Review.CloseReason, Text: v.Review.CloseText, Date: date, Tell: p.WhoToTell()}
	p.Status = StatusClosed
	p.Draft = nil
	p.UpdatedAt = now
}

// ValidateReview checks the Review of a follow-up version: every action and
// goal of the version followed up should have an outcome (a warning, since
// a unit may not have reported yet), and the decision must be made (an
// error: the version cannot be finalised without it). Paths index the rows
// of the version followed up: "review.actions[2]".
func ValidateReview(p *Plan, v *Version) []Finding {
	if p == nil || v == nil || v.Review == nil {
		return nil
	}
	c := &checker{}
	r := v.Review
	if prev := p.Reviewed(v); prev != nil {
		for i, a := range prev.Content.Actions {
			path := fmt.Sprintf("review.actions[%d]", i)
			o, ok := r.Actions[a.ID]
			switch {
			case !ok || o.Result == "":
				c.add(SevWarning, path,
					fmt.Sprintf("Det står inte hur det gick med insatsen ”%s”.", quoteText(a.What)),
					fmt.Sprintf("It does not say how the action \"%s\" went.", quoteText(a.What)))
			case !validActionOutcome(o.Result):
				c.add(SevError, path, "Okänt utfall för insatsen.", "Unknown outcome for the action.")
			}
		}
		for i, g := range prev.Content.Goals {
			path := fmt.Sprintf("review.goals[%d]", i)
			o, ok := r.Goals[g.ID]
			switch {
			case !ok || o.Result == "":
				c.add(SevWarning, path,
					fmt.Sprintf("Det står inte hur långt ni har kommit med målet ”%s”.", quoteText(g.Text)),
					fmt.Sprintf("It does not say how far the goal \"%s\" was reached.", quoteText(g.Text)))
			case !validGoalOutcome(o.Result):
				c.add(SevError, path, "Okänt utfall för målet.", "Unknown outcome for the goal.")
			}
		}
	}
	switch r.Decision {
	case "":
		c.add(SevError, "review.decision", "Beslut saknas: ska planen revideras eller avslutas?",
			"The decision is missing: is the plan revised or closed?")
	case DecisionRevise:
	case DecisionClose:
		switch {
		case r.CloseReason == "":
			c.add(SevError, "review.close_reason", "Välj varför planen avslutas: målen är nådda, behovet finns inte längre, flytt eller annat skäl.",
				"Choose why the plan is closed: goals met, no need any more, moved, or another reason.")
		case r.CloseReason == CloseConsentGone:
			c.add(SevError, "review.close_reason", "Återkallat samtycke avslutar planen direkt: avsluta den från startsidan (x).",
				"Withdrawn consent closes the plan at once: close it from the home screen (x).")
		case checkReason(r.CloseReason, r.CloseText) != nil:
			c.add(SevError, "review.close_text", "Skriv varför planen avslutas.", "Write why the plan is closed.")
		}
	default:
		c.add(SevError, "review.decision", "Okänt beslut.", "Unknown decision.")
	}
	return c.out
}

// closing tells whether finalising v closes the plan, so that no next
// follow-up needs to be booked.
func closing(v *Version) bool { return v.Review != nil && v.Review.Decision == DecisionClose }
