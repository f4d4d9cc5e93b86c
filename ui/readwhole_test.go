package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/components"
	"github.com/sipmote/sipmote/ui/screens/home"
	"github.com/sipmote/sipmote/ui/screens/meeting"
	"github.com/sipmote/sipmote/ui/screens/meeting/printdialog"
)

// flat joins a screen's lines into lines of words, one for each column of
// boxes side by side, without their borders, so that a text wrapped over
// several lines of one box can be found whole.
func flat(screen string) string {
	var cols [][]string
	for _, l := range strings.Split(screen, "\n") {
		l = strings.Map(func(r rune) rune {
			if strings.ContainsRune("╭╮╰╯─", r) {
				return ' '
			}
			return r
		}, l)
		k := 0
		for _, cell := range strings.Split(l, "│") {
			if cell == "" {
				continue
			}
			if k == len(cols) {
				cols = append(cols, nil)
			}
			cols[k] = append(cols[k], strings.Fields(cell)...)
			k++
		}
	}
	var out []string
	for _, c := range cols {
		out = append(out, strings.Join(c, " "))
	}
	return strings.Join(out, "\n")
}

// readable tells whether text stands whole on the screen, wrapped or not.
func readable(screen, text string) bool {
	return strings.Contains(flat(screen), strings.Join(strings.Fields(text), " "))
}

// TestFindingReadsWholeAndGoesThere: at 80×24 a finding longer than its
// two lines in the list is cut there, enter shows it whole, esc goes back
// to the list, and g goes to the field it is about.
func TestFindingReadsWholeAndGoesThere(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		db := openTestDB(t)
		p := model.DemoChild(fixedNow)
		// A unit the guardians have not consented to: its finding is
		// longer than two lines at 80 columns.
		p.Draft.Meeting.Participants = append(p.Draft.Meeting.Participants, model.Participant{ID: model.NewID(), Name: "Lisa Berg",
			Role: model.RoleStaff, Unit: "Försäkringskassan", Principal: model.PrincipalOther, OtherParty: "Försäkringskassan", Attendance: model.AttendRoom})
		if err := db.Create(context.Background(), p); err != nil {
			t.Fatal(err)
		}
		m := newTestModel(t, db, l, 80, 24)
		send(m, home.OpenPlanMsg{ID: p.ID})
		press(m, "ctrl+f")
		// The longest finding, and one other to stand on.
		fs := m.meeting.Findings
		long := 0
		for i, f := range fs {
			if len(f.Message.In(l)) > len(fs[long].Message.In(l)) {
				long = i
			}
		}
		msg := fs[long].Message.In(l)
		if len(msg) < 150 || len(fs) < 2 {
			t.Fatalf("the child demo should have a finding longer than two lines; longest %q", msg)
		}
		other := (long + 1) % len(fs)
		for range other {
			press(m, "down")
		}
		if s := screenText(m); readable(s, msg) {
			t.Errorf("%s: with the cursor elsewhere the long finding should take two lines:\n%s", l, s)
		}
		press(m, "up", "up", "up", "up", "up", "up", "up", "up", "up", "up", "up", "up", "up", "up", "up", "up")
		for range long {
			press(m, "down")
		}
		if s := screenText(m); !readable(s, msg) {
			t.Errorf("%s: the finding chosen is not whole in the list:\n%s", l, s)
		}
		press(m, "enter")
		s := screenText(m)
		if !readable(s, msg) {
			t.Errorf("%s: enter does not show the finding whole:\n%s", l, s)
		}
		if !strings.Contains(s, model.T(l, "g går dit", "g goes there")) || !strings.Contains(s, "esc/enter") {
			t.Errorf("%s: the reader does not name its keys:\n%s", l, s)
		}
		press(m, "esc")
		if s := screenText(m); !strings.Contains(s, model.T(l, "Brister i planen", "Findings in the plan")) {
			t.Errorf("%s: esc in the reader does not go back to the list:\n%s", l, s)
		}
		press(m, "enter", "g")
		want, _ := sectionOfPathForTest(fs[long].Path)
		if m.meeting.Over != nil || m.meeting.Active != want {
			t.Errorf("%s: g in the reader goes to %q (overlay %v), want %q:\n%s", l, m.meeting.Active, m.meeting.Over != nil, want, screenText(m))
		}
	}
}

