// The root's part in the home screen's list of plans: reading it off the
// UI goroutine, first at start (see Options.ListAfterStart) and again
// whenever a screen may have changed a plan.

package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
)

// listMsg is the list of plans read off the UI goroutine.
type listMsg struct {
	sums []model.Summary
	err  error
}

func (m *Model) list() listMsg {
	sums, err := m.o.Service.Home()
	return listMsg{sums, err}
}

// reload reads the list of plans again, for the home screen.
func (m *Model) reload() tea.Cmd {
	return m.io(func() tea.Msg { return m.list() })
}

func (m *Model) listed(msg listMsg) {
	m.listing, m.home.Loading = false, false
	if msg.err != nil {
		m.home.Message = common.ErrText(m.o.Lang, msg.err)
		if msg.sums == nil {
			return
		}
	}
	m.home.SetPlans(msg.sums)
}
