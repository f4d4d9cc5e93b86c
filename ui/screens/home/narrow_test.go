package home

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
)

// TestNarrowHomeKeepsDatesAndKeys: at 60 columns the list cut the next
// meeting's date ("2026…") and the help hid its right column behind "…";
// the "Punkter" column was explained nowhere (tryout 42a, 20). The date is
// whole on every row; what the row under the cursor cannot show (version,
// checklist items left) is said under the list; the help shows every key
// and says what the column counts.
func TestNarrowHomeKeepsDatesAndKeys(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		st := common.DefaultStyles()
		h := New(l, &st, func() time.Time { return benchNow }, func(model.Summary) int { return 24 })
		h.SetSize(60, 20)
		h.SetPlans([]model.Summary{
			{ID: "a", Person: "Elias Andersson", PNRMasked: "20140312-****", Status: model.StatusDraft, Version: 0, HasDraft: true, MeetingDate: "2099-01-15"},
			{ID: "b", Person: "Nora Lund", Status: model.StatusActive, Version: 1, NextFollowUp: "2099-03-10"},
		})
		v := ansi.Strip(h.View())
		for _, want := range []string{"2099-01-15", "2099-03-10", model.T(l, "Nästa möte", "Meeting")} {
			if !strings.Contains(v, want) {
				t.Errorf("%s: %q is not whole at 60 columns:\n%s", l, want, v)
			}
		}
		for _, line := range strings.Split(v, "\n") {
			if w := ansi.StringWidth(line); w > 60 {
				t.Errorf("%s: a line is %d wide: %q", l, w, line)
			}
		}
		if want := model.T(l, "› version 1 (utkast) · checklistorna: 24 kvar", "› version 1 (draft) · checklists: 24 left"); !strings.Contains(v, want) {
			t.Errorf("%s: the row under the cursor does not say what its line leaves out (%q):\n%s", l, want, v)
		}
		h.Update(tea.KeyPressMsg{Code: '?', Text: "?"})
		v = ansi.Strip(h.View())
		for _, want := range []string{model.T(l, "x avsluta planen", "x close the plan"), model.T(l, "t åtkomstlogg", "t access trail"),
			model.T(l, "q stäng", "q quit"), model.T(l, "s försegla", "s seal"), model.T(l, "Punkter är hur många punkter på checklistorna", "To tick is how many items of the checklists")} {
			if !strings.Contains(strings.Join(strings.Fields(v), " "), want) {
				t.Errorf("%s: the help at 60 columns lacks %q:\n%s", l, want, v)
			}
		}
		if strings.Contains(v, "…") {
			t.Errorf("%s: the help is cut:\n%s", l, v)
		}
	}
}