// sectionOfPathForTest is the section a finding's path belongs to.
func sectionOfPathForTest(path string) (string, bool) {
	s := model.SectionOf(path)
	return s, s != ""
}

// TestReaderScrollsToEveryLine: a text longer than the reader's box is
// read to its last word by scrolling; the box says what is above and
// below, keeps its size, and enter closes it.
func TestReaderScrollsToEveryLine(t *testing.T) {
	st := common.NewStyles(true, false)
	var words []string
	for i := range 60 {
		words = append(words, fmt.Sprintf("ord%02d", i))
	}
	r := components.NewReader(model.Swedish, &st, "Titel", strings.Join(words, " lite text "))
	const w, h = 40, 12
	seen := map[string]bool{}
	for range 40 {
		v := ansi.Strip(viewAt(r, w, h))
		if lines := strings.Split(v, "\n"); len(lines) != h {
			t.Fatalf("the reader is %d lines, want %d:\n%s", len(lines), h, v)
		}
		for _, f := range strings.Fields(v) {
			seen[f] = true
		}
		r.Update(kp("down"))
	}
	for _, w := range words {
		if !seen[w] {
			t.Errorf("%s never shows when scrolling down", w)
		}
	}
	if !seen["↑"] || !seen["bläddrar"] {
		t.Errorf("a scrolled reader does not say that more is above, or how to scroll")
	}
	r.Update(kp("enter"))
	if !r.Closed() {
		t.Errorf("enter does not close the reader")
	}
}

// TestLongMessageKeepsItsEnd: at 80 columns a start on another day than
// the booked one says so on two lines, the undo key included, and the
// next key brings the save line back.
func TestLongMessageKeepsItsEnd(t *testing.T) {
	db := openTestDB(t)
	p := model.NewPlan(model.Person{Name: "Maja Lind"}, fixedNow)
	real := fixedNow.Local()
	p.Draft.Meeting.Date, p.Draft.Meeting.Start = real.AddDate(0, 0, 2).Format(model.DateLayout), "10:00"
	if err := db.Create(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, db, model.Swedish, 80, 24)
	send(m, home.OpenPlanMsg{ID: p.ID})
	before := strings.Count(screenText(m), "\n")
	press(m, "ctrl+o")
	want := "Mötet startade " + real.Format(model.DateLayout) + " " + real.Format(model.TimeLayout) + " (bokat " +
		real.AddDate(0, 0, 2).Format(model.DateLayout) + " 10:00); planen har nu den tiden. ctrl+o ångrar."
	s := screenText(m)
	if !readable(s, want) {
		t.Errorf("the start message is not whole at 80 columns; want %q:\n%s", want, s)
	}
	if n := strings.Count(s, "\n"); n != before {
		t.Errorf("the message made the screen %d lines, was %d", n+1, before+1)
	}
	press(m, "tab")
	if s := screenText(m); readable(s, want) || !strings.Contains(s, "sparat") {
		t.Errorf("the next key does not bring the save line back:\n%s", s)
	}
}

// TestNeedsHintWholeAt80: on the needs step of a new plan at 80×24 and at
// 100×30, what the empty field lacks shows whole under it, inside the box.
func TestNeedsHintWholeAt80(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {100, 30}, {80, 20}} {
		db := openTestDB(t)
		p := model.NewPlan(model.Person{Name: "Maja Lind"}, fixedNow)
		if err := db.Create(context.Background(), p); err != nil {
			t.Fatal(err)
		}
		m := newTestModel(t, db, model.Swedish, size[0], size[1])
		send(m, home.OpenPlanMsg{ID: p.ID})
		for m.meeting.Active != model.SectionNeeds && m.meeting.Step < len(m.meeting.Steps)-1 {
			press(m, "ctrl+n")
		}
		if m.meeting.Active != model.SectionNeeds {
			t.Fatalf("no step opens the needs")
		}
		want := "Skriv den enskildes behov, förutsättningar och intressen. Lagen kräver det i planen."
		if s := screenText(m); !readable(s, want) {
			t.Errorf("%v: the needs' hint is cut:\n%s", size, s)
		}
		// Typing goes into the shortened field, above the hint.
		typeText(m, "Stöd")
		if s := screenText(m); !readable(s, want) || !strings.Contains(s, "│ Stöd") {
			t.Errorf("%v: typing in the shortened field hides it or the hint:\n%s", size, s)
		}
	}
}

