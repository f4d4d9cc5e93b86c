package home

import (
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
)

// fetchLog is a Fetch that records what the list asked for and answers
// nothing: the test hands the lines over itself.
type fetchLog struct{ asks [][]string }

func (f *fetchLog) fetch(gen uint64, ids []string) tea.Cmd {
	f.asks = append(f.asks, slices.Clone(ids))
	return nil
}

// TestWindowOfRows: the list asks for the lines of the rows around the
// cursor only, never twice while asked, draws a row not read yet from
// its index entry, takes the lines of its own list and drops those of
// an older one.
func TestWindowOfRows(t *testing.T) {
	st := common.DefaultStyles()
	h := New(model.Swedish, &st, func() time.Time { return benchNow }, nil)
	h.SetSize(80, 24)
	var f fetchLog
	h.Fetch = f.fetch
	sums := summaries(2000)
	entries := make([]model.ListEntry, len(sums))
	byID := map[string]model.Summary{}
	for i := range sums {
		entries[i] = sums[i].Entry()
		byID[sums[i].ID] = sums[i]
	}
	model.SortEntries(entries)
	h.SetList(5, entries, nil)
	if len(f.asks) != 1 || len(f.asks[0]) != 2*24+1 {
		t.Fatalf("asked %d times, first for %d lines; want once, for the 49 rows from the top", len(f.asks), len(f.asks[0]))
	}
	first := h.entry(0)
	if l := strings.Split(h.View(), "\n")[4]; !strings.Contains(l, first.PNRMasked) || strings.Contains(l, h.row(byID[first.ID])) {
		t.Errorf("a row not read yet: %q", l)
	}
	// Moving down inside the window asks for nothing more; the same rows
	// are not asked for again while asked.
	h.Update(tea.KeyPressMsg{Code: tea.KeyDown})
	if len(f.asks) != 2 || len(f.asks[1]) != 1 {
		t.Errorf("one down: asks %v", f.asks[1:])
	}
	// An answer for another list is dropped; one for this list is drawn.
	var rows []model.Summary
	for _, id := range f.asks[0] {
		rows = append(rows, byID[id])
	}
	h.SetRows(RowsMsg{Gen: 4, IDs: f.asks[0], Rows: rows})
	if len(h.rows) != 0 {
		t.Fatalf("lines of an older list were kept")
	}
	h.SetRows(RowsMsg{Gen: 5, IDs: f.asks[0], Rows: rows})
	want := h.row(byID[first.ID])
	if !strings.Contains(h.View(), want) {
		t.Errorf("the first row's line is not drawn whole:\n%s", h.View())
	}
	// A jump to the end asks for the rows there, not the rest.
	h.Update(tea.KeyPressMsg{Code: tea.KeyEnd})
	last := f.asks[len(f.asks)-1]
	if len(last) != 2*24+1 || last[len(last)-1] != h.entry(len(h.shown)-1).ID {
		t.Errorf("end asked for %d lines ending %s", len(last), last[len(last)-1])
	}
	// What is due: only for this list.
	due := []model.DueItem{{PlanID: first.ID, Person: first.Person, Kind: model.DueFollowUp, Date: "2026-03-03", Days: 1}}
	h.SetDue(DueMsg{Gen: 4, Due: due})
	if strings.Contains(h.View(), "Att göra snart") {
		t.Errorf("what is due for an older list is shown")
	}
	h.SetDue(DueMsg{Gen: 5, Due: due})
	if !strings.Contains(h.View(), "Att göra snart") {
		t.Errorf("what is due is not shown")
	}
}

// TestWithdrawnNotSearchable: a plan whose consent was withdrawn is never
// found by the person's name or personnummer, even from a line written
// before the list left them out, and its line says only that the consent
// was withdrawn.
func TestWithdrawnNotSearchable(t *testing.T) {
	st := common.DefaultStyles()
	h := New(model.Swedish, &st, func() time.Time { return benchNow }, nil)
	h.SetSize(80, 24)
	h.SetPlans([]model.Summary{
		{ID: "1", Person: "Hemlig Hansson", PNRMasked: "19500101-****", Status: model.StatusClosed, ConsentGone: true},
		{ID: "2", Person: "Hanna Berg", Status: model.StatusClosed},
	})
	h.Update(tea.KeyPressMsg{Code: 'a', Text: "a"})
	if v := h.View(); !strings.Contains(v, "(samtycket") || strings.Contains(v, "Hemlig") || strings.Contains(v, "19500101") {
		t.Fatalf("the withdrawn plan's line:\n%s", v)
	}
	for _, q := range []string{"hemlig", "hansson", "19500101", "samtycket"} {
		h.Filter.SetValue(q)
		h.apply()
		if len(h.shown) != 0 {
			t.Errorf("search %q finds %d plans", q, len(h.shown))
		}
	}
	h.Filter.SetValue("han")
	h.apply()
	if len(h.shown) != 1 || h.entry(0).ID != "2" {
		t.Errorf("search han: %d plans", len(h.shown))
	}
	if id, _ := h.SamePerson(&model.Plan{Person: model.Person{Name: "Hemlig Hansson", PNR: "19500101-1234"}}); id != "" {
		t.Errorf("a new plan is said to have the withdrawn plan's person")
	}
}

