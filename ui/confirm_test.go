package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/components"
	"github.com/sipmote/sipmote/ui/screens/newplan"
)

// fakeConfirmClock makes the confirmation's clock one the test moves.
func fakeConfirmClock(t *testing.T) *time.Time {
	now := time.Date(2026, 11, 30, 14, 0, 0, 0, time.UTC)
	old := components.ConfirmClock
	components.ConfirmClock = func() time.Time { return now }
	t.Cleanup(func() { components.ConfirmClock = old })
	return &now
}

// TestConfirmIgnoresTypeAhead: keys arriving in a stream when the question
// appears are thrown away however long the stream lasts; only a yes key
// after the keyboard has been still answers, and enter never does.
func TestConfirmIgnoresTypeAhead(t *testing.T) {
	now := fakeConfirmClock(t)
	c := components.NewConfirm(model.English, ptrStyles(), "Close the plan for good?")
	for range 30 { // three seconds of typing, ten keys a second, y among them
		*now = now.Add(100 * time.Millisecond)
		if a := c.Update(kp("y")); a != components.Pending {
			t.Fatalf("a typed-ahead key answered the question: %v", a)
		}
	}
	if c.Update(tea.PasteMsg{Content: "yes"}) != components.Pending {
		t.Fatal("a paste answered the question")
	}
	*now = now.Add(time.Second)
	if c.Update(kp("enter")) != components.Pending {
		t.Fatal("enter answered the question")
	}
	if !strings.Contains(c.View(80), "31 keys pressed before the question") {
		t.Errorf("the thrown-away keys are not counted on screen:\n%s", c.View(80))
	}
	*now = now.Add(time.Second)
	if c.Update(kp("y")) != components.AnsweredYes {
		t.Fatal("a deliberate y after a pause did not answer")
	}
}

// TestDiscardFormNeedsDeliberateYes: ctrl+d on the new-plan form asks; a j
// typed ahead with it does nothing; n keeps the form; a j after a pause
// throws it away, on disk too.
func TestDiscardFormNeedsDeliberateYes(t *testing.T) {
	now := fakeConfirmClock(t)
	db := openTestDB(t)
	m := newTestModel(t, db, model.Swedish, 100, 30)
	press(m, "n")
	typeText(m, "Maja Lind")
	send(m, formTickMsg{m.formGen})
	press(m, "ctrl+d", "j")
	if m.screen != screenNew || m.newPlan.In.Person != "Maja Lind" {
		t.Fatalf("a j typed right after ctrl+d threw the form away:\n%s", screenText(m))
	}
	*now = now.Add(time.Second)
	press(m, "n")
	if m.screen != screenNew || m.newPlan.Ask != nil {
		t.Fatalf("n did not keep the form:\n%s", screenText(m))
	}
	press(m, "ctrl+d")
	*now = now.Add(time.Second)
	press(m, "j")
	if m.screen != screenHome || !strings.Contains(screenText(m), "Formuläret är kastat") {
		t.Fatalf("j after a pause did not throw the form away:\n%s", screenText(m))
	}
	var in newplan.Input
	if _, ok, err := db.LoadForm(formNewPlan, &in); ok || err != nil {
		t.Errorf("the thrown-away form is still on disk: %+v %v", in, err)
	}
	press(m, "n")
	if m.newPlan.In.Person != "" {
		t.Errorf("the thrown-away form came back: %q", m.newPlan.In.Person)
	}
}

// TestFormKeptOnEscAndOfferedBack: esc keeps a typed form; a new start on
// the same database offers it back and n opens it as typed.
func TestFormKeptOnEscAndOfferedBack(t *testing.T) {
	db := openTestDB(t)
	m := newTestModel(t, db, model.English, 100, 30)
	press(m, "n")
	typeText(m, "Maja Lind")
	press(m, "esc")
	if !strings.Contains(screenText(m), "The form is kept") {
		t.Fatalf("esc does not say the form is kept:\n%s", screenText(m))
	}
	m2 := newTestModel(t, db, model.English, 100, 30)
	if !strings.Contains(screenText(m2), "form begun earlier is kept") {
		t.Fatalf("the form is not offered back at start:\n%s", screenText(m2))
	}
	press(m2, "n")
	if m2.newPlan.In.Person != "Maja Lind" || !strings.Contains(screenText(m2), "Restored") {
		t.Errorf("the form did not come back as typed:\n%s", screenText(m2))
	}
}

func ptrStyles() *common.Styles {
	st := common.DefaultStyles()
	return &st
}

// TestClosePlanNeedsDeliberateYes: ctrl+s on the closing form asks first;
// a j typed ahead does not close the plan; a j after a pause closes it and
// saves the closing before the screen says it is closed.
func TestClosePlanNeedsDeliberateYes(t *testing.T) {
	now := fakeConfirmClock(t)
	db := openTestDB(t)
	p := model.NewPlan(model.Person{Name: "Maja Lind"}, fixedNow)
	if err := db.Create(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, db, model.English, 100, 30)
	press(m, "x")
	if m.screen != screenClose {
		t.Fatalf("x did not open the closing form:\n%s", screenText(m))
	}
	press(m, "right", "right", "ctrl+s", "j", "y", "enter")
	if q, _ := db.Load(context.Background(), p.ID); q.Status == model.StatusClosed || m.closing.Done {
		t.Fatalf("keys typed ahead closed the plan:\n%s", screenText(m))
	}
	if !strings.Contains(screenText(m), "for good?") {
		t.Fatalf("no question before closing:\n%s", screenText(m))
	}
	// The question says what becomes of the draft for this reason
	// (tryout2 #51).
	if read := strings.Join(strings.Fields(screenText(m)), " "); !strings.Contains(read, "The plan was never finalised: the draft (version 1) is kept as it is") {
		t.Errorf("the question does not say the draft is kept:\n%s", screenText(m))
	}
	*now = now.Add(time.Second)
	press(m, "y")
	if q, _ := db.Load(context.Background(), p.ID); q.Status != model.StatusClosed {
		t.Fatalf("a deliberate y did not close the plan and save it:\n%s", screenText(m))
	}
	if !strings.Contains(screenText(m), "The plan is closed.") {
		t.Errorf("the closing screen does not say so:\n%s", screenText(m))
	}
	press(m, "esc")
	if m.screen != screenHome {
		t.Errorf("esc after closing does not go home:\n%s", screenText(m))
	}
}
