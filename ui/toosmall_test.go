package ui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/screens/home"
)

// TestTinyWindowRefusesKeysVisibly types into a meeting while the window is
// below 60 × 16: the keys must not reach the plan, the small screen must
// say they were not taken, and the meeting must say so again when the
// window is large enough.
func TestTinyWindowRefusesKeysVisibly(t *testing.T) {
	db := openTestDB(t)
	p := model.NewPlan(model.Person{Name: "Maja Lind"}, fixedNow)
	if err := db.Create(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, db, model.English, 100, 30)
	send(m, home.OpenPlanMsg{ID: p.ID})
	typeText(m, "Eva")
	send(m, tea.WindowSizeMsg{Width: 50, Height: 12})
	typeText(m, "abc")
	small := strings.Join(strings.Fields(screenText(m)), " ")
	if !strings.Contains(small, "3 keys were not taken") || strings.Contains(small, "Nothing you typed is lost") {
		t.Errorf("the small window does not say that keys were refused:\n%s", screenText(m))
	}
	send(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	s := screenText(m)
	if !strings.Contains(s, "The window was too small: 3 keys were not taken.") {
		t.Errorf("the meeting does not tell of the refused keys:\n%s", s)
	}
	if strings.Contains(s, "Evaabc") || !strings.Contains(s, "Eva") {
		t.Errorf("the field should hold what was typed before, and nothing refused:\n%s", s)
	}
}
