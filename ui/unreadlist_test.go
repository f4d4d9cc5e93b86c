package ui

import (
	"errors"
	"strings"
	"testing"

	"github.com/sipmote/sipmote/model"
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
		send(m, listMsg{gen: m.listAsked, err: errors.New("the summaries could not be read")})
		got := screenText(m)
		if !strings.Contains(got, c.unread) || strings.Contains(got, c.empty) {
			t.Errorf("%s: a list that could not be read:\n%s", c.l, got)
		}
		send(m, listMsg{gen: m.listAsked, entries: []model.ListEntry{}})
		if got := screenText(m); strings.Contains(got, c.unread) || !strings.Contains(got, c.empty) {
			t.Errorf("%s: a list read after it:\n%s", c.l, got)
		}
	}
}
