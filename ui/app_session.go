// The root's part in an open meeting: opening a session as one view,
// leaving it off the UI goroutine, and the print options of its screens.

package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
)

// printOptions are a print's from the screens: the easy-read page first,
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
func (m *Model) leave(s *service.Session, sh Sharing) tea.Cmd {
	return m.io(func() tea.Msg {
		// Sharing stops first, so that the devices' leaving is in the
		// trail and nothing reaches a device after the session closed.
		if sh != nil {
			_ = sh.Stop()
		}
		return meetingLeftMsg{s.ID(), s.Close()}
	})
}

// openSession puts a session's meeting in front, attached as one view.
func (m *Model) openSession(s *service.Session) tea.Cmd {
	var cmds []tea.Cmd
	if m.session != nil {
		sh := m.takeSharing()
		m.view.Detach()
		m.leaving = append(m.leaving, m.session)
		cmds = append(cmds, m.leave(m.session, sh))
	}
	m.session, m.view = s, s.Attach()
	m.view.Edit(func(p *model.Plan) {
		steps := m.o.Agenda(p.Variant)
		if p.Draft != nil && p.Draft.Review != nil {
			steps = followUpAgenda(steps)
		}
		m.meeting = newMeetingModel(m.o.Lang, &m.st, m.o.Service, m.view, steps, m.o.Now)
		m.meeting.io = m.io
		m.meeting.printOptions = m.printOptions
		m.meeting.checklist = m.o.Checklist
		m.meeting.share = m.o.Share
		m.meeting.setSize(m.width, m.height-1)
	})
	m.screen = screenMeeting
	if m.o.ShareOnOpen && m.o.Share != nil {
		m.o.ShareOnOpen = false // only the meeting opened first
		cmds = append(cmds, m.meeting.startSharing())
	}
	return tea.Batch(append(cmds, m.meeting.init())...)
}

// samePerson tells whether a listed plan has the same name and birth date,
// so that a second plan for one person is not made by mistake. It looks at
// the list the home screen has, never the disk: it runs inside Update.
func (m *Model) samePerson(p *model.Plan) bool {
	masked := model.MaskPNR(p.Person.PNR)
	for _, s := range m.home.all {
		if model.SameName(s.Person, p.Person.Name) && s.PNRMasked == masked {
			return true
		}
	}
	return false
}
