package ui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/components"
	"github.com/sipmote/sipmote/ui/screens/meeting/printdialog"
	"github.com/sipmote/sipmote/ui/screens/room"
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/screens/meeting"
)

// TestSpaceBeginningASentenceChangesNoRow: " och sedan" typed on the
// participants list in one burst marked the person under the cursor
// absent, silently (tryout41a #4); on the coordinator list it appointed
// whoever was under the cursor. A space that begins a text now changes
// nothing, one line says so, and the text starts a quick row; a space
// typed on its own still switches.
func TestSpaceBeginningASentenceChangesNoRow(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		m, _ := openViewsMeeting(t, l, 80, 24)
		send(m, meeting.GotoSectionMsg{ID: model.SectionParticipants})
		ls := m.meeting.Sections[model.SectionParticipants].(*meeting.ListSection)
		if ls.Form != nil {
			press(m, "esc")
		}
		att := func() model.Attendance { return livePlan(m).Draft.Meeting.Participants[ls.Cursor].Attendance }
		was := att()
		typeText(m, model.T(l, " och sedan", " and then"))
		if att() != was {
			t.Errorf("%s: a space beginning a sentence changed the attendance %s → %s", l, was, att())
		}
		if want := model.T(l, "Mellanslaget ändrade inget: det började en text.", "The space changed nothing: it began a text."); !strings.Contains(flat(screenText(m)), want) {
			t.Errorf("%s: no line says the space changed nothing (%q):\n%s", l, want, screenText(m))
		}
		if want := model.T(l, "och sedan", "and then"); !strings.Contains(screenText(m), want) {
			t.Errorf("%s: the typed text is not in the quick row:\n%s", l, screenText(m))
		}
		press(m, "esc", "esc") // throw the quick row away
		press(m, "space")
		if att() == was {
			t.Errorf("%s: a space typed alone did not switch the attendance", l)
		}
		press(m, "right") // a key that is not text ends the run
		press(m, "space")
		if att() != was {
			t.Errorf("%s: a second space alone did not switch it back", l)
		}

		send(m, meeting.GotoSectionMsg{ID: model.SectionCoordinator})
		coord := func() string { return livePlan(m).Draft.Content.Coordinator.ParticipantID }
		before := coord()
		press(m, "down")
		typeText(m, model.T(l, " och sedan", " and then"))
		if coord() != before {
			t.Errorf("%s: a space beginning a sentence appointed another coordinator", l)
		}
		if want := model.T(l, "Mellanslaget ändrade inget", "The space changed nothing"); !strings.Contains(flat(screenText(m)), want) {
			t.Errorf("%s: the coordinator list does not say the space changed nothing:\n%s", l, screenText(m))
		}
		press(m, "down", "up", "space")
		if coord() == before {
			t.Errorf("%s: a space typed alone did not appoint", l)
		}
	}
}

// fieldValue is the value of the focused field of a form section.
func fieldValue(m *Model, sec string) (path, value string) {
	inRead(m, func() {
		fs := m.meeting.Sections[sec].(*meeting.FormSection)
		fl := fs.Form.Current()
		path, value = fl.Path, fl.Get()
	})
	return path, value
}

