package model

import (
	"strings"
	"time"
)

// The meeting clock. A plan is often prepared days ahead, and the program
// may be closed and opened again during a meeting; so the meeting starts
// only when the chair says so, and its time is the time its steps were open
// on screen: what passed before the start is preparation, and time with the
// program closed never counts. Every screen that shows the agenda (the
// secretary's, the chair's, the room's) reads the clock from here.

// Started tells whether the chair has started the meeting.
func (v *Version) Started() bool { return v.Meeting.StartedAt != nil }

// startSlack is how far the real start may be from the booked time before
// the plan takes the real one.
const startSlack = 15 * time.Minute

// StartMeeting starts the meeting clock. Starting a meeting already
// started changes nothing.
//
// The plan says when the meeting was held, on paper too: a meeting booked
// for 17:00 and started at 16:16 must not print "17:00–18:00", nor warn at
// finalising that its time has not come yet. So when the start is more
// than a quarter of an hour from the booked date and time, or none was
// booked, the plan's date and start time become the real ones. It returns
// the booked time it replaced ("" when it kept it), for the screen to say.
func (v *Version) StartMeeting(now time.Time) (was string) {
	if v.Meeting.StartedAt != nil {
		return ""
	}
	t := now
	v.Meeting.StartedAt = &t
	booked, ok := v.Meeting.When()
	_, clockErr := ParseClock(v.Meeting.Start)
	local := now.In(time.Local)
	if ok && clockErr == nil && local.Sub(booked).Abs() <= startSlack {
		return ""
	}
	was = strings.TrimSpace(v.Meeting.Date + " " + v.Meeting.Start)
	v.Meeting.Booked = &Booking{Date: v.Meeting.Date, Start: v.Meeting.Start}
	v.Meeting.Date = local.Format(DateLayout)
	v.Meeting.Start = local.Format(TimeLayout)
	return was
}

// Booking is a meeting's booked date and start time.
type Booking struct {
	Date  string `json:"date"`
	Start string `json:"start"`
}

// UndoStart takes back a false start: the meeting is not started, and the
// time counted since is given back to the steps, as if it had been
// preparation. Ticks done and rounds are kept; they are the plan's content.
func (v *Version) UndoStart() {
	v.Meeting.StartedAt = nil
	if b := v.Meeting.Booked; b != nil {
		v.Meeting.Date, v.Meeting.Start = b.Date, b.Start
		v.Meeting.Booked = nil
	}
	for id, st := range v.Agenda {
		st.Seconds = 0
		v.Agenda[id] = st
	}
}

// TickStep adds time the step was open to it. Nothing counts before the
// meeting is started, and a gap longer than a minute (a suspended laptop,
// a stalled terminal) is not meeting time.
func (v *Version) TickStep(stepID string, d time.Duration) bool {
	if !v.Started() || stepID == "" || d <= 0 || d > time.Minute {
		return false
	}
	if v.Agenda == nil {
		v.Agenda = map[string]StepState{}
	}
	st := v.Agenda[stepID]
	st.Seconds += int(d.Round(time.Second).Seconds())
	v.Agenda[stepID] = st
	return true
}

// Elapsed is the meeting's time so far: the time its steps were open.
func (v *Version) Elapsed() time.Duration {
	total := 0
	for _, st := range v.Agenda {
		total += st.Seconds
	}
	return time.Duration(total) * time.Second
}

// StepTime is what the budget needs of one agenda step.
type StepTime struct {
	ID    string
	Share int // percent of the planned length
}

// Budget is one step's time: what it was planned at and what it has now.
type Budget struct {
	Planned time.Duration // the step's share of the planned length
	Now     time.Duration // after the overruns so far
	Used    time.Duration
}

// Shrunk tells whether earlier overruns took time from the step.
func (b Budget) Shrunk() bool { return b.Now < b.Planned-time.Second/2 }

// Over tells whether the step has used more than its time.
func (b Budget) Over() bool { return b.Now > 0 && b.Used > b.Now }

// Budgets gives every step its time so that the meeting can still end on
// time. A step before the current one (or ticked done) keeps its planned
// time; the current and later ones share what is left of the meeting in
// proportion to their shares, and when the current step runs over, the
// later steps give up the overrun, again in proportion. Time is only ever
// taken away: a meeting that runs early simply ends early.
func Budgets(planned time.Duration, steps []StepTime, cur int, v *Version) []Budget {
	out := make([]Budget, len(steps))
	left := planned
	var rest []int // the current and the later steps not yet done
	for i, s := range steps {
		out[i].Planned = planned * time.Duration(s.Share) / 100
		out[i].Now = out[i].Planned
		out[i].Used = time.Duration(v.Agenda[s.ID].Seconds) * time.Second
		if i < cur || v.Agenda[s.ID].Done {
			left -= out[i].Used
			continue
		}
		rest = append(rest, i)
	}
	share := func(idx []int, left time.Duration) {
		var sum time.Duration
		for _, i := range idx {
			sum += out[i].Planned
		}
		if sum <= 0 || left >= sum {
			return
		}
		left = max(0, left)
		for _, i := range idx {
			out[i].Now = time.Duration(float64(out[i].Planned) * float64(left) / float64(sum))
		}
	}
	share(rest, left)
	if len(rest) > 0 && rest[0] == cur {
		// The current step's overrun comes from the steps after it.
		c := out[cur]
		share(rest[1:], left-max(c.Used, c.Now))
	}
	return out
}

// When is the meeting's booked date and start time, in local time; ok is
// false when either is missing or malformed. Without a start time the
// meeting is taken to begin at the start of its day.
func (m Meeting) When() (t time.Time, ok bool) {
	d, err := time.ParseInLocation(DateLayout, m.Date, time.Local)
	if err != nil {
		return time.Time{}, false
	}
	if c, err := ParseClock(m.Start); err == nil {
		d = d.Add(time.Duration(c.Hour())*time.Hour + time.Duration(c.Minute())*time.Minute)
	}
	return d, true
}
