package accessible

import (
	"time"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
	"github.com/sipmote/sipmote/ui/common"
	ms "github.com/sipmote/sipmote/ui/screens/meeting"
	"github.com/sipmote/sipmote/ui/screens/room"
)

// meeting is an open plan: one view of its session, the agenda and the
// focus (a section, in a list a row, and a field).
type meeting struct {
	r        *runner
	l        model.Lang
	sess     *service.Session
	view     *service.View
	events   <-chan service.Event
	steps    []room.Step
	sections []ms.PlainSection
	step     int
	sec      int    // index in sections
	row      string // the row open in a list section; "" for none
	field    int    // index among the visible fields
	readOnly bool
	// saveErr is set while saves fail: one line says it, one line says
	// when a save works again.
	saveErr    bool
	clockDirty int
	lastTick   time.Time
	// heard are other devices' changes waiting to be said, one a second.
	heard []string
	// said are the findings as :fynd last numbered them.
	said []model.Finding
	// shared is the meeting's share over SSH, nil when not shared.
	shared *sharing
}

// enter opens session s as the meeting in front.
func (r *runner) enter(s *service.Session) {
	r.leave()
	m := &meeting{r: r, l: r.l, sess: s, view: s.Attach(), lastTick: r.o.Now()}
	m.events = m.view.Events()
	r.meet = m
	var name string
	m.view.Edit(func(p *model.Plan) {
		name = p.Person.Name
		m.readOnly = m.view.ReadOnly()
		if r.o.Agenda != nil {
			m.steps = r.o.Agenda(p.Variant)
		}
		if p.Draft != nil && p.Draft.Review != nil {
			m.steps = ms.FollowUpAgenda(m.steps)
		}
		m.sections = ms.PlainSections(r.l, p, r.o.Now, r.o.QuickWords)
		for i, st := range m.steps {
			if st.ID == p.Position.Step {
				m.step = i
			}
		}
		if len(m.steps) > 0 && !m.readOnly && p.Position.Step == "" {
			m.view.MoveStep(m.steps[0].ID)
		}
	})
	r.say(model.T(r.l, "Mötet för ", "The meeting of ") + name + model.T(r.l, " är öppet.", " is open."))
	if m.readOnly {
		r.sayT("Planen är fastställd eller avslutad och kan bara läsas. :läs läser delen i fokus, :del N byter del.",
			"The plan is finalised or closed and can only be read. :read reads the section in focus, :section N changes section.")
	}
	m.goStep(m.step, false)
	if r.o.ShareOnOpen {
		r.o.ShareOnOpen = false // only the meeting opened first
		m.share()
	}
}

// leave closes the meeting in front, if any, and says what became of
// its text.
func (r *runner) leave() {
	m := r.meet
	if m == nil {
		return
	}
	r.meet = nil
	// Sharing stops first, so that the devices' leaving is in the trail
	// and nothing reaches a device after the session closed.
	m.endShare()
	m.view.Detach()
	c := m.sess.CloseWithin(r.o.CloseRetry, nil)
	if t := service.ClosedText(r.l, c); t != "" {
		r.saved = false
		r.say(t)
		return
	}
	if c.Outcome == service.OutcomeSaved && c.SaveErr == nil {
		r.sayT("Mötet är stängt och allt som skrevs är sparat.", "The meeting is closed and everything typed is saved.")
	}
}

// edit runs fn on the plan for writing; it tells whether it ran.
func (m *meeting) edit(fn func(p *model.Plan)) bool { return m.view.Edit(fn) }

// saveTick hands what changed to the saver, as the full screen's tick.
func (m *meeting) saveTick() {
	m.edit(func(*model.Plan) { m.view.Tick() })
}

// clockTick adds the second to the step open, and says one change heard
// from another device.
func (m *meeting) clockTick() {
	now := m.r.o.Now()
	d := now.Sub(m.lastTick)
	m.lastTick = now
	if len(m.steps) > 0 && !m.readOnly {
		m.edit(func(*model.Plan) {
			v := m.view.Draft()
			if v == nil || !v.TickStep(m.steps[m.step].ID, d) {
				return
			}
			// The clock is saved every ten seconds, as on the full screen.
			if m.clockDirty++; m.clockDirty >= 10 {
				m.clockDirty = 0
				m.view.Changed("")
			}
		})
	}
	if len(m.heard) > 0 {
		m.r.say(m.heard[0])
		m.heard = m.heard[1:]
	}
}

// event takes what the session says: how saving went and what other
// views changed.
func (m *meeting) event(e service.Event) {
	if e.Session != m.sess.ID() {
		return
	}
	if s := e.Saved; s != nil {
		switch {
		case s.Err != nil && !m.saveErr:
			m.saveErr = true
			m.r.say(common.SaveErrorText(m.l, s.Err))
		case s.Err == nil && m.saveErr:
			m.saveErr = false
			m.r.say(model.T(m.l, "Sparat igen ", "Saved again at ") + s.At.Format("15:04:05") +
				model.T(m.l, ". Allt som skrivits är sparat.", ". Everything typed is saved."))
		}
		if s.Err != nil {
			m.edit(func(*model.Plan) { m.view.Changed("") }) // tried again at the next tick
		}
	}
	// Other devices' changes: the section's name, never its text, so the
	// private field cannot be read out by a change.
	for _, id := range e.Sections {
		line := model.T(m.l, "Ändrat från en annan enhet: ", "Changed on another device: ") + model.SectionLabel(id, m.l) + "."
		if !contains(m.heard, line) {
			m.heard = append(m.heard, line)
		}
	}
	if e.StepMoved {
		m.view.Read(func(*model.Plan) {
			at := m.view.Step()
			for i, st := range m.steps {
				if st.ID == at && i != m.step {
					m.step = i
					m.focusStep()
					m.heard = append(m.heard, model.T(m.l, "Mötet gick vidare. ", "The meeting moved on. ")+m.stepLine())
				}
			}
		})
	}
	if e.Finalised {
		m.readOnly = true
		m.heard = append(m.heard, model.T(m.l, "Planen fastställdes från en annan enhet.", "The plan was finalised on another device."))
	}
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
