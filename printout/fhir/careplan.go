package fhir

import (
	"strconv"
	"strings"
	"time"

	"github.com/sipmote/sipmote/model"
)

// PlanStatus is the CarePlan.status of version v of p: draft while not
// finalised; active for the plan in force; completed for a version a
// later one replaced (FHIR's "replaces" names the old plan completed) and
// for a plan closed because its goals are met or no coordination is
// needed; revoked for a plan closed for any other reason, for a draft the
// closing left unagreed, and once consent is withdrawn.
func PlanStatus(p *model.Plan, v *model.Version) string {
	if Withheld(p) {
		return "revoked"
	}
	final := v.FinalisedAt != nil
	superseded := final && v.Number < len(p.Versions)
	if p.Status == model.StatusClosed {
		switch {
		case !final:
			return "revoked"
		case superseded:
			return "completed"
		case p.Closure != nil && (p.Closure.Reason == model.CloseGoalsMet || p.Closure.Reason == model.CloseNoNeed):
			return "completed"
		}
		return "revoked"
	}
	switch {
	case !final:
		return "draft"
	case superseded:
		return "completed"
	}
	return "active"
}

// ActivityStatus maps an action's status onto CarePlan.activity.detail.
func ActivityStatus(s model.ActionStatus) string {
	switch s {
	case model.ActionPlanned, model.ActionAwaiting:
		return "not-started"
	case model.ActionDecided:
		return "scheduled"
	case model.ActionOngoing:
		return "in-progress"
	case model.ActionDone:
		return "completed"
	case model.ActionCancelled:
		return "cancelled"
	}
	return "unknown"
}

// goalLifecycle follows the plan's status; a goal the meeting found met
// is completed.
func goalLifecycle(planStatus, outcome string) string {
	if outcome == model.GoalMet && planStatus != "draft" {
		return "completed"
	}
	switch planStatus {
	case "draft":
		return "proposed"
	case "completed":
		return "completed"
	case "revoked":
		return "cancelled"
	}
	return "active"
}

// achievement is HL7's goal-achievement code of a follow-up's outcome.
func achievement(outcome string, l model.Lang) *CodeableConcept {
	code, display := "", ""
	switch outcome {
	case model.GoalMet:
		code, display = "achieved", "Achieved"
	case model.GoalPartlyMet:
		code, display = "in-progress", "In Progress"
	case model.GoalNotMet:
		code, display = "not-achieved", "Not Achieved"
	default:
		return nil
	}
	return &CodeableConcept{Coding: []Coding{{System: "http://terminology.hl7.org/CodeSystem/goal-achievement", Code: code, Display: display}},
		Text: model.OutcomeLabel(outcome, l)}
}

// firstPerson are the words that mark a goal written in the person's own
// words ("Klara mig hemma"): such a goal is expressed by the person.
var firstPerson = map[string]bool{"jag": true, "mig": true, "min": true, "mitt": true, "mina": true,
	"i": true, "me": true, "my": true, "mine": true}

// OwnWords tells whether a goal is written in the first person.
func OwnWords(text string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r == 'å' || r == 'ä' || r == 'ö')
	}) {
		if firstPerson[w] {
			return true
		}
	}
	return false
}

// plan adds the CarePlan and what it points at: goals, the care team,
// the consent and the follow-up.
func (b *builder) plan() {
	v, ct := b.v, b.v.Content
	n := strconv.Itoa(v.Number)
	status := PlanStatus(b.p, v)
	cp := CarePlan{ResourceType: "CarePlan", ID: b.id("careplan/" + n),
		Identifier: []Identifier{{System: SystemPlan, Value: b.planIdentifier()}},
		Status:     status, Intent: "plan", Category: category(),
		Title:   model.T(b.o.Lang, CategoryText, "Coordinated individual plan (SIP)") + ", version " + n,
		Subject: b.pat, Period: b.period()}
	self := "urn:uuid:" + cp.ID
	if v.FinalisedAt != nil {
		cp.Created = inZone(*v.FinalisedAt).Format(time.RFC3339)
	}
	if c := v.CoordinatorParticipant(); c != nil {
		r := b.people[c.ID]
		cp.Author = &r
	}
	cp.Contributor = b.units()
	team := b.careTeam(teamStatus(status))
	cp.CareTeam = []Reference{team}
	goals := map[string]Reference{}
	for _, g := range ct.Goals {
		r := b.goal(g, status)
		goals[g.ID] = r
		cp.Goal = append(cp.Goal, r)
	}
	for _, a := range ct.Actions {
		cp.Activity = append(cp.Activity, b.activity(a, goals))
	}
	if act, ok := b.followUp(self); ok {
		cp.Activity = append(cp.Activity, act)
	}
	cp.Note = b.notes()
	b.consents()
	// The CarePlan goes second, after the Patient, where a reader looks.
	b.add(cp.ID, cp, "")
	last := len(b.entries) - 1
	b.entries = append(b.entries[:1], append([]Entry{b.entries[last]}, b.entries[1:last]...)...)
}

