// The root's part in the home screen's list of plans: reading it off the
// UI goroutine, first at start (see Options.ListAfterStart) and again
// whenever a screen may have changed a plan; then the lines of the rows
// the list shows as it scrolls, and what is due.

package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/screens/home"
)

// firstRows is how many lines of open plans (and of closed ones) are
// read with the list, so that the first frame shows them whole: more
// than a tall window's rows.
const firstRows = 80

// dueDays is how far ahead the home screen lists what is due: as far as
// `sipmote due` looks, so that both list the same things (issue 27: the
// home screen looked 14 days ahead, `due` and the README 28).
const dueDays = model.DefaultDueDays

// listMsg is the list of plans read off the UI goroutine: every plan's
// index entry in name order, and the lines of the first rows. It names
// the reading it answers (gen): readings run side by side, and one asked
// for earlier that ends later must not put an older list on the screen.
type listMsg struct {
	gen     uint64
	entries []model.ListEntry
	rows    []model.Summary
	err     error
	// front marks the first open plans only, from the store's front page
	// (the first frame at start); the whole list is read next.
	front bool
}

// frontSettle is how long the whole list waits after the front page is
// on the home screen: reading it keeps both processors busy, and the
// frame must be drawn first. It is well inside the time keys are still
// taken as typed before the first frame (firstFrameWait), so no key
// waits for it.
const frontSettle = 25 * time.Millisecond

// wholeListMsg asks for the whole list after the front page (gen).
type wholeListMsg struct{ gen uint64 }

// wholeList reads the whole list after the front page.
func (m *Model) wholeList(msg wholeListMsg) tea.Cmd {
	if msg.gen < m.listShown {
		return nil
	}
	return m.io(func() tea.Msg { return m.list(msg.gen) })
}

// firstList is the list the first frame shows: the first open plans from
// the store's front page where it has one, so that the frame does not
// wait for every plan's entry; else the whole list.
func (m *Model) firstList(gen uint64) listMsg {
	entries, rows, ok := m.o.Service.HomeFront(m.ctx, firstRows)
	if !ok {
		return m.list(gen)
	}
	return listMsg{gen: gen, entries: entries, rows: rows, front: true}
}

func (m *Model) list(gen uint64) listMsg {
	entries, err := m.o.Service.HomeIndex(m.ctx)
	if entries == nil {
		return listMsg{gen: gen, err: err}
	}
	rows, rerr := m.o.Service.HomeRows(m.ctx, home.FirstRows(entries, firstRows))
	if err == nil {
		err = rerr
	}
	return listMsg{gen: gen, entries: entries, rows: rows, err: err}
}

// reload reads the list of plans again, for the home screen.
func (m *Model) reload() tea.Cmd {
	m.listAsked++
	gen := m.listAsked
	return m.io(func() tea.Msg { return m.list(gen) })
}

// reloadFirst is reload for the first frame: the front page first.
func (m *Model) reloadFirst() tea.Cmd {
	m.listAsked++
	gen := m.listAsked
	return m.io(func() tea.Msg { return m.firstList(gen) })
}

// listed puts a list read on the home screen and asks for what it needs
// next: lines it has not got, and what is due.
func (m *Model) listed(msg listMsg) tea.Cmd {
	if msg.gen < m.listShown {
		return nil // a reading asked for before the one on screen
	}
	m.listShown = msg.gen
	if msg.front {
		// On screen at once; keys wait for the whole list (listing),
		// which comes a moment later under the same reading.
		m.home.Loading = false
		shown := m.home.SetList(msg.gen, msg.entries, msg.rows)
		gen := msg.gen
		return tea.Batch(shown, tea.Tick(frontSettle, func(time.Time) tea.Msg { return wholeListMsg{gen} }))
	}
	m.listing, m.home.Loading = false, false
	m.home.Unread = ""
	if msg.err != nil {
		if msg.entries == nil {
			m.home.Unread = common.ErrText(m.o.Lang, msg.err)
			return nil
		}
		m.home.Message = common.ErrSentence(m.o.Lang, msg.err)
	}
	rows := m.home.SetList(msg.gen, msg.entries, msg.rows)
	if !m.framed {
		m.dueWait = msg.gen + 1
		return rows
	}
	return tea.Batch(rows, m.readDue(msg.gen))
}

// dueAfterFrame reads what is due for the list shown before the first
// frame was out.
func (m *Model) dueAfterFrame() tea.Cmd {
	if m.dueWait == 0 {
		return nil
	}
	gen := m.dueWait - 1
	m.dueWait = 0
	return m.readDue(gen)
}

// fetchRows reads the lines of the rows the home screen scrolled to.
func (m *Model) fetchRows(gen uint64, ids []string) tea.Cmd {
	return m.io(func() tea.Msg {
		rows, err := m.o.Service.HomeRows(m.ctx, ids)
		return home.RowsMsg{Gen: gen, IDs: ids, Rows: rows, Err: err}
	})
}

// readDue reads what is due, after the list: it reads every plan's line,
// which the first frame does not wait for.
func (m *Model) readDue(gen uint64) tea.Cmd {
	now := m.o.Now()
	return m.io(func() tea.Msg {
		due, err := m.o.Service.HomeDue(m.ctx, now, dueDays)
		return home.DueMsg{Gen: gen, Due: due, Err: err}
	})
}
