package ui

import (
	"errors"
	"strings"
	"testing"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
)

// A list that could not be read is not an empty list: the home screen
// says the plans could not be read, with the reason, and does not say
// there are none or ask for a new one. A list read after it is shown as
// usual.
func TestUnreadListIsNotNoPlans(t *testing.T) {
	for _, c := range []struct {
		l             model.Lang
		unread, empty string
	}{
		{model.Swedish, "Planerna kunde inte läsas in", "inga planer ännu"},
		{model.English, "The plans could not be read", "no plans yet"},
	} {
		m := newTestModel(t, openTestDB(t), c.l, 80, 24)
		if got := screenText(m); !strings.Contains(got, c.empty) {
			t.Fatalf("%s: an empty file does not say so:\n%s", c.l, got)
		}
		err := errors.New("the summaries could not be read")
		why := strings.Join(strings.Fields(common.ErrSentence(c.l, err)), " ") // on a line of its own
		send(m, listMsg{gen: m.listAsked, err: err})
		got := screenText(m)
		if !strings.Contains(got, c.unread) || strings.Contains(got, c.empty) || !strings.Contains(flat(got), why) {
			t.Errorf("%s: a list that could not be read:\n%s", c.l, got)
		}
		// A key clears the home screen's message, not the reason.
		press(m, "down")
		if got := screenText(m); !strings.Contains(got, c.unread) || !strings.Contains(flat(got), why) {
			t.Errorf("%s: after a key the reason is gone:\n%s", c.l, got)
		}
		send(m, listMsg{gen: m.listAsked, entries: []model.ListEntry{}})
		if got := screenText(m); strings.Contains(got, c.unread) || !strings.Contains(got, c.empty) {
			t.Errorf("%s: a list read after it:\n%s", c.l, got)
		}
	}
}
