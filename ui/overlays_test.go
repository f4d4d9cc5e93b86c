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
	if !strings.Contains(view, "Finding number 12") || !strings.Contains(view, "↑") {
		t.Errorf("at the last finding it is not shown, or nothing says more are above:\n%s", view)
	}
	if strings.Contains(view, "↓") {
		t.Errorf("at the last finding the list still says more are below:\n%s", view)
	}
}