// TestHomeListWholeAt80: at 80 columns the home list's headings and the
// demo plans' names show whole, in Swedish and English, and nothing above
// the key help ends in "…" but a name longer than its column, which is
// read whole under the list while the cursor is on it.
func TestHomeListWholeAt80(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		db := openTestDB(t)
		for _, p := range model.DemoPlans(fixedNow) {
			p.Person.Name += " (exempel)" // as sipmote demo names them: 23 letters
			if err := db.Create(context.Background(), p); err != nil {
				t.Fatal(err)
			}
		}
		// First by name, so that the cursor starts on it.
		long := "Anna-Karin Johansson-Lindqvist Bergström"
		if err := db.Create(context.Background(), model.NewPlan(model.Person{Name: long}, fixedNow)); err != nil {
			t.Fatal(err)
		}
		m := newTestModel(t, db, l, 80, 24)
		s := screenText(m)
		if !readable(s, long) {
			t.Errorf("%s: the name under the cursor is not read whole:\n%s", l, s)
		}
		press(m, "down")
		if s := screenText(m); readable(s, long) {
			t.Errorf("%s: the whole name stays when the cursor has left it:\n%s", l, s)
		}
		for _, want := range []string{"Elias Nyström (exempel)", "Maja Lind (exempel)", model.T(l, "Personnummer", "ID number"),
			model.T(l, "Nästa möte", "Meeting"), model.T(l, "Punkter", "To tick"), model.T(l, "1 (utkast)", "1 (draft)")} {
			if !strings.Contains(s, want) {
				t.Errorf("%s: %q is not whole at 80 columns:\n%s", l, want, s)
			}
		}
		lines := strings.Split(s, "\n")
		for _, line := range lines[:len(lines)-1] {
			if strings.Contains(line, "…") && !strings.HasPrefix(line, "Anna-Karin") {
				t.Errorf("%s: a line is cut: %q", l, line)
			}
		}
	}
}

// TestParticipantsTableWholeAt80: at 80 columns the participants' table
// gives its columns the width of what is in them, leaves out a column no
// one has filled in (Kontakt), and the row under the cursor is read whole
// under the table when a cell of it is cut.
func TestParticipantsTableWholeAt80(t *testing.T) {
	db := openTestDB(t)
	p := model.DemoChild(fixedNow)
	if err := db.Create(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, db, model.Swedish, 80, 24)
	send(m, home.OpenPlanMsg{ID: p.ID})
	press(m, "ctrl+g", "1")
	if m.meeting.Active != model.SectionParticipants {
		t.Fatalf("ctrl+g 1 opened %s", m.meeting.Active)
	}
	s := screenText(m)
	for _, want := range []string{"vårdnadshavare", "tolk (finska)", "Kommun/region"} {
		if !strings.Contains(s, want) {
			t.Errorf("%q is cut in the table:\n%s", want, s)
		}
	}
	if strings.Contains(s, "Kontakt") {
		t.Errorf("a column no one has filled in takes room:\n%s", s)
	}
	for i, pt := range p.Draft.Meeting.Participants {
		if i > 0 {
			press(m, "down")
		}
		s := screenText(m)
		if !strings.Contains(s, pt.Name) {
			t.Errorf("row %d: %s is not on the screen:\n%s", i, pt.Name, s)
		}
		if pt.Unit != "" && !readable(s, pt.Unit) {
			t.Errorf("row %d: the unit %q cannot be read whole:\n%s", i, pt.Unit, s)
		}
	}
}

