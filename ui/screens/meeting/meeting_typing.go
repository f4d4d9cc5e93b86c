package meeting

import (
	"strings"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/components"
)

// Keys typed into a text field come one message each. A paste from a
// terminal that does not mark pastes, or keys typed faster than the screen
// keeps up, is thousands of them, and the text editor's cost per key grows
// with the field, since it lays the whole field out again: a 38 kB paste
// into a long field took minutes and a gigabyte. So a run of typed
// characters is gathered and given to the field as one insert as soon as
// the keys already waiting have been read. A typedMsg, which Bubble Tea
// queues behind them, ends the run; so does any other message, which then
// comes after the run, in the order it was typed.

// typedMsg ends a run of typed characters; it names its owner, like every
// asynchronous message of the meeting.
type typedMsg struct{ common.Owner }

// A paste the terminal did not mark comes as keys as fast as the program
// reads them, and Bubble Tea reads keys and a command's answer from one
// channel in turn: a run ended at once holds one key, and each end gives
// the field an insert and a layout of its whole text (11 000 characters
// took two minutes). So once keys come faster than anyone types, the end
// of a run waits until the keys pause (quietGap) or the run is maxRun old;
// the screen is not drawn again for a key only gathered (OnlyGathered).
const (
	fastGap     = 25 * time.Millisecond // a key this soon after the screen's last work is not typed by hand (key repeat is 30 ms, typing 100 ms)
	streamAfter = 8                     // fast keys in a row before runs wait
	quietGap    = 4 * time.Millisecond  // a pause this long ends a run
	maxRun      = 80 * time.Millisecond // the field shows the paste this often
)

// typingPace follows how fast keys come. A key's pace is measured from
// the end of the screen's last Update or View (idle), not from the key
// before: while the field is slow to lay out, keys of a paste wait in the
// queue and come the moment the screen is free, however long it worked.
// at is the time of the last gathered key, read by the command that ends
// a run.
type typingPace struct {
	idle time.Time
	fast int
	at   *atomic.Int64
}

// key notes a gathered key and tells whether keys are streaming in.
func (p *typingPace) key(now time.Time) bool {
	if p.at == nil {
		p.at = new(atomic.Int64)
	}
	// A slow key halves the count rather than ending it: on a busy
	// computer a paste's keys now and then wait for the scheduler.
	if now.Sub(p.idle) < fastGap {
		p.fast++
	} else {
		p.fast /= 2
	}
	p.at.Store(now.UnixNano())
	return p.fast >= streamAfter
}

// endRun is the command that ends a run: at once for keys typed by hand,
// once the keys pause while they stream in.
func (p *typingPace) endRun(o common.Owner, streaming bool) tea.Cmd {
	if !streaming {
		return func() tea.Msg { return typedMsg{o} }
	}
	at := p.at
	return func() tea.Msg {
		start := time.Now()
		for {
			time.Sleep(quietGap)
			now := time.Now()
			if now.Sub(time.Unix(0, at.Load())) >= quietGap || now.Sub(start) >= maxRun {
				return typedMsg{o}
			}
		}
	}
}

// OnlyGathered tells whether the last message was a key only taken into
// the run: the screen has not changed, and the root may keep its frame.
func (m *Model) OnlyGathered() bool { return m.gathered }

// gather takes msg into the run of typed characters if it is one, and
// tells whether it did. The first character of a run asks for its end.
func (m *Model) gather(msg tea.Msg) (tea.Cmd, bool) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || !m.gathers(k) {
		return nil, false
	}
	first := len(m.Typed) == 0
	m.Typed = append(m.Typed, k.Text...)
	streaming := m.typing.key(time.Now())
	if !first {
		return nil, true
	}
	return m.typing.endRun(m.owner, streaming), true
}

// gathers tells whether k is a character typed into the text field in
// focus, which is all the field does with it: no question, panel or other
// view is in front, and the field is one that takes text now.
func (m *Model) gathers(k tea.KeyPressMsg) bool {
	// Shift and the lock keys make text; any other modifier a command.
	const textMods = tea.ModShift | tea.ModCapsLock | tea.ModNumLock | tea.ModScrollLock
	if k.Text == "" || k.Mod&^textMods != 0 || strings.ContainsAny(k.Text, "\r\n\t") {
		return false
	}
	if m.Over != nil || m.LeaveAsk != nil || m.confirmUndo || m.Who != ViewSecretary || m.Sess.ReadOnly() {
		return false
	}
	f := m.textForm()
	if f == nil || f.Held || f.Concealed() || f.Replace {
		return false
	}
	fl := f.Current()
	return fl != nil && (fl.Kind == components.KindText || fl.Kind == components.KindArea)
}

// textForm is the form whose field has the keys: the section's own, or
// the row of a list being written.
func (m *Model) textForm() *components.Form {
	switch s := m.Sections[m.Active].(type) {
	case *FormSection:
		return s.Form
	case *ListSection:
		if s.ask == nil && s.quickIn == nil {
			return s.Form
		}
	}
	return nil
}

// FlushTyped gives the field the run gathered so far, as one insert, and
// returns what the field answered.
func (m *Model) FlushTyped() tea.Cmd {
	if len(m.Typed) == 0 {
		return nil
	}
	text := string(m.Typed)
	m.Typed = m.Typed[:0]
	// Typed text is keys: a message lasts until the next key, as for any
	// other key (handleKey), so it no longer hides the save status while
	// the secretary types on. One the text itself brings is set after.
	m.Message = ""
	return m.Update(tea.PasteMsg{Content: text})
}

// concealForms hides every private field of the meeting again: called
// when the secretary leaves the section, the step or the view, or opens a
// panel over it.
func (m *Model) concealForms() {
	for _, s := range m.Sections {
		switch s := s.(type) {
		case *FormSection:
			s.Form.Conceal()
		case *ListSection:
			if s.Form != nil {
				s.Form.Conceal()
			}
		}
	}
}

// place is where the secretary is: a change of any of it leaves the field.
type place struct {
	active string
	who    ViewKind
	step   int
	over   bool
}

func (m *Model) place() place {
	return place{m.Active, m.Who, m.Step, m.Over != nil || m.LeaveAsk != nil}
}

// settleField puts the field being typed in its standard form when the
// secretary goes elsewhere without leaving it: a step change, another
// section, ctrl+q. "idag" typed in a date and then ctrl+n would stay a
// word (a finding, and a different day when the plan is opened again);
// "15/1 2027" would keep its error (tryout42a #13, #16). It tells whether
// the plan changed; ctrl+z in the field brings back what was typed.
func (m *Model) settleField() bool {
	if m.Sess.ReadOnly() {
		return false
	}
	changed := false
	switch s := m.Sections[m.Active].(type) {
	case *FormSection:
		changed = s.Form.Settle()
	case *ListSection:
		changed = s.settle()
	}
	if changed {
		m.rev++
		m.Sess.Changed(m.Active)
	}
	return changed
}

// settle puts the row's field being typed in its standard form.
func (s *ListSection) settle() bool {
	return s.Form != nil && s.Form.Settle()
}