// TestClosedViewNamesItsKeys: in the list of closed plans the help says a
// goes back to the open ones and x ticks who is told, not "show closed"
// and "close the plan"; back in the open list it says those again.
func TestClosedViewNamesItsKeys(t *testing.T) {
	st := common.DefaultStyles()
	for _, tc := range []struct {
		lang                 model.Lang
		open, closed, toTell string
	}{
		{model.Swedish, "visa avslutade", "visa öppna", "vilka som ska få veta"},
		{model.English, "show closed", "show open", "who to tell"},
	} {
		h := New(tc.lang, &st, func() time.Time { return benchNow }, nil)
		h.SetSize(160, 24)
		h.SetPlans(summaries(3))
		helpText := func() string {
			var b strings.Builder
			for _, k := range h.ShortHelp() {
				b.WriteString(k.Help().Key + " " + k.Help().Desc + "; ")
			}
			return b.String()
		}
		if s := helpText(); !strings.Contains(s, "a "+tc.open) || strings.Contains(s, tc.toTell) {
			t.Errorf("%s, open plans: help %q", tc.lang, s)
		}
		h.Update(tea.KeyPressMsg{Code: 'a', Text: "a"})
		if s := helpText(); !strings.Contains(s, "a "+tc.closed) || !strings.Contains(s, "x "+tc.toTell) {
			t.Errorf("%s, closed plans: help %q", tc.lang, s)
		}
		h.Update(tea.KeyPressMsg{Code: 'a', Text: "a"})
		if s := helpText(); !strings.Contains(s, "a "+tc.open) {
			t.Errorf("%s, back to the open plans: help %q", tc.lang, s)
		}
	}
}

// TestNextMeetingColumn: the column shows the meeting a draft is being
// written for while it is still to come and before any follow-up, as
// for a plan just made with a meeting booked; else the follow-up.
func TestNextMeetingColumn(t *testing.T) {
	st := common.DefaultStyles()
	now := time.Date(2026, 12, 7, 16, 0, 0, 0, time.Local)
	h := New(model.Swedish, &st, func() time.Time { return now }, nil)
	for _, c := range []struct {
		name string
		s    model.Summary
		want string
	}{
		{"a first meeting booked today", model.Summary{Status: model.StatusDraft, HasDraft: true, MeetingDate: "2026-12-07"}, "2026-12-07"},
		{"a meeting held, no follow-up", model.Summary{Status: model.StatusDraft, HasDraft: true, MeetingDate: "2026-12-01"}, "—"},
		{"a follow-up before the draft's meeting", model.Summary{Status: model.StatusActive, HasDraft: true, MeetingDate: "2027-01-20", NextFollowUp: "2026-12-09"}, "2026-12-09"},
		{"the draft's meeting before the follow-up", model.Summary{Status: model.StatusActive, HasDraft: true, MeetingDate: "2026-12-08", NextFollowUp: "2027-03-01"}, "2026-12-08"},
		{"no draft: the last version's meeting is held", model.Summary{Status: model.StatusActive, MeetingDate: "2026-12-10", NextFollowUp: "2027-03-01"}, "2027-03-01"},
		{"closed", model.Summary{Status: model.StatusClosed, HasDraft: true, MeetingDate: "2026-12-10"}, "—"},
	} {
		c.s.ID, c.s.Person = "a", "Maja Lind"
		if got := h.nextMeeting(c.s); got != strings.TrimSuffix(c.want, "—") {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
		if row := h.row(c.s); !strings.Contains(row, c.want) {
			t.Errorf("%s: the row %q does not show %q", c.name, row, c.want)
		}
	}
}

// TestItemsLeftOnlyWhileWriting: the items-left column counts checklist
// items while a version is being written, not on a finalised or closed
// plan, where there is no meeting to prepare.
func TestItemsLeftOnlyWhileWriting(t *testing.T) {
	st := common.DefaultStyles()
	h := New(model.English, &st, time.Now, func(model.Summary) int { return 22 })
	for _, c := range []struct {
		name string
		s    model.Summary
		want bool
	}{
		{"a draft", model.Summary{Status: model.StatusDraft, HasDraft: true}, true},
		{"an active plan with a follow-up draft", model.Summary{Status: model.StatusActive, HasDraft: true}, true},
		{"finalised, no draft", model.Summary{Status: model.StatusActive}, false},
		{"closed", model.Summary{Status: model.StatusClosed}, false},
		{"closed with a draft kept", model.Summary{Status: model.StatusClosed, HasDraft: true}, false},
	} {
		c.s.ID, c.s.Person = "a", "Maja Lind"
		if got := strings.Contains(h.row(c.s), "22 left"); got != c.want {
			t.Errorf("%s: the row %q shows items left: %v, want %v", c.name, h.row(c.s), got, c.want)
		}
	}
}
