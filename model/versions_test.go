package model

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"
	"time"
)

func TestFinaliseBlockedByErrors(t *testing.T) {
	p := validPlan()
	p.Draft.Meeting.Secretary = p.Draft.Meeting.Chair
	fs, err := p.Finalise(Options{Now: testNow})
	if !errors.Is(err, ErrBlocked) {
		t.Fatalf("err = %v, want ErrBlocked", err)
	}
	if len(Errors(fs)) == 0 {
		t.Error("the blocking findings must be returned")
	}
	if p.Draft == nil || len(p.Versions) != 0 || p.Status != StatusDraft {
		t.Errorf("a blocked finalise changed the plan: status %s, %d versions", p.Status, len(p.Versions))
	}
}

func TestFinaliseWarningsDoNotBlock(t *testing.T) {
	p := validPlan()
	p.Draft.Content.FollowUp.CalledBy = ""
	fs, err := p.Finalise(Options{Now: testNow})
	if err != nil || len(fs) != 1 || fs[0].Severity != SevWarning {
		t.Fatalf("Finalise = %v, %v; want one warning and no error", fs, err)
	}
}

func TestFinaliseFreezesVersionOne(t *testing.T) {
	p := validPlan()
	if _, err := p.Finalise(Options{Now: testNow}); err != nil {
		t.Fatal(err)
	}
	if p.Draft != nil || p.Status != StatusActive || len(p.Versions) != 1 {
		t.Fatalf("after finalise: draft %v, status %s, %d versions", p.Draft != nil, p.Status, len(p.Versions))
	}
	v := p.Versions[0]
	if v.Number != 1 || v.FinalisedAt == nil || !v.FinalisedAt.Equal(testNow) {
		t.Errorf("version 1: number %d, finalised %v", v.Number, v.FinalisedAt)
	}
	if !p.UpdatedAt.Equal(testNow) {
		t.Errorf("UpdatedAt = %v", p.UpdatedAt)
	}
	if p.Current() != p.Latest() || p.VersionNumber() != 1 {
		t.Error("with no draft the current version is the last finalised one")
	}
	if _, err := p.Finalise(Options{Now: testNow}); !errors.Is(err, ErrNoDraft) {
		t.Errorf("second finalise: %v, want ErrNoDraft", err)
	}
}

func TestStartFollowUp(t *testing.T) {
	p := validPlan()
	if err := p.StartFollowUp(testNow); !errors.Is(err, ErrHasDraft) {
		t.Errorf("follow-up on a draft: %v, want ErrHasDraft", err)
	}
	p.Draft = nil
	if err := p.StartFollowUp(testNow); !errors.Is(err, ErrNoVersion) {
		t.Errorf("follow-up with no version: %v, want ErrNoVersion", err)
	}

	p = validPlan()
	p.Draft.Rounds = map[string][]string{"intro": {"p-maja"}}
	p.Draft.Agenda = map[string]StepState{"intro": {Done: true, Seconds: 60}}
	if _, err := p.Finalise(Options{Now: testNow}); err != nil {
		t.Fatal(err)
	}
	later := testNow.AddDate(0, 3, 0)
	p.Position = Position{Step: "goals"}
	if err := p.StartFollowUp(later); err != nil {
		t.Fatal(err)
	}
	if err := p.StartFollowUp(later); !errors.Is(err, ErrHasDraft) {
		t.Errorf("second follow-up: %v, want ErrHasDraft", err)
	}
	d, v1 := p.Draft, p.Versions[0]
	if d.Number != 2 || d.FinalisedAt != nil || d.Agenda != nil || d.Rounds != nil || d.Meeting.StartedAt != nil {
		t.Errorf("draft not reset: %+v", d)
	}
	if d.Meeting.Date != "2027-03-10" || d.Meeting.Start != "10:00" || d.Meeting.Place != "Mottagningen" {
		t.Errorf("meeting frame not taken from the follow-up: %+v", d.Meeting)
	}
	for _, pt := range d.Meeting.Participants {
		if pt.IsPresent() || pt.Confirmed {
			t.Errorf("%s: attendance carried over", pt.ID)
		}
	}
	if d.Content.FollowUp != (FollowUp{}) || d.Review == nil || d.Review.Actions == nil || d.Review.Goals == nil {
		t.Errorf("follow-up not cleared or review missing: %+v %+v", d.Content.FollowUp, d.Review)
	}
	if !reflect.DeepEqual(d.Content.Actions, v1.Content.Actions) || !reflect.DeepEqual(d.Content.Goals, v1.Content.Goals) ||
		!reflect.DeepEqual(d.Consent, v1.Consent) {
		t.Error("goals, actions and consent must be cloned with their ids")
	}
	if p.Position != (Position{}) || !p.UpdatedAt.Equal(later) {
		t.Errorf("position %v, updated %v", p.Position, p.UpdatedAt)
	}
}

