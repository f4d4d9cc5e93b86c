package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/sipmote/sipmote/model"
)

// TestNewPlanForAPersonnummerInUse: the new-plan form looks the
// personnummer up before making a plan. A plan not yet closed that has it
// (here under another name, so the home list's check of name and birth
// date does not see it) is named; ctrl+o opens it and ctrl+s makes the
// new plan anyway. A closed plan with the number does not stop a new one
// (tryout2 #52).
func TestNewPlanForAPersonnummerInUse(t *testing.T) {
	cases := []struct {
		name    string
		closed  bool
		then    string // the key after the warning
		warned  bool
		opensID bool // the plan opened is the one there was
	}{
		{"open plan, ctrl+o opens it", false, "ctrl+o", true, true},
		{"open plan, ctrl+s makes a second", false, "ctrl+s", true, false},
		{"closed plan", true, "", false, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db := openTestDB(t)
			there := model.NewPlan(model.Person{Name: "Anna-Maja Lind", PNR: "19890412-3455"}, fixedNow)
			if tc.closed {
				if err := there.Close(model.Closure{Reason: model.CloseNoNeed, Date: fixedNow.Format(model.DateLayout)}, fixedNow); err != nil {
					t.Fatal(err)
				}
			}
			if err := db.Create(context.Background(), there); err != nil {
				t.Fatal(err)
			}
			m := newTestModel(t, db, model.Swedish, 80, 24)
			newMeeting(t, m, "Karin Holm", "Ali Rahimi")            // Maja Lind, 19890412-3455
			scr := strings.Join(strings.Fields(screenText(m)), " ") // as read, across wrapped lines
			if got := m.screen == screenNew && strings.Contains(scr, "Anna-Maja Lind") &&
				strings.Contains(scr, "personnumret") && strings.Contains(scr, "ctrl+o öppnar den"); got != tc.warned {
				t.Fatalf("warned %v, want %v:\n%s", got, tc.warned, scr)
			}
			if tc.then != "" {
				press(m, tc.then)
			}
			if m.screen != screenMeeting && m.screen != screenAsk {
				t.Fatalf("no plan opened:\n%s", screenText(m))
			}
			if opened := livePlan(m).ID == there.ID; opened != tc.opensID {
				t.Errorf("opened the plan there was: %v, want %v", opened, tc.opensID)
			}
			sums, err := db.List(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if want := 2 - btoi(tc.opensID); len(sums) != want {
				t.Errorf("%d plans stored, want %d", len(sums), want)
			}
		})
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
