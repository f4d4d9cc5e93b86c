// How a meeting follows what other views of the same session did: the
// chair moving the agenda, an edit made on another device.

package ui

import "github.com/sipmote/sipmote/service"

// follow catches up with an edit made in another view of the session:
// the chair moved the step, ticked a speaker or finalised.
func (m *meetingModel) follow(e service.Event) {
	if !e.Edited && !e.StepMoved && !e.Finalised {
		return
	}
	m.rev++
	m.agendaKey = ""
	m.agendaRev = m.rev
	if e.StepMoved {
		id := m.sess.Step()
		for i, s := range m.steps {
			if s.ID == id && i != m.step {
				m.goStep(i)
				break
			}
		}
	}
	if e.Finalised {
		m.refreshFindings()
	}
}
