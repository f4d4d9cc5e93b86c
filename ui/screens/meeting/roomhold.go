package meeting

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/components"
)

// The room never reads a field while the secretary is writing it. Every
// key lands in the plan at once (and is saved), but the room's screens
// draw a copy of the plan taken before the first key of the field
// (service.View.HoldRoom) until the text settles:
//
//   - the secretary leaves the field: another field, row, section, step
//     or view, or a panel over it; or
//   - the secretary stops typing for SettleAfter with the cursor at the
//     end of a sentence or a line.
//
// The pause lets the room follow a long text written in one field, one
// finished sentence at a time, without showing half a word: a private
// subject half typed, a personnummer but its last digits, a typo. The
// words and digits that settled text holds are still blanked on the
// room's view (model.RoomSafe). Typing itself never waits: the copy is
// taken once per settled stretch, not per key, and nothing is drawn or
// written for the room while the hold lasts.

// DefaultSettleAfter is how long typing must pause at a sentence's end
// before the room reads it: longer than the pause between two words, or
// to look up at the room, and short enough that the room does not wait
// long for a sentence the meeting has just agreed on.
const DefaultSettleAfter = 3 * time.Second

// settleMsg comes SettleAfter after the first key of a stretch of typing;
// it names its owner, like every asynchronous message of the meeting.
type settleMsg struct{ common.Owner }

// fieldID names the text field in focus, to tell when the secretary
// leaves it.
type fieldID struct {
	active string
	form   *components.Form
	focus  int
}

// roomHold is the meeting screen's side of the room's copy.
type roomHold struct {
	on    bool
	field fieldID
	last  time.Time // the last change while held, by the wall clock
	// pending is set while a settleMsg is on its way.
	pending bool
	// pre is a copy of the plan at the session's revision preRev, ready
	// to hold the room to at the next key.
	pre    *model.Plan
	preRev uint64
}

// textField is the text field in focus on the secretary's view, if any.
func (m *Model) textField() (fieldID, *components.Form, bool) {
	if m.Who != ViewSecretary || m.Over != nil || m.LeaveAsk != nil {
		return fieldID{}, nil, false
	}
	f := m.textForm()
	if f == nil {
		return fieldID{}, nil, false
	}
	fl := f.Current()
	if fl == nil || (fl.Kind != components.KindText && fl.Kind != components.KindArea) {
		return fieldID{}, nil, false
	}
	return fieldID{m.Active, f, f.Focus}, f, true
}

// roomCopy is the copy of the plan to hold the room to should the next
// message change a text field, and the text field in focus (zero when
// none); nil when the room is held already or the secretary's view is not
// on screen. The copy is made once per revision of the session, so keys
// that change nothing cost nothing. It is made also when no text field
// has the focus: a letter typed on a list's table starts a row with it.
func (m *Model) roomCopy() (*model.Plan, fieldID) {
	if m.hold.on || m.Who != ViewSecretary || m.Over != nil {
		return nil, fieldID{}
	}
	id, _, _ := m.textField()
	if rev := m.Sess.Rev(); m.hold.pre == nil || m.hold.preRev != rev {
		m.hold.pre, m.hold.preRev = copyForRoom(m.Sess.Plan()), rev
	}
	return m.hold.pre, id
}

// copyForRoom copies what the room's view reads of a plan: the person and
// the version shown. The finalised versions are left out.
func copyForRoom(p *model.Plan) *model.Plan {
	c := *p
	c.Versions = nil
	c.Draft = nil
	if v := p.Current(); v != nil {
		cv := model.CloneVersion(*v)
		c.Draft = &cv
	}
	return &c
}

// typedInField is called after a message changed the plan; pre and
// before are what roomCopy gave before it. A change typed into the field
// in focus, or into the row it started, holds the room (if it was not
// held) and starts the wait for a pause; a change that moved the focus
// from one field to another (a date tidied on tab) does not.
func (m *Model) typedInField(pre *model.Plan, before fieldID) tea.Cmd {
	id, _, ok := m.textField()
	if !ok {
		return nil
	}
	if !m.hold.on {
		if pre == nil || before != (fieldID{}) && id != before {
			return nil
		}
		m.Sess.HoldRoom(pre)
		m.hold.on, m.hold.field, m.hold.pre = true, id, nil
	}
	m.hold.last = time.Now()
	if m.hold.pending {
		return nil
	}
	m.hold.pending = true
	return m.settleTick(m.settleAfter())
}

func (m *Model) settleAfter() time.Duration {
	if m.SettleAfter > 0 {
		return m.SettleAfter
	}
	return DefaultSettleAfter
}

func (m *Model) settleTick(d time.Duration) tea.Cmd {
	o := m.owner
	return tea.Tick(d, func(time.Time) tea.Msg { return settleMsg{o} })
}

// settle answers a settleMsg: the room reads the field once typing has
// paused long enough at a sentence's end; otherwise it waits on.
func (m *Model) settle() tea.Cmd {
	m.hold.pending = false
	if !m.hold.on {
		return nil
	}
	if wait := m.settleAfter() - time.Since(m.hold.last); wait > 0 {
		m.hold.pending = true
		return m.settleTick(wait)
	}
	if _, f, ok := m.textField(); ok && model.AtSentenceEnd(f.BeforeCursor()) {
		m.releaseRoom()
	}
	return nil
}

// leftField lets the room read the field once the secretary is no longer
// in it. Called after every message.
func (m *Model) leftField() {
	if !m.hold.on {
		return
	}
	if id, _, ok := m.textField(); !ok || id != m.hold.field {
		m.releaseRoom()
	}
}

// releaseRoom shows the room the plan as it is.
func (m *Model) releaseRoom() {
	m.hold.on = false
	m.Sess.ReleaseRoom()
}
