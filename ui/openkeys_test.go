package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/screens/home"
	"github.com/sipmote/sipmote/ui/screens/meeting"
)

// focusPath is the path of the field the meeting's cursor is in.
func focusPath(m *Model) string {
	if fs, ok := m.meeting.Sections[m.meeting.Active].(*meeting.FormSection); ok {
		if f := fs.Form.Current(); f != nil {
			return f.Path
		}
	}
	return m.meeting.Active
}

// TestKeysTypedWhileAPlanOpensNeverRenameIt: enter on the home screen and
// "abc" typed at once, before the meeting was on screen (tryout 42a, 1:
// "Nora Lundabc" was saved). The keys are not typed anywhere, the screen
// says how many did nothing, and the cursor is not in the person's name.
func TestKeysTypedWhileAPlanOpensNeverRenameIt(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		db := openTestDB(t)
		p := model.NewPlan(model.Person{Name: "Nora Lund"}, fixedNow)
		if err := db.Create(context.Background(), p); err != nil {
			t.Fatal(err)
		}
		m := newTestModel(t, db, l, 80, 24)
		_, load := m.Update(home.OpenPlanMsg{ID: p.ID})
		for _, k := range []string{"a", "b", "c"} {
			m.Update(kp(k))
		}
		runCmd(m, load, 0, m.running.Load())
		if m.screen != screenMeeting {
			t.Fatalf("the meeting did not open:\n%s", screenText(m))
		}
		s := screenText(m)
		if got := livePlan(m).Person.Name; got != "Nora Lund" {
			t.Errorf("%s: the name is %q after keys typed while the plan opened:\n%s", l, got, s)
		}
		if strings.Contains(s, "abc") {
			t.Errorf("%s: keys typed before the meeting was seen were typed:\n%s", l, s)
		}
		want := model.T(l, "3 tangenter trycktes innan skärmen var klar; de gjorde ingenting.",
			"3 keys were pressed before the screen was ready; they did nothing.")
		if !strings.Contains(strings.Join(strings.Fields(s), " "), want) {
			t.Errorf("%s: the screen does not say %q:\n%s", l, want, s)
		}
		if got := focusPath(m); got == "person.name" {
			t.Errorf("%s: the meeting opened with the cursor in the person's name", l)
		}
		// A key typed now, with the meeting in front, is taken where the
		// cursor is, and that is not the name.
		typeText(m, "x")
		if got := livePlan(m).Person.Name; got != "Nora Lund" {
			t.Errorf("%s: a key typed on the open meeting went into the name: %q", l, got)
		}
	}
}

// TestReopenedMeetingLeavesTheName: a meeting left with the cursor in the
// person's name (as ctrl+c mid-word did) opens again off it, on a new
// meeting's first step as on a saved step.
func TestReopenedMeetingLeavesTheName(t *testing.T) {
	steps := testAgenda(t)(model.AgeAdult)
	for _, step := range []string{"", steps[0].ID, steps[1].ID} {
		db := openTestDB(t)
		p := model.NewPlan(model.Person{Name: "Nora Lund"}, fixedNow)
		p.Position = model.Position{Step: step, Field: "meeting|person.name", Cursor: 4}
		if err := db.Create(context.Background(), p); err != nil {
			t.Fatal(err)
		}
		m := newTestModel(t, db, model.Swedish, 80, 24)
		send(m, home.OpenPlanMsg{ID: p.ID})
		if m.screen != screenMeeting {
			t.Fatalf("the meeting did not open:\n%s", screenText(m))
		}
		if got := focusPath(m); got == "person.name" {
			t.Errorf("step %q: the meeting opened with the cursor in the person's name:\n%s", step, screenText(m))
		}
	}
}
