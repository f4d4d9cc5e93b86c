package ui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/screens/home"
	"github.com/sipmote/sipmote/ui/screens/meeting"
	"github.com/sipmote/sipmote/ui/screens/meeting/printdialog"
)

// TestAddedCopyOutsideConsent: a copy added in the print dialog to an
// agency the consent does not cover is warned of at once, as a unit at the
// table is, and every copy the secretary added keeps its tag in the list,
// also when its name is long (tryout2 #38).
func TestAddedCopyOutsideConsent(t *testing.T) {
	p := model.DemoChild(fixedNow) // guardians: BUP, Elevhälsan, Socialtjänstens familjeenhet
	st := common.DefaultStyles()
	var ov common.Overlay = printdialog.New(model.Swedish, &st, p, p.Draft, true)
	add := func(line string) {
		ov, _ = overlayKeys(ov, "n")
		for _, r := range line {
			ov.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		}
		ov, _ = overlayKeys(ov, "enter")
	}
	add("Per Persson, Försäkringskassan")
	view := viewAt(ov, 80, 24)
	flat := strings.Join(strings.Fields(strings.ReplaceAll(ansi.Strip(view), "│", " ")), " ")
	if !strings.Contains(flat, "Försäkringskassan finns inte i Anna Nyströms eller Peter Nyströms samtycke") {
		t.Errorf("no warning for a copy outside the consent:\n%s", view)
	}
	add("Skolsköterskan Eva Holm, Elevhälsan")
	add("Lisa Ek, Elevhälsan")
	ov, _ = overlayKeys(ov, "up", "up", "up", "up") // the cursor on the original
	view = viewAt(ov, 80, 24)
	flat = strings.Join(strings.Fields(strings.ReplaceAll(ansi.Strip(view), "│", " ")), " ")
	for _, want := range []string{"[x] ! Kopia till Per Persson", "[x] Kopia till Skolsköterskan Eva Holm", "[x] Kopia till Lisa Ek, Elevhälsan"} {
		line := ""
		for _, l := range strings.Split(ansi.Strip(view), "\n") {
			if strings.Contains(l, want) {
				line = l
			}
		}
		if !strings.Contains(line, "tillagd av sekreteraren") {
			t.Errorf("%q is not tagged as added: %q\n%s", want, line, view)
		}
	}
	if strings.Contains(flat, "Elevhälsan finns inte") {
		t.Errorf("a unit every guardian consented to is warned of:\n%s", view)
	}
}

// TestFinishSaysWhatKindIsLeft: when what blocks the plan fits and only
// warnings are left out, the signing step does not say "more" as if more
// had to be fixed (tryout2 #8).
func TestFinishSaysWhatKindIsLeft(t *testing.T) {
	db := openTestDB(t)
	p := model.Demo(fixedNow) // a follow-up draft with few errors
	if err := db.Create(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, db, model.Swedish, 80, 24)
	send(m, home.OpenPlanMsg{ID: p.ID})
	send(m, meeting.GotoSectionMsg{ID: model.SectionFinish})
	s := screenText(m)
	for _, f := range model.Errors(m.meeting.Findings) {
		if !readable(s, f.Message.In(model.Swedish)) {
			t.Fatalf("the case needs every error shown; %q is not:\n%s", f.Message.In(model.Swedish), s)
		}
	}
	if !strings.Contains(s, "ctrl+f visar resten: ") || strings.Contains(s, "till som måste ordnas") || strings.Contains(s, "fler i listan") {
		t.Errorf("the warnings left out are not said as warnings:\n%s", s)
	}
	// The warnings left are counted as warnings left, never as a second
	// count of all warnings (fix41c: "2 varningar" above, "3 varningar
	// och annat" below).
	var total, shown int
	for _, f := range m.meeting.Findings {
		if f.Severity == model.SevWarning {
			total++
			if readable(s, f.Message.In(model.Swedish)) {
				shown++
			}
		}
	}
	if left := total - shown; left > 0 && !strings.Contains(flat(s), model.Plural(model.Swedish, left, "%d varning till", "%d varningar till", "", "")) {
		t.Errorf("%d warnings of %d shown; the rest is not said as %d more:\n%s", shown, total, left, s)
	}
}
