package model

import (
	"errors"
	"strings"
	"time"
)

// ErrCloseDate is returned for a closing or withdrawal date that is not a
// date or lies after today: a plan cannot be recorded as ended in advance.
var ErrCloseDate = errors.New("the date must be YYYY-MM-DD and not later than today")

// ClosureReasons lists the reasons in the order a form offers them.
var ClosureReasons = []ClosureReason{CloseGoalsMet, CloseNoNeed, CloseConsentGone, CloseMoved, CloseOther}

var closureLabels = map[ClosureReason]Text{
	CloseGoalsMet:    {"målen är nådda", "the goals are met"},
	CloseNoNeed:      {"behovet av samordning finns inte längre", "there is no longer a need for coordination"},
	CloseConsentGone: {"samtycket är återkallat", "the consent has been withdrawn"},
	CloseMoved:       {"den enskilde har flyttat", "the person has moved"},
	CloseOther:       {"annat skäl", "another reason"},
}

// Label is the reason in words; empty for an unknown reason.
func (r ClosureReason) Label(l Lang) string {
	if t, ok := closureLabels[r]; ok {
		return t.In(l)
	}
	return ""
}

// Describe is the closure in one sentence, with the written reason when it
// is "other": "Avslutad 2027-06-09: målen är nådda."
func (c Closure) Describe(l Lang) string {
	why := c.Reason.Label(l)
	if t := strings.TrimSpace(c.Text); t != "" {
		if c.Reason == CloseOther || why == "" {
			why = t
		} else {
			why += " (" + t + ")"
		}
	}
	return T(l, "Avslutad ", "Closed on ") + c.Date + ": " + why + "."
}

func checkReason(r ClosureReason, text string) error {
	if _, ok := closureLabels[r]; !ok {
		return ErrReason
	}
	if r == CloseOther && strings.TrimSpace(text) == "" {
		return ErrReasonText
	}
	return nil
}

// endDate checks a closing date; an empty one means today.
func endDate(date string, now time.Time) (string, error) {
	today := now.Format(DateLayout)
	date = strings.TrimSpace(date)
	if date == "" {
		return today, nil
	}
	if CheckDate(date) != nil || date > today {
		return "", ErrCloseDate
	}
	return date, nil
}

// ReadOnly tells whether the plan may no longer be edited. A closed plan is
// kept as the record of what was agreed, so every editing function returns
// ErrClosed for it.
func (p *Plan) ReadOnly() bool { return p.Status == StatusClosed }

// Close ends the plan. The reason must be known, and written out when it is
// "other"; the date, today when empty, must not be later than today. The
// people to tell are recorded in c.Notify (whatever the caller put there).
//
// An open draft is dropped when a finalised version exists, since the last
// agreed version is the plan's record and the draft was never agreed; a
// plan that never got past its first draft keeps it, read-only, as the only
// record of what was prepared. Closing for withdrawn consent is
// WithdrawConsent.
func (p *Plan) Close(c Closure, now time.Time) error {
	if p.ReadOnly() {
		return ErrClosed
	}
	if err := checkReason(c.Reason, c.Text); err != nil {
		return err
	}
	if c.Reason == CloseConsentGone {
		return p.WithdrawConsent(c.Date, now)
	}
	date, err := endDate(c.Date, now)
	if err != nil {
		return err
	}
	c.Date = date
	c.Text = strings.TrimSpace(c.Text)
	c.Notify = notifyNames(p.WhoToTell())
	p.Closure = &c
	p.Status = StatusClosed
	if len(p.Versions) > 0 {
		p.Draft = nil
	}
	p.Position = Position{}
	p.UpdatedAt = now
	return nil
}

// WithdrawConsent records that the person has withdrawn the consent. That
// ends the plan at once: without consent nothing more may be written or
// shared. The open draft is dropped, since it holds what was never agreed;
// finalised versions are kept, as the record of what was done, but lists
// and screens must no longer show their content (see ContentHidden).
func (p *Plan) WithdrawConsent(date string, now time.Time) error {
	if p.ReadOnly() {
		return ErrClosed
	}
	date, err := endDate(date, now)
	if err != nil {
		return err
	}
	notify := notifyNames(p.WhoToTell())
	p.Draft = nil
	p.Closure = &Closure{Reason: CloseConsentGone, Date: date, Notify: notify}
	p.Status = StatusClosed
	p.Position = Position{}
	p.UpdatedAt = now
	return nil
}

// ConsentWithdrawn tells whether the person has withdrawn the consent,
// either as recorded by WithdrawConsent or as written in the current
// version.
func (p *Plan) ConsentWithdrawn() bool {
	if p.Closure != nil && p.Closure.Reason == CloseConsentGone {
		return true
	}
	v := p.Current()
	return v != nil && v.Consent.WithdrawnOn != ""
}

// ContentHidden tells whether lists and screens must hide what the plan
// says (dates, consent, meetings) and show only that it ended: the case
// once consent has been withdrawn.
func (p *Plan) ContentHidden() bool { return p.ConsentWithdrawn() }

// WhoToTell lists everyone who must be told when the plan ends: the person
// first, then every participant of the last finalised version (units,
// relatives, support persons, the absent too), then anyone the open draft
// added. When the person is not among the participants, a participant
// without id stands for them.
func (p *Plan) WhoToTell() []Participant {
	var all []Participant
	if v := p.Latest(); v != nil {
		all = append(all, v.Meeting.Participants...)
	}
	if p.Draft != nil {
		all = append(all, p.Draft.Meeting.Participants...)
	}
	seen := map[string]bool{}
	var person, others []Participant
	for _, pt := range all {
		if strings.TrimSpace(pt.Name) == "" {
			continue
		}
		key := pt.ID
		if key == "" {
			key = "name:" + strings.ToLower(strings.Join(strings.Fields(pt.Name), " "))
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		if pt.Role == RolePerson {
			person = append(person, pt)
		} else {
			others = append(others, pt)
		}
	}
	if len(person) == 0 && strings.TrimSpace(p.Person.Name) != "" {
		person = []Participant{{Name: p.Person.Name, Role: RolePerson}}
	}
	return append(person, others...)
}

// notifyNames is how Closure.Notify records the people to tell: the name,
// with the unit or party in brackets, so that the record still says who
// they were once the versions are no longer shown.
func notifyNames(pts []Participant) []string {
	out := make([]string, 0, len(pts))
	for _, pt := range pts {
		s := strings.TrimSpace(pt.Name)
		unit := strings.TrimSpace(pt.Unit)
		if unit == "" && pt.Principal == PrincipalOther {
			unit = strings.TrimSpace(pt.OtherParty)
		}
		if unit != "" {
			s += " (" + unit + ")"
		}
		out = append(out, s)
	}
	return out
}
