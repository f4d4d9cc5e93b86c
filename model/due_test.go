package model

import (
	"slices"
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
	}
	if !slices.Equal(got, want) {
		t.Errorf("Due =\n%+v\nwant\n%+v", got, want)
	}
	if got := Due(dueSums(), dueNow, DefaultDueDays); !slices.Equal(got, want) {
		t.Error("days 0 must mean the default")
	}
	wide := Due(dueSums(), dueNow, 30)
	if len(wide) != len(want)+1 || wide[len(wide)-1].PlanID != "g" || wide[len(wide)-1].Days != 15 {
		t.Errorf("30 days: %+v", wide)
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
	p, c := Demo(now), DemoChild(now)
	got := Due([]Summary{p.Summarise(), c.Summarise()}, now, 14)
	if len(got) != 1 || got[0].PlanID != p.ID || got[0].Kind != DueFollowUp || got[0].Days != 2 {
		t.Errorf("Due = %+v", got)
	}
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
		{DueConsent, -6, "samtycket har gått ut (D)", "the consent has expired (D)"},
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