// TestTypingOnAfterAStepChange: ctrl+n pressed in the middle of a
// sentence opened the next step's section with the cursor in the
// person's name, and the rest of the sentence became the name, on the
// projector's title too (tryout41a #3). The rest of a burst now goes on
// in the field it began in, one line says where, and a step change never
// puts the cursor on the name. After a pause, typing goes where the
// cursor is.
func TestTypingOnAfterAStepChange(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		m, p := openViewsMeeting(t, l, 80, 24)
		clock := time.Now()
		m.meeting.KeyNow = func() time.Time { return clock }
		step := func(sec string) int {
			for i, s := range m.meeting.Steps {
				if s.Section == sec {
					return i
				}
			}
			t.Fatalf("no step fills %s", sec)
			return -1
		}
		// At the step before "Varför vi träffas", which fills the
		// meeting's section, writing the person's own words.
		inEdit(m, func() { m.meeting.GoStep(step(model.SectionParticipants)) })
		press(m, "alt+3")
		_, before := fieldValue(m, model.SectionOwnWords)
		typeText(m, model.T(l, "Jag vill gärna", "I would like"))
		press(m, "ctrl+n")
		if m.meeting.Active != model.SectionMeeting {
			t.Fatalf("%s: ctrl+n did not open the meeting's section (at %s)", l, m.meeting.Active)
		}
		typeText(m, model.T(l, " och sedan", " and then"))
		if got := livePlan(m).Person.Name; got != p.Person.Name {
			t.Errorf("%s: the person's name became %q", l, got)
		}
		if path, _ := fieldValue(m, model.SectionMeeting); path == "person.name" {
			t.Errorf("%s: the step change put the cursor on the person's name", l)
		}
		want := before + model.T(l, "Jag vill gärna och sedan", "I would like and then")
		if _, got := fieldValue(m, model.SectionOwnWords); got != want {
			t.Errorf("%s: own words are %q, want %q", l, got, want)
		}
		if want := model.T(l, "«och sedan» lades till där du skrev före bytet av punkt: Med egna ord (alt+3).", "“and then” was added where you were typing before the step changed: In the person's own words (alt+3)."); !strings.Contains(flat(screenText(m)), want) {
			t.Errorf("%s: no line says where the typing went (%q):\n%s", l, want, screenText(m))
		}

		// After a look at the screen, typing goes where the cursor is.
		clock = clock.Add(2 * time.Second)
		path, was := fieldValue(m, model.SectionMeeting)
		typeText(m, "Rum 4")
		if _, got := fieldValue(m, model.SectionMeeting); got == was || !strings.Contains(got, "Rum 4") {
			t.Errorf("%s: typing after a pause did not go into %s: %q", l, path, got)
		}
		if got := livePlan(m).Person.Name; got != p.Person.Name {
			t.Errorf("%s: the person's name became %q", l, got)
		}

		// A burst typed on into a list step: the attendance stays and
		// the text goes on where it began.
		att := livePlan(m).Draft.Meeting.Participants[0].Attendance
		clock = clock.Add(2 * time.Second)
		press(m, "alt+3")
		typeText(m, "Ok")
		press(m, "ctrl+p")
		typeText(m, " vi")
		if m.meeting.Active != model.SectionParticipants {
			t.Fatalf("%s: ctrl+p did not open the participants (at %s)", l, m.meeting.Active)
		}
		if got := livePlan(m).Draft.Meeting.Participants[0].Attendance; got != att {
			t.Errorf("%s: typing on after ctrl+p changed an attendance", l)
		}
		if _, got := fieldValue(m, model.SectionOwnWords); !strings.HasSuffix(got, "Ok vi") {
			t.Errorf("%s: own words end %q, want … Ok vi", l, got)
		}

		// The quick row too: a line typed on after ctrl+n, and after a
		// second ctrl+n in the same burst, stays whole.
		clock = clock.Add(2 * time.Second)
		typeText(m, "Anna Berg, närst")
		press(m, "ctrl+n")
		typeText(m, "åe")
		press(m, "ctrl+n")
		typeText(m, "nde")
		press(m, "ctrl+p", "ctrl+p")
		if want := "+ Anna Berg, närstående"; !strings.Contains(screenText(m), want) {
			t.Errorf("%s: the quick row does not hold the whole line (%q):\n%s", l, want, screenText(m))
		}
	}
}