// TestTellListWholeAt80: on a closed plan's list of people to tell, the
// one chosen is read whole at 80 columns, a long e-mail address included.
func TestTellListWholeAt80(t *testing.T) {
	db := openTestDB(t)
	p := model.DemoClosed(fixedNow)
	if p.Closure == nil {
		t.Fatal("the closed demo has no closure")
	}
	ali := model.ToTell{Name: "Ali Rahimi", Unit: "Psykiatriska öppenvårdsmottagningen", Contact: "ali.rahimi@psykiatri.regionvastmanland.example.se"}
	p.Closure.Tell = append(p.Closure.Tell, ali)
	if err := db.Create(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, db, model.Swedish, 80, 24)
	press(m, "a", "x")
	s := screenText(m)
	if !strings.Contains(s, "Samordnaren meddelar") {
		t.Fatalf("x on a closed plan does not show whom to tell:\n%s", s)
	}
	if readable(s, ali.Line()) {
		t.Errorf("with the cursor elsewhere the long line should take one line:\n%s", s)
	}
	for range p.Closure.Tell {
		press(m, "down")
	}
	if s := screenText(m); !readable(s, ali.Line()) {
		t.Errorf("the one chosen is not read whole: want %q\n%s", ali.Line(), s)
	}
}

// TestClosedPlanSaysWhyWholeAt80: a closed plan's sections say when and
// why it closed whole at 80 columns, and the form under it still says
// that more fields follow.
func TestClosedPlanSaysWhyWholeAt80(t *testing.T) {
	db := openTestDB(t)
	p := model.DemoClosed(fixedNow)
	if err := db.Create(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, db, model.Swedish, 80, 24)
	send(m, home.OpenPlanMsg{ID: p.ID})
	s := screenText(m)
	if why := p.Closure.Describe(model.Swedish); len(why) < 80 || !readable(s, why) {
		t.Errorf("the closure (%d letters) is not read whole:\n%s", len(why), s)
	}
	if !strings.Contains(s, "↓ fler fält") {
		t.Errorf("the form under the closure does not say more fields follow:\n%s", s)
	}
}

// TestSummonsAndChairFindingsWholeAt80: the checklists' summons list
// wraps an address instead of cutting it, and the chair's view shows a
// finding that blocks the plan whole when the window has the room.
func TestSummonsAndChairFindingsWholeAt80(t *testing.T) {
	db := openTestDB(t)
	p := model.Demo(fixedNow)
	if err := db.Create(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, db, model.Swedish, 80, 40)
	send(m, home.OpenPlanMsg{ID: p.ID})
	m.meeting.Checklist = func(model.AgeGroup) ([]CheckItem, []CheckItem) { return nil, nil }
	press(m, "ctrl+l")
	if s := screenText(m); !strings.Contains(s, "ali.rahimi@example.org") {
		t.Errorf("the summons list cuts an address:\n%s", s)
	}
	press(m, "esc", "f2")
	var blocking string
	for _, f := range m.meeting.Findings {
		if f.Severity == model.SevError && len(f.Message.In(model.Swedish)) > 80 {
			blocking = f.Message.In(model.Swedish)
			break
		}
	}
	if blocking == "" {
		t.Fatal("the demo has no blocking finding longer than a line")
	}
	if s := screenText(m); !readable(s, blocking) {
		t.Errorf("the chair's view cuts %q:\n%s", blocking, s)
	}
}

