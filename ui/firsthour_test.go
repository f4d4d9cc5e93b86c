package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/components"
	"github.com/sipmote/sipmote/ui/screens/home"
	"github.com/sipmote/sipmote/ui/screens/meeting"
	"github.com/sipmote/sipmote/ui/screens/meeting/checklist"
	"github.com/sipmote/sipmote/ui/screens/meeting/preview"
	"github.com/sipmote/sipmote/ui/screens/newplan"
	"github.com/sipmote/sipmote/ui/screens/room"
)

// The tests of issue 16: what a new user met in their first hour.

// TestPasteReplacesSuggestedValue: a paste or a key typed into a field
// holding a suggestion (today's date, the next hour, 60 minutes) replaces
// it, as the field says, instead of being added to it.
func TestPasteReplacesSuggestedValue(t *testing.T) {
	cases := []struct {
		name  string
		tabs  int
		input tea.Msg
		get   func(newplan.Input) string
		want  string
	}{
		{"date pasted", 2, tea.PasteMsg{Content: "2026-12-01"}, func(in newplan.Input) string { return in.Date }, "2026-12-01"},
		{"time pasted", 3, tea.PasteMsg{Content: "09:00"}, func(in newplan.Input) string { return in.Time }, "09:00"},
		{"minutes pasted", 4, tea.PasteMsg{Content: "45"}, func(in newplan.Input) string { return in.Minutes }, "45"},
		{"minutes typed", 4, kp("4"), func(in newplan.Input) string { return in.Minutes }, "4"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := newTestModel(t, openTestDB(t), model.Swedish, 80, 24)
			press(m, "n")
			for range c.tabs {
				press(m, "tab")
			}
			// A terminal's paste comes framed by a start and an end.
			if _, ok := c.input.(tea.PasteMsg); ok {
				send(m, tea.PasteStartMsg{})
			}
			send(m, c.input)
			if _, ok := c.input.(tea.PasteMsg); ok {
				send(m, tea.PasteEndMsg{})
			}
			if got := c.get(m.newPlan.In); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
	// A second paste adds to the first: only the suggestion is replaced.
	m := newTestModel(t, openTestDB(t), model.Swedish, 80, 24)
	press(m, "n", "tab", "tab", "tab", "tab")
	send(m, tea.PasteMsg{Content: "4"})
	send(m, tea.PasteMsg{Content: "5"})
	if got := m.newPlan.In.Minutes; got != "45" {
		t.Errorf("two pastes gave %q, want 45", got)
	}
}

// TestTextDoesNotChangeAChoice: someone typing into a chooser thought it
// was a text field; the value must stay through spaces, digits and
// letters no option starts with (each space stepped it before), and the
// screen says which keys choose. A first letter does choose.
func TestTextDoesNotChangeAChoice(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		m := newTestModel(t, openTestDB(t), l, 80, 24)
		press(m, "n")
		for range 6 {
			press(m, "tab")
		}
		if f := m.newPlan.Form.Current(); f.Kind != components.KindChoice {
			t.Fatalf("field %q is not the chooser", f.Path)
		}
		before := m.newPlan.In.Form
		typeText(m, "12, x? ")
		press(m, "space")
		if m.newPlan.In.Form != before {
			t.Errorf("%s: text changed the meeting form from %s to %s", l, before, m.newPlan.In.Form)
		}
		if want := model.T(l, "Välj med ← → eller första bokstaven; annat ändrar inget",
			"Choose with ← → or the first letter of a word; nothing else does"); !strings.Contains(screenText(m), want) {
			t.Errorf("%s: the screen does not say why:\n%s", l, screenText(m))
		}
		press(m, "right")
		if m.newPlan.In.Form == before {
			t.Errorf("%s: → did not choose", l)
		}
		typeText(m, "v")
		if m.newPlan.In.Form != string(model.FormVideo) {
			t.Errorf("%s: v chose %s, want video", l, m.newPlan.In.Form)
		}
	}
}

// TestGoalChooserSeesLaterGoals: an action's form is open while a goal is
// added; the action can then be tied to the new goal.
func TestGoalChooserSeesLaterGoals(t *testing.T) {
	m := newTestModel(t, openTestDB(t), model.Swedish, 120, 40)
	newMeeting(t, m, "Karin Holm", "Ali Rahimi")
	press(m, "alt+7")
	typeText(m, "Boendestöd")
	press(m, "alt+6")
	typeText(m, "Egen lägenhet")
	press(m, "alt+7")
	ls := m.meeting.Sections[model.SectionActions].(*meeting.ListSection)
	if ls.Form == nil {
		t.Fatal("the action's form closed")
	}
	for ls.Form.Focus < len(ls.Form.Fields)-1 {
		press(m, "tab")
	}
	typeText(m, "1")
	v := livePlan(m).Draft
	if len(v.Content.Goals) != 1 || !v.Content.Actions[0].ServesGoal(v.Content.Goals[0].ID) {
		t.Errorf("the action is not tied to the goal added later: %+v", v.Content.Actions[0])
	}
}

// TestSpaceTicksAndStays: in every tick list space ticks the line under
// the cursor and the cursor stays there.
func TestSpaceTicksAndStays(t *testing.T) {
	db := openTestDB(t)
	p := model.Demo(fixedNow)
	for i := range p.Draft.Meeting.Participants {
		p.Draft.Meeting.Participants[i].Attendance = model.AttendRoom
	}
	if err := db.Create(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, db, model.Swedish, 120, 40)
	m.o.Checklist = func(model.AgeGroup) ([]CheckItem, []CheckItem) {
		return []CheckItem{{ID: "b1", Text: model.Text{SV: "Kalla"}}, {ID: "b2", Text: model.Text{SV: "Boka rum"}}}, nil
	}
	send(m, home.OpenPlanMsg{ID: p.ID})
	v := livePlan(m).Draft
	if len(v.Present()) < 2 {
		t.Fatal("the demo has fewer than two present")
	}
	// The round of speakers.
	press(m, "ctrl+r", "space")
	ro := m.meeting.Over.(*room.RoundOverlay)
	step := ro.Step
	if ro.Cursor != 0 || len(v.Rounds[step]) != 1 || v.Rounds[step][0] != v.Present()[0].ID {
		t.Errorf("round: cursor %d, ticked %v", ro.Cursor, v.Rounds[step])
	}
	press(m, "esc")
	// The before/after checklists.
	press(m, "ctrl+l", "space")
	to := m.meeting.Over.(*checklist.Overlay)
	if to.Cursor != 0 || !livePlan(m).Ticked("b1") {
		t.Errorf("checklist: cursor %d, ticks %v", to.Cursor, livePlan(m).CurrentTicks())
	}
	press(m, "esc")
	// The participants' present/absent.
	press(m, "alt+1")
	ls := m.meeting.Sections[model.SectionParticipants].(*meeting.ListSection)
	ls.Form = nil
	was := v.Meeting.Participants[0].Attendance
	press(m, "space")
	if ls.Cursor != 0 || v.Meeting.Participants[0].Attendance == was {
		t.Errorf("participants: cursor %d, attendance %v", ls.Cursor, v.Meeting.Participants[0].Attendance)
	}
}

// TestFinaliseBeforeTheMeetingWarns: a plan whose meeting is still to come
// says so before it is finalised.
func TestFinaliseBeforeTheMeetingWarns(t *testing.T) {
	m := newTestModel(t, openTestDB(t), model.English, 120, 40)
	newMeeting(t, m, "Karin Holm", "Ali Rahimi") // booked 2026-11-30, the test's today is 11-25
	fin := m.meeting.Sections[model.SectionFinish].(*meeting.FinishSection)
	fin.Findings = func() []model.Finding { return nil }
	press(m, "ctrl+g", "e", "enter")
	if !strings.Contains(screenText(m), "booked for 2026-11-30") {
		t.Errorf("no warning before the meeting's time:\n%s", screenText(m))
	}
	inEdit(m, func() { m.meeting.Sess.Draft().Meeting.Date = "2026-11-24" })
	if strings.Contains(screenText(m), "booked for") {
		t.Errorf("a warning after the meeting was held:\n%s", screenText(m))
	}
}

// TestMeetingClock: the clock stands still until the chair starts the
// meeting, counts only the time a step is open, survives closing the
// program, and a false start can be taken back.
func TestMeetingClock(t *testing.T) {
	db := openTestDB(t)
	now := fixedNow
	m := New(Options{Service: db, Lang: model.Swedish, Now: func() time.Time { return now }, Agenda: testAgenda(t)})
	send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	send(m, firstFrameMsg{})
	defer m.Close()
	newMeeting(t, m, "Karin Holm", "Ali Rahimi")
	tick := func(d time.Duration) {
		now = now.Add(d)
		send(m, meeting.ClockMsg{Owner: m.meeting.Owner(), At: now})
	}
	if !strings.Contains(screenText(m), "ctrl+o starta mötet") {
		t.Errorf("the first step does not show how to start:\n%s", screenText(m))
	}
	typeText(m, "x") // writing before the start is preparation
	for range 5 {
		tick(time.Second)
	}
	v := livePlan(m).Draft
	if v.Started() || v.Elapsed() != 0 {
		t.Fatalf("the clock ran before the start: %v", v.Elapsed())
	}
	press(m, "ctrl+o")
	for range 30 {
		tick(time.Second)
	}
	if v.Elapsed() != 30*time.Second {
		t.Errorf("elapsed %v, want 30s", v.Elapsed())
	}
	// A false start: undo asks, and yes puts the clock back.
	press(m, "ctrl+o", "j")
	if v.Started() || v.Elapsed() != 0 {
		t.Errorf("undo left started=%v elapsed=%v", v.Started(), v.Elapsed())
	}
	press(m, "ctrl+o")
	for range 20 {
		tick(time.Second)
	}
	id := livePlan(m).ID
	press(m, "ctrl+q")
	now = now.Add(3 * time.Hour) // the program closed over lunch
	send(m, home.OpenPlanMsg{ID: id})
	tick(time.Second)
	v = livePlan(m).Draft
	if got := v.Elapsed(); got != 21*time.Second {
		t.Errorf("after reopening: elapsed %v, want 21s (closed time never counts)", got)
	}
	if !strings.Contains(screenText(m), "Mötet: 0 av 60 min") {
		t.Errorf("the agenda does not show the meeting's time:\n%s", screenText(m))
	}
}

// TestOverrunShrinksTheRest: a step that runs over takes its time from
// the later steps, and the agenda shows which were shortened.
func TestOverrunShrinksTheRest(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		m := newTestModel(t, openTestDB(t), l, 120, 40)
		newMeeting(t, m, "Karin Holm", "Ali Rahimi")
		press(m, "ctrl+o", "ctrl+n")
		inEdit(m, func() {
			v := m.meeting.Sess.Draft()
			if v.Agenda == nil {
				v.Agenda = map[string]model.StepState{}
			}
			v.Agenda["introductions"] = model.StepState{Seconds: 20 * 60} // 5 planned
			m.meeting.AgendaKey = ""
		})
		out := screenText(m)
		if !strings.Contains(out, "/↓") || !strings.Contains(out, model.T(l, "↓ kortad", "↓ shortened")) {
			t.Errorf("%s: no shortened steps shown:\n%s", l, out)
		}
	}
}

