package model

import (
	"errors"
	"reflect"
	"slices"
	"testing"
	"time"
)

// activePlan is validPlan finalised as version 1, with a follow-up draft
// open: the usual state of a plan between meetings.
func activePlan(t *testing.T) *Plan {
	t.Helper()
	p := validPlan()
	if _, err := p.Finalise(Options{Now: testNow}); err != nil {
		t.Fatal(err)
	}
	if err := p.StartFollowUp(testNow); err != nil {
		t.Fatal(err)
	}
	return p
}

var closeDay = time.Date(2027, 2, 1, 9, 0, 0, 0, time.UTC)

func TestClose(t *testing.T) {
	cases := []struct {
		name string
		in   Closure
		want error
		date string
	}{
		{"goals met", Closure{Reason: CloseGoalsMet, Date: "2027-01-31"}, nil, "2027-01-31"},
		{"no more need", Closure{Reason: CloseNoNeed, Date: "2027-02-01"}, nil, "2027-02-01"},
		{"moved, today by default", Closure{Reason: CloseMoved}, nil, "2027-02-01"},
		{"other, written", Closure{Reason: CloseOther, Text: "Annan plan tar över", Date: "2027-01-15"}, nil, "2027-01-15"},
		{"other, not written", Closure{Reason: CloseOther, Text: "  "}, ErrReasonText, ""},
		{"unknown reason", Closure{Reason: "tired"}, ErrReason, ""},
		{"no reason", Closure{}, ErrReason, ""},
		{"bad date", Closure{Reason: CloseGoalsMet, Date: "1/2 2027"}, ErrCloseDate, ""},
		{"impossible date", Closure{Reason: CloseGoalsMet, Date: "2027-02-30"}, ErrCloseDate, ""},
		{"date ahead", Closure{Reason: CloseGoalsMet, Date: "2027-02-02"}, ErrCloseDate, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := activePlan(t)
			tc.in.Tell = []ToTell{{Name: "ignored"}}
			tc.in.DraftDiscarded = true
			err := p.Close(tc.in, closeDay)
			if !errors.Is(err, tc.want) {
				t.Fatalf("Close = %v, want %v", err, tc.want)
			}
			if err != nil {
				if p.ReadOnly() || p.Closure != nil || p.Draft == nil {
					t.Error("a refused close changed the plan")
				}
				return
			}
			c := p.Closure
			if !p.ReadOnly() || p.Status != StatusClosed || c == nil || c.Reason != tc.in.Reason || c.Date != tc.date {
				t.Fatalf("status %s, closure %+v", p.Status, c)
			}
			if p.Draft != nil || len(p.Versions) != 1 {
				t.Error("the draft must go and the finalised version stay")
			}
			if got := tellLines(c.Tell); !slices.Equal(got, wantTell) {
				t.Errorf("tell = %q", got)
			}
			if !c.DraftDiscarded {
				t.Error("the closure must record that the draft was discarded")
			}
			if !p.UpdatedAt.Equal(closeDay) {
				t.Errorf("UpdatedAt = %v", p.UpdatedAt)
			}
		})
	}
}

var wantTell = []string{"Maja Lind", "Ali Rahimi (Psykiatriska öppenvårdsmottagningen) — 070-174 06 12, ali@example.org",
	"Karin Holm (Socialtjänstens beroendeenhet)", "Lena Sund (Försäkringskassan)", "Eva Lind"}

func tellLines(rs []ToTell) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Line())
	}
	return out
}

// Closing with an unfinished follow-up draft is refused unless the caller
// says the draft may go; nothing is lost silently.
func TestCloseRefusesToDropADraftSilently(t *testing.T) {
	for _, reason := range []ClosureReason{CloseGoalsMet, CloseConsentGone} {
		p := activePlan(t)
		p.Draft.Content.Notes = "half-written"
		if err := p.Close(Closure{Reason: reason}, closeDay); !errors.Is(err, ErrDraftOpen) {
			t.Fatalf("%s: Close = %v, want ErrDraftOpen", reason, err)
		}
		if p.ReadOnly() || p.Draft == nil || p.Draft.Content.Notes != "half-written" {
			t.Fatalf("%s: a refused close changed the plan", reason)
		}
		if !p.DraftAtRisk(reason) {
			t.Errorf("%s: DraftAtRisk = false", reason)
		}
		if err := p.Close(Closure{Reason: reason, DraftDiscarded: true}, closeDay); err != nil {
			t.Fatalf("%s: %v", reason, err)
		}
		if p.Draft != nil || !p.Closure.DraftDiscarded {
			t.Errorf("%s: draft %v, closure %+v", reason, p.Draft != nil, p.Closure)
		}
	}
}

