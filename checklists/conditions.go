package checklists

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/sipmote/sipmote/model"
)

// Conditions are the names a step's "complete" field may use. The set is
// closed on purpose: each one is code that reads the plan, and a data file
// should not be able to ask for something the program cannot check.
//
// Names marked with N take an optional ">=N" (default 1).
var Conditions = []string{
	"always", "reviewed", "participants_present>=N", "chair_secretary",
	"consent_given", "own_words", "situation", "needs", "goals>=N",
	"actions>=N", "medication", "coordinator", "not_agreed", "follow_up",
	"evaluation", "round_complete", "finalised",
}

type condDef struct {
	counted bool // takes >=N
	label   model.Text
	// one is the label when N is 1, since Swedish and English both
	// inflect the noun; label then holds %d for the plural.
	one model.Text
}

var condDefs = map[string]condDef{
	"always":   {label: model.Text{SV: "alltid", EN: "always"}},
	"reviewed": {label: model.Text{SV: "mötesledaren har bockat av steget", EN: "the chair has ticked the step off"}},
	"participants_present": {counted: true, label: model.Text{SV: "minst %d är med på mötet", EN: "at least %d are present"},
		one: model.Text{SV: "någon är med på mötet", EN: "someone is present"}},
	"chair_secretary": {label: model.Text{SV: "mötesledare och mötessekreterare är två olika personer", EN: "chair and secretary are two different people"}},
	"consent_given":   {label: model.Text{SV: "samtycke finns", EN: "consent is given"}},
	"own_words":       {label: model.Text{SV: "personens egna ord är skrivna", EN: "the person's own words are written down"}},
	"situation":       {label: model.Text{SV: "hur det är nu är beskrivet", EN: "the current situation is described"}},
	"needs":           {label: model.Text{SV: "behoven är beskrivna", EN: "the needs are described"}},
	"goals": {counted: true, label: model.Text{SV: "minst %d mål", EN: "at least %d goals"},
		one: model.Text{SV: "minst ett mål", EN: "at least one goal"}},
	"actions": {counted: true, label: model.Text{SV: "minst %d insatser med vad och vem", EN: "at least %d actions with what and who"},
		one: model.Text{SV: "minst en insats med vad och vem", EN: "at least one action with what and who"}},
	"medication":     {label: model.Text{SV: "läkemedel eller hjälpmedel är skrivna", EN: "medicines or aids are written down"}},
	"coordinator":    {label: model.Text{SV: "en samordnare är utsedd", EN: "a coordinator is appointed"}},
	"not_agreed":     {label: model.Text{SV: "det vi inte är överens om är skrivet", EN: "what was not agreed is written down"}},
	"follow_up":      {label: model.Text{SV: "uppföljningen är bokad, eller det står varför den inte behövs", EN: "the follow-up is booked, or it says why none is needed"}},
	"evaluation":     {label: model.Text{SV: "hur mötet kändes är skrivet", EN: "how the meeting felt is written down"}},
	"round_complete": {label: model.Text{SV: "alla som är med har fått säga sitt", EN: "everyone present has had their say"}},
	"finalised":      {label: model.Text{SV: "planen är fastställd", EN: "the plan is finalised"}},
}

// cond is one parsed condition: a name and, for counted ones, a minimum.
type cond struct {
	name string
	min  int
}

// parseConditions reads "goals>=1, round_complete". The error is in both
// languages because it goes straight into a Problem.
func parseConditions(s string) ([]cond, *model.Text) {
	var out []cond
	for part := range strings.SplitSeq(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		name, num, hasNum := strings.Cut(part, ">=")
		name = strings.ToLower(strings.TrimSpace(name))
		def, ok := condDefs[name]
		if !ok {
			return nil, &model.Text{
				SV: fmt.Sprintf("Okänt villkor ”%s”. Möjliga villkor: %s.", part, strings.Join(Conditions, ", ")),
				EN: fmt.Sprintf("Unknown condition \"%s\". Possible conditions: %s.", part, strings.Join(Conditions, ", ")),
			}
		}
		c := cond{name: name, min: 1}
		if hasNum {
			n, err := strconv.Atoi(strings.TrimSpace(num))
			if !def.counted || err != nil || n < 0 || n > 1000 {
				return nil, &model.Text{
					SV: fmt.Sprintf("Villkoret ”%s” är felskrivet. Skriv till exempel goals>=1.", part),
					EN: fmt.Sprintf("The condition \"%s\" is malformed. Write, for example, goals>=1.", part),
				}
			}
			c.min = n
		}
		out = append(out, c)
	}
	if len(out) == 0 {
		return nil, &model.Text{
			SV: "Villkoret är tomt. Skriv always om steget alltid räknas som klart.",
			EN: "The condition is empty. Write always if the step always counts as complete.",
		}
	}
	return out, nil
}

