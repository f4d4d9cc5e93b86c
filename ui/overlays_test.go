package ui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/screens/meeting"
)

// moreAbove and moreBelow are the list's notes of findings out of view
// ("↑ 3 till", "↓ 5 more"); the heading's "↑↓" names keys.
var (
	moreAbove = regexp.MustCompile(`↑ \d+ (till|more)`)
	moreBelow = regexp.MustCompile(`↓ \d+ (till|more)`)
)

// TestFindingsListSaysWhatIsHidden: a findings list longer than its box
// shows as many findings as fit, says how many more there are above and
// below, and brings the last one into view when the cursor goes there.
func TestFindingsListSaysWhatIsHidden(t *testing.T) {
	st := common.NewStyles(true, true)
	var fs []model.Finding
	for i := range 12 {
		fs = append(fs, model.Finding{Severity: model.SevWarning, Path: "goals",
			Message: model.Text{SV: fmt.Sprintf("Brist nummer %d", i+1), EN: fmt.Sprintf("Finding number %d", i+1)}})
	}
	o := meeting.NewFindingsOverlay(model.English, &st, fs)
	const w, h = 76, 18
	view := ansi.Strip(viewAt(o, w, h))
	if !strings.Contains(view, "Finding number 1") || !strings.Contains(view, "more") || strings.Contains(view, "Finding number 12") {
		t.Fatalf("the first view should show the first findings and say more follow:\n%s", view)
	}
	lines := strings.Split(view, "\n")
	if len(lines) != h || !strings.Contains(lines[len(lines)-1], "╰") {
		t.Errorf("the box is %d lines, want %d ending in its border:\n%s", len(lines), h, view)
	}
	// 18 lines: border and padding 4, heading 4, the note 1: 9 findings.
	shown := strings.Count(view, "Finding number")
	if shown < 9 {
		t.Errorf("only %d findings shown in %d lines: room is left empty:\n%s", shown, h, view)
	}
	for range fs {
		o.Update(kp("down"))
	}
	view = ansi.Strip(viewAt(o, w, h))
	if !strings.Contains(view, "Finding number 12") || !moreAbove.MatchString(view) {
		t.Errorf("at the last finding it is not shown, or nothing says more are above:\n%s", view)
	}
	if moreBelow.MatchString(view) {
		t.Errorf("at the last finding the list still says more are below:\n%s", view)
	}
}

// TestFindingsListPages: PgDn and PgUp move the cursor a page of findings
// at a time, so a long list is read without pressing ↓ for each, and the
// heading names the keys (tryout2 #18: PgDn did nothing).
func TestFindingsListPages(t *testing.T) {
	st := common.NewStyles(true, true)
	var fs []model.Finding
	for i := range 30 {
		fs = append(fs, model.Finding{Severity: model.SevWarning, Path: "goals",
			Message: model.Text{SV: fmt.Sprintf("Brist nummer %d.", i+1), EN: fmt.Sprintf("Finding number %d.", i+1)}})
	}
	o := meeting.NewFindingsOverlay(model.Swedish, &st, fs)
	const w, h = 80, 24
	view := ansi.Strip(viewAt(o, w, h))
	if !strings.Contains(strings.Join(strings.Fields(view), " "), "↑↓ PgUp PgDn väljer") {
		t.Errorf("the heading does not name the keys:\n%s", view)
	}
	shown := func() []int {
		var ns []int
		for _, l := range strings.Split(ansi.Strip(viewAt(o, w, h)), "\n") {
			var n int
			if j := strings.Index(l, "Brist nummer "); j >= 0 {
				if _, err := fmt.Sscanf(l[j:], "Brist nummer %d.", &n); err == nil {
					ns = append(ns, n)
				}
			}
		}
		return ns
	}
	first := shown()
	if len(first) < 5 || first[0] != 1 {
		t.Fatalf("the first view shows %v", first)
	}
	o.Update(kp("pgdown"))
	if next := shown(); next[len(next)-1] <= first[len(first)-1] || next[0] <= 1 {
		t.Errorf("PgDn did not bring the next findings into view: %v, then %v", first, next)
	}
	for range 5 {
		o.Update(kp("pgdown"))
	}
	if end := shown(); end[len(end)-1] != 30 || moreBelow.MatchString(ansi.Strip(viewAt(o, w, h))) {
		t.Errorf("PgDn does not reach the last finding: %v", end)
	}
	for range 5 {
		o.Update(kp("pgup"))
	}
	if top := shown(); top[0] != 1 || moreAbove.MatchString(ansi.Strip(viewAt(o, w, h))) {
		t.Errorf("PgUp does not come back to the first finding: %v", top)
	}
}
