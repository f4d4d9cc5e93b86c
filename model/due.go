package model

import (
	"cmp"
	"fmt"
	"slices"
	"time"
)

// Kinds of due item; due_dates.go has the rest.
const (
	DueFollowUp = "follow_up"
	DueConsent  = "consent"
)

// DefaultDueDays is how far ahead Due looks when asked for no horizon: four
// weeks, the time some regions require between the summons and the
// meeting, so that a follow-up listed can still be summoned in time.
const DefaultDueDays = 28

// DueItem is one thing a coordinator must act on soon.
type DueItem struct {
	PlanID string `json:"plan_id"`
	// Person is the person's name: the home screen is the secretary's own
	// list and shows names.
	Person string `json:"person"`
	Kind   string `json:"kind"`
	Date   string `json:"date"` // YYYY-MM-DD
	// Days from today to Date: 0 is today, negative is overdue or expired.
	Days int `json:"days"`
	// What names the action, for action dates.
	What string `json:"what,omitempty"`
	// Open counts, for a follow-up, the people summoned who have not
	// confirmed.
	Open int `json:"open,omitempty"`
}

// Due lists, sorted by date, what falls within days from now or is
// overdue: booked follow-ups (with how many have not confirmed), consents
// ending, coordinators' mandates ending, times to consider ending, action
// start and due dates, and drafts untouched for DraftIdleDays. Closed
// plans and plans whose consent was withdrawn are left out: nothing is due
// for them. days <= 0 means DefaultDueDays. Dates that cannot be read are
// skipped, since the validation of the plan reports them.
func Due(sums []Summary, now time.Time, days int) []DueItem {
	if days <= 0 {
		days = DefaultDueDays
	}
	today := civilDay(now)
	var out []DueItem
	add := func(s Summary, dd DueDate) {
		d, err := ParseDate(dd.Date)
		if err != nil {
			return
		}
		n := daysBetween(today, d)
		if n <= days {
			out = append(out, DueItem{PlanID: s.ID, Person: s.Person, Kind: dd.Kind, Date: dd.Date, Days: n, What: dd.What, Open: dd.Open})
		}
	}
	for _, s := range sums {
		if s.Status == StatusClosed || s.ConsentGone {
			continue
		}
		follow := false
		for _, dd := range s.Dates {
			follow = follow || dd.Kind == DueFollowUp
			add(s, dd)
		}
		if s.NextFollowUp != "" && !follow {
			add(s, DueDate{Kind: DueFollowUp, Date: s.NextFollowUp})
		}
		if s.ConsentUntil != "" {
			add(s, DueDate{Kind: DueConsent, Date: s.ConsentUntil})
		}
		if d := draftIdle(s, today); d != "" {
			add(s, DueDate{Kind: DueDraftIdle, Date: d})
		}
	}
	slices.SortStableFunc(out, func(a, b DueItem) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.Kind, b.Kind),
			cmp.Compare(a.Person, b.Person), cmp.Compare(a.PlanID, b.PlanID), cmp.Compare(a.What, b.What))
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

// when is "i dag", "i morgon", "om 3 dagar", "för 2 dagar sedan".
func when(n int, l Lang) string {
	switch {
	case n == 0:
		return T(l, "i dag", "today")
	case n == 1:
		return T(l, "i morgon", "tomorrow")
	case n == -1:
		return T(l, "i går", "yesterday")
	case n < 0:
		return fmt.Sprintf(T(l, "för %s sedan", "%s ago"), dayCount(-n, l))
	}
	return fmt.Sprintf(T(l, "om %s", "in %s"), dayCount(n, l))
}

// Describe is the item in words, saying what to do: "uppföljning om 3
// dagar (2026-11-28); 2 har inte bekräftat", "samtycket har gått ut
// (2026-11-20)".
func (d DueItem) Describe(l Lang) string {
	n := d.Days
	at := " (" + d.Date + ")"
	switch d.Kind {
	case DueFollowUp:
		s := ""
		if n < 0 {
			s = fmt.Sprintf(T(l, "uppföljning försenad %s", "follow-up %s overdue"), dayCount(-n, l)) + at
		} else {
			s = T(l, "uppföljning ", "follow-up ") + when(n, l) + at
		}
		if d.Open > 0 && n >= 0 {
			s += fmt.Sprintf(T(l, "; %d har inte bekräftat", "; %d have not confirmed"), d.Open)
		}
		return s
	case DueBookBy:
		if n < 0 {
			return fmt.Sprintf(T(l, "uppföljningen skulle ha bokats för %s sedan", "the follow-up was to be booked %s ago"), dayCount(-n, l)) + at +
				T(l, "; boka den och kalla", "; book it and send the summons")
		}
		return T(l, "uppföljningen ska bokas senast ", "the follow-up is to be booked by ") + when(n, l) + at
	case DueConsent:
		// The consent is valid through its last day, so it has run out
		// only from the day after.
		switch {
		case n < 0:
			return T(l, "samtycket har gått ut", "the consent has expired") + at + T(l, "; be om ett nytt", "; ask for a new one")
		case n == 0:
			return T(l, "samtycket gäller bara i dag", "the consent is valid only today") + at
		}
		return T(l, "samtycket går ut ", "the consent expires ") + when(n, l) + at
	case DueMandate:
		if n < 0 {
			return T(l, "samordnarens uppdrag har gått ut", "the coordinator's mandate has ended") + at + T(l, "; följ upp eller avsluta planen", "; follow up or close the plan")
		}
		return T(l, "samordnarens uppdrag slutar ", "the coordinator's mandate ends ") + when(n, l) + at
	case DueConsider:
		if n < 0 {
			return T(l, "betänketiden är slut", "the time to consider is over") + at + T(l, "; fråga efter svaret", "; ask for the answer")
		}
		return T(l, "betänketiden slutar ", "the time to consider ends ") + when(n, l) + at
	case DueDraftIdle:
		return fmt.Sprintf(T(l, "utkastet har inte ändrats sedan %s (%s)", "the draft has not changed since %s (%s)"), d.Date, dayCount(-n, l))
	case DueActionStart:
		if n < 0 {
			return fmt.Sprintf(T(l, "insatsen ”%s” skulle ha börjat", "the action \"%s\" was to start"), d.What) + at
		}
		return fmt.Sprintf(T(l, "insatsen ”%s” börjar ", "the action \"%s\" starts "), d.What) + when(n, l) + at
	case DueActionDue:
		if n < 0 {
			return fmt.Sprintf(T(l, "insatsen ”%s” skulle ha varit klar", "the action \"%s\" was due"), d.What) + at
		}
		return fmt.Sprintf(T(l, "insatsen ”%s” ska vara klar ", "the action \"%s\" is due "), d.What) + when(n, l) + at
	}
	return d.Date
}

func dayCount(n int, l Lang) string {
	if n == 1 {
		return T(l, "1 dag", "1 day")
	}
	return fmt.Sprintf(T(l, "%d dagar", "%d days"), n)
}
