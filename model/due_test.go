package model

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// dueNow is half past midnight in Swedish winter time, when the day in UTC
// is still the day before: Due must count from the local day.
var dueNow = time.Date(2026, 11, 26, 0, 30, 0, 0, time.FixedZone("CET", 3600))

func dueSums() []Summary {
	return []Summary{
		{ID: "a", Person: "Maja Lind", Status: StatusActive, NextFollowUp: "2026-11-29", ConsentUntil: "2027-11-01"},
		{ID: "b", Person: "Bo Ek", Status: StatusActive, NextFollowUp: "2026-11-24", ConsentUntil: "2026-12-06"},
		{ID: "c", Person: "Closed", Status: StatusClosed, NextFollowUp: "2026-11-27", ConsentUntil: "2026-11-27"},
		{ID: "d", Person: "Gone", Status: StatusActive, ConsentGone: true, NextFollowUp: "2026-11-27", ConsentUntil: "2026-11-27"},
		{ID: "e", Person: "Eva Å", Status: StatusActive, ConsentUntil: "2026-11-20"},
		{ID: "f", Person: "Fia", Status: StatusDraft, NextFollowUp: "2026-12-10"},
		{ID: "g", Person: "Gun", Status: StatusActive, NextFollowUp: "2026-12-11"},
		{ID: "h", Person: "Hans", Status: StatusActive, NextFollowUp: "snart", ConsentUntil: "2026-13-01"},
		{ID: "i", Person: "Ida", Status: StatusActive, NextFollowUp: "2026-11-26", ConsentUntil: "2026-11-26"},
	}
}

func TestDue(t *testing.T) {
	got := Due(dueSums(), dueNow, 0)
	want := []DueItem{
		{PlanID: "e", Person: "Eva Å", Kind: DueConsent, Date: "2026-11-20", Days: -6},
		{PlanID: "b", Person: "Bo Ek", Kind: DueFollowUp, Date: "2026-11-24", Days: -2},
		{PlanID: "i", Person: "Ida", Kind: DueConsent, Date: "2026-11-26", Days: 0},
		{PlanID: "i", Person: "Ida", Kind: DueFollowUp, Date: "2026-11-26", Days: 0},
		{PlanID: "a", Person: "Maja Lind", Kind: DueFollowUp, Date: "2026-11-29", Days: 3},
		{PlanID: "b", Person: "Bo Ek", Kind: DueConsent, Date: "2026-12-06", Days: 10},
		{PlanID: "f", Person: "Fia", Kind: DueFollowUp, Date: "2026-12-10", Days: 14},
		{PlanID: "g", Person: "Gun", Kind: DueFollowUp, Date: "2026-12-11", Days: 15},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Due =\n%+v\nwant\n%+v", got, want)
	}
	if got := Due(dueSums(), dueNow, DefaultDueDays); !slices.Equal(got, want) {
		t.Error("days 0 must mean the default")
	}
	narrow := Due(dueSums(), dueNow, 14)
	if len(narrow) != len(want)-1 || narrow[len(narrow)-1].PlanID != "f" {
		t.Errorf("14 days: %+v", narrow)
	}
	if got := Due(nil, dueNow, 14); len(got) != 0 {
		t.Errorf("no plans: %+v", got)
	}
}

// The order does not depend on the order of the summaries.
func TestDueIsSorted(t *testing.T) {
	sums := dueSums()
	slices.Reverse(sums)
	a := Due(sums, dueNow, 14)
	if !slices.Equal(a, Due(dueSums(), dueNow, 14)) {
		t.Error("order depends on the input")
	}
}

func TestDueFarDates(t *testing.T) {
	got := Due([]Summary{{ID: "x", Status: StatusActive, NextFollowUp: "0001-01-01", ConsentUntil: "9999-12-31"}}, dueNow, 14)
	if len(got) != 1 || got[0].Days >= 0 || got[0].Kind != DueFollowUp {
		t.Errorf("far dates: %+v", got)
	}
}

