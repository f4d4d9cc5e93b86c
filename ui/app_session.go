// The root's part in an open meeting: opening a session as one view,
// leaving it off the UI goroutine, and the print options of its screens.

package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/screens/meeting"
	"github.com/sipmote/sipmote/ui/screens/meeting/sharepanel"
)

// PrintOptions are a print's from the screens: the easy-read page first,
// where there is one. It runs in the print's tea.Cmd.
func (m *Model) printOptions(p *model.Plan, v *model.Version) service.PrintOptions {
	o := service.PrintOptions{Lang: m.o.Lang}
	if m.o.EasyRead != nil {
		o.EasyRead = m.o.EasyRead(p, v)
	}
	return o
}

// leave closes a session off the UI goroutine: its last save may wait for
// the disk.
func (m *Model) leave(s *service.Session, sh sharepanel.Sharing, kept string) tea.Cmd {
	return m.io(func() tea.Msg {
		// Sharing stops first, so that the devices' leaving is in the
		// trail and nothing reaches a device after the session closed.
		if sh != nil {
			_ = sh.EndMeeting()
		}
		return meetingLeftMsg{s.ID(), s.CloseWithin(0, nil), kept}
	})
}

// Shutdown ends what the screens have open, once the program has ended,
// whatever ended it: the new-plan form is written, the service calls
// running are waited for, sharing stops, and every meeting is closed. A
// meeting's last save that fails is tried again for up to retry, or until
// stop is closed; what the database still will not take goes to a
// recovery file. It returns what became of each meeting's text, and the
// form's save error.
func (m *Model) Shutdown(retry time.Duration, stop <-chan struct{}) ([]service.Closed, error) {
	m.flushTyped()
	err := m.flushForm()
	m.workMu.Lock()
	m.shut = true
	m.workMu.Unlock()
	m.work.Wait()
	if sh := m.takeSharing(); sh != nil {
		_ = sh.EndMeeting()
	}
	var closed []service.Closed
	if m.session != nil {
		closed = append(closed, m.session.CloseWithin(retry, stop))
		m.session, m.view = nil, nil
	}
	for _, s := range m.leaving {
		closed = append(closed, s.CloseWithin(retry, stop))
	}
	m.leaving = nil
	closed = append(closed, m.unsaved...)
	m.unsaved = nil
	m.cancel() // after the wait: no call in flight is cut short
	return closed, err
}

// noteLeft takes the outcome of a meeting left: where its text is now, if
// the database did not take it, is said on the home screen at once and
// again when the program ends.
func (m *Model) noteLeft(c service.Closed, kept string) {
	if t := leftText(m.o.Lang, c); t != "" {
		m.home.Message = t
		m.unsaved = append(m.unsaved, c)
		return
	}
	if c.Outcome == service.OutcomeSaved && c.SaveErr == nil {
		// Said only when the last save is known to have worked, so that
		// leaving (ctrl+q, ctrl+c) is never silent.
		m.home.Message = model.T(m.o.Lang, "Mötet är stängt och allt som skrevs är sparat.", "The meeting is closed and everything typed is saved.") + kept
	}
}

// leftText is what the home screen says of a meeting left whose text the
// database did not take: where it is now, or that it is lost.
func leftText(l model.Lang, c service.Closed) string {
	switch c.Outcome {
	case service.OutcomeRecovered:
		return model.T(l, "Mötet är stängt. Databasen tog inte emot det som skrevs sist ("+common.ErrText(l, c.SaveErr)+"). Hela planen är sparad i filen "+
			c.Recovery+" och erbjuds tillbaka nästa gång sipmote startas.",
			"The meeting is closed. The database did not take what was typed last ("+common.ErrText(l, c.SaveErr)+"). The whole plan is saved in the file "+
				c.Recovery+" and offered back the next time sipmote starts.") + inMemoryText(l, c)
	case service.OutcomeLost:
		return model.T(l, "Mötet är stängt, men det senaste som skrevs kunde inte sparas ("+common.ErrText(l, c.SaveErr)+"), inte heller i en återställningsfil ("+
			common.ErrText(l, c.RecoveryErr)+"). Det är förlorat.",
			"The meeting is closed, but what was typed last could not be saved ("+common.ErrText(l, c.SaveErr)+"), nor in a recovery file ("+
				common.ErrText(l, c.RecoveryErr)+"). It is lost.")
	}
	return ""
}

// openSession puts a session's meeting in front, attached as one view.
func (m *Model) openSession(s *service.Session) tea.Cmd {
	var cmds []tea.Cmd
	if m.session != nil {
		m.flushTyped()
		sh := m.takeSharing()
		m.view.Detach()
		m.leaving = append(m.leaving, m.session)
		cmds = append(cmds, m.leave(m.session, sh, ""))
	}
	m.session, m.view = s, s.Attach()
	m.view.Edit(func(p *model.Plan) {
		steps := m.o.Agenda(p.Variant)
		if p.Draft != nil && p.Draft.Review != nil {
			steps = meeting.FollowUpAgenda(steps)
		}
		m.meeting = meeting.New(m.ctx, m.o.Lang, &m.st, m.o.Service, m.view, steps, m.o.Now)
		m.meeting.IO = m.io
		m.meeting.PrintOptions = m.printOptions
		m.meeting.Checklist = m.o.Checklist
		m.meeting.QuickWords = m.o.QuickWords
		m.meeting.Share = m.o.Share
		m.meeting.SetSize(m.width, m.height-1)
	})
	m.screen = screenMeeting
	if m.framed && m.o.MeetingSeenAfter > 0 {
		// Keys that come before the meeting can have been seen are not
		// typed into it (firstframe.go).
		m.framed = false
		d := m.o.MeetingSeenAfter
		cmds = append(cmds, tea.Tick(d, func(time.Time) tea.Msg { return firstFrameMsg{} }))
	}
	if m.o.ShareOnOpen && m.o.Share != nil {
		m.o.ShareOnOpen = false // only the meeting opened first
		cmds = append(cmds, m.meeting.StartSharing())
	}
	return tea.Batch(append(cmds, m.meeting.Init())...)
}

// inMemoryText warns that a recovery file in memory is gone at a restart.
func inMemoryText(l model.Lang, c service.Closed) string {
	if !c.InMemory {
		return ""
	}
	return model.T(l, " Filen ligger i minnet: starta sipmote igen innan datorn startas om.",
		" The file is in memory: start sipmote again before the computer restarts.")
}

// flushTyped gives the open meeting's field the characters typed but not
// yet given to it (meeting_typing.go), before its session is closed.
func (m *Model) flushTyped() {
	if m.meeting != nil && m.view != nil && len(m.meeting.Typed) > 0 {
		m.view.Edit(func(*model.Plan) { m.meeting.FlushTyped() })
	}
}

// takeSharing hands the meeting's sharing to the root as the meeting is
// left, which stops it before the session closes.
func (m *Model) takeSharing() sharepanel.Sharing {
	if m.meeting == nil || m.meeting.Sharing == nil {
		return nil
	}
	sh := m.meeting.Sharing
	m.meeting.Sharing = nil
	return sh
}