// TestHelpShowsEveryKeyAt80x24: F1 at 80×24 shows every key of the
// meeting with its whole description, scrolling where it must.
func TestHelpShowsEveryKeyAt80x24(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		m := newTestModel(t, openTestDB(t), l, 80, 24)
		newMeeting(t, m, "Karin Holm", "Ali Rahimi")
		for _, sec := range []string{"alt+3", "alt+1"} { // a text section, a list
			press(m, sec, "f1")
			seen := ""
			for range 10 {
				seen += screenText(m) + "\n"
				press(m, "pgdown")
			}
			// A long description wraps within its column, beside the other
			// column, so each of its words is looked for.
			words := map[string]bool{}
			for _, w := range strings.Fields(seen) {
				words[w] = true
			}
			var groups []components.HelpGroup
			inRead(m, func() { groups = m.meeting.FullHelp() })
			for _, g := range groups {
				for _, k := range g.Keys {
					h := k.Help()
					if !strings.Contains(seen, h.Key+" ") {
						t.Errorf("%s %s: help lacks the key %q", l, sec, h.Key)
					}
					for _, w := range strings.Fields(h.Desc) {
						if !words[w] {
							t.Errorf("%s %s: help lacks %q of %q", l, sec, w, h.Desc)
						}
					}
				}
			}
			if strings.Contains(strings.ReplaceAll(seen, "alt+1…0", ""), "…") {
				t.Errorf("%s: the help cuts something:\n%s", l, seen)
			}
			press(m, "esc")
			if m.meeting.Over != nil {
				t.Fatal("esc did not close the help")
			}
		}
	}
}

