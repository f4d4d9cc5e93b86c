package model

import (
	"cmp"
	"fmt"
	"slices"
	"time"
)

// Kinds of due item.
const (
	DueFollowUp = "follow_up"
	DueConsent  = "consent"
)

// DefaultDueDays is how far ahead Due looks when asked for no horizon: two
// weeks gives the coordinator time to summon the follow-up or to ask for a
// new consent.
const DefaultDueDays = 14

// DueItem is one thing on the home screen that needs attention soon.
type DueItem struct {
	PlanID string `json:"plan_id"`
	// Person is the person's name: the home screen is the secretary's own
	// list and shows names.
	Person string `json:"person"`
	Kind   string `json:"kind"` // DueFollowUp or DueConsent
	Date   string `json:"date"` // YYYY-MM-DD
	// Days from today to Date: 0 is today, negative is overdue or expired.
	Days int `json:"days"`
}

// Due lists the follow-ups booked within days from now, or overdue, and the
// consents that end within days, or have ended, sorted by date. Closed plans
// and plans whose consent was withdrawn are left out: nothing is due for
// them. days <= 0 means DefaultDueDays. Dates that cannot be read are
// skipped, since the validation of the plan reports them.
func Due(sums []Summary, now time.Time, days int) []DueItem {
	if days <= 0 {
		days = DefaultDueDays
	}
	today := civilDay(now)
	var out []DueItem
	add := func(s Summary, kind, date string) {
		d, err := ParseDate(date)
		if err != nil {
			return
		}
		n := daysBetween(today, d)
		if n <= days {
			out = append(out, DueItem{PlanID: s.ID, Person: s.Person, Kind: kind, Date: date, Days: n})
		}
	}
	for _, s := range sums {
		if s.Status == StatusClosed || s.ConsentGone {
			continue
		}
		if s.NextFollowUp != "" {
			add(s, DueFollowUp, s.NextFollowUp)
		}
		if s.ConsentUntil != "" {
			add(s, DueConsent, s.ConsentUntil)
		}
	}
	slices.SortStableFunc(out, func(a, b DueItem) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.Kind, b.Kind),
			cmp.Compare(a.Person, b.Person), cmp.Compare(a.PlanID, b.PlanID))
	})
	return out
}

// civilDay is the calendar day of t where t is, as midnight UTC, so that
// day counts do not depend on the time of day or on summer time.
func civilDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// daysBetween counts whole days from a to b, both midnight UTC. It works on
// seconds rather than Duration, which cannot span the years a typing
// mistake can put in a date.
func daysBetween(a, b time.Time) int {
	return int((b.Unix() - a.Unix()) / 86400)
}

// Describe is the item in words: "uppföljning om 3 dagar (2026-11-28)",
// "samtycket har gått ut (2026-11-20)".
func (d DueItem) Describe(l Lang) string {
	n := d.Days
	abs := max(n, -n)
	switch d.Kind {
	case DueFollowUp:
		switch {
		case n < 0:
			return fmt.Sprintf(T(l, "uppföljning försenad %s (%s)", "follow-up %s overdue (%s)"), dayCount(abs, l), d.Date)
		case n == 0:
			return fmt.Sprintf(T(l, "uppföljning i dag (%s)", "follow-up today (%s)"), d.Date)
		case n == 1:
			return fmt.Sprintf(T(l, "uppföljning i morgon (%s)", "follow-up tomorrow (%s)"), d.Date)
		}
		return fmt.Sprintf(T(l, "uppföljning om %s (%s)", "follow-up in %s (%s)"), dayCount(n, l), d.Date)
	case DueConsent:
		// The consent is valid through its last day, so it has run out
		// only from the day after.
		switch {
		case n < 0:
			return fmt.Sprintf(T(l, "samtycket har gått ut (%s)", "the consent has expired (%s)"), d.Date)
		case n == 0:
			return fmt.Sprintf(T(l, "samtycket gäller bara i dag (%s)", "the consent is valid only today (%s)"), d.Date)
		case n == 1:
			return fmt.Sprintf(T(l, "samtycket går ut i morgon (%s)", "the consent expires tomorrow (%s)"), d.Date)
		}
		return fmt.Sprintf(T(l, "samtycket går ut om %s (%s)", "the consent expires in %s (%s)"), dayCount(n, l), d.Date)
	}
	return d.Date
}

func dayCount(n int, l Lang) string {
	if n == 1 {
		return T(l, "1 dag", "1 day")
	}
	return fmt.Sprintf(T(l, "%d dagar", "%d days"), n)
}
