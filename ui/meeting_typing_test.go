package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/screens/home"
)

// openTyping opens a plan's meeting on its own-words field.
func openTyping(t *testing.T) (*Model, string) {
	t.Helper()
	db := openTestDB(t)
	p := model.NewPlan(model.Person{Name: "Maja Lind"}, fixedNow)
	if err := db.Create(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, db, model.English, 100, 30)
	send(m, home.OpenPlanMsg{ID: p.ID})
	if m.screen != screenMeeting {
		t.Fatalf("meeting not open:\n%s", screenText(m))
	}
	press(m, "alt+3") // own words
	return m, p.ID
}

// TestPasteAsKeysIsGathered: a paste that comes as thousands of single
// keys (no bracketed paste) reaches the field whole and in order, in one
// insert once the keys waiting have been read; a key that is not text
// comes after the characters typed before it.
func TestPasteAsKeysIsGathered(t *testing.T) {
	m, _ := openTyping(t)
	text := strings.Repeat("Hon vill bo kvar hemma. ", 400) // 9 600 keys
	var end tea.Cmd
	for _, r := range text {
		_, cmd := m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		if cmd != nil {
			if end != nil {
				t.Fatal("a second key of the run asked for its end")
			}
			end = cmd
		}
	}
	if got := livePlan(m).Draft.Content.OwnWords; got != "" {
		t.Fatalf("the field changed before the run ended: %d bytes", len(got))
	}
	runCmd(m, end, 0, m.running.Load())
	if got := livePlan(m).Draft.Content.OwnWords; got != text {
		t.Fatalf("the field holds %d bytes, want the %d typed", len(got), len(text))
	}
	// Characters, then a key that moves to another section before the run
	// has ended: the characters stay in the field they were typed in.
	for _, r := range "slut" {
		m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	press(m, "alt+4")
	typeText(m, "nu")
	if got := livePlan(m).Draft.Content.OwnWords; got != text+"slut" {
		t.Errorf("own words end %q, want the characters typed before the section key and nothing after", tail(got))
	}
	// With caps lock or num lock on (terminals that report them), keys
	// are still text and are gathered.
	press(m, "alt+3")
	_, end = m.Update(tea.KeyPressMsg{Code: 'A', Text: "A", Mod: tea.ModCapsLock})
	_, more := m.Update(tea.KeyPressMsg{Code: '1', Text: "1", Mod: tea.ModNumLock})
	if end == nil || more != nil {
		t.Fatalf("keys with a lock key on were not gathered as one run")
	}
	runCmd(m, end, 0, m.running.Load())
	if got := livePlan(m).Draft.Content.OwnWords; !strings.HasSuffix(got, "slutA1") {
		t.Errorf("own words end %q, want the keys typed with a lock key on", tail(got))
	}
}

// TestTypedRunSavedAtQuit: characters typed just before the program ends,
// whose run has not ended yet, are in the database after Close.
func TestTypedRunSavedAtQuit(t *testing.T) {
	m, id := openTyping(t)
	for _, r := range "sista orden" {
		m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	p, err := m.o.Service.Load(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Draft.Content.OwnWords; got != "sista orden" {
		t.Errorf("own words %q after quitting, want the characters typed last", got)
	}
}

func tail(s string) string {
	if len(s) > 20 {
		return s[len(s)-20:]
	}
	return s
}

// TestStartTakesRealTimeAndUndoPutsItBack: a meeting booked for another
// time takes the real one when started, says so on one 80-column line,
// and a false start taken back puts the booking back.
func TestStartTakesRealTimeAndUndoPutsItBack(t *testing.T) {
	db := openTestDB(t)
	p := model.NewPlan(model.Person{Name: "Maja Lind"}, fixedNow)
	real := fixedNow.Local()
	p.Draft.Meeting.Date, p.Draft.Meeting.Start = real.Format(model.DateLayout), real.Add(-4*time.Hour).Format(model.TimeLayout)
	booked := p.Draft.Meeting.Start
	if err := db.Create(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, db, model.Swedish, 80, 24)
	send(m, home.OpenPlanMsg{ID: p.ID})
	press(m, "ctrl+o")
	want := "Mötet startade " + real.Format(model.TimeLayout) + " (bokat " + booked + "); planen har nu den tiden. ctrl+o ångrar."
	if !strings.Contains(screenText(m), want) {
		t.Errorf("the start is not told whole at 80 columns; want %q:\n%s", want, screenText(m))
	}
	if got := livePlan(m).Draft.Meeting.Start; got != real.Format(model.TimeLayout) {
		t.Errorf("start time %s after the start, want the real %s", got, real.Format(model.TimeLayout))
	}
	press(m, "ctrl+o", "j")
	if got := livePlan(m).Draft.Meeting.Start; got != booked {
		t.Errorf("start time %s after the undo, want the booked %s:\n%s", got, booked, screenText(m))
	}
	// Typing on after the start's message: the message goes with the
	// first keys, as with any key, and the save status is seen again.
	press(m, "alt+3", "ctrl+o")
	if !strings.Contains(screenText(m), "Mötet startade") {
		t.Fatalf("no start message:\n%s", screenText(m))
	}
	typeText(m, "Hej")
	if got := screenText(m); strings.Contains(got, "Mötet startade") || !strings.Contains(got, "ändrat") && !strings.Contains(got, "sparat") {
		t.Errorf("typing did not bring back the save status:\n%s", got)
	}
}
