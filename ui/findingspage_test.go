package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/screens/meeting"
)

// TestFindingsErrorsFirstAndWholePages: with one error among six
// warnings the ✗ line was the seventh, and PgDn moved the list by one or
// two findings (tryout42a #19). Errors, which block finalising, come
// first; PgDn shows the findings after the last one shown, PgUp the page
// before.
func TestFindingsErrorsFirstAndWholePages(t *testing.T) {
	st := common.NewStyles(true, true)
	for _, l := range []model.Lang{model.Swedish, model.English} {
		var fs []model.Finding
		for i := range 30 {
			sev := model.SevWarning
			if i == 6 {
				sev = model.SevError
			}
			fs = append(fs, model.Finding{Severity: sev, Path: "goals",
				Message: model.Text{SV: fmt.Sprintf("Brist nummer %d.", i+1), EN: fmt.Sprintf("Finding number %d.", i+1)}})
		}
		o := meeting.NewFindingsOverlay(l, &st, fs)
		const w, h = 80, 24
		word := model.T(l, "Brist nummer ", "Finding number ")
		shown := func() []int {
			var ns []int
			for _, line := range strings.Split(ansi.Strip(viewAt(o, w, h)), "\n") {
				var n int
				if j := strings.Index(line, word); j >= 0 {
					if _, err := fmt.Sscanf(line[j+len(word):], "%d.", &n); err == nil {
						ns = append(ns, n)
					}
				}
			}
			return ns
		}
		view := ansi.Strip(viewAt(o, w, h))
		var firstItem string
		for _, line := range strings.Split(view, "\n") {
			if strings.Contains(line, word) {
				firstItem = line
				break
			}
		}
		if !strings.Contains(firstItem, "✗") || !strings.Contains(firstItem, word+"7.") {
			t.Errorf("%s: the error is not the first finding: %q\n%s", l, firstItem, view)
		}
		page1 := shown()
		o.Update(kp("pgdown"))
		page2 := shown()
		if len(page1) < 5 || len(page2) < 5 || page2[0] != page1[len(page1)-1]+1 && !(page1[len(page1)-1] == 6 && page2[0] == 8) {
			t.Errorf("%s: PgDn did not turn a page: %v, then %v", l, page1, page2)
		}
		o.Update(kp("pgup"))
		if back := shown(); back[0] != page1[0] {
			t.Errorf("%s: PgUp did not come back a page: %v, then %v", l, page2, back)
		}
	}
}