// TestFullFieldSaysSo: the quick row dropped everything past 300
// characters without a word (tryout41a #5): "-Ek, närstående (syster)"
// never got in. Now the row refuses what does not fit and says so under
// itself, at 80x24, with the limit and the refused text; a paste that
// does not fit is refused whole. A form's field does the same at its
// own limit instead of cutting a paste.
func TestFullFieldSaysSo(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		m, _ := openViewsMeeting(t, l, 80, 24)
		send(m, meeting.GotoSectionMsg{ID: model.SectionParticipants})
		if ls := m.meeting.Sections[model.SectionParticipants].(*meeting.ListSection); ls.Form != nil {
			press(m, "esc")
		}
		long := "Maximiliana " + strings.Repeat("Långnamnsson", 24) // 300 characters
		typeText(m, long+"-Ek, närstående (syster)")
		scr := flat(screenText(m))
		if want := model.T(l, "Fältet är fullt (högst 300 tecken). Togs inte emot: «-Ek, närstående (syster)»",
			"The field is full (300 characters at most). Not taken: “-Ek, närstående (syster)”"); !strings.Contains(scr, want) {
			t.Errorf("%s: the full quick row does not say so (%q):\n%s", l, want, screenText(m))
		}
		send(m, tea.PasteMsg{Content: "ytterligare text"})
		if want := model.T(l, "Det inklistrade (16 tecken) togs inte emot", "The pasted text (16 characters) was not taken"); !strings.Contains(flat(screenText(m)), want) {
			t.Errorf("%s: a paste into the full quick row is not refused with a line:\n%s", l, screenText(m))
		}
		press(m, "enter")
		ps := livePlan(m).Draft.Meeting.Participants
		if got := ps[len(ps)-1].Name; got != strings.TrimSpace(long) {
			t.Errorf("%s: the row added is %q", l, got)
		}

		// A form field at its limit: a paste that would pass it is
		// refused whole, and said.
		press(m, "alt+3")
		_, before := fieldValue(m, model.SectionOwnWords)
		send(m, tea.PasteMsg{Content: strings.Repeat("x", model.MaxFieldChars)})
		if _, got := fieldValue(m, model.SectionOwnWords); got != before {
			t.Errorf("%s: a paste past the limit changed the field (%d characters)", l, len([]rune(got)))
		}
		if want := model.T(l, "fältet rymmer högst 50 000 tecken", "the field holds at most 50,000 characters"); !strings.Contains(flat(screenText(m)), want) {
			t.Errorf("%s: the refused paste is not said (%q):\n%s", l, want, screenText(m))
		}
	}
}

// TestTypingInTheRoomViewIsSaid: text typed while the room's view (F4) is
// on was thrown away without a word (tryout41a #9). The secretary's
// screen now says that no text is written there and how to go back; the
// room's own devices show nothing of it.
func TestTypingInTheRoomViewIsSaid(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		m, p := openViewsMeeting(t, l, 80, 24)
		press(m, "f4")
		if m.meeting.Who != meeting.ViewRoom {
			t.Fatalf("%s: f4 did not open the room's view", l)
		}
		note := model.T(l, "Rumsvyn: här skrivs ingen text · f4: tillbaka", "Room's view: no text is written here · f4: back")
		if strings.Contains(screenText(m), note) {
			t.Fatalf("%s: the note shows before anything was typed", l)
		}
		typeText(m, "abc")
		if !strings.Contains(screenText(m), note) {
			t.Errorf("%s: typing in the room's view is not said (%q):\n%s", l, note, screenText(m))
		}
		press(m, "down") // a key of the view's own takes the note away
		if strings.Contains(screenText(m), note) {
			t.Errorf("%s: the note stays after a key of the view", l)
		}
		send(m, tea.PasteMsg{Content: "inklistrat"})
		if !strings.Contains(screenText(m), note) {
			t.Errorf("%s: a paste in the room's view is not said", l)
		}
		press(m, "f4")
		if m.meeting.Who != meeting.ViewSecretary {
			t.Errorf("%s: f4 did not go back", l)
		}
		if livePlan(m).Person.Name != p.Person.Name {
			t.Errorf("%s: typing in the room's view changed the plan", l)
		}

		// A device of the room: the same keys, and no note.
		r := room.NewRoomModel(l, &m.st)
		r.SetSize(80, 24)
		for _, c := range "abc" {
			r.Update(kp(string(c)))
		}
		var scr string
		inRead(m, func() { scr = ansi.Strip(r.View(m.meeting.State())) })
		if strings.Contains(scr, model.T(l, "Rumsvyn", "Room's view")) || !strings.Contains(scr, "Samordnad individuell plan") && l == model.Swedish {
			t.Errorf("%s: a room device shows the secretary's note:\n%s", l, scr)
		}
	}
}