func TestDueFromPlans(t *testing.T) {
	now := time.Date(2027, 3, 8, 9, 0, 0, 0, time.UTC)
	p, c, closed := Demo(now), DemoChild(now), DemoClosed(now)
	got := Due([]Summary{p.Summarise(), c.Summarise(), closed.Summarise()}, now, 14)
	var kinds []string
	for _, d := range got {
		if d.PlanID != p.ID {
			t.Errorf("only Maja's plan has something due: %+v", d)
		}
		kinds = append(kinds, d.Kind)
	}
	// The follow-up is in two days and none of the seven summoned has
	// confirmed yet; the housing decision due is done, so not listed.
	if want := []string{DueFollowUp}; !slices.Equal(kinds, want) {
		t.Fatalf("kinds = %v, want %v", kinds, want)
	}
	if f := got[0]; f.Days != 2 || f.Open != 7 {
		t.Errorf("follow-up %+v", f)
	}
}

// Each kind of thing a coordinator must act on, from a plan that has it.
func TestDueKinds(t *testing.T) {
	now := time.Date(2027, 1, 10, 9, 0, 0, 0, time.UTC)
	mk := func(edit func(p *Plan)) Summary {
		p := validPlan()
		edit(p)
		return p.Summarise()
	}
	cases := []struct {
		name string
		sum  Summary
		want DueItem
	}{
		{"mandate ends", mk(func(p *Plan) {
			p.Draft.Content.FollowUp = FollowUp{State: FollowUpNone, NoneReason: "x", MandateEnds: "2027-01-20"}
		}), DueItem{Kind: DueMandate, Date: "2027-01-20", Days: 10}},
		{"time to consider", mk(func(p *Plan) { p.Draft.Content.ConsiderUntil = "2027-01-12, svar till Ali" }),
			DueItem{Kind: DueConsider, Date: "2027-01-12", Days: 2}},
		// As the label asks for it, and as the paper reads it (tryout2 #48).
		{"time to consider, 'till' first", mk(func(p *Plan) { p.Draft.Content.ConsiderUntil = "till 2027-01-12, svar till Omar Haddad" }),
			DueItem{Kind: DueConsider, Date: "2027-01-12", Days: 2}},
		{"time to consider, date last", mk(func(p *Plan) { p.Draft.Content.ConsiderUntil = "svar till Ali senast 2027-1-12." }),
			DueItem{Kind: DueConsider, Date: "2027-01-12", Days: 2}},
		{"action due", mk(func(p *Plan) { p.Draft.Content.Actions[0].Due = "2027-02-01" }),
			DueItem{Kind: DueActionDue, Date: "2027-02-01", Days: 22, What: "Boendestöd"}},
		{"action start", mk(func(p *Plan) { p.Draft.Content.Actions[0].Start = "2027-01-11" }),
			DueItem{Kind: DueActionStart, Date: "2027-01-11", Days: 1, What: "Boendestöd"}},
		{"follow-up, nobody confirmed", mk(func(p *Plan) { p.Draft.Content.FollowUp.Date = "2027-01-30" }),
			DueItem{Kind: DueFollowUp, Date: "2027-01-30", Days: 20, Open: 5}},
		{"draft untouched", mk(func(p *Plan) {
			p.Draft.Content.FollowUp = FollowUp{}
			p.Draft.Consent.ValidUntil = ""
			p.UpdatedAt = time.Date(2026, 12, 20, 15, 0, 0, 0, time.UTC)
		}), DueItem{Kind: DueDraftIdle, Date: "2026-12-20", Days: -21}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tc.sum.UpdatedAt = cmpOr(tc.sum.UpdatedAt, now)
			var found bool
			for _, d := range Due([]Summary{tc.sum}, now, 0) {
				d.PlanID, d.Person = "", ""
				if d == tc.want {
					found = true
				}
			}
			if !found {
				t.Errorf("Due = %+v, want %+v among them", Due([]Summary{tc.sum}, now, 0), tc.want)
			}
		})
	}
	// Done and cancelled actions are not due.
	s := mk(func(p *Plan) {
		p.Draft.Content.Actions[0].Due = "2027-01-11"
		p.Draft.Content.Actions[0].Status = ActionCancelled
	})
	s.UpdatedAt = now
	for _, d := range Due([]Summary{s}, now, 0) {
		if d.Kind == DueActionDue {
			t.Errorf("a cancelled action is due: %+v", d)
		}
	}
}

