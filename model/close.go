package model

import (
	"errors"
	"fmt"
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
	// A reason written as a sentence keeps its own stop, but never two.
	if t := strings.TrimSuffix(strings.TrimSpace(c.Text), "."); t != "" {
		if c.Reason == CloseOther || why == "" {
			why = t
		} else {
			why += " (" + t + ")"
		}
	}
	end := "."
	if strings.HasSuffix(why, "?") || strings.HasSuffix(why, "!") {
		end = ""
	}
	return T(l, "Avslutad ", "Closed on ") + c.Date + ": " + why + end
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

// endDate checks a closing date; an empty one means today. It may not lie
// before the plan's last finalising, or its making (EarlyCloseError).
func (p *Plan) endDate(date string, now time.Time) (string, error) {
	today := now.Format(DateLayout)
	date = strings.TrimSpace(date)
	if date == "" {
		date = today
	}
	if CheckDate(date) != nil || date > today {
		return "", ErrCloseDate
	}
	if first, finalised := p.EarliestEnd(); date < first {
		return "", &EarlyCloseError{Earliest: first, Finalised: finalised}
	}
	return date, nil
}

// EarliestEnd is the first day the plan can be closed on: the day its last
// version was finalised (finalised true), or, never finalised, the day it
// was made. A plan cannot end before what it records was agreed.
func (p *Plan) EarliestEnd() (date string, finalised bool) {
	for i := len(p.Versions) - 1; i >= 0; i-- {
		if at := p.Versions[i].FinalisedAt; at != nil {
			return at.Format(DateLayout), true
		}
	}
	return p.CreatedAt.Format(DateLayout), false
}

// EarlyCloseError refuses a closing date before EarliestEnd. It carries
// dates only, no personal data.
type EarlyCloseError struct {
	Earliest  string
	Finalised bool
}

func (e *EarlyCloseError) Error() string {
	return "the plan cannot be closed before " + e.Earliest
}

// Message is the refusal in the user's language, naming the date and why.
func (e *EarlyCloseError) Message(l Lang) string {
	if e.Finalised {
		return T(l, "Planen kan inte avslutas före "+e.Earliest+", då den fastställdes.",
			"The plan cannot be closed before "+e.Earliest+", the day it was finalised.")
	}
	return T(l, "Planen kan inte avslutas före "+e.Earliest+", då den skapades.",
		"The plan cannot be closed before "+e.Earliest+", the day it was made.")
}

// CheckEndDate says what is wrong with a closing date typed in a form, or
// "" when Close would take it: the same rules, said as the user types.
func (p *Plan) CheckEndDate(l Lang, date string, now time.Time) string {
	_, err := p.endDate(date, now)
	var early *EarlyCloseError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &early):
		return early.Message(l)
	}
	return T(l, "Datumet ska vara ÅÅÅÅ-MM-DD och inte senare än i dag.", "The date must be YYYY-MM-DD and not later than today.")
}

// ReadOnly tells whether the plan may no longer be edited. A closed plan is
// kept as the record of what was agreed, so every editing function returns
// ErrClosed for it.
func (p *Plan) ReadOnly() bool { return p.Status == StatusClosed }

// ErrDraftOpen is returned when closing would drop an unfinished draft and
// the caller has not said that it may (Closure.DraftDiscarded).
var ErrDraftOpen = errors.New("the plan has an unfinished draft; closing would discard it")

// DraftAtRisk tells whether closing the plan for reason r would drop an
// open draft: a follow-up draft always (the last finalised version is the
// record), and any draft when consent is withdrawn (nothing unagreed may be
// kept). The screen asks first, and the command line wants --discard-draft.
func (p *Plan) DraftAtRisk(r ClosureReason) bool {
	if p.Draft == nil {
		return false
	}
	return len(p.Versions) > 0 || r == CloseConsentGone
}

// DraftOnClosing says what closing for reason r does to the open draft,
// in the words the closing screen and sipmote close use: the rules differ
// by reason, and the secretary is told which one applies. Empty when there
// is no draft.
func (p *Plan) DraftOnClosing(r ClosureReason) Text {
	if p.Draft == nil {
		return Text{}
	}
	n := p.Draft.Number
	switch {
	case r == CloseConsentGone:
		return Text{
			SV: fmt.Sprintf("Samtycket är återkallat, så utkastet (version %d) får inte sparas: det tas bort när planen avslutas.", n),
			EN: fmt.Sprintf("The consent is withdrawn, so the draft (version %d) may not be kept: it is removed when the plan is closed.", n)}
	case len(p.Versions) > 0:
		return Text{
			SV: fmt.Sprintf("Det påbörjade utkastet (version %d) är inte fastställt och tas bort när planen avslutas; version %d är den som gäller.", n, len(p.Versions)),
			EN: fmt.Sprintf("The unfinished draft (version %d) is not finalised and is removed when the plan is closed; version %d is the one that stands.", n, len(p.Versions))}
	}
	return Text{
		SV: fmt.Sprintf("Planen har aldrig fastställts: utkastet (version %d) sparas som det är, och kan inte ändras mer.", n),
		EN: fmt.Sprintf("The plan was never finalised: the draft (version %d) is kept as it is, and can no longer be changed.", n)}
}

// Close ends the plan. The reason must be known, and written out when it is
// "other"; the explanation is kept for every reason; the date, today when
// empty, must not be later than today. Everyone to tell is listed in
// c.Tell, to be ticked as they are told.
//
// An open follow-up draft is never dropped silently: Close refuses with
// ErrDraftOpen unless c.DraftDiscarded says the user agreed to drop it. A
// plan that never got past its first draft keeps it, read-only, as the
// only record of what was prepared. Withdrawn consent goes through
// WithdrawConsent.
func (p *Plan) Close(c Closure, now time.Time) error {
	if p.ReadOnly() {
		return ErrClosed
	}
	if err := checkReason(c.Reason, c.Text); err != nil {
		return err
	}
	if c.Reason == CloseConsentGone {
		return p.WithdrawConsent(c, now)
	}
	date, err := p.endDate(c.Date, now)
	if err != nil {
		return err
	}
	if p.DraftAtRisk(c.Reason) && !c.DraftDiscarded {
		return ErrDraftOpen
	}
	c.Date = date
	c.Text = strings.TrimSpace(c.Text)
	c.Tell = p.WhoToTell()
	c.LegacyNotify = nil
	if p.DraftAtRisk(c.Reason) {
		p.Draft = nil
	} else {
		c.DraftDiscarded = false
	}
	p.Closure = &c
	p.Status = StatusClosed
	p.Position = Position{}
	p.UpdatedAt = now
	return nil
}

// WithdrawConsent records that the person has withdrawn the consent, on
// c.Date with the explanation c.Text. That ends the plan at once: without
// consent nothing more may be written or shared. An open draft holds what
// was never agreed and must go, but only with c.DraftDiscarded (else
// ErrDraftOpen); finalised versions are kept, as the record of what was
// done, but lists and screens no longer show their content (see
// ContentHidden), and print gives a closure notice only.
func (p *Plan) WithdrawConsent(c Closure, now time.Time) error {
	if p.ReadOnly() {
		return ErrClosed
	}
	date, err := p.endDate(c.Date, now)
	if err != nil {
		return err
	}
	if p.DraftAtRisk(CloseConsentGone) && !c.DraftDiscarded {
		return ErrDraftOpen
	}
	tell := p.WhoToTell()
	p.Closure = &Closure{Reason: CloseConsentGone, Text: strings.TrimSpace(c.Text), Date: date, Tell: tell,
		DraftDiscarded: p.Draft != nil}
	p.Draft = nil
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
