package model

import (
	"errors"
	"strings"
	"time"
)

// Errors of the version life cycle. They carry no user data.
var (
	ErrNoDraft       = errors.New("the plan has no draft to finalise")
	ErrHasDraft      = errors.New("the plan already has a draft")
	ErrNoVersion     = errors.New("the plan has no finalised version")
	ErrClosed        = errors.New("the plan is closed")
	ErrBlocked       = errors.New("the plan has errors that block finalising")
	ErrNoSuchVersion = errors.New("no such version")
)

// ClosureReason is why a plan was closed.
type ClosureReason string

const (
	CloseGoalsMet    ClosureReason = "goals_met"
	CloseNoNeed      ClosureReason = "no_need"
	CloseConsentGone ClosureReason = "consent_withdrawn"
	CloseMoved       ClosureReason = "moved"
	CloseOther       ClosureReason = "other"
)

// Closure records how and when a plan ended, and who must be told.
type Closure struct {
	Reason ClosureReason `json:"reason"`
	// Text explains the reason; kept for every reason.
	Text string `json:"text,omitempty"`
	Date string `json:"date"`
	// Tell is everyone to tell, ticked by the coordinator as they are told.
	Tell []ToTell `json:"tell,omitempty"`
	// LegacyNotify is format 1's list of names to tell; Upgrade makes it
	// Tell.
	LegacyNotify []string `json:"notify,omitempty"`
	// DraftDiscarded is set when an unfinished follow-up draft was
	// dropped on closing, at the user's explicit word.
	DraftDiscarded bool `json:"draft_discarded,omitempty"`
}

// Outcome values for the follow-up of an action.
const (
	OutcomeDone       = "done"
	OutcomeOngoing    = "ongoing"
	OutcomeNotStarted = "not_started"
	OutcomeChanged    = "changed"
)

// Goal outcome values.
const (
	GoalMet       = "met"
	GoalPartlyMet = "partly"
	GoalNotMet    = "not_met"
)

// Review is the follow-up of the previous version, made at a follow-up
// meeting: what became of each action and goal, and the decision.
type Review struct {
	// Actions and Goals are keyed by the id in the previous version.
	Actions  map[string]Outcome `json:"actions,omitempty"`
	Goals    map[string]Outcome `json:"goals,omitempty"`
	Decision string             `json:"decision,omitempty"` // "revise" or "close"
	// CloseReason and CloseText say why, when Decision is "close"; the
	// reason must be chosen. See followup.go.
	CloseReason ClosureReason `json:"close_reason,omitempty"`
	CloseText   string        `json:"close_text,omitempty"`
}

// Outcome is what became of one action or goal, with a note.
type Outcome struct {
	Result string `json:"result"`
	Note   string `json:"note,omitempty"`
}

// Finalise freezes the draft as the next version. Errors among the findings
// block it; the findings are returned either way so the screen can show them.
func (p *Plan) Finalise(o Options) ([]Finding, error) {
	if p.Status == StatusClosed {
		return nil, ErrClosed
	}
	if p.Draft == nil {
		return nil, ErrNoDraft
	}
	fs := Validate(p, p.Draft, o)
	if len(Errors(fs)) > 0 {
		return fs, ErrBlocked
	}
	now := o.Now
	if now.IsZero() {
		now = time.Now()
	}
	v := CloneVersion(*p.Draft)
	v.Number = len(p.Versions) + 1
	v.FinalisedAt = &now
	p.Versions = append(p.Versions, v)
	p.Draft = nil
	p.Status = StatusActive
	p.UpdatedAt = now
	if closing(&v) {
		p.closeByReview(&p.Versions[len(p.Versions)-1], now)
	}
	return fs, nil
}

// StartFollowUp opens a new draft from the last finalised version, for the
// follow-up meeting. The meeting frame is taken from the booked follow-up;
// attendance, agenda progress and rounds start afresh.
func (p *Plan) StartFollowUp(now time.Time) error {
	if p.Status == StatusClosed {
		return ErrClosed
	}
	if p.Draft != nil {
		return ErrHasDraft
	}
	last := p.Latest()
	if last == nil {
		return ErrNoVersion
	}
	v := CloneVersion(*last)
	v.Number = last.Number + 1
	v.FinalisedAt = nil
	v.Agenda = nil
	v.Rounds = nil
	v.Meeting.StartedAt = nil
	fu := last.Content.FollowUp
	v.Meeting.Date = fu.Date
	v.Meeting.Start = fu.Time
	if fu.Place != "" {
		v.Meeting.Place = fu.Place
	}
	for i := range v.Meeting.Participants {
		// Attendance starts afresh; who they are (an interpreter's
		// language, a trustee's mandate) carries over.
		pt := &v.Meeting.Participants[i]
		pt.Attendance = AttendAbsent
		pt.Confirmed = false
		pt.Left = nil
		pt.WrittenInput = ""
		pt.PresenceNote = ""
		pt.Signs = ""
	}
	v.Content.FollowUp = FollowUp{}
	v.Content.Evaluation = ""
	v.Content.HandoverBy, v.Content.HandoverWhen = "", ""
	// The checklists are for this meeting: a follow-up starts fresh.
	v.Ticks = nil
	v.Copies = CopyEdits{}
	v.Review = &Review{Actions: map[string]Outcome{}, Goals: map[string]Outcome{}}
	p.Draft = &v
	p.Position = Position{}
	p.UpdatedAt = now
	return nil
}

// VersionByNumber returns finalised version n (1-based), or the draft when n
// is its number.
func (p *Plan) VersionByNumber(n int) (*Version, error) {
	if n >= 1 && n <= len(p.Versions) {
		return &p.Versions[n-1], nil
	}
	if p.Draft != nil && p.Draft.Number == n {
		return p.Draft, nil
	}
	return nil, ErrNoSuchVersion
}

// NextFollowUp is the date of the booked follow-up of the current version,
// empty when none. While a follow-up draft is open and has no next
// follow-up booked yet, the follow-up being prepared is still the one due,
// so the last finalised version's booking is returned.
func (p *Plan) NextFollowUp() string {
	fu, ok := p.nextFollowUp()
	if !ok || !fu.Booked() {
		return ""
	}
	return fu.Date
}

// FollowUpBookBy is the date by which the next follow-up is to be booked,
// when the plan says it is booked later; empty otherwise.
func (p *Plan) FollowUpBookBy() string {
	fu, ok := p.nextFollowUp()
	if !ok || fu.State != FollowUpLater {
		return ""
	}
	return strings.TrimSpace(fu.BookBy)
}

// nextFollowUp is the follow-up that comes next: the current version's,
// or, while a follow-up draft has not yet said its own, the last
// finalised version's.
func (p *Plan) nextFollowUp() (FollowUp, bool) {
	v := p.Current()
	if v == nil {
		return FollowUp{}, false
	}
	fu := v.Content.FollowUp
	if v == p.Draft && v.Review != nil && fu.State == "" {
		if last := p.Latest(); last != nil {
			fu = last.Content.FollowUp
		}
	}
	return fu, true
}

// Handout is the version handed out when no version is named: the last
// finalised one, which is "the plan" to everyone who got a copy, and the
// draft only for a plan never finalised. A follow-up draft is half-written
// until its meeting finalises it, so it is printed only when asked for.
func (p *Plan) Handout() *Version {
	if v := p.Latest(); v != nil {
		return v
	}
	return p.Draft
}
