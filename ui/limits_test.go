package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/screens/home"
)

// TestOverlongFieldIsHeldNotCut opens a plan whose own-words field is longer
// than the editor holds (stored before the limit, or written by another
// program). Keys typed in it must not cut it: the screen says why the
// field cannot be edited, and the text is whole on disk afterwards.
func TestOverlongFieldIsHeldNotCut(t *testing.T) {
	db := openTestDB(t)
	p := model.NewPlan(model.Person{Name: "Maja Lind"}, fixedNow)
	long := strings.Repeat("ord ", 15000) // 60 000 characters, over the 50 000 limit
	p.Draft.Content.OwnWords = long
	if err := db.Create(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, db, model.English, 120, 40)
	send(m, home.OpenPlanMsg{ID: p.ID})
	if m.screen != screenMeeting {
		t.Fatalf("meeting not open:\n%s", screenText(m))
	}
	press(m, "alt+3") // own words
	typeText(m, "x")
	press(m, "backspace", "enter")
	if !strings.Contains(screenText(m), "more than the editor holds") {
		t.Errorf("the screen does not say why the field cannot be edited:\n%s", screenText(m))
	}
	press(m, "ctrl+s")
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	q, err := db.Load(context.Background(), p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := q.Draft.Content.OwnWords; got != long {
		t.Errorf("the long field changed: %d characters, was %d", len([]rune(got)), len([]rune(long)))
	}
}
