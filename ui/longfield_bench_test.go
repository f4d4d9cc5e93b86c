package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
)

// BenchmarkPasteAsKeysLongField is a paste that arrives as single keys (a
// terminal that does not mark pastes) into a text field that already holds
// about 38 kB: keys come faster than the screen reads them, in runs of 500,
// each run ended by the message the first key asked for. Before runs were
// gathered, every key laid the whole field out again: 8 ms and 1.4 MB a
// key, minutes for a long paste.
func BenchmarkPasteAsKeysLongField(b *testing.B) {
	p := largePlan()
	p.Draft.Content.Situation = strings.Repeat("Hon sover dåligt men samtalen fungerar bra. ", 860)
	m, v := benchMeeting(b, p)
	v.Edit(func(*model.Plan) {
		m.SetSize(120, 40)
		m.GoSection(model.SectionSituation)
	})
	key := func(msg tea.Msg) (cmd tea.Cmd) {
		v.Edit(func(*model.Plan) { cmd = m.Update(msg) })
		return cmd
	}
	end := func(cmd tea.Cmd) {
		if cmd == nil {
			b.Fatal("the first key of a run asked for no end")
		}
		key(cmd())
	}
	before := len(p.Draft.Content.Situation)
	end(key(tea.KeyPressMsg{Code: 'a', Text: "a"}))
	if len(p.Draft.Content.Situation) != before+1 {
		b.Fatalf("the key did not reach the field: %d -> %d", before, len(p.Draft.Content.Situation))
	}
	before++
	b.ReportAllocs()
	b.ResetTimer()
	var pending tea.Cmd
	for i := 0; i < b.N; i++ {
		if cmd := key(tea.KeyPressMsg{Code: 'x', Text: "x"}); cmd != nil {
			pending = cmd
		}
		if i%500 == 499 {
			end(pending)
		}
	}
	if b.N%500 != 0 {
		end(pending)
	}
	b.StopTimer()
	if got := len(p.Draft.Content.Situation); got != before+b.N {
		b.Fatalf("the field holds %d bytes, want %d", got, before+b.N)
	}
}