// TestBottomLineLeadsWithHelpAndLeave: at 80 columns, in every section
// and row state, the bottom line begins with help and leaving, and the
// row keys are not cut.
func TestBottomLineLeadsWithHelpAndLeave(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		m := newTestModel(t, openTestDB(t), l, 80, 24)
		newMeeting(t, m, "Karin Holm", "Ali Rahimi")
		bottom := func() string {
			lines := strings.Split(screenText(m), "\n")
			return lines[len(lines)-1]
		}
		check := func(what string, want ...string) {
			t.Helper()
			b := bottom()
			if !strings.HasPrefix(b, "f1 "+model.T(l, "hjälp", "help")+" • ctrl+q ") {
				t.Errorf("%s %s: bottom line %q", l, what, b)
			}
			for _, w := range want {
				if !strings.Contains(b, w) {
					t.Errorf("%s %s: %q lacks %q", l, what, b, w)
				}
			}
		}
		check("first step", "ctrl+o")
		for i := range m.meeting.Order {
			send(m, meeting.GotoSectionMsg{ID: m.meeting.Order[i]})
			check(m.meeting.Order[i])
		}
		press(m, "alt+1")
		check("participant row", "esc "+model.T(l, "alla rader", "all rows"))
		typeText(m, "Eva")
		press(m, "esc")
		check("participant table", model.T(l, "a–ö snabbrad", "a–z quick row"), "delete "+model.T(l, "ta bort", "remove"))
	}
}