// TestFullSearchSaysSo: the home screen's search field, at its 100
// characters, says what it did not take instead of dropping it.
func TestFullSearchSaysSo(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		m := newTestModel(t, openTestDB(t), l, 80, 24)
		press(m, "/")
		typeText(m, strings.Repeat("a", 100)+"xyz")
		if want := model.T(l, "Fältet är fullt (högst 100 tecken). Togs inte emot: «xyz».", "The field is full (100 characters at most). Not taken: “xyz”."); !strings.Contains(flat(screenText(m)), want) {
			t.Errorf("%s: the full search field does not say so (%q):\n%s", l, want, screenText(m))
		}
	}
}

// TestTypingOnAfterAStepChangeInAPrivateField: a private field is hidden
// again as soon as the step changes, so the rest of a burst typed in it
// cannot go on there; the line says how many characters were not taken,
// never what they were, and nothing lands in the next step's field.
func TestTypingOnAfterAStepChangeInAPrivateField(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		m, _ := openViewsMeeting(t, l, 80, 24)
		goConsentStep(t, m)
		focusField(t, m, "consent.not_raise")
		press(m, "enter") // show it for editing
		before := livePlan(m).Draft.Consent.NotRaise
		typeText(m, "; Hemligt")
		press(m, "ctrl+n")
		next := m.meeting.Active
		_, was := fieldValue(m, next)
		typeText(m, " ämne")
		if _, got := fieldValue(m, next); got != was {
			t.Errorf("%s: the burst went into %s: %q", l, next, got)
		}
		scr := flat(screenText(m))
		if want := model.T(l, "5 tecken som skrevs direkt efter bytet av punkt togs inte emot", "5 characters typed right after the step changed were not taken"); !strings.Contains(scr, want) {
			t.Errorf("%s: the line does not say what was not taken (%q):\n%s", l, want, screenText(m))
		}
		if strings.Contains(scr, "ämne") {
			t.Errorf("%s: the line shows the private text", l)
		}
		if got := livePlan(m).Draft.Consent.NotRaise; len(got) != len(before)+1 {
			t.Errorf("%s: not to raise is %q", l, got)
		}
	}
}

// TestPrintDialogTakesNoSentence: in the list of papers space takes a
// paper in or out, n adds a recipient and p prints. A sentence typed
// there took the original out at its first space and printed at its
// first p. Now they act only typed alone; a sentence changes nothing,
// prints nothing, and one line says so.
func TestPrintDialogTakesNoSentence(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		p, v := copiesPlan()
		st := common.DefaultStyles()
		var ov common.Overlay = printdialog.New(l, &st, p, v, true)
		var cmds []tea.Cmd
		for _, r := range model.T(l, " och sedan påbörjar vi", " and then we print") {
			_, cmd := overlayKeys(ov, string(r))
			cmds = append(cmds, cmd)
		}
		for _, c := range cmds {
			if c != nil {
				t.Fatalf("%s: a typed sentence started a print", l)
			}
		}
		view := viewAt(ov.(*printdialog.Overlay), 80, 24)
		if !strings.Contains(view, "[x]") || strings.Contains(view, "[ ] "+model.T(l, "Original", "Original")) {
			t.Errorf("%s: the sentence took the original out:\n%s", l, view)
		}
		if want := model.T(l, "Mellanslaget ändrade inget", "The space changed nothing"); !strings.Contains(flat(view), want) {
			t.Errorf("%s: no line says the space changed nothing:\n%s", l, view)
		}
		// Alone, the keys still work: a pause, then space and p.
		time.Sleep(components.RunGap + 100*time.Millisecond)
		if _, cmd := overlayKeys(ov, "space"); cmd != nil {
			t.Fatalf("%s: space printed", l)
		}
		time.Sleep(components.RunGap + 100*time.Millisecond)
		_, cmd := overlayKeys(ov, "p")
		if cmd == nil {
			t.Fatalf("%s: p typed alone did not print", l)
		}
		if job := cmd().(printdialog.JobMsg).Job; job.Original {
			t.Errorf("%s: space typed alone did not take the original out", l)
		}
	}
}

