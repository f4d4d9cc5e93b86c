package model

import (
	"strings"
	"time"
)

// More kinds of due item: what a coordinator must act on besides the
// follow-up and the consent.
const (
	DueMandate     = "mandate_ends"   // the coordinator's mandate ends
	DueConsider    = "consider_until" // a time to consider (rådrum) ends
	DueDraftIdle   = "draft_idle"     // a draft untouched for DraftIdleDays
	DueActionStart = "action_start"   // an action is to start
	DueActionDue   = "action_due"     // an action is to be done
	DueBookBy      = "follow_up_book" // a follow-up is to be booked by a date
)

// DraftIdleDays is how long a draft may lie untouched before `due` lists
// it: a plan prepared and forgotten is a meeting that never happens.
const DraftIdleDays = 14

// DueDate is one dated thing a summary carries for Due.
type DueDate struct {
	Kind string `json:"kind"`
	Date string `json:"date"`
	// What names the action, for action dates.
	What string `json:"what,omitempty"`
	// Open counts the people summoned to a follow-up who have not yet
	// confirmed.
	Open int `json:"open,omitempty"`
}

// dueDates lists the dates of the current version that Due watches,
// besides the next follow-up and the consent's end, which the summary
// carries already.
func (p *Plan) dueDates() []DueDate {
	v := p.Current()
	if v == nil {
		return nil
	}
	var out []DueDate
	if d := p.NextFollowUp(); d != "" {
		out = append(out, DueDate{Kind: DueFollowUp, Date: d, Open: p.unconfirmed()})
	}
	if d := p.FollowUpBookBy(); d != "" {
		out = append(out, DueDate{Kind: DueBookBy, Date: d})
	}
	if f := v.Content.FollowUp; f.NeedsMandate() && f.MandateEnds != "" {
		out = append(out, DueDate{Kind: DueMandate, Date: f.MandateEnds})
	}
	if d := ConsiderDate(v.Content.ConsiderUntil); d != "" {
		out = append(out, DueDate{Kind: DueConsider, Date: d})
	}
	for _, a := range v.Content.Actions {
		if a.Status == ActionDone || a.Status == ActionCancelled {
			continue
		}
		starts := a.Start != "" && a.Status != ActionOngoing
		if !starts && a.Due == "" {
			continue // no date: nothing to name
		}
		what := shorten(strings.TrimSpace(a.What), maxShown)
		if starts {
			out = append(out, DueDate{Kind: DueActionStart, Date: a.Start, What: what})
		}
		if a.Due != "" {
			out = append(out, DueDate{Kind: DueActionDue, Date: a.Due, What: what})
		}
	}
	return out
}

// unconfirmed counts the people summoned to the next follow-up who have
// not confirmed: those of the follow-up draft, or, before the follow-up
// is prepared, everyone of the meeting that booked it (nobody has been
// asked yet).
func (p *Plan) unconfirmed() int {
	d := p.Draft
	prepared := d != nil && d.Review != nil
	v := p.Current()
	if prepared {
		v = d
	}
	n := 0
	for _, pt := range v.Meeting.Participants {
		if strings.TrimSpace(pt.Name) != "" && (!prepared || !pt.Confirmed) {
			n++
		}
	}
	return n
}

// ConsiderDate reads the date of a time to consider as it is typed in the
// field that asks "till när, och svar till vem": the first word that is a
// date, wherever it stands ("2026-12-21, svar till Ali", "till 2026-12-21,
// svar till Omar Haddad", "svar till Ali senast 2026-12-21."); empty when
// there is none.
func ConsiderDate(s string) string {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == ';' }) {
		w = strings.Trim(w, ".:()")
		if d := TidyDateWord(w); DateShaped(d) && CheckDate(d) == nil {
			return d
		}
	}
	return ""
}

// draftIdle is the day a summary's draft was last changed, when that is
// DraftIdleDays or more before today; empty otherwise.
func draftIdle(s Summary, today time.Time) string {
	if !s.HasDraft || s.UpdatedAt.IsZero() {
		return ""
	}
	last := civilDay(s.UpdatedAt)
	if daysBetween(last, today) < DraftIdleDays {
		return ""
	}
	return last.Format(DateLayout)
}
