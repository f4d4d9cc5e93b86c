package model

import "testing"

func TestGoalNumbersProblem(t *testing.T) {
	two := []Goal{{ID: "g1"}, {ID: "g2"}}
	for _, tc := range []struct {
		typed  string
		goals  []Goal
		sv, en string
	}{
		{"1, 2", two, "", ""},
		{"1; 2 2.", two, "", ""},
		{"1, 7", two, "Mål 7 finns inte (planen har 2 mål).", "There is no goal 7 (the plan has 2 goals)."},
		{"0 7 9", two, "Mål 0, 7 och 9 finns inte (planen har 2 mål).", "There are no goals 0, 7 and 9 (the plan has 2 goals)."},
		{"3", two[:1], "Mål 3 finns inte (planen har 1 mål).", "There is no goal 3 (the plan has 1 goal)."},
		{"1", nil, "Mål 1 finns inte (planen har inga mål än).", "There is no goal 1 (the plan has no goals yet)."},
		{"ett", two, "”ett” är inget målnummer: skriv målens nummer, t.ex. 1, 3.", "\"ett\" is not a goal number: write the goals' numbers, e.g. 1, 3."},
	} {
		if got := GoalNumbersProblem(Swedish, tc.typed, tc.goals); got != tc.sv {
			t.Errorf("%q: %q, want %q", tc.typed, got, tc.sv)
		}
		if got := GoalNumbersProblem(English, tc.typed, tc.goals); got != tc.en {
			t.Errorf("%q: %q, want %q", tc.typed, got, tc.en)
		}
	}
}

// TestGoalNumbersKeptUntilFixed: the goals that exist are taken, the text
// is kept while it names one that does not, and finalising is refused
// with the number named.
func TestGoalNumbersKeptUntilFixed(t *testing.T) {
	p := validPlan()
	v := p.Draft
	v.Content.Goals = append(v.Content.Goals, Goal{ID: "g2", Text: "Ett arbete"})
	a := &v.Content.Actions[0]
	a.SetGoalNumbers("1, 7", v.Content.Goals)
	if a.GoalsTyped != "1, 7" || len(a.GoalIDs) != 1 || a.GoalIDs[0] != "g1" {
		t.Fatalf("after 1, 7: %+v", a)
	}
	if got := a.GoalNumbers(v.Content.Goals); got != "1, 7" {
		t.Errorf("shown as %q", got)
	}
	fs := Validate(p, v, Options{Now: testNow})
	var found bool
	for _, f := range fs {
		if f.Path == "content.actions[0].goal_ids" && f.Severity == SevError &&
			f.Message.SV == "Insatsen ”Boendestöd”: mål 7 finns inte (planen har 2 mål). Rätta målnumren." &&
			f.Message.EN == "The action \"Boendestöd\": there is no goal 7 (the plan has 2 goals). Correct the goal numbers." {
			found = true
		}
	}
	if !found {
		t.Errorf("no finding names goal 7: %+v", fs)
	}
	a.SetGoalNumbers("2, 1", v.Content.Goals)
	if a.GoalsTyped != "" || a.GoalNumbers(v.Content.Goals) != "1, 2" {
		t.Errorf("after 2, 1: %+v", a)
	}
	if fs := Validate(p, v, Options{Now: testNow}); len(fs) != 0 {
		t.Errorf("findings after the fix: %+v", fs)
	}
}
