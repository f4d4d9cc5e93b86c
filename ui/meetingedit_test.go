package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/components"
	"github.com/sipmote/sipmote/ui/screens/meeting"
)

// The meeting form's editing as a secretary meets it (tryout42a #11, #12,
// #13, #16).

// formOf is the form of a section that is a plain form.
func formOf(t *testing.T, m *Model, section string) *components.Form {
	t.Helper()
	fs, ok := m.meeting.Sections[section].(*meeting.FormSection)
	if !ok {
		t.Fatalf("section %s is not a form", section)
	}
	return fs.Form
}

// tabTo goes to section and tabs to the field with path.
func tabTo(t *testing.T, m *Model, section, path string) {
	t.Helper()
	send(m, meeting.GotoSectionMsg{ID: section})
	f := formOf(t, m, section)
	for range len(f.Fields) + 1 {
		if f.Current().Path == path {
			return
		}
		press(m, "tab")
	}
	t.Fatalf("tab never reached %s:\n%s", path, screenText(m))
}

// TestWholeValueIsReplacedByTyping: on the meeting's start time "00:00",
// typing 10 gave "00:0010" while the new-plan form replaced the same
// field. A date, a time or a number of minutes is now replaced by the
// first key typed on arriving, and says so; ctrl+z brings it back.
func TestWholeValueIsReplacedByTyping(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		m, _ := openViewsMeeting(t, l, 80, 24)
		inEdit(m, func() { livePlan(m).Draft.Meeting.Start = "00:00" })
		tabTo(t, m, model.SectionMeeting, "meeting.start")
		if want := model.T(l, "skriv för att ersätta", "type to replace"); !strings.Contains(screenText(m), want) {
			t.Errorf("%s: the start time does not say typing replaces it:\n%s", l, screenText(m))
		}
		typeText(m, "10")
		if got := livePlan(m).Draft.Meeting.Start; got != "10" {
			t.Errorf("%s: start %q after typing 10 on 00:00, want 10", l, got)
		}
		// ctrl+z takes back the typing, then the replacing (undo's steps).
		for range 2 {
			if livePlan(m).Draft.Meeting.Start != "00:00" {
				press(m, "ctrl+z")
			}
		}
		if got := livePlan(m).Draft.Meeting.Start; got != "00:00" {
			t.Errorf("%s: ctrl+z gave %q, want 00:00 back", l, got)
		}
		typeText(m, "9.30")
		press(m, "tab")
		if got := livePlan(m).Draft.Meeting.Start; got != "09:30" {
			t.Errorf("%s: start %q, want 09:30", l, got)
		}
		typeText(m, "90")
		if got := livePlan(m).Draft.Meeting.Minutes; got != 90 {
			t.Errorf("%s: minutes %d after typing 90 on them, want 90", l, got)
		}
		// A time to mend, come back to, is replaced too (as the new-plan
		// form does, fix42c).
		inEdit(m, func() { livePlan(m).Draft.Meeting.Start = "10:3" })
		press(m, "shift+tab")
		if formOf(t, m, model.SectionMeeting).Current().Path != "meeting.start" {
			t.Fatalf("%s: not on the start time", l)
		}
		typeText(m, "11")
		if got := livePlan(m).Draft.Meeting.Start; got != "11" {
			t.Errorf("%s: start %q, want 11", l, got)
		}
	}
}

// TestTidiedDateLosesItsError: "15/1 2027" in the meeting's date became
// 2027-01-15 on leaving the field, but its error stayed until a later
// save. Leaving the field is a change: the next findings have no error,
// and the field, coming back, shows none. While it is typed, the field
// says what it will be read as.
func TestTidiedDateLosesItsError(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		m, _ := openViewsMeeting(t, l, 80, 24)
		tabTo(t, m, model.SectionMeeting, "meeting.date")
		for range 12 {
			press(m, "backspace")
		}
		typeText(m, "15/1 2027")
		if want := model.T(l, "läses som 2027-01-15", "read as 2027-01-15"); !strings.Contains(screenText(m), want) {
			t.Errorf("%s: the field does not say how the date is read:\n%s", l, screenText(m))
		}
		send(m, meeting.SaveTickMsg{Owner: m.meeting.Owner()}) // the words typed are checked
		press(m, "tab")
		send(m, meeting.SaveTickMsg{Owner: m.meeting.Owner()})
		if got := livePlan(m).Draft.Meeting.Date; got != "2027-01-15" {
			t.Fatalf("%s: date %q, want 2027-01-15", l, got)
		}
		for _, f := range m.meeting.Findings {
			if f.Path == "meeting.date" {
				t.Errorf("%s: the corrected date still has a finding: %s", l, f.Message.In(l))
			}
		}
		press(m, "shift+tab")
		if out := screenText(m); strings.Contains(out, model.T(l, "ÅÅÅÅ-MM-DD", "YYYY-MM-DD")) {
			t.Errorf("%s: the corrected date still shows an error:\n%s", l, out)
		}
	}
}

