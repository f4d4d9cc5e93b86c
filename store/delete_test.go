package store_test

import (
	"errors"
	"testing"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/store"
)

// TestContractDeletePlan: a plan removed is gone from its record, the list
// and the editor draft, on every engine; its trail stays and ends with the
// removal, the file's trail names its id, and the database still checks
// whole. The plan beside it is untouched; a closed plan is refused.
func TestContractDeletePlan(t *testing.T) {
	eachOpen(t, func(t *testing.T, db store.Store) {
		gone, kept := demo("Elias Andersson"), demo("Elias Andersson")
		for _, p := range []*model.Plan{gone, kept} {
			if err := db.SaveNewPlan(p, store.TrailEvent{Kind: store.TrailCreated}); err != nil {
				t.Fatal(err)
			}
		}
		if err := db.SaveEditorDraft(gone.ID, store.EditorDraft{Field: "x", Text: "y"}); err != nil {
			t.Fatal(err)
		}
		if err := db.DeletePlan(gone.ID, store.TrailEvent{Kind: store.TrailDeleted}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.LoadPlan(gone.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("the removed plan still loads: %v", err)
		}
		sums, err := db.List()
		if err != nil || len(sums) != 1 || sums[0].ID != kept.ID {
			t.Errorf("list after removing = %+v, %v", sums, err)
		}
		if _, ok, _ := db.LoadEditorDraft(gone.ID); ok {
			t.Error("the removed plan's editor draft is kept")
		}
		if _, err := db.LoadPlan(kept.ID); err != nil {
			t.Errorf("the other plan: %v", err)
		}
		tr, err := db.Trail(gone.ID)
		if err != nil || len(tr) != 2 || tr[1].Kind != store.TrailDeleted {
			t.Errorf("the removed plan's trail = %+v, %v", tr, err)
		}
		ft, err := db.FileTrail()
		if err != nil || len(ft) != 1 || ft[0].Kind != store.TrailDeleted || ft[0].Section != gone.ID {
			t.Errorf("the file's trail = %+v, %v", ft, err)
		}
		rep, err := db.Check()
		if err != nil || !rep.OK() {
			t.Errorf("check after removing = %+v, %v", rep, err)
		}
		if err := db.DeletePlan(gone.ID, store.TrailEvent{}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("removing it again gave %v", err)
		}
		if err := kept.Close(model.Closure{Reason: model.CloseGoalsMet, Date: "2026-11-25", DraftDiscarded: true}, contractNow); err != nil {
			t.Fatal(err)
		}
		if err := db.SavePlanLogged(kept, store.TrailEvent{Kind: store.TrailClosed}); err != nil {
			t.Fatal(err)
		}
		if err := db.DeletePlan(kept.ID, store.TrailEvent{}); !errors.Is(err, store.ErrClosedPlan) {
			t.Errorf("removing a closed plan gave %v", err)
		}
	})
}