// TestHomeHintsAt80: the home screen's hint line keeps help and quitting
// at 80 columns, and quitting the program is not called closing a plan.
func TestHomeHintsAt80(t *testing.T) {
	for _, c := range []struct {
		l    model.Lang
		want string
	}{{model.Swedish, "? hjälp • q stäng"}, {model.English, "? help • q quit"}} {
		m := newTestModel(t, openTestDB(t), c.l, 80, 24)
		lines := strings.Split(screenText(m), "\n")
		if b := lines[len(lines)-1]; !strings.HasPrefix(b, c.want) {
			t.Errorf("%s: hint line %q", c.l, b)
		}
	}
}

// TestNoPlansMatchOnlyWhenSearching: an empty list says why.
func TestNoPlansMatchOnlyWhenSearching(t *testing.T) {
	db := openTestDB(t)
	if err := db.Create(context.Background(), model.Demo(fixedNow)); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, db, model.English, 80, 24)
	press(m, "a")
	if out := screenText(m); strings.Contains(out, "No plans match") || !strings.Contains(out, "No closed plans") {
		t.Errorf("closed view:\n%s", out)
	}
	press(m, "a", "/")
	typeText(m, "zzz")
	if out := screenText(m); !strings.Contains(out, "No plans match") {
		t.Errorf("search without a hit:\n%s", out)
	}
}

// TestPlurals: one error is one thing.
func TestPlurals(t *testing.T) {
	st := common.DefaultStyles()
	one := []model.Finding{{Severity: model.SevError, Message: model.Text{SV: "x", EN: "x"}}}
	for _, c := range []struct {
		l    model.Lang
		want string
	}{{model.Swedish, "1 sak måste"}, {model.English, "1 thing must"}} {
		s := meeting.NewFinishSection(c.l, &st, func() []model.Finding { return one })
		s.SetSize(80, 20)
		if out := ansi.Strip(s.View(0, nil)); !strings.Contains(out, c.want) {
			t.Errorf("%s: %q", c.l, out)
		}
	}
	if got := room.CountText(model.English, 1, 1); got != "1 error, 1 warning" {
		t.Errorf("countText: %q", got)
	}
}