// TestCopiesRowWholeAt80: in the print dialog at 80 columns the paper
// under the cursor is read whole: name, unit, why and contact.
func TestCopiesRowWholeAt80(t *testing.T) {
	p, v := copiesPlan()
	v.Meeting.Participants[3].Unit = "Geriatriska öppenvårdsmottagningen, Sjukhuset i Västerås"
	v.Meeting.Participants[3].Email = "per.wall@geriatriken.regionvastmanland.example.se"
	st := common.DefaultStyles()
	o := printdialog.New(model.Swedish, &st, p, v, true)
	var ov common.Overlay = o
	var row string
	for range 3 {
		view := ansi.Strip(viewAt(ov, 80, 24))
		if strings.Contains(view, "per.wall@") {
			row = view
			break
		}
		ov, _ = overlayKeys(ov, "down")
	}
	if row == "" || !readable(row, "Geriatriska öppenvårdsmottagningen, Sjukhuset i Västerås") || !strings.Contains(flat(row), v.Meeting.Participants[3].Email) {
		t.Errorf("the paper for Per Wall is never read whole:\n%s", ansi.Strip(viewAt(ov, 80, 24)))
	}
	if n := strings.Count(row, "\n") + 1; n != 24 {
		t.Errorf("the dialog is %d lines at 24", n)
	}
}

// TestAgendaCurrentTitleWhole: beside the plan (a wide window), the
// agenda's current step is read whole even when its row cuts it.
func TestAgendaCurrentTitleWhole(t *testing.T) {
	db := openTestDB(t)
	p := model.NewPlan(model.Person{Name: "Maja Lind"}, fixedNow)
	if err := db.Create(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, db, model.Swedish, 100, 30)
	send(m, home.OpenPlanMsg{ID: p.ID})
	long := ""
	for i, s := range m.meeting.Steps {
		if len(s.Title.In(model.Swedish)) > 26 {
			inEdit(m, func() { m.meeting.GoStep(i) })
			long = s.Title.In(model.Swedish)
			break
		}
	}
	if long == "" {
		t.Fatal("no step title long enough to be cut beside the plan")
	}
	if s := screenText(m); !readable(s, long) {
		t.Errorf("the current step %q is not read whole:\n%s", long, s)
	}
}

// TestFinishFindingsWholeAt80: the signing step lists what blocks the plan
// whole, wrapped, as many as the room holds, and says where the rest are.
func TestFinishFindingsWholeAt80(t *testing.T) {
	db := openTestDB(t)
	p := model.NewPlan(model.Person{Name: "Maja Lind"}, fixedNow)
	if err := db.Create(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, db, model.Swedish, 80, 24)
	send(m, home.OpenPlanMsg{ID: p.ID})
	send(m, meeting.GotoSectionMsg{ID: model.SectionFinish})
	s := screenText(m)
	errs := model.Errors(m.meeting.Findings)
	if len(errs) < 3 {
		t.Fatalf("a new plan should have several errors, has %d", len(errs))
	}
	for _, f := range errs[:2] {
		if !readable(s, f.Message.In(model.Swedish)) {
			t.Errorf("%q is not whole on the signing step:\n%s", f.Message.In(model.Swedish), s)
		}
	}
	if !strings.Contains(s, "ctrl+f visar resten:") || !strings.Contains(s, "till som måste ordnas") {
		t.Errorf("the signing step does not say where the rest are:\n%s", s)
	}
}

// TestRestoredFormSaysHowToThrowItAwayAt80: a new-plan form offered back
// and saved again says at 80 columns when it was restored, when it was
// saved and, whole, how to keep it or throw it away.
func TestRestoredFormSaysHowToThrowItAwayAt80(t *testing.T) {
	db := openTestDB(t)
	m := newTestModel(t, db, model.Swedish, 80, 24)
	press(m, "n")
	typeText(m, "Maja Lind")
	press(m, "esc")
	m2 := newTestModel(t, db, model.Swedish, 80, 24)
	press(m2, "n")
	typeText(m2, "n")
	send(m2, formSavedMsg{gen: m2.formGen, at: fixedNow})
	s := screenText(m2)
	if !strings.Contains(s, "Återställt") || !strings.Contains(s, "Formuläret sparat") ||
		!readable(s, "esc behåller formuläret, ctrl+d kastar det") {
		t.Errorf("the restored form's line is cut:\n%s", s)
	}
	if lines := strings.Split(s, "\n"); !strings.Contains(lines[len(lines)-1], "ctrl+s") {
		t.Errorf("the key help is pushed off the screen:\n%s", s)
	}
}
