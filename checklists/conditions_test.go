package checklists

import (
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
)

func TestComplete(t *testing.T) {
	now := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	staff := func(id string, present bool) model.Participant {
		pt := model.Participant{ID: id, Name: id, Role: model.RoleStaff, Principal: model.PrincipalKommun}
		if present {
			pt.Attendance = model.AttendRoom
		}
		return pt
	}
	base := func() *model.Version {
		return &model.Version{Meeting: model.Meeting{Participants: []model.Participant{
			{ID: "p", Name: "Person", Role: model.RolePerson, Attendance: model.AttendRoom},
			staff("a", true),
			staff("b", false),
		}}}
	}
	tests := []struct {
		name    string
		cond    string
		variant model.AgeGroup
		edit    func(v *model.Version)
		want    bool
	}{
		{"always", "always", "", nil, true},
		{"reviewed not ticked", "reviewed", "", nil, false},
		{"reviewed ticked", "reviewed", "", func(v *model.Version) { v.Agenda = map[string]model.StepState{"s": {Done: true}} }, true},
		{"two present", "participants_present>=2", "", nil, true},
		{"three present", "participants_present>=3", "", nil, false},
		{"spaces around >=", "participants_present >= 2", "", nil, true},
		{"chair and secretary missing", "chair_secretary", "", nil, false},
		{"chair is secretary", "chair_secretary", "", func(v *model.Version) { v.Meeting.Chair, v.Meeting.Secretary = "Eva", " eva " }, false},
		{"chair and secretary differ", "chair_secretary", "", func(v *model.Version) { v.Meeting.Chair, v.Meeting.Secretary = "Eva", "Bo" }, true},
		{"no consent", "consent_given", "", nil, false},
		{"consent", "consent_given", "", func(v *model.Version) { v.Consent.Given = true }, true},
		{"consent withdrawn", "consent_given", "", func(v *model.Version) { v.Consent.Given, v.Consent.WithdrawnOn = true, "2026-02-01" }, false},
		{"child without guardians", "consent_given", model.AgeChild, func(v *model.Version) { v.Consent.Given = true }, false},
		{"child with guardians", "consent_given", model.AgeChild, func(v *model.Version) {
			v.Consent.Given, v.Consent.Guardians = true, []model.Guardian{{Name: "M", Given: true}}
		}, true},
		{"child, one guardian missing", "consent_given", model.AgeChild, func(v *model.Version) {
			v.Consent.Given, v.Consent.Guardians = true, []model.Guardian{{Name: "M", Given: true}, {Name: "F"}}
		}, false},
		{"own words blank", "own_words", "", func(v *model.Version) { v.Content.OwnWords = "  \n" }, false},
		{"own words", "own_words", "", func(v *model.Version) { v.Content.OwnWords = "Jag vill bo själv." }, true},
		{"situation", "situation", "", func(v *model.Version) { v.Content.Situation = "Bor hemma." }, true},
		{"needs missing", "needs", "", nil, false},
		{"goals default one", "goals", "", func(v *model.Version) { v.Content.Goals = []model.Goal{{ID: "g", Text: "Jobba"}} }, true},
		{"empty goal does not count", "goals>=1", "", func(v *model.Version) { v.Content.Goals = []model.Goal{{ID: "g"}} }, false},
		{"two goals wanted", "goals>=2", "", func(v *model.Version) { v.Content.Goals = []model.Goal{{ID: "g", Text: "Jobba"}} }, false},
		{"goals>=0", "goals>=0", "", nil, true},
		{"action without who", "actions>=1", "", func(v *model.Version) { v.Content.Actions = []model.Action{{What: "Boendestöd"}} }, false},
		{"action with who", "actions>=1", "", func(v *model.Version) {
			v.Content.Actions = []model.Action{{What: "Stöd i hemmet", Unit: "Socialpsykiatrin"}}
		}, true},
		{"medication or devices", "medication", "", func(v *model.Version) { v.Content.Devices = "Rollator" }, true},
		{"no coordinator", "coordinator", "", nil, false},
		// Absent is a warning in the plan's findings, not an unfinished step.
		{"coordinator absent", "coordinator", "", func(v *model.Version) { v.Content.Coordinator.ParticipantID = "b" }, true},
		{"coordinator is the person", "coordinator", "", func(v *model.Version) { v.Content.Coordinator.ParticipantID = "p" }, false},
		{"coordinator ok", "coordinator", "", func(v *model.Version) { v.Content.Coordinator.ParticipantID = "a" }, true},
		{"not agreed written", "not_agreed", "", func(v *model.Version) { v.Content.NotAgreed = "Boendet." }, true},
		{"follow-up missing", "follow_up", "", nil, false},
		{"follow-up booked", "follow_up", "", func(v *model.Version) {
			v.Content.FollowUp = model.FollowUp{State: model.FollowUpBooked, Date: "2026-06-01"}
		}, true},
		{"a date without a state", "follow_up", "", func(v *model.Version) { v.Content.FollowUp.Date = "2026-06-01" }, false},
		{"no follow-up without reason", "follow_up", "", func(v *model.Version) { v.Content.FollowUp.State = model.FollowUpNone }, false},
		{"no follow-up with reason", "follow_up", "", func(v *model.Version) {
			v.Content.FollowUp = model.FollowUp{State: model.FollowUpNone, NoneReason: "Flyttar", MandateEnds: "2026-12-31"}
		}, true},
		{"to be booked, all written", "follow_up", "", func(v *model.Version) {
			v.Content.FollowUp = model.FollowUp{State: model.FollowUpLater, BookBy: "2026-06-01", WhyLater: "Beslut väntas", MandateEnds: "2026-12-31"}
		}, true},
		{"to be booked, no mandate end", "follow_up", "", func(v *model.Version) {
			v.Content.FollowUp = model.FollowUp{State: model.FollowUpLater, BookBy: "2026-06-01", WhyLater: "Beslut väntas"}
		}, false},
		{"evaluation", "evaluation", "", func(v *model.Version) { v.Content.Evaluation = "Bra möte." }, true},
		{"round not done", "round_complete", "", func(v *model.Version) { v.Rounds = map[string][]string{"s": {"p"}} }, false},
		{"round done", "round_complete", "", func(v *model.Version) { v.Rounds = map[string][]string{"s": {"a", "p"}} }, true},
		{"round of another step", "round_complete", "", func(v *model.Version) { v.Rounds = map[string][]string{"x": {"a", "p"}} }, false},
		{"round with nobody present", "round_complete", "", func(v *model.Version) { v.Meeting.Participants = nil }, false},
		{"finalised", "finalised", "", func(v *model.Version) { v.FinalisedAt = &now }, true},
		{"all of several", "goals>=1, round_complete", "", func(v *model.Version) {
			v.Content.Goals = []model.Goal{{ID: "g", Text: "Jobba"}}
			v.Rounds = map[string][]string{"s": {"a", "p"}}
		}, true},
		{"one of several fails", "goals>=1, round_complete", "", func(v *model.Version) {
			v.Content.Goals = []model.Goal{{ID: "g", Text: "Jobba"}}
		}, false},
		{"unknown is never complete", "moon", "", nil, false},
		{"empty is never complete", "", "", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := model.NewPlan(model.Person{Name: "Test"}, now)
			if tt.variant != "" {
				p.Variant = tt.variant
			}
			v := base()
			if tt.edit != nil {
				tt.edit(v)
			}
			s := Step{ID: "s", Condition: tt.cond}
			if got := s.Complete(p, v); got != tt.want {
				t.Errorf("Complete(%q) = %v, want %v", tt.cond, got, tt.want)
			}
		})
	}
	if (Step{ID: "s", Condition: "always"}).Complete(nil, nil) {
		t.Error("a nil version is never complete")
	}
	if !(Step{ID: "s", Condition: "consent_given"}).Complete(nil, &model.Version{Consent: model.Consent{Given: true}}) {
		t.Error("a nil plan is treated as an adult plan")
	}
}

func TestEveryConditionHasALabel(t *testing.T) {
	for _, c := range Conditions {
		name := strings.TrimSuffix(c, ">=N")
		def, ok := condDefs[name]
		if !ok {
			t.Errorf("%s is listed but not defined", c)
			continue
		}
		if def.counted != strings.HasSuffix(c, ">=N") {
			t.Errorf("%s: listing and definition disagree on >=N", c)
		}
		for _, l := range []model.Lang{model.Swedish, model.English} {
			s := Step{Condition: name + map[bool]string{true: ">=3", false: ""}[def.counted]}
			txt := s.ConditionText(l)
			if txt == "" || strings.Contains(txt, "%!") {
				t.Errorf("%s/%s: label %q", c, l, txt)
			}
		}
	}
	if len(condDefs) != len(Conditions) {
		t.Errorf("%d conditions defined, %d listed", len(condDefs), len(Conditions))
	}
	if got := (Step{Condition: "goals>=1, round_complete"}).ConditionText(model.Swedish); got != "minst ett mål och alla som är med har fått säga sitt" {
		t.Errorf("joined label: %q", got)
	}
}
