package room

import (
	"time"

	"github.com/sipmote/sipmote/model"
)

// MeetingState is one moment of a meeting as the chair's and the room's
// views draw it. The views only read it: in one terminal it is the
// secretary's live plan, on a shared screen a copy published by the owner
// of the plan. Changes go back as ChairAction values, never by writing here.
type MeetingState struct {
	Plan     *model.Plan
	Steps    []Step
	Step     int
	Elapsed  time.Duration
	Findings []model.Finding
	// Room is the plan as the room's view may show it: while the
	// secretary types in a field, a copy taken before the first key, so
	// that unfinished text never reaches the room. Nil is Plan.
	Room *model.Plan
	// Rev counts changes, so that a view can cache what it drew.
	Rev int
}

// roomPlan is the plan the room's view draws, and the subjects not to
// raise it hides: those of the live plan and of the copy together, so
// that a subject being added to the list already counts.
func (s MeetingState) roomPlan() (*model.Plan, *model.Version, []string) {
	p := s.Room
	if p == nil {
		p = s.Plan
	}
	v := &model.Version{}
	if p != nil {
		if c := p.Current(); c != nil {
			v = c
		}
	}
	notRaise := v.Consent.NotRaise
	if live := s.version(); live != v {
		notRaise = append(append([]string(nil), notRaise...), live.Consent.NotRaise...)
	}
	return p, v, notRaise
}

// version is the version the meeting shows, never nil.
func (s MeetingState) version() *model.Version {
	if s.Plan != nil {
		if v := s.Plan.Current(); v != nil {
			return v
		}
	}
	return &model.Version{}
}

// current is the step the meeting is on, false when there is no agenda.
func (s MeetingState) current() (Step, bool) {
	if len(s.Steps) == 0 {
		return Step{}, false
	}
	return s.Steps[min(max(s.Step, 0), len(s.Steps)-1)], true
}

// readOnly tells whether the plan can be changed at all now.
func (s MeetingState) readOnly() bool {
	return s.Plan == nil || s.Plan.Draft == nil || s.Plan.Status == model.StatusClosed
}

// ChairActionKind is what the chair asks of the meeting.
type ChairActionKind int

const (
	ChairNone ChairActionKind = iota
	// ChairGoStep moves the agenda to Step.
	ChairGoStep
	// ChairToggleDone marks the step StepID done or not done; done moves on.
	ChairToggleDone
	// ChairToggleSpoke ticks or unticks Participant in the round StepID.
	ChairToggleSpoke
	// ChairStartMeeting starts the meeting clock.
	ChairStartMeeting
)

// ChairAction is a change the chair's view asks for. The owner of the plan
// applies it, so that every view follows from one place.
type ChairAction struct {
	Kind        ChairActionKind
	Step        int
	StepID      string
	Participant string
}

// ToggleSpoke ticks or unticks one speaker in a round.
func ToggleSpoke(v *model.Version, step, id string) {
	if v.Rounds == nil {
		v.Rounds = map[string][]string{}
	}
	ids := v.Rounds[step]
	for i, x := range ids {
		if x == id {
			v.Rounds[step] = append(ids[:i:i], ids[i+1:]...)
			return
		}
	}
	v.Rounds[step] = append(ids, id)
}