func cmpOr(t, def time.Time) time.Time {
	if t.Before(def.AddDate(0, 0, -1)) {
		return t
	}
	return def
}

func TestDueDescribe(t *testing.T) {
	cases := []struct {
		kind   string
		days   int
		sv, en string
	}{
		{DueFollowUp, 3, "uppföljning om 3 dagar (D)", "follow-up in 3 days (D)"},
		{DueFollowUp, 1, "uppföljning i morgon (D)", "follow-up tomorrow (D)"},
		{DueFollowUp, 0, "uppföljning i dag (D)", "follow-up today (D)"},
		{DueFollowUp, -1, "uppföljning försenad 1 dag (D)", "follow-up 1 day overdue (D)"},
		{DueFollowUp, -2, "uppföljning försenad 2 dagar (D)", "follow-up 2 days overdue (D)"},
		{DueConsent, 10, "samtycket går ut om 10 dagar (D)", "the consent expires in 10 days (D)"},
		{DueConsent, 1, "samtycket går ut i morgon (D)", "the consent expires tomorrow (D)"},
		{DueConsent, 0, "samtycket gäller bara i dag (D)", "the consent is valid only today (D)"},
		{DueConsent, -6, "samtycket har gått ut (D); be om ett nytt", "the consent has expired (D); ask for a new one"},
		{DueMandate, 4, "samordnarens uppdrag slutar om 4 dagar (D)", "the coordinator's mandate ends in 4 days (D)"},
		{DueMandate, -1, "samordnarens uppdrag har gått ut (D); följ upp eller avsluta planen", "the coordinator's mandate has ended (D); follow up or close the plan"},
		{DueConsider, 0, "betänketiden slutar i dag (D)", "the time to consider ends today (D)"},
		{DueConsider, -3, "betänketiden är slut (D); fråga efter svaret", "the time to consider is over (D); ask for the answer"},
		{DueDraftIdle, -20, "utkastet har inte ändrats sedan D (20 dagar)", "the draft has not changed since D (20 days)"},
		{"unknown", 2, "D", "D"},
	}
	for _, tc := range cases {
		d := DueItem{Kind: tc.kind, Days: tc.days, Date: "D"}
		if got := d.Describe(Swedish); got != tc.sv {
			t.Errorf("sv %s %d: %q, want %q", tc.kind, tc.days, got, tc.sv)
		}
		if got := d.Describe(English); got != tc.en {
			t.Errorf("en %s %d: %q, want %q", tc.kind, tc.days, got, tc.en)
		}
	}
}

// TestConsiderDate: the date of a time to consider is read wherever it is
// typed; a text without one gives a warning that names the field, so the
// secretary learns it will not be listed as due.
func TestConsiderDate(t *testing.T) {
	cases := []struct {
		text, date string
		warned     bool
	}{
		{"2027-01-12, svar till Ali", "2027-01-12", false},
		{"till 2027-01-12, svar till Omar Haddad", "2027-01-12", false},
		{"Till 2027/1/12 (svar till Omar)", "2027-01-12", false},
		{"svar till Ali senast 2027-01-12.", "2027-01-12", false},
		{"till jul, svar till Omar", "", true},
		{"till 2027-02-30, svar till Omar", "", true},
		{"", "", false},
	}
	for _, tc := range cases {
		t.Run(tc.text, func(t *testing.T) {
			if got := ConsiderDate(tc.text); got != tc.date {
				t.Errorf("ConsiderDate(%q) = %q, want %q", tc.text, got, tc.date)
			}
			p := validPlan()
			p.Draft.Content.ConsiderUntil = tc.text
			warned := false
			for _, f := range Validate(p, p.Draft, Options{}) {
				if f.Path == "content.consider_until" && f.Severity == SevWarning {
					warned = true
					if !strings.Contains(f.Message.SV, "ÅÅÅÅ-MM-DD") || !strings.Contains(f.Message.EN, "YYYY-MM-DD") {
						t.Errorf("the warning does not say how to write the date: %q", f.Message.SV)
					}
				}
			}
			if warned != tc.warned {
				t.Errorf("warned %v, want %v", warned, tc.warned)
			}
		})
	}
}