// TestTypingAfterOwnStepChangeGoesThere: text typed 0.6 s after the
// secretary's own ctrl+n went into the previous step's field, glued to
// its last sentence (tryout42b #2). A step change she makes is meant:
// what she types once the new screen is up goes into the field on it;
// only keys already on their way (within tens of milliseconds) go on
// where they were typed.
func TestTypingAfterOwnStepChangeGoesThere(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		for _, after := range []time.Duration{150 * time.Millisecond, 600 * time.Millisecond, time.Second} {
			m, _ := openViewsMeeting(t, l, 80, 24)
			clock := time.Now()
			m.meeting.KeyNow = func() time.Time { return clock }
			step := -1
			for i, s := range m.meeting.Steps {
				if s.Section == model.SectionParticipants {
					step = i
				}
			}
			inEdit(m, func() { m.meeting.GoStep(step) })
			press(m, "alt+3")
			_, before := fieldValue(m, model.SectionOwnWords)
			typeText(m, "Han sa att")
			press(m, "ctrl+n")
			screenText(m) // the new step is drawn
			clock = clock.Add(after)
			_, was := fieldValue(m, model.SectionMeeting)
			for _, r := range "Rum 4" {
				send(m, tea.KeyPressMsg{Code: r, Text: string(r)})
				clock = clock.Add(120 * time.Millisecond)
			}
			drainPending(m)
			if _, got := fieldValue(m, model.SectionOwnWords); got != before+"Han sa att" {
				t.Errorf("%s, %v after ctrl+n: the previous step's field became %q", l, after, got)
			}
			if _, got := fieldValue(m, model.SectionMeeting); got != was+"Rum 4" {
				t.Errorf("%s, %v after ctrl+n: the field on screen is %q, want %q", l, after, got, was+"Rum 4")
			}
		}
		// Keys already on their way, 20 ms apart right after ctrl+n, go
		// on where they were typed.
		m, _ := openViewsMeeting(t, l, 80, 24)
		clock := time.Now()
		m.meeting.KeyNow = func() time.Time { return clock }
		for i, s := range m.meeting.Steps {
			if s.Section == model.SectionParticipants {
				inEdit(m, func() { m.meeting.GoStep(i) })
			}
		}
		press(m, "alt+3")
		_, before := fieldValue(m, model.SectionOwnWords)
		typeText(m, "Han sa")
		press(m, "ctrl+n")
		if m.meeting.Active == model.SectionOwnWords {
			t.Fatalf("%s: ctrl+n stayed in the own words", l)
		}
		for _, r := range " att" {
			clock = clock.Add(20 * time.Millisecond)
			send(m, tea.KeyPressMsg{Code: r, Text: string(r)})
		}
		drainPending(m)
		clock = clock.Add(time.Second)
		press(m, "alt+3")
		if _, got := fieldValue(m, model.SectionOwnWords); got != before+"Han sa att" {
			t.Errorf("%s: keys in flight after ctrl+n did not stay where typed: %q", l, got)
		}
	}
}