// TestEveryDateFieldReadsTheSameWords: "idag" was read in the consent's
// date but not in the closing form, "7 jan 2027" nowhere. Every date
// field reads the same words, also when the secretary goes on with ctrl+n
// or esc instead of leaving the field.
func TestEveryDateFieldReadsTheSameWords(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		m, _ := openViewsMeeting(t, l, 80, 24)
		// "idag" is the wall clock's day: the screens' fixed clock is
		// for the meeting's times.
		today := time.Now().Format(model.DateLayout)
		// The consent's date, left by a step change.
		tabTo(t, m, model.SectionConsent, "consent.date")
		for range 12 {
			press(m, "backspace")
		}
		typeText(m, "idag")
		press(m, "ctrl+n")
		if got := livePlan(m).Draft.Consent.Date; got != today {
			t.Errorf("%s: consent date %q after ctrl+n, want %s", l, got, today)
		}
		// An action's start, left with esc.
		send(m, meeting.GotoSectionMsg{ID: model.SectionActions})
		press(m, "+")
		typeText(m, "Ringa skolan")
		ls := m.meeting.Sections[model.SectionActions].(*meeting.ListSection)
		for range len(ls.Form.Fields) {
			if ls.Form.Current().Path == "content.actions[].start" {
				break
			}
			press(m, "tab")
		}
		typeText(m, "7 jan 2027")
		press(m, "esc")
		acts := livePlan(m).Draft.Content.Actions
		if got := acts[len(acts)-1].Start; got != "2027-01-07" {
			t.Errorf("%s: action start %q, want 2027-01-07", l, got)
		}
	}
}

// TestQuickRowInTheNameIsRead: the agenda's step 2 opens a new row's
// form, where every key is saved as typed; "Nora Lund, den enskilde"
// typed there became a staff member of that name. The name says it will
// be read as a quick row, and leaving it (tab, esc) reads it so: name,
// role, attendance. A name written surname first stays a name.
func TestQuickRowInTheNameIsRead(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		m, _ := openViewsMeeting(t, l, 80, 24)
		inEdit(m, func() { livePlan(m).Draft.Meeting.Participants = nil })
		for i, s := range m.meeting.Steps {
			if s.Section == model.SectionParticipants {
				inEdit(m, func() { m.meeting.GoStep(i) })
				break
			}
		}
		if m.meeting.Active != model.SectionParticipants {
			t.Fatalf("%s: not on the participants", l)
		}
		typeText(m, "Nora Lund, den enskilde")
		if want := model.T(l, "Läses som snabbrad", "Read as a quick row"); !strings.Contains(screenText(m), want) {
			t.Errorf("%s: the name does not say it will be read as a quick row:\n%s", l, screenText(m))
		}
		press(m, "tab")
		ps := livePlan(m).Draft.Meeting.Participants
		if len(ps) != 1 || ps[0].Name != "Nora Lund" || ps[0].Role != model.RolePerson {
			t.Fatalf("%s: participants %+v, want Nora Lund as the person", l, ps)
		}
		press(m, "esc", "+")
		typeText(m, "Olle Lund, pappa, telefon")
		press(m, "esc")
		ps = livePlan(m).Draft.Meeting.Participants
		if len(ps) != 2 || ps[1].Name != "Olle Lund" || ps[1].Role == model.RoleStaff || ps[1].Attendance != model.AttendPhone {
			t.Errorf("%s: second participant %+v, want Olle Lund, a relative on the phone", l, ps[len(ps)-1])
		}
		press(m, "+")
		typeText(m, "Lund, Olle")
		press(m, "esc")
		ps = livePlan(m).Draft.Meeting.Participants
		if got := ps[len(ps)-1]; got.Name != "Lund, Olle" || got.Role != model.RoleStaff {
			t.Errorf("%s: a surname-first name was read as a quick row: %+v", l, got)
		}
	}
}