// Editing the follow-up draft must never reach into the frozen version:
// the clone is deep, down to slices and maps.
func TestVersionOneUnchangedByDraft(t *testing.T) {
	p := validPlan()
	p.Draft.Rounds = map[string][]string{"intro": {"p-maja"}}
	p.Draft.Consent.Guardians = []Guardian{{Name: "G", Given: true}}
	if _, err := p.Finalise(Options{Now: testNow}); err != nil {
		t.Fatal(err)
	}
	before, _ := json.Marshal(p.Versions[0])
	if err := p.StartFollowUp(testNow); err != nil {
		t.Fatal(err)
	}
	d := p.Draft
	d.Content.Goals[0].Text = "Ändrat"
	d.Content.Goals = append(d.Content.Goals, Goal{ID: "g2", Text: "Nytt"})
	d.Content.Actions[0].Status = ActionDone
	d.Meeting.Participants[0].Name = "Annan"
	d.Meeting.Participants[1].Attendance = AttendRoom
	d.Consent.Actors[0] = "Någon annan"
	d.Consent.Guardians[0].Given = false
	d.Content.Coordinator.ParticipantID = "p-karin"
	d.Rounds = map[string][]string{"x": {"y"}}
	if err := p.SetActionOutcome("a1", OutcomeDone, "klart"); err != nil {
		t.Fatal(err)
	}
	after, _ := json.Marshal(p.Versions[0])
	if string(before) != string(after) {
		t.Errorf("version 1 changed:\nbefore %s\nafter  %s", before, after)
	}
}

func TestFinaliseAgainGivesVersionTwo(t *testing.T) {
	p := validPlan()
	if _, err := p.Finalise(Options{Now: testNow}); err != nil {
		t.Fatal(err)
	}
	later := time.Date(2027, 3, 10, 11, 0, 0, 0, time.UTC)
	if err := p.StartFollowUp(later); err != nil {
		t.Fatal(err)
	}
	d := p.Draft
	for i := range d.Meeting.Participants {
		d.Meeting.Participants[i].Attendance = AttendRoom
	}
	d.Content.FollowUp = FollowUp{State: FollowUpBooked, Date: "2027-06-09", Time: "10:00", CalledBy: "Ali Rahimi", What: "Målen"}
	_ = p.SetActionOutcome("a1", OutcomeDone, "")
	_ = p.SetGoalOutcome("g1", GoalPartlyMet, "")
	if fs, err := p.Finalise(Options{Now: later}); !errors.Is(err, ErrBlocked) || findingSet(Errors(fs))[0].path != "review.decision" {
		t.Fatalf("a follow-up without a decision must be blocked: %v %v", fs, err)
	}
	if err := p.Decide(DecisionRevise); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Finalise(Options{Now: later}); err != nil {
		t.Fatal(err)
	}
	if len(p.Versions) != 2 || p.Versions[1].Number != 2 || p.Status != StatusActive || p.Draft != nil {
		t.Fatalf("versions %d, status %s", len(p.Versions), p.Status)
	}
	for n := 1; n <= 2; n++ {
		v, err := p.VersionByNumber(n)
		if err != nil || v.Number != n {
			t.Errorf("VersionByNumber(%d) = %v, %v", n, v, err)
		}
	}
	if _, err := p.VersionByNumber(3); !errors.Is(err, ErrNoSuchVersion) {
		t.Errorf("VersionByNumber(3): %v", err)
	}
	if p.NextFollowUp() != "2027-06-09" {
		t.Errorf("NextFollowUp = %q", p.NextFollowUp())
	}
}

// While the follow-up is being prepared it is still the one due; the new
// draft has no booking of its own yet.
func TestNextFollowUp(t *testing.T) {
	p := validPlan()
	if got := p.NextFollowUp(); got != "2027-03-10" {
		t.Errorf("draft: %q", got)
	}
	if _, err := p.Finalise(Options{Now: testNow}); err != nil {
		t.Fatal(err)
	}
	if got := p.NextFollowUp(); got != "2027-03-10" {
		t.Errorf("finalised: %q", got)
	}
	if err := p.StartFollowUp(testNow); err != nil {
		t.Fatal(err)
	}
	if got := p.NextFollowUp(); got != "2027-03-10" {
		t.Errorf("follow-up being prepared: %q, want the booked one", got)
	}
	p.Draft.Content.FollowUp = FollowUp{State: FollowUpBooked, Date: "2027-06-09"}
	if got := p.NextFollowUp(); got != "2027-06-09" {
		t.Errorf("next one booked: %q", got)
	}
	p.Draft.Content.FollowUp = FollowUp{State: FollowUpLater, BookBy: "2027-05-01", MandateEnds: "2027-06-30"}
	if got := p.NextFollowUp(); got != "" {
		t.Errorf("none planned: %q", got)
	}
	if got := (&Plan{}).NextFollowUp(); got != "" {
		t.Errorf("empty plan: %q", got)
	}
}

func TestPlanClone(t *testing.T) {
	p := validPlan()
	c := p.Clone()
	c.Draft.Content.Goals[0].Text = "x"
	c.Draft.Meeting.Participants[0].Name = "y"
	if p.Draft.Content.Goals[0].Text == "x" || p.Draft.Meeting.Participants[0].Name == "y" {
		t.Error("Clone is not deep")
	}
}
