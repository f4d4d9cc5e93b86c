package home

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
)

// TestSearchFindsClosedPlans: a child's plan has ended; searching its
// birth date or name among the open plans must not say that no plan
// matches (tryout 42a, 10). The closed plan is listed after the open
// matches, the screen says it is there, and enter on it opens it.
func TestSearchFindsClosedPlans(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		st := common.DefaultStyles()
		h := New(l, &st, func() time.Time { return benchNow }, nil)
		h.SetSize(80, 24)
		h.SetPlans([]model.Summary{
			{ID: "a", Person: "Elias Andersson", PNRMasked: "20140312-****", Status: model.StatusClosed, Version: 2},
			{ID: "b", Person: "Elin Berg", PNRMasked: "20100101-****", Status: model.StatusActive, Version: 1},
		})
		search := func(q string) string {
			h.Update(tea.KeyPressMsg{Code: '/', Text: "/"})
			for _, r := range q {
				h.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
			}
			return h.View()
		}
		v := search("20140312")
		if strings.Contains(v, model.T(l, "Inga planer matchar", "No plans match")) || !strings.Contains(v, "Elias Andersson") {
			t.Fatalf("%s: the closed plan with that birth date is not found:\n%s", l, v)
		}
		if want := model.T(l, "1 avslutad plan matchar också", "1 closed plan matches too"); !strings.Contains(v, want) {
			t.Errorf("%s: the screen does not say %q:\n%s", l, want, v)
		}
		h.Update(tea.KeyPressMsg{Code: tea.KeyEscape})
		// "eli" finds both: the open plan first, the closed one after.
		v = search("eli")
		if i, j := strings.Index(v, "Elin Berg"), strings.Index(v, "Elias Andersson"); i < 0 || j < i {
			t.Errorf("%s: the open match is not first, the closed one after:\n%s", l, v)
		}
		h.Update(tea.KeyPressMsg{Code: tea.KeyDown})
		h.Update(tea.KeyPressMsg{Code: tea.KeyDown})
		if got := h.entry(h.cursor).ID; got != "a" {
			t.Errorf("%s: the cursor cannot reach the closed match: on %q", l, got)
		}
		h.Update(tea.KeyPressMsg{Code: tea.KeyEscape})
		v = search("zzz")
		if want := model.T(l, "inte heller bland de avslutade", "closed ones included"); !strings.Contains(v, want) {
			t.Errorf("%s: a search with no match does not say closed plans were searched too:\n%s", l, v)
		}
		h.Update(tea.KeyPressMsg{Code: tea.KeyEscape})
		// Without a search the open list holds only open plans.
		if v = h.View(); strings.Contains(v, "Elias Andersson") {
			t.Errorf("%s: a closed plan is in the open list without a search:\n%s", l, v)
		}
	}
}
