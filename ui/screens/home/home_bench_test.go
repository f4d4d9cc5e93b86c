package home

import (
	"fmt"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
)

var benchNow = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// summaries makes n plans' list lines, with names that share their
// beginnings the way a municipality's do, a few closed, and dates.
func summaries(n int) []model.Summary {
	first := []string{"Anna", "Björn", "Åsa", "Erik", "Örjan", "Maria", "Lars", "Ängel"}
	last := []string{"Andersson", "Öberg", "Nilsson", "Åberg", "Karlsson", "Svensson"}
	sums := make([]model.Summary, n)
	for i := range sums {
		st := model.StatusActive
		if i%10 == 0 {
			st = model.StatusClosed
		}
		sums[i] = model.Summary{
			ID:           fmt.Sprintf("id-%06d", i),
			Person:       fmt.Sprintf("%s %s %d", first[i%len(first)], last[(i/8)%len(last)], i),
			PNRMasked:    fmt.Sprintf("19%02d%02d%02d-****", 40+i%60, 1+i%12, 1+i%28),
			Status:       st,
			Version:      i % 4,
			MeetingDate:  "2026-02-01",
			NextFollowUp: fmt.Sprintf("2026-%02d-%02d", 1+i%12, 1+i%28),
			UpdatedAt:    benchNow,
		}
	}
	return sums
}

// BenchmarkHomeSearchKey100k types one key into the search of a home
// screen with 100 000 plans and draws it. The keys make a search grow to
// "anna 12" and shrink back, so every length of query is measured.
func BenchmarkHomeSearchKey100k(b *testing.B) {
	st := common.DefaultStyles()
	h := New(model.Swedish, &st, func() time.Time { return benchNow }, func(model.Summary) int { return 0 })
	h.SetSize(80, 24)
	// The lines of the rows that come into view are asked for at each
	// key, as in the program; the reading itself runs off the key's way.
	h.Fetch = func(uint64, []string) tea.Cmd { return func() tea.Msg { return nil } }
	h.SetPlans(summaries(100_000))
	// The search's index is made once, off the UI goroutine, when the
	// list comes (SearchMsg); here it is there before the first key.
	h.SetSearch(h.makeIndex()().(SearchMsg))
	h.Update(tea.KeyPressMsg{Code: '/', Text: "/"})
	var keys []tea.KeyPressMsg
	for _, r := range "anna 12" {
		keys = append(keys, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	for range "anna 12" {
		keys = append(keys, tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	b.ResetTimer()
	i := 0
	for b.Loop() {
		h.Update(keys[i%len(keys)])
		if h.View() == "" {
			b.Fatal("no view")
		}
		i++
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/key")
}