func teamStatus(planStatus string) string {
	switch planStatus {
	case "draft":
		return "proposed"
	case "active":
		return "active"
	}
	return "inactive"
}

// period runs from the meeting to the booked follow-up, or to the end of
// the coordinator's mandate; a closed plan ends on its closing date.
func (b *builder) period() *Period {
	fu := b.v.Content.FollowUp
	end := fu.MandateEnds
	switch {
	case b.p.Status == model.StatusClosed && b.p.Closure != nil && b.p.Closure.Date != "" && b.v.Number >= len(b.p.Versions):
		end = b.p.Closure.Date
	case fu.Booked():
		end = fu.Date
	}
	return newPeriod(b.v.Meeting.Date, end)
}

// units are the units taking part, as staff or as owners of actions.
func (b *builder) units() []Reference {
	var out []Reference
	seen := map[string]bool{}
	add := func(r Reference, ok bool) {
		if ok && !seen[r.Reference] {
			seen[r.Reference] = true
			out = append(out, r)
		}
	}
	for _, pt := range b.v.Meeting.Participants {
		if pt.Role.IsStaff() {
			add(b.unitOf(pt))
		}
	}
	for _, a := range b.v.Content.Actions {
		add(b.actionUnit(a))
	}
	return out
}

func (b *builder) actionUnit(a model.Action) (Reference, bool) {
	unit := a.Unit
	if strings.TrimSpace(unit) == "" && a.Principal == model.PrincipalOther {
		unit = a.OtherParty
	}
	return b.org(unit, a.Principal, a.OtherParty)
}

func (b *builder) goal(g model.Goal, planStatus string) Reference {
	var outcome model.Outcome
	if r := b.v.Review; r != nil {
		outcome = r.Goals[g.ID]
	}
	gl := Goal{ResourceType: "Goal", ID: b.id("goal/" + strconv.Itoa(b.v.Number) + "/" + g.ID),
		LifecycleStatus:   goalLifecycle(planStatus, outcome.Result),
		AchievementStatus: achievement(outcome.Result, b.o.Lang),
		Description:       CodeableConcept{Text: strings.TrimSpace(g.Text)},
		Subject:           b.pat}
	if gl.Description.Text == "" {
		gl.Description.Text = model.Empty
	}
	if OwnWords(g.Text) {
		r := b.pat
		gl.ExpressedBy = &r
	}
	if note := strings.TrimSpace(outcome.Note); note != "" {
		gl.Note = []Annotation{{Text: note}}
	}
	return b.add(gl.ID, gl, "")
}

// activity is one action: what, who (unit and person), when, its status
// and the goals it serves. A free-text "when" beside dates is kept as a
// progress note, since FHIR has one schedule per activity.
func (b *builder) activity(a model.Action, goals map[string]Reference) Activity {
	d := &ActivityDetail{Status: ActivityStatus(a.Status), Description: strings.TrimSpace(a.What)}
	for _, id := range a.GoalIDs {
		if r, ok := goals[id]; ok {
			d.Goal = append(d.Goal, r)
		}
	}
	if u, ok := b.actionUnit(a); ok {
		d.Performer = append(d.Performer, u)
	}
	// Each person responsible is a performer of their own: "Anna och
	// Peter Nyström" are two RelatedPersons, not one display name.
	for _, who := range b.v.ResponsibleOf(a) {
		if r, ok := b.who(who.Name); ok {
			d.Performer = append(d.Performer, r)
		}
	}
	var act Activity
	when := strings.TrimSpace(a.When)
	if per := newPeriod(a.Start, a.Due); per != nil {
		d.ScheduledPeriod = per
		if when != "" {
			act.Progress = append(act.Progress, Annotation{Text: b.t("När: ", "When: ") + when})
		}
	} else if when != "" {
		d.ScheduledString = when
	}
	if c := strings.TrimSpace(a.Contact); c != "" {
		act.Progress = append(act.Progress, Annotation{Text: b.t("Kontakt: ", "Contact: ") + c})
	}
	if r := b.v.Review; r != nil {
		if o, ok := r.Actions[a.ID]; ok {
			text := b.t("Uppföljning: ", "Follow-up: ") + model.OutcomeLabel(o.Result, b.o.Lang)
			if note := strings.TrimSpace(o.Note); note != "" {
				text += " – " + note
			}
			act.Progress = append(act.Progress, Annotation{Text: text})
		}
	}
	act.Detail = d
	return act
}
