package ui

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
	"github.com/sipmote/sipmote/store"
	"github.com/sipmote/sipmote/ui/screens/home"
)

// TestDraftMadeByMistakeCanBeRemoved: a plan made by mistake could only be
// closed, and then the coordinator was asked to tell seven people about a
// plan that never existed (tryout 42a, 6). A draft never finalised or
// printed offers removal among the closing form's reasons, asks first (a
// yes typed ahead does nothing), and is then gone from the list, with the
// removal in the trail. A plan that has been printed offers no removal,
// and the service refuses it.
func TestDraftMadeByMistakeCanBeRemoved(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		now := fakeConfirmClock(t)
		db := openTestDB(t)
		p := model.NewPlan(model.Person{Name: "Elias Andersson"}, fixedNow)
		if err := db.Create(context.Background(), p); err != nil {
			t.Fatal(err)
		}
		m := newTestModel(t, db, l, 80, 24)
		press(m, "x")
		if m.screen != screenClose {
			t.Fatalf("%s: x did not open the closing form:\n%s", l, screenText(m))
		}
		press(m, "left")
		flat := func() string { return strings.Join(strings.Fields(screenText(m)), " ") }
		if want := model.T(l, "skapad av misstag: ta bort den helt", "made by mistake: remove it altogether"); !strings.Contains(flat(), want) {
			t.Fatalf("%s: removal is not offered:\n%s", l, screenText(m))
		}
		press(m, "ctrl+s", model.T(l, "j", "y"))
		if _, err := db.Load(context.Background(), p.ID); err != nil {
			t.Fatalf("%s: a yes typed ahead removed the plan", l)
		}
		*now = now.Add(time.Second)
		press(m, model.T(l, "j", "y"))
		if _, err := db.Load(context.Background(), p.ID); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("%s: the plan is not removed: %v\n%s", l, err, screenText(m))
		}
		if s := flat(); m.screen != screenHome || !strings.Contains(s, model.T(l, "Planen för Elias Andersson är borttagen", "The plan of Elias Andersson is removed")) {
			t.Errorf("%s: the home screen does not say the plan is removed:\n%s", l, screenText(m))
		}
		tr, err := db.Trail(context.Background(), p.ID)
		if err != nil || len(tr) == 0 || tr[len(tr)-1].Kind != store.TrailDeleted {
			t.Errorf("%s: the trail does not end with the removal: %+v, %v", l, tr, err)
		}

		// Printed once: a record now, only to be closed.
		q := model.NewPlan(model.Person{Name: "Nora Lund"}, fixedNow)
		if err := db.Create(context.Background(), q); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Print(context.Background(), q, q.Current(), service.PrintOptions{Lang: l, File: t.TempDir() + "/p.pdf"}); err != nil {
			t.Fatal(err)
		}
		if err := db.RemovePlan(context.Background(), q.ID); !errors.Is(err, service.ErrNotRemovable) {
			t.Errorf("%s: a printed plan was not refused: %v", l, err)
		}
		send(m, home.ClosePlanMsg{ID: q.ID})
		if strings.Contains(flat(), model.T(l, "ta bort den helt", "remove it altogether")) {
			t.Errorf("%s: removal is offered for a printed plan:\n%s", l, screenText(m))
		}
	}
}