// The explanation is kept for every reason, not only for "other".
func TestCloseKeepsTheExplanation(t *testing.T) {
	for _, r := range ClosureReasons {
		p := validPlan()
		if err := p.Close(Closure{Reason: r, Text: " Flyttar till Umeå ", DraftDiscarded: true}, closeDay); err != nil {
			t.Fatalf("%s: %v", r, err)
		}
		if p.Closure.Text != "Flyttar till Umeå" {
			t.Errorf("%s: text = %q", r, p.Closure.Text)
		}
	}
}

// The people to tell are ticked as they are told, also on the closed plan.
func TestSetTold(t *testing.T) {
	p := activePlan(t)
	if err := p.SetTold(0, true); !errors.Is(err, ErrNoSuchRecipient) {
		t.Errorf("SetTold before closing: %v", err)
	}
	if err := p.Close(Closure{Reason: CloseNoNeed, DraftDiscarded: true}, closeDay); err != nil {
		t.Fatal(err)
	}
	if err := p.SetTold(1, true); err != nil {
		t.Fatal(err)
	}
	if err := p.SetTold(99, true); !errors.Is(err, ErrNoSuchRecipient) {
		t.Errorf("SetTold(99) = %v", err)
	}
	if !p.Closure.Tell[1].Told || p.Closure.Tell[0].Told {
		t.Errorf("tell = %+v", p.Closure.Tell)
	}
}

// A plan that was never finalised keeps its draft: it is the only record.
func TestCloseUnfinalisedKeepsDraft(t *testing.T) {
	p := validPlan()
	if err := p.Close(Closure{Reason: CloseMoved}, closeDay); err != nil {
		t.Fatal(err)
	}
	if p.Draft == nil || !p.ReadOnly() {
		t.Error("the first draft must be kept, read-only")
	}
	if _, err := p.Finalise(Options{Now: closeDay}); !errors.Is(err, ErrClosed) {
		t.Errorf("Finalise on a closed draft: %v", err)
	}
}

func TestClosedPlanIsReadOnly(t *testing.T) {
	p := activePlan(t)
	if p.ReadOnly() {
		t.Fatal("an active plan is not read-only")
	}
	if err := p.Close(Closure{Reason: CloseNoNeed, DraftDiscarded: true}, closeDay); err != nil {
		t.Fatal(err)
	}
	// Give the closed plan a draft again, as a careless caller might.
	p.Draft = &Version{Number: 2, Review: &Review{}}
	for name, err := range map[string]error{
		"StartFollowUp":    p.StartFollowUp(closeDay),
		"SetActionOutcome": p.SetActionOutcome("a1", OutcomeDone, ""),
		"SetGoalOutcome":   p.SetGoalOutcome("g1", GoalMet, ""),
		"Decide":           p.Decide(DecisionRevise),
		"DecideClose":      p.DecideClose(CloseGoalsMet, ""),
		"Close":            p.Close(Closure{Reason: CloseGoalsMet}, closeDay),
		"WithdrawConsent":  p.WithdrawConsent(Closure{}, closeDay),
	} {
		if !errors.Is(err, ErrClosed) {
			t.Errorf("%s on a closed plan: %v, want ErrClosed", name, err)
		}
	}
	if _, err := p.Finalise(Options{Now: closeDay}); !errors.Is(err, ErrClosed) {
		t.Errorf("Finalise on a closed plan: %v, want ErrClosed", err)
	}
	if p.Closure.Reason != CloseNoNeed {
		t.Error("the closure was overwritten")
	}
}

