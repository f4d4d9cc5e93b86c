package meeting

import (
	"fmt"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/components"
)

// whoseLine names whose plan is open and which version, for the meeting's
// top border: "Karin Lindqvist · version 2, uppföljning". With several
// plans a day the secretary must see, before she types, that this is the
// right person's plan and the right meeting (tryout2 #45: she wrote twice
// in the wrong one). Only the name is shown, never the personnummer: the
// secretary's screen may be the one on the wall, and the name is said
// aloud in the room anyway. It is shortened to fit w columns, in this
// order: the version's words, then the name (with "…"); it never wraps.
func whoseLine(l model.Lang, p *model.Plan, w int) string {
	name := p.Person.Name
	if name == "" {
		name = model.T(l, "(namn saknas)", "(no name yet)")
	}
	long, short := versionWords(l, p)
	for _, c := range []string{name + " · " + long, name + " · " + short} {
		if ansi.StringWidth(c) <= w {
			return c
		}
	}
	tail := " · " + short
	if room := w - ansi.StringWidth(tail); room >= 8 {
		return ansi.Truncate(name, room, "…") + tail
	}
	return ansi.Truncate(name, max(0, w), "…")
}

// versionWords says which version the screen shows, in full
// ("version 2, uppföljning") and short ("version 2").
func versionWords(l model.Lang, p *model.Plan) (long, short string) {
	switch {
	case p.Status == model.StatusClosed:
		n := p.VersionNumber()
		short = fmt.Sprintf(model.T(l, "version %d", "version %d"), n)
		return short + model.T(l, ", avslutad", ", closed"), short
	case p.Draft == nil:
		short = fmt.Sprintf(model.T(l, "version %d", "version %d"), p.VersionNumber())
		return short + model.T(l, ", fastställd", ", finalised"), short
	}
	short = fmt.Sprintf(model.T(l, "version %d", "version %d"), p.Draft.Number)
	if p.Draft.Number > 1 {
		return short + model.T(l, ", uppföljning", ", follow-up"), short
	}
	return short + model.T(l, ", första planen", ", first plan"), short
}

// whoseBorder is the top border of a pane w wide with whoseLine in it.
func (m *Model) whoseBorder(border lipgloss.Style, w int) string {
	title := whoseLine(m.lang, m.Sess.Plan(), components.TitleRoom(w))
	return components.TopBorder(border, m.st.Title.Render(title), w)
}

// startMeeting starts the meeting's clock, from the secretary's key or the
// chair's.
func (m *Model) startMeeting() {
	v := m.Sess.Draft()
	if v == nil || v.Started() {
		return
	}
	v.StartMeeting(m.now())
	m.startSeen = true
	m.lastTick = m.now()
	m.Sess.Changed("")
	m.AgendaKey = ""
	m.Message = m.startedText(v, model.Text{SV: "Mötet har startat", EN: "The meeting has started"}, model.Text{SV: "Mötet startade", EN: "Started"})
}

// startedText says that the meeting started, by whom, and when a start far
// from the booking gave the plan the real time, what it was booked for.
func (m *Model) startedText(v *model.Version, plain, timed model.Text) string {
	b := v.Meeting.Booked
	if b == nil {
		return plain.In(m.lang) + model.T(m.lang, "; klockan går. ctrl+o igen ångrar en start i onödan.",
			"; the clock runs. ctrl+o again takes back a false start.")
	}
	// Short enough for an 80-column status line: the real time first.
	now, was := v.Meeting.Start, b.Start
	if b.Date != v.Meeting.Date {
		now, was = v.Meeting.Date+" "+now, b.Date+" "+b.Start
	}
	return timed.In(m.lang) + model.T(m.lang, " "+now+" (bokat "+was+"); planen har nu den tiden. ctrl+o ångrar.",
		" "+now+" (booked "+was+"); the plan now has that time. ctrl+o undoes.")
}

// undoStart takes back a false start: the meeting has not begun after all.
func (m *Model) undoStart() {
	if v := m.Sess.Draft(); v != nil {
		booked := v.Meeting.Booked
		v.UndoStart()
		m.startSeen = false
		m.Sess.Changed("")
		m.AgendaKey = ""
		m.Message = model.T(m.lang, "Starten är ångrad. ctrl+o startar mötet när ni börjar.", "The start is undone. ctrl+o starts the meeting when you begin.")
		if booked != nil {
			m.Message = model.T(m.lang, "Starten är ångrad och planen har den bokade tiden igen, "+booked.Start+". ctrl+o startar mötet.",
				"The start is undone and the plan has its booked time again, "+booked.Start+". ctrl+o starts the meeting.")
		}
	}
}

// tickClock adds the time since the last tick to the current step, so the
// clocks keep running while the secretary types. Before the chair starts
// the meeting nothing counts: that is preparation.
func (m *Model) tickClock(t time.Time) {
	d := t.Sub(m.lastTick)
	m.lastTick = t
	v := m.Sess.Draft()
	if v == nil || len(m.Steps) == 0 || !v.TickStep(m.Steps[m.Step].ID, d) {
		return
	}
	// The clock is saved every ten seconds; losing a few seconds of
	// timing in a crash is harmless, and it keeps the disk quiet.
	m.clockDirty++
	if m.clockDirty >= 10 {
		m.clockDirty = 0
		m.Sess.Changed("")
	}
}

// elapsed is the meeting's time: what its steps were open, never the time
// the program was closed.
func (m *Model) elapsed() time.Duration { return m.version().Elapsed() }
