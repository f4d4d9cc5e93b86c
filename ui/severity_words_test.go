package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/screens/meeting"
)

// TestNoticesNamedAsTheCommandNamesThem: a notice (a rule that applies
// differently, nothing to fix) is "Att känna till" in the findings list
// and on the finish step, as `sipmote findings` heads it; it was called a
// warning in the list and left out of the finish step (issue 27).
func TestNoticesNamedAsTheCommandNamesThem(t *testing.T) {
	st := common.NewStyles(true, true)
	fs := []model.Finding{
		{Severity: model.SevWarning, Path: "goals", Message: model.Text{SV: "En varning om målen.", EN: "A warning about the goals."}},
		{Severity: model.SevNotice, Path: "person.variant", Message: model.Text{SV: "Den enskilde är 18 år.", EN: "The person is 18."}},
	}
	for _, l := range []model.Lang{model.Swedish, model.English} {
		notice := model.T(l, "Att känna till", "To note")
		o := meeting.NewFindingsOverlay(l, &st, fs)
		view := ansi.Strip(viewAt(o, 100, 20))
		if !strings.Contains(view, "* "+strings.ToLower(notice)) {
			t.Errorf("%s: the list's key does not name %q:\n%s", l, notice, view)
		}
		if !strings.Contains(view, "* ") || strings.Count(view, "! ") != 2 { // the key's and the warning's
			t.Errorf("%s: the notice is marked as a warning:\n%s", l, view)
		}
		o.Update(kp("down"))
		o.Update(kp("enter"))
		if view := ansi.Strip(viewAt(o, 100, 20)); !strings.Contains(view, "* "+notice) {
			t.Errorf("%s: the notice read whole is not titled %q:\n%s", l, notice, view)
		}

		fin := meeting.NewFinishSection(l, &st, func() []model.Finding { return fs })
		fin.SetSize(76, 20)
		view = ansi.Strip(fin.View(0, nil))
		if !strings.Contains(view, notice+":") || !strings.Contains(view, fs[1].Message.In(l)) {
			t.Errorf("%s: the finish step leaves the notice out:\n%s", l, view)
		}
	}
}
