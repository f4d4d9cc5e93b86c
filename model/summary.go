package model

import (
	"sort"
	"time"
)

// Summary is the one line a list shows for a plan. The store keeps it beside
// the plan so that listing many plans never decodes a whole plan.
type Summary struct {
	ID           string   `json:"id"`
	Person       string   `json:"person"`
	PNRMasked    string   `json:"pnr_masked,omitempty"`
	Status       Status   `json:"status"`
	Variant      AgeGroup `json:"variant"`
	Version      int      `json:"version"`
	HasDraft     bool     `json:"has_draft"`
	MeetingDate  string   `json:"meeting_date,omitempty"`
	NextFollowUp string   `json:"next_follow_up,omitempty"`
	ConsentUntil string   `json:"consent_until,omitempty"`
	ConsentGone  bool     `json:"consent_withdrawn,omitempty"`
	Ticks        []string `json:"ticks,omitempty"`
	// Dates are the other dates `due` watches (see dueDates).
	Dates     []DueDate `json:"dates,omitempty"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Summarise makes the list line of a plan.
func (p *Plan) Summarise() Summary {
	s := Summary{
		ID:           p.ID,
		Person:       p.Person.Name,
		PNRMasked:    MaskPNR(p.Person.PNR),
		Status:       p.Status,
		Variant:      p.Variant,
		Version:      len(p.Versions),
		HasDraft:     p.Draft != nil,
		NextFollowUp: p.NextFollowUp(),
		UpdatedAt:    p.UpdatedAt,
	}
	if v := p.Current(); v != nil {
		s.MeetingDate = v.Meeting.Date
		s.ConsentUntil = v.Consent.ValidUntil
		s.ConsentGone = v.Consent.WithdrawnOn != ""
	}
	if p.Status == StatusClosed {
		s.NextFollowUp = ""
	}
	if p.ContentHidden() {
		// Withdrawn consent: the list shows nothing of the plan's content.
		s.ConsentGone = true
		s.Person, s.PNRMasked = "", ""
		s.MeetingDate, s.ConsentUntil, s.NextFollowUp, s.Ticks = "", "", "", nil
		return s
	}
	if p.Status != StatusClosed {
		s.Dates = p.dueDates()
	}
	for id, done := range p.CurrentTicks() {
		if done {
			s.Ticks = append(s.Ticks, id)
		}
	}
	// Sorted, so that the same plan always has the same summary.
	sort.Strings(s.Ticks)
	return s
}

// BookBy is the date by which the next follow-up is to be booked, when
// it is not booked yet; empty otherwise.
func (s Summary) BookBy() string {
	for _, d := range s.Dates {
		if d.Kind == DueBookBy {
			return d.Date
		}
	}
	return ""
}

// FollowUpCell is what a list shows of the next follow-up: its date when
// booked, "bokas senast 2027-02-28" when it is to be booked by a date,
// empty when neither.
func (s Summary) FollowUpCell(l Lang) string {
	if s.NextFollowUp != "" {
		return s.NextFollowUp
	}
	if d := s.BookBy(); d != "" {
		return T(l, "bokas senast ", "book by ") + d
	}
	return ""
}
