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

// TestKeysWaitForTheirScreen presses x on the home screen and types on at
// once, before the closing form has loaded: the keys must reach the form
// they were typed for, in order, and none the home screen (where a, t, q
// and / do things).
func TestKeysWaitForTheirScreen(t *testing.T) {
	db := openTestDB(t)
	p := model.NewPlan(model.Person{Name: "Maja Lind"}, fixedNow)
	if err := db.Create(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, db, model.English, 100, 30)
	_, load := m.Update(kp("x"))
	var later []string
	for _, k := range []string{"tab", "a", "t", "q", "/"} {
		_, cmd := m.Update(kp(k))
		if cmd != nil {
			later = append(later, k)
		}
	}
	if m.screen != screenHome || len(later) > 0 {
		t.Fatalf("keys typed while the closing form loaded acted on the home screen (%v):\n%s", later, screenText(m))
	}
	runCmd(m, load, 0, m.running.Load())
	if m.screen != screenClose {
		t.Fatalf("the closing form did not open:\n%s", screenText(m))
	}
	if m.closing.Text != "atq/" {
		t.Errorf("the explanation holds %q, want the keys typed ahead, \"atq/\":\n%s", m.closing.Text, screenText(m))
	}
}

// TestHeldKeysDroppedWhenTheScreenFails: keys typed for a plan that cannot
// be opened are not given to the home screen; it says they were not taken.
func TestHeldKeysDroppedWhenTheScreenFails(t *testing.T) {
	m := newTestModel(t, openTestDB(t), model.English, 100, 30)
	_, load := m.Update(home.OpenPlanMsg{ID: "no-such-plan"})
	for _, k := range []string{"n", "q"} {
		m.Update(kp(k))
	}
	runCmd(m, load, 0, m.running.Load())
	if m.screen != screenHome {
		t.Fatalf("a key typed for the failed screen acted on home:\n%s", screenText(m))
	}
	if !strings.Contains(screenText(m), "2 keys pressed while a screen was opening were not taken") {
		t.Errorf("the dropped keys are not told:\n%s", screenText(m))
	}
}

// TestKeysWaitForTheFirstList: when the program reads the list of plans
// after its first frame, that frame says so, and keys typed before the
// list has come act on it once it is there: the arrow and enter typed at
// once open the second plan, not nothing and not the first.
func TestKeysWaitForTheFirstList(t *testing.T) {
	db := openTestDB(t)
	for _, name := range []string{"Anna Berg", "Bo Ceder"} {
		if err := db.Create(context.Background(), model.NewPlan(model.Person{Name: name}, fixedNow)); err != nil {
			t.Fatal(err)
		}
	}
	m := New(Options{Service: db, Lang: model.English, Now: func() time.Time { return fixedNow },
		Agenda: testAgenda(t), ListAfterStart: true})
	t.Cleanup(func() { _ = m.Close() })
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m.Update(firstFrameMsg{})
	first := screenText(m)
	if !strings.Contains(first, "Reading the plans") || strings.Contains(first, "There are no plans yet") {
		t.Fatalf("the first frame does not say the plans are being read:\n%s", first)
	}
	for _, k := range []string{"down", "enter"} {
		if _, cmd := m.Update(kp(k)); cmd != nil {
			t.Fatalf("%s acted on a home screen without its list", k)
		}
	}
	// The first plans come from the file's front page, on screen at
	// once; the keys wait for the whole list, which comes a moment later,
	// and are then given to the home screen.
	runCmd(m, m.Init(), 0, m.running.Load())
	if m.screen == screenHome && !strings.Contains(screenText(m), "Bo Ceder") {
		t.Fatalf("the first plans are not on screen:\n%s", screenText(m))
	}
	for deadline := time.Now().Add(3 * time.Second); m.screen != screenMeeting && time.Now().Before(deadline); {
		time.Sleep(5 * time.Millisecond)
		drainPending(m)
	}
	if m.screen != screenMeeting || m.session == nil {
		t.Fatalf("the keys typed before the list did not open a plan:\n%s", screenText(m))
	}
	p, _ := m.session.Snapshot()
	if p.Person.Name != "Bo Ceder" {
		t.Errorf("opened %q, want the second plan, Bo Ceder", p.Person.Name)
	}
}