// TestNoColor: with NO_COLOR the screens carry no colour, only bold,
// underline and reverse.
func TestNoColor(t *testing.T) {
	db := openTestDB(t)
	if err := db.Create(context.Background(), model.DemoChild(fixedNow)); err != nil {
		t.Fatal(err)
	}
	m := New(Options{Service: db, Lang: model.Swedish, Now: func() time.Time { return fixedNow }, Agenda: testAgenda(t), NoColor: true})
	defer m.Close()
	send(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	send(m, firstFrameMsg{})
	// A light terminal answering must not bring colour back.
	send(m, tea.BackgroundColorMsg{Color: lightGrey{}})
	screens := []string{m.render()}
	press(m, "enter")
	screens = append(screens, m.render())
	press(m, "f1")
	screens = append(screens, m.render())
	for _, s := range screens {
		if strings.Contains(s, "38;") || strings.Contains(s, "48;") || strings.Contains(s, "[3") && colourSGR(s) {
			t.Errorf("colour under NO_COLOR:\n%q", s)
		}
	}
}

// colourSGR finds a foreground or background colour code in s.
func colourSGR(s string) bool {
	for i := 0; i+3 < len(s); i++ {
		if s[i] == 0x1b && s[i+1] == '[' {
			j := i + 2
			for j < len(s) && s[j] != 'm' {
				j++
			}
			for _, p := range strings.Split(s[i+2:j], ";") {
				if len(p) == 2 && (p[0] == '3' || p[0] == '4' || p[0] == '9') && p[1] >= '0' && p[1] <= '7' {
					return true
				}
			}
		}
	}
	return false
}

// TestColoursFollowTheBackground: a light terminal gets the light styles,
// and the preview's document style follows.
func TestColoursFollowTheBackground(t *testing.T) {
	m := newTestModel(t, openTestDB(t), model.Swedish, 80, 24)
	if !m.st.Dark {
		t.Fatal("the default is not the dark style")
	}
	dark := m.st.Title.Render("x")
	send(m, tea.BackgroundColorMsg{Color: lightGrey{}})
	if m.st.Dark || m.st.Title.Render("x") == dark {
		t.Error("a light background kept the dark colours")
	}
	if preview.Style(&m.st).Document.Color == preview.Style(&common.Styles{Dark: true}).Document.Color {
		t.Error("the preview's style did not follow the light background")
	}
}

type lightGrey struct{}

func (lightGrey) RGBA() (r, g, b, a uint32) { return 0xeeee, 0xeeee, 0xeeee, 0xffff }

// TestChairStartsTheMeeting: the chair's own view starts the clock too,
// and says how while the meeting has not started.
func TestChairStartsTheMeeting(t *testing.T) {
	m, _ := openViewsMeeting(t, model.English, 120, 40)
	press(m, "f2")
	if out := screenText(m); !strings.Contains(out, "ctrl+o start the meeting") || !strings.Contains(out, "Preparing") {
		t.Fatalf("the chair's view does not say how to start:\n%s", out)
	}
	press(m, "ctrl+o")
	if !livePlan(m).Draft.Started() {
		t.Fatal("ctrl+o in the chair's view did not start the meeting")
	}
	if out := screenText(m); strings.Contains(out, "Preparing") {
		t.Errorf("still preparing after the start:\n%s", out)
	}
}

// TestOwnTextIsNotReplacedAfterARefusal: after ctrl+s refuses a date she
// is typing, the cursor goes back to it and the next key adds to it; only
// a suggested value is replaced ("2026-12-1" + "0" became "0", tryout2
// #23).
func TestOwnTextIsNotReplacedAfterARefusal(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		m := newTestModel(t, openTestDB(t), l, 80, 24)
		press(m, "n")
		typeText(m, "Maja Lind")
		press(m, "tab", "tab")
		for range 10 {
			press(m, "backspace")
		}
		typeText(m, "2026-12-1")
		press(m, "ctrl+s")
		if m.screen != screenNew {
			t.Fatalf("%s: a date without its last digit was taken", l)
		}
		if strings.Contains(screenText(m), model.T(l, "skriv för att ersätta", "type to replace")) {
			t.Errorf("%s: her own date is offered for replacing:\n%s", l, screenText(m))
		}
		typeText(m, "0")
		if got := m.newPlan.In.Date; got != "2026-12-10" {
			t.Errorf("%s: date %q after the refusal and one more digit, want 2026-12-10", l, got)
		}
	}
}
