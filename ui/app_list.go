// The root's part in the home screen's list of plans: reading it off the
// UI goroutine, first at start (see Options.ListAfterStart) and again
// whenever a screen may have changed a plan.

package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
)

// listMsg is the list of plans read off the UI goroutine. It names the
// reading it answers (gen): readings run side by side, and one asked for
// earlier that ends later must not put an older list on the screen.
type listMsg struct {
	gen  uint64
	sums []model.Summary
	err  error
}

func (m *Model) list(gen uint64) listMsg {
	sums, err := m.o.Service.Home(m.ctx)
	return listMsg{gen, sums, err}
}

// reload reads the list of plans again, for the home screen.
func (m *Model) reload() tea.Cmd {
	m.listAsked++
	gen := m.listAsked
	return m.io(func() tea.Msg { return m.list(gen) })
}

func (m *Model) listed(msg listMsg) {
	if msg.gen < m.listShown {
		return // a reading asked for before the one on screen
	}
	m.listShown = msg.gen
	m.listing, m.home.Loading = false, false
	if msg.err != nil {
		m.home.Message = common.ErrText(m.o.Lang, msg.err)
		if msg.sums == nil {
			return
		}
	}
	m.home.SetPlans(msg.sums)
}