// TestBurstAfterNReachesTheForm: n and a name typed in one burst on the
// home screen (a paste, or a fast typist) give the form the whole name.
// The form opens at once, without a load; the keys typed after n were held
// and then never given to it, so the name lost its first letters.
func TestBurstAfterNReachesTheForm(t *testing.T) {
	m := newTestModel(t, openTestDB(t), model.English, 80, 24)
	_, open := m.Update(kp("n"))
	for _, k := range []string{"O", "l", "a"} {
		m.Update(kp(k))
	}
	runCmd(m, open, 0, m.running.Load())
	typeText(m, " Snabb")
	if m.screen != screenNew || m.newPlan == nil {
		t.Fatalf("the new-plan form did not open:\n%s", screenText(m))
	}
	if got := m.newPlan.In.Person; got != "Ola Snabb" {
		t.Errorf("the name is %q, want \"Ola Snabb\":\n%s", got, screenText(m))
	}
	if len(m.held.keys) != 0 {
		t.Errorf("%d keys are still held", len(m.held.keys))
	}
}

// TestEmptyHomeNamesTheWholeDemoCommand: at 80 columns the hint for the
// sample plans is wrapped, not cut, and names the --db given at start.
func TestEmptyHomeNamesTheWholeDemoCommand(t *testing.T) {
	m := New(Options{Service: openTestDB(t), Lang: model.Swedish, Now: func() time.Time { return fixedNow },
		Agenda: testAgenda(t), DemoCommand: "sipmote demo --db /tmp/cold/db"})
	t.Cleanup(func() { _ = m.Close() })
	send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	got := screenText(m)
	if !strings.Contains(got, "sipmote demo --db /tmp/cold/db") || !strings.Contains(got, "Stäng programmet med q") {
		t.Errorf("the demo hint is cut or lacks the file:\n%s", got)
	}
}

// TestSearchLineNamesWhatWorks: while a search is typed, the key line
// does not offer q to quit (q is a letter of the search there).
func TestSearchLineNamesWhatWorks(t *testing.T) {
	db := openTestDB(t)
	if err := db.Create(context.Background(), model.NewPlan(model.Person{Name: "Anna Berg"}, fixedNow)); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, db, model.English, 80, 24)
	press(m, "/")
	typeText(m, "q")
	lines := strings.Split(strings.TrimRight(screenText(m), "\n"), "\n")
	last := lines[len(lines)-1]
	if strings.Contains(last, "quit") || !strings.Contains(last, "clear search") {
		t.Errorf("the key line while searching is %q", last)
	}
	if m.screen != screenHome || !strings.Contains(screenText(m), "q") {
		t.Errorf("q did not go into the search")
	}
}

// TestBadPNRPutsTheCursorThere: creating a plan with a personnummer that
// does not check out says so and puts the cursor in that field, whichever
// field the user was in.
func TestBadPNRPutsTheCursorThere(t *testing.T) {
	m := newTestModel(t, openTestDB(t), model.English, 80, 24)
	press(m, "n")
	typeText(m, "Ola Snabb")
	press(m, "tab")
	typeText(m, "19890412-3456") // the last digit is wrong
	for range 5 {
		press(m, "tab")
	}
	press(m, "ctrl+s")
	if m.screen != screenNew || !strings.Contains(screenText(m), "personal identity number is not valid") {
		t.Fatalf("the bad personnummer is not told:\n%s", screenText(m))
	}
	if f := m.newPlan.Form.Current(); f == nil || f.Path != "pnr" {
		t.Errorf("the cursor is on %+v, want the personnummer field", f)
	}
}
