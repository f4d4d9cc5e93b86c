package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/sipmote/sipmote/model"
)

// TestHomeListsWhatDueLists: the home screen's "Att göra snart" looks as
// far ahead as `sipmote due` (four weeks): a follow-up in 20 days is in
// both, one in 40 days in neither.
func TestHomeListsWhatDueLists(t *testing.T) {
	db := openTestDB(t)
	for _, tc := range []struct {
		name string
		days int
	}{{"Vera Snart", 20}, {"Ulla Sedan", 40}} {
		// A plan finalised today whose only date ahead is its follow-up.
		p := model.NewPlan(model.Person{Name: tc.name}, fixedNow)
		v := *p.Draft
		at := fixedNow
		v.FinalisedAt = &at
		v.Content.FollowUp = model.FollowUp{State: model.FollowUpBooked, Date: fixedNow.AddDate(0, 0, tc.days).Format(model.DateLayout), Time: "10:00"}
		p.Versions, p.Draft, p.Status = []model.Version{v}, nil, model.StatusActive
		if err := db.Create(context.Background(), p); err != nil {
			t.Fatal(err)
		}
	}
	sums, err := db.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	due := map[string]bool{}
	for _, d := range model.Due(sums, fixedNow, 0) {
		due[d.Person] = true
	}
	m := newTestModel(t, db, model.Swedish, 100, 30)
	scr := screenText(m)
	head, _, ok := strings.Cut(scr, "Planer")
	if !ok || !strings.Contains(head, "Att göra snart") {
		t.Fatalf("no due list on the home screen:\n%s", scr)
	}
	for name, want := range map[string]bool{"Vera Snart": true, "Ulla Sedan": false} {
		if due[name] != want || strings.Contains(head, name) != want {
			t.Errorf("%s: in due %v, on the home screen's due list %v, want both %v\n%s", name, due[name], strings.Contains(head, name), want, head)
		}
	}
}
