package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
)

// TestKeysBeforeTheFirstFrameDoNothing starts the program on a meeting, as
// `sipmote meeting ID` does, and gives it at once what printed a plan
// before: ctrl+n fifteen times, p, enter and letters. None of them may act
// (no print question, no section changed, no text); once the first frame is
// drawn the screen says, once, that the keys were ignored, and a key typed
// after it works.
func TestKeysBeforeTheFirstFrameDoNothing(t *testing.T) {
	db := openTestDB(t)
	p := model.NewPlan(model.Person{Name: "Maja Lind"}, fixedNow)
	if err := db.Create(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	m := New(Options{Service: db, Lang: model.English, Now: func() time.Time { return fixedNow },
		Agenda: testAgenda(t), OpenPlan: p.ID})
	t.Cleanup(func() { _ = m.Close() })
	send(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	before := screenText(m)
	keys := []string{}
	for range 15 {
		keys = append(keys, "ctrl+n")
	}
	keys = append(keys, "p", "enter", "h", "e", "j")
	for _, k := range keys {
		if _, cmd := m.Update(kp(k)); cmd != nil {
			t.Fatalf("%s, typed before the first frame, gave a command", k)
		}
	}
	m.Update(tea.PasteMsg{Content: "inklistrat"})
	if got := screenText(m); got != before {
		t.Fatalf("keys before the first frame changed the screen:\nbefore:\n%s\nafter:\n%s", before, got)
	}
	// The burst goes on: it is still ignored.
	m.Update(firstFrameMsg{})
	if _, cmd := m.Update(kp("q")); cmd != nil || m.framed {
		t.Fatal("a key in the burst that began before the first frame acted")
	}
	time.Sleep(burstGap)
	send(m, firstFrameMsg{})
	got := screenText(m)
	if !strings.Contains(got, "22 keys were pressed before the screen was ready; they did nothing.") {
		t.Errorf("the screen does not say the early keys were ignored:\n%s", got)
	}
	snap, _ := m.session.Snapshot()
	if snap.Person.Name != "Maja Lind" || strings.Contains(got, "inklistrat") || strings.Contains(got, "Print") && strings.Contains(got, "?") {
		t.Errorf("an early key acted (name %q):\n%s", snap.Person.Name, got)
	}
	send(m, firstFrameMsg{})
	typeText(m, "x")
	if strings.Count(screenText(m), "before the screen was ready") > 1 {
		t.Errorf("the message came twice")
	}
}
