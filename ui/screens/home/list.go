package home

import (
	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
)

// The list keeps one index entry per plan (model.ListEntry: id, name,
// masked personnummer, status), in name order, and the full lines of
// only the rows around the cursor, read in tea.Cmds as the cursor moves
// or a search changes what is shown. Typing never waits for them: a row
// whose line has not come yet shows its name, personnummer and status,
// and the rest once it is there.

// RowsMsg brings the lines of the rows the list asked for through Fetch.
// Gen names the list they were asked for: lines for an older list (read
// before a plan changed) are dropped.
type RowsMsg struct {
	Gen  uint64
	IDs  []string // the ids asked for
	Rows []model.Summary
	Err  error
}

// DueMsg brings what is due, read after the list (service.HomeDue), for
// the list Gen.
type DueMsg struct {
	Gen uint64
	Due []model.DueItem
	Err error
}

// FirstRows names the rows the list shows first, to read with the list
// itself: the first n open plans and the first n closed ones, in the
// entries' order.
func FirstRows(entries []model.ListEntry, n int) []string {
	var ids []string
	open, closed := 0, 0
	for i := range entries {
		if open >= n && closed >= n {
			break
		}
		if entries[i].Status == model.StatusClosed {
			if closed < n {
				ids = append(ids, entries[i].ID)
			}
			closed++
		} else {
			if open < n {
				ids = append(ids, entries[i].ID)
			}
			open++
		}
	}
	return ids
}

// SetList replaces the list with entries, in the order they come (the
// service's name order), and the lines already read of some of them. gen
// names this list for the messages that answer it. The list keeps
// entries as they are; the caller must not change them. It returns the
// reading of the lines the screen shows and has not got.
func (h *Model) SetList(gen uint64, entries []model.ListEntry, rows []model.Summary) tea.Cmd {
	h.gen, h.entries = gen, entries
	// The search's index is made off the UI goroutine (SearchMsg): the
	// first frame with the plans' names must not wait for it. A search
	// typed before it comes makes it at once (apply).
	h.lists++
	h.index, h.indexed = searchIndex{}, false
	h.rows = make(map[string]model.Summary, len(rows))
	for _, r := range rows {
		h.rows[r.ID] = r
	}
	h.pending = map[string]bool{}
	h.apply()
	return tea.Batch(h.fetch(), h.makeIndex())
}

// SearchMsg is the search's index of a list, made off the UI goroutine.
type SearchMsg struct {
	list  uint64
	index searchIndex
}

// makeIndex makes the search's index of the list now shown.
func (h *Model) makeIndex() tea.Cmd {
	list, entries, l := h.lists, h.entries, h.lang
	return func() tea.Msg {
		return SearchMsg{list, indexOf(l, entries)}
	}
}

// indexOf is the search's index of entries, row for row.
func indexOf(l model.Lang, entries []model.ListEntry) searchIndex {
	return newSearchIndex(l, func(i int) string { return entries[i].Person }, func(i int) string { return entries[i].PNRMasked }, len(entries))
}

// SetSearch takes the search's index made for the list on screen; one
// made for an earlier list, or after a search made its own, is dropped.
func (h *Model) SetSearch(msg SearchMsg) {
	if msg.list == h.lists && !h.indexed {
		h.index, h.indexed = msg.index, true
	}
}

// SetPlans is SetList for a list of whole lines, sorted here: for tests
// and small lists.
func (h *Model) SetPlans(sums []model.Summary) {
	entries := make([]model.ListEntry, len(sums))
	for i := range sums {
		entries[i] = sums[i].Entry()
	}
	model.SortEntries(entries)
	h.SetList(h.gen, entries, sums)
}

// SetRows takes lines read for the list. Lines of another list are
// dropped, and the lines kept are only those near the cursor.
func (h *Model) SetRows(msg RowsMsg) {
	if msg.Gen != h.gen {
		return
	}
	if msg.Err != nil {
		// Not asked again until the list is read again: a damaged line
		// must not be read over and over at every key.
		h.Message = common.ErrSentence(h.lang, msg.Err)
	} else {
		for _, id := range msg.IDs {
			delete(h.pending, id)
		}
	}
	if len(h.rows) > 4*h.Height+256 {
		lo, hi := h.window()
		keep := make(map[string]model.Summary, hi-lo+len(msg.Rows))
		for i := lo; i < hi; i++ {
			id := h.entry(i).ID
			if s, ok := h.rows[id]; ok {
				keep[id] = s
			}
		}
		h.rows = keep
	}
	for _, r := range msg.Rows {
		h.rows[r.ID] = r
	}
}

// SetDue takes what is due for the list gen.
func (h *Model) SetDue(msg DueMsg) {
	if msg.Gen != h.gen {
		return
	}
	h.due = msg.Due
	if msg.Err != nil && len(msg.Due) == 0 {
		h.Message = common.ErrSentence(h.lang, msg.Err)
	}
}

// window is the rows whose lines the list keeps: two screens each way
// from the cursor, which covers every row the view can show.
func (h *Model) window() (lo, hi int) {
	return max(0, h.cursor-2*h.Height), min(len(h.shown), h.cursor+2*h.Height+1)
}

// fetch asks for the lines of the rows in the window not read or asked
// for yet.
func (h *Model) fetch() tea.Cmd {
	if h.Fetch == nil {
		return nil
	}
	lo, hi := h.window()
	var ids []string
	for i := lo; i < hi; i++ {
		id := h.entry(i).ID
		if _, ok := h.rows[id]; !ok && !h.pending[id] {
			ids = append(ids, id)
			h.pending[id] = true
		}
	}
	if len(ids) == 0 {
		return nil
	}
	return h.Fetch(h.gen, ids)
}

// ReadShown asks for the lines of the rows in view that are not read yet,
// after something other than Update changed what is in view (the size).
func (h *Model) ReadShown() tea.Cmd { return h.fetch() }

// entry is the plan on the list's line i.
func (h *Model) entry(i int) *model.ListEntry { return &h.entries[h.shown[i]] }

// apply chooses the lines to show: the open or the closed plans, those
// the search finds. A search among the open plans finds the closed ones
// too, listed after them: "does this child already have a plan?" must not
// be answered no because the plan has ended.
func (h *Model) apply() {
	q := searchQuery(h.lang, h.Filter.Value())
	// Row numbers, with room for every plan at once: copying each plan's
	// line into a growing list was a third of the first frame's time
	// with 10 000 plans.
	if cap(h.shown) < len(h.entries) {
		h.shown = make([]int32, 0, len(h.entries))
	}
	h.shown = h.shown[:0]
	h.ended = h.ended[:0]
	keep := func(i int) {
		closed := h.entries[i].Status == model.StatusClosed
		switch {
		case closed == h.closed:
			h.shown = append(h.shown, int32(i))
		case closed && q != "":
			h.ended = append(h.ended, int32(i))
		}
	}
	if q == "" {
		for i := range h.entries {
			keep(i)
		}
	} else {
		if !h.indexed {
			h.index, h.indexed = indexOf(h.lang, h.entries), true
		}
		h.index.rows(q, keep)
	}
	h.endedFrom = len(h.shown)
	h.shown = append(h.shown, h.ended...)
	if h.cursor >= len(h.shown) {
		h.cursor = max(0, len(h.shown)-1)
	}
}