func TestWithdrawConsent(t *testing.T) {
	p := activePlan(t)
	v1 := CloneVersion(p.Versions[0])
	if p.ConsentWithdrawn() || p.ContentHidden() {
		t.Fatal("consent not yet withdrawn")
	}
	if err := p.WithdrawConsent(Closure{Date: "2027-02-03", DraftDiscarded: true}, closeDay); !errors.Is(err, ErrCloseDate) {
		t.Errorf("withdrawal ahead of today: %v", err)
	}
	if err := p.WithdrawConsent(Closure{Date: "2027-01-30", Text: "Vill inte längre", DraftDiscarded: true}, closeDay); err != nil {
		t.Fatal(err)
	}
	if !p.ReadOnly() || p.Draft != nil || len(p.Versions) != 1 {
		t.Fatalf("status %s, draft %v, %d versions", p.Status, p.Draft != nil, len(p.Versions))
	}
	if c := p.Closure; c.Reason != CloseConsentGone || c.Date != "2027-01-30" || len(c.Tell) != 5 || c.Text != "Vill inte längre" {
		t.Errorf("closure = %+v", c)
	}
	if !p.ConsentWithdrawn() || !p.ContentHidden() {
		t.Error("the plan must show that consent is gone and hide its content")
	}
	if s := p.Summarise(); s.Status != StatusClosed || s.NextFollowUp != "" {
		t.Errorf("summary = %+v", s)
	}
	if !reflect.DeepEqual(p.Versions[0], v1) {
		t.Error("the finalised version must be kept as it was")
	}
}

// Withdrawn consent before any version was finalised drops the draft too:
// nothing of what was prepared may be kept in use.
func TestWithdrawConsentBeforeFirstVersion(t *testing.T) {
	p := validPlan()
	if err := p.Close(Closure{Reason: CloseConsentGone}, closeDay); !errors.Is(err, ErrDraftOpen) {
		t.Fatalf("withdrawal with a draft, not confirmed: %v", err)
	}
	if err := p.Close(Closure{Reason: CloseConsentGone, DraftDiscarded: true}, closeDay); err != nil {
		t.Fatal(err)
	}
	if p.Draft != nil || p.Current() != nil || p.Closure.Reason != CloseConsentGone || p.Closure.Date != "2027-02-01" {
		t.Errorf("draft %v, closure %+v", p.Draft != nil, p.Closure)
	}
	if got := tellLines(p.Closure.Tell); !slices.Equal(got, wantTell) {
		t.Errorf("tell = %q", got)
	}
}

func TestConsentWithdrawnInVersion(t *testing.T) {
	p := validPlan()
	p.Draft.Consent.WithdrawnOn = "2026-11-29"
	if !p.ConsentWithdrawn() {
		t.Error("a withdrawal written in the current version counts")
	}
}

func TestWhoToTell(t *testing.T) {
	p := activePlan(t)
	d := p.Draft
	d.Meeting.Participants = append(d.Meeting.Participants,
		Participant{ID: "p-new", Name: "Ny Person", Role: RoleStaff, Unit: "Hemtjänsten"},
		Participant{ID: "p-blank", Name: " "})
	// Hemtjänsten is in the consent: a unit outside it is not told
	// (TestKeptOutUnit).
	d.Consent.Actors = append(d.Consent.Actors, "Hemtjänsten")
	// An action owner who is not a participant is told too, with the unit.
	d.Content.Actions = append(d.Content.Actions, Action{ID: "a9", What: "Hjälpmedel", Responsible: "Per Wall", Unit: "Geriatriken"},
		Action{ID: "a10", What: "Samtal", Responsible: "karin holm"})
	var names []string
	for _, pt := range p.WhoToTell() {
		names = append(names, pt.Name+"|"+pt.Unit)
	}
	want := []string{"Maja Lind|", "Ali Rahimi|Psykiatriska öppenvårdsmottagningen", "Karin Holm|Socialtjänstens beroendeenhet",
		"Lena Sund|Försäkringskassan", "Eva Lind|", "Ny Person|Hemtjänsten", "Per Wall|Geriatriken"}
	if !slices.Equal(names, want) {
		t.Errorf("WhoToTell = %q, want %q", names, want)
	}

	// The person is told even when not listed as a participant.
	q := NewPlan(Person{Name: "Maja Lind"}, testNow)
	q.Draft.Meeting.Participants = []Participant{{ID: "x", Name: "Ali Rahimi", Role: RoleStaff}}
	got := q.WhoToTell()
	if len(got) != 2 || got[0].Name != "Maja Lind" || got[0].Role != RolePerson {
		t.Errorf("WhoToTell = %+v", got)
	}
	if got := (&Plan{}).WhoToTell(); len(got) != 0 {
		t.Errorf("empty plan: %+v", got)
	}
}

