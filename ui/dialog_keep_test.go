package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/screens/home"
	"github.com/sipmote/sipmote/ui/screens/meeting/printdialog"
)

// flatScreen is the screen's words with the boxes' borders taken out.
func flatScreen(m *Model) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(screenText(m), "│", " ")), " ")
}

// TestPrintDialogKeepsTypedName: a recipient typed in the print dialog is
// not thrown away without a word (tryout42b #9, #11). esc says once that
// the name is not added; ctrl+c, which F1 calls the same as ctrl+q, saves
// and closes the meeting from the dialog too, and the name is kept with
// the plan: the home screen says so, and the dialog opens with it again.
func TestPrintDialogKeepsTypedName(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		db := openTestDB(t)
		pl := model.NewPlan(model.Person{Name: "Maja Lind"}, fixedNow)
		if err := db.Create(context.Background(), pl); err != nil {
			t.Fatal(err)
		}
		id := pl.ID
		m := newTestModel(t, db, l, 100, 30)
		send(m, home.OpenPlanMsg{ID: id})
		inEdit(m, func() { m.meeting.GoSection(model.SectionFinish) })
		press(m, "p") // on the signatures and copies, p prints
		if _, ok := m.meeting.Over.(*printdialog.Overlay); !ok {
			t.Fatalf("no print dialog:\n%s", screenText(m))
		}
		press(m, "n")
		typeText(m, "Dr Øystein Haugen, Minnesmottagningen")
		press(m, "esc")
		if o, ok := m.meeting.Over.(*printdialog.Overlay); !ok || o.Pending() == "" {
			t.Fatalf("the first esc threw the typed name away:\n%s", screenText(m))
		}
		if !strings.Contains(flatScreen(m), "esc") || !strings.Contains(flatScreen(m), "Haugen") {
			t.Errorf("the first esc does not say the name is not added:\n%s", screenText(m))
		}
		press(m, "ctrl+c")
		drainPending(m)
		if m.screen != screenHome {
			t.Fatalf("ctrl+c in the print dialog did not save and close the meeting:\n%s", screenText(m))
		}
		if !strings.Contains(flatScreen(m), model.T(l, "utskriftsrutan är också sparad", "print dialog is saved too")) {
			t.Errorf("leaving does not say the typed name is kept:\n%s", screenText(m))
		}
		p, err := m.o.Service.Load(context.Background(), id)
		if err != nil || p.Position.Copy != "Dr Øystein Haugen, Minnesmottagningen" {
			t.Fatalf("the plan keeps %q (%v), want the name typed", p.Position.Copy, err)
		}
		send(m, home.OpenPlanMsg{ID: id})
		inEdit(m, func() { m.meeting.GoSection(model.SectionFinish) })
		press(m, "p")
		o, ok := m.meeting.Over.(*printdialog.Overlay)
		if !ok || o.Pending() != "Dr Øystein Haugen, Minnesmottagningen" {
			t.Fatalf("the print dialog does not open with the name kept:\n%s", screenText(m))
		}
		press(m, "enter")
		if o.Pending() != "" || len(livePlan(m).Draft.Copies.Added) != 1 {
			t.Errorf("enter did not add the kept name: %+v", livePlan(m).Draft.Copies)
		}
		press(m, "esc", "ctrl+q")
		drainPending(m)
		if p, _ := m.o.Service.Load(context.Background(), id); p.Position.Copy != "" {
			t.Errorf("the name added is still kept as typed: %q", p.Position.Copy)
		}
	}
}

// TestCloseFormKeepsTyped: an explanation typed in the close form and esc
// left the form empty at the next x, without a word (tryout42b #9). Now
// the home screen says what is kept, and x on the plan goes on with it.
func TestCloseFormKeepsTyped(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		db := openTestDB(t)
		p := model.Demo(fixedNow)
		if err := db.Create(context.Background(), p); err != nil {
			t.Fatal(err)
		}
		m := newTestModel(t, db, l, 80, 24)
		send(m, home.ClosePlanMsg{ID: p.ID})
		if m.screen != screenClose {
			t.Fatalf("%s: no closing form:\n%s", l, screenText(m))
		}
		press(m, "tab")
		typeText(m, "Flyttat till Malmö, överlämnat")
		press(m, "esc")
		if m.screen != screenHome {
			t.Fatalf("%s: esc did not leave the form:\n%s", l, screenText(m))
		}
		if want := model.T(l, "finns kvar så länge sipmote är öppet", "is kept while sipmote is open"); !strings.Contains(flatScreen(m), want) {
			t.Errorf("%s: leaving the form does not say %q:\n%s", l, want, screenText(m))
		}
		send(m, home.ClosePlanMsg{ID: p.ID})
		if !strings.Contains(screenText(m), "Flyttat till Malmö, överlämnat") {
			t.Errorf("%s: x again opens an empty form:\n%s", l, screenText(m))
		}
		// ctrl+c goes back as esc does, and keeps the form too.
		press(m, "ctrl+c")
		if _, kept := m.closeKept[p.ID]; m.screen != screenHome || !kept {
			t.Errorf("%s: ctrl+c in the close form did not go back keeping the text:\n%s", l, screenText(m))
		}
		send(m, home.ClosePlanMsg{ID: p.ID})
		// Nothing typed: nothing kept, nothing said.
		press(m, "esc")
		send(m, home.ClosePlanMsg{ID: p.ID})
		press(m, "tab", "ctrl+u")
		for range 40 {
			press(m, "backspace")
		}
		m.home.Message = ""
		press(m, "esc")
		if _, kept := m.closeKept[p.ID]; kept || strings.Contains(flatScreen(m), model.T(l, "finns kvar", "is kept")) {
			t.Errorf("%s: an empty form is said to be kept:\n%s", l, screenText(m))
		}
	}
}
