package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/screens/meeting"
)

// TestCtrlZUndoesTyping: ctrl+z in a text field takes back what was typed
// there, one burst of typing at a time, and says so; with nothing to take
// back it says what ctrl+z does (it did nothing and said nothing, tryout2
// #5). F1 names it.
func TestCtrlZUndoesTyping(t *testing.T) {
	m, _ := openTyping(t)
	fs := m.meeting.Sections[model.SectionOwnWords].(*meeting.FormSection)
	now := time.Date(2026, 11, 25, 13, 0, 0, 0, time.UTC)
	fs.Form.Now = func() time.Time { return now }
	field := func() string { return livePlan(m).Draft.Content.OwnWords }
	typeText(m, "Jag vill bo själv.")
	now = now.Add(3 * time.Second)
	typeText(m, " 070-123 45 67")
	if field() != "Jag vill bo själv. 070-123 45 67" {
		t.Fatalf("typed %q", field())
	}
	press(m, "ctrl+z")
	if field() != "Jag vill bo själv." {
		t.Errorf("ctrl+z left %q, want the phone number gone", field())
	}
	if !strings.Contains(screenText(m), "Undone in the field.") {
		t.Errorf("ctrl+z does not say what it did:\n%s", screenText(m))
	}
	press(m, "ctrl+z")
	if field() != "" {
		t.Errorf("a second ctrl+z left %q, want the field as it was", field())
	}
	press(m, "ctrl+z")
	if !strings.Contains(strings.Join(strings.Fields(screenText(m)), " "), "Nothing to undo here") {
		t.Errorf("ctrl+z with nothing to undo is silent:\n%s", screenText(m))
	}
	typeText(m, "Nytt")
	if field() != "Nytt" {
		t.Errorf("typing after undo gave %q", field())
	}
	press(m, "f1")
	if !strings.Contains(screenText(m), "ctrl+z") {
		t.Errorf("F1 does not name ctrl+z:\n%s", screenText(m))
	}
}