func TestClosureLabels(t *testing.T) {
	for _, r := range ClosureReasons {
		if r.Label(Swedish) == "" || r.Label(English) == "" || r.Label(Swedish) == r.Label(English) {
			t.Errorf("%s: %q / %q", r, r.Label(Swedish), r.Label(English))
		}
	}
	if ClosureReason("x").Label(Swedish) != "" {
		t.Error("unknown reason has a label")
	}
	for _, tc := range []struct {
		c    Closure
		l    Lang
		want string
	}{
		{Closure{Reason: CloseGoalsMet, Date: "2027-06-09"}, Swedish, "Avslutad 2027-06-09: målen är nådda."},
		{Closure{Reason: CloseMoved, Date: "2027-06-09"}, English, "Closed on 2027-06-09: the person has moved."},
		{Closure{Reason: CloseOther, Text: "Ny plan i Umeå", Date: "2027-06-09"}, Swedish, "Avslutad 2027-06-09: Ny plan i Umeå."},
		{Closure{Reason: CloseNoNeed, Text: "klarar sig själv", Date: "2027-06-09"}, Swedish,
			"Avslutad 2027-06-09: behovet av samordning finns inte längre (klarar sig själv)."},
		// A reason written as a sentence: one full stop, not two.
		{Closure{Reason: CloseGoalsMet, Text: "Maja har fått jobb och klarar sig själv.", Date: "2027-06-09"}, Swedish,
			"Avslutad 2027-06-09: målen är nådda (Maja har fått jobb och klarar sig själv)."},
		{Closure{Reason: CloseOther, Text: "Flyttar till Norge. ", Date: "2027-06-09"}, Swedish,
			"Avslutad 2027-06-09: Flyttar till Norge."},
	} {
		if got := tc.c.Describe(tc.l); got != tc.want {
			t.Errorf("Describe = %q, want %q", got, tc.want)
		}
	}
}

// TestCloseNotBeforeFinalised: a plan cannot end before the day its last
// version was finalised, or, never finalised, before it was made; closing
// and withdrawing consent say which day (tryout41a #10).
func TestCloseNotBeforeFinalised(t *testing.T) {
	p := activePlan(t) // finalised on testNow, 2026-11-30
	for _, c := range []Closure{
		{Reason: CloseOther, Text: "annat", Date: "2026-11-29", DraftDiscarded: true},
		{Reason: CloseConsentGone, Date: "2026-11-01", DraftDiscarded: true},
	} {
		err := p.Close(c, closeDay)
		var early *EarlyCloseError
		if !errors.As(err, &early) || early.Earliest != "2026-11-30" || !early.Finalised {
			t.Fatalf("%s on %s: %v, want refused before 2026-11-30", c.Reason, c.Date, err)
		}
		if p.ReadOnly() || p.Draft == nil {
			t.Fatal("a refused close changed the plan")
		}
		if got, want := early.Message(Swedish), "Planen kan inte avslutas före 2026-11-30, då den fastställdes."; got != want {
			t.Errorf("message %q, want %q", got, want)
		}
		if got, want := early.Message(English), "The plan cannot be closed before 2026-11-30, the day it was finalised."; got != want {
			t.Errorf("message %q, want %q", got, want)
		}
	}
	if got := p.CheckEndDate(Swedish, "2026-11-29", closeDay); got != "Planen kan inte avslutas före 2026-11-30, då den fastställdes." {
		t.Errorf("the form's check says %q", got)
	}
	if got := p.CheckEndDate(English, "2026-11-30", closeDay); got != "" {
		t.Errorf("the day it was finalised is refused: %q", got)
	}
	if err := p.Close(Closure{Reason: CloseMoved, Date: "2026-11-30", DraftDiscarded: true}, closeDay); err != nil {
		t.Fatalf("closing on the day it was finalised: %v", err)
	}

	fresh := NewPlan(Person{Name: "Maja Lind"}, testNow)
	err := fresh.Close(Closure{Reason: CloseNoNeed, Date: "2026-11-01"}, closeDay)
	var early *EarlyCloseError
	if !errors.As(err, &early) || early.Finalised || early.Message(Swedish) != "Planen kan inte avslutas före 2026-11-30, då den skapades." {
		t.Errorf("a plan never finalised, closed before it was made: %v", err)
	}
}