// Complete tells whether the step's condition holds for a version of a
// plan. The chair's screen shows it beside the step, so that nothing on the
// agenda is skipped by mistake. A condition that cannot be read is never
// complete.
func (s Step) Complete(p *model.Plan, v *model.Version) bool {
	if v == nil {
		return false
	}
	cs, bad := parseConditions(s.Condition)
	if bad != nil {
		return false
	}
	for _, c := range cs {
		if !holds(c, s, p, v) {
			return false
		}
	}
	return true
}

func filled(s string) bool { return strings.TrimSpace(s) != "" }

func holds(c cond, s Step, p *model.Plan, v *model.Version) bool {
	stepID := s.ID
	ct := v.Content
	switch c.name {
	case "always":
		return true
	case "reviewed":
		return v.Agenda[stepID].Done
	case "participants_present":
		return len(v.Present()) >= c.min
	case "chair_secretary":
		m := v.Meeting
		return filled(m.Chair) && filled(m.Secretary) && !model.SameName(m.Chair, m.Secretary)
	case "consent_given":
		return consentGiven(p, v)
	case "own_words":
		return filled(ct.OwnWords)
	case "situation":
		return filled(ct.Situation)
	case "needs":
		return filled(ct.Needs)
	case "goals":
		n := 0
		for _, g := range ct.Goals {
			if filled(g.Text) {
				n++
			}
		}
		return n >= c.min
	case "actions":
		n := 0
		for _, a := range ct.Actions {
			if filled(a.What) && (filled(a.Unit) || filled(a.Responsible)) {
				n++
			}
		}
		return n >= c.min
	case "medication":
		return filled(ct.Medication) || filled(ct.Devices)
	case "coordinator":
		pt := v.CoordinatorParticipant()
		return pt != nil && pt.CanCoordinate()
	case "not_agreed":
		return filled(ct.NotAgreed)
	case "follow_up":
		f := ct.FollowUp
		switch f.State {
		case model.FollowUpNone:
			return filled(f.NoneReason) && filled(f.MandateEnds)
		case model.FollowUpLater:
			return filled(f.BookBy) && filled(f.WhyLater) && filled(f.MandateEnds)
		case model.FollowUpBooked:
			return filled(f.Date)
		}
		return false
	case "evaluation":
		return filled(ct.Evaluation)
	case "round_complete":
		return roundComplete(v, stepID, s.Order)
	case "finalised":
		return v.FinalisedAt != nil
	}
	return false
}

// consentGiven requires, for a child, that every guardian has agreed too,
// since the child's own yes is not enough.
func consentGiven(p *model.Plan, v *model.Version) bool {
	k := v.Consent
	if !k.Given || k.WithdrawnOn != "" {
		return false
	}
	if p != nil && p.Variant == model.AgeChild {
		if len(k.Guardians) == 0 {
			return false
		}
		for _, g := range k.Guardians {
			if !g.Given {
				return false
			}
		}
	}
	return true
}

// roundComplete tells whether everyone in the round is ticked: those
// present who speak for themselves (not an interpreter) and had not left
// before the step. An empty room is not a completed round.
func roundComplete(v *model.Version, stepID string, order []string) bool {
	members := v.RoundMembers(stepID, order)
	if len(members) == 0 {
		return false
	}
	spoken := map[string]bool{}
	for _, id := range v.Rounds[stepID] {
		spoken[id] = true
	}
	for _, pt := range members {
		if !spoken[pt.ID] {
			return false
		}
	}
	return true
}

// ConditionText says in words when the step counts as complete, for the
// chair's screen and for "checklists show".
func (s Step) ConditionText(l model.Lang) string {
	cs, bad := parseConditions(s.Condition)
	if bad != nil {
		return bad.In(l)
	}
	parts := make([]string, 0, len(cs))
	for _, c := range cs {
		def := condDefs[c.name]
		t := def.label.In(l)
		switch {
		case def.counted && c.min == 1:
			t = def.one.In(l)
		case def.counted:
			t = fmt.Sprintf(t, c.min)
		}
		parts = append(parts, t)
	}
	return strings.Join(parts, model.T(l, " och ", " and "))
}
