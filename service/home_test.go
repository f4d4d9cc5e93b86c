package service

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/sipmote/sipmote/internal/pgtest"
	"github.com/sipmote/sipmote/model"
)

// TestHomeListFile and TestHomeListPostgres: the home screen's list is the
// same on both engines.
func TestHomeListFile(t *testing.T) {
	svc := openTest(t, Options{})
	// The file's store says how many plans it reads before it reads
	// them, so that the trail's event is written meanwhile.
	if _, ok := svc.db.(indexCounter); !ok {
		t.Fatalf("the file's store (%T) cannot count its index first", svc.db)
	}
	checkHomeList(t, svc)
}

func TestHomeListPostgres(t *testing.T) { checkHomeList(t, openPg(t, pgtest.DSN(t))) }

// checkHomeList: the index is in Swedish name order (å, ä, ö after z,
// capitals alike), equal names in id order; a plan whose consent was
// withdrawn carries no name, so no search can find it by the name; the
// rows come back in the order asked; what is due is what model.Due says
// of the whole list; and the trail records the list shown once a run.
func checkHomeList(t *testing.T, svc *Service) {
	ctx := context.Background()
	names := []string{"Örjan Ek", "zeta Berg", "Åsa Lund", "anna Ek", "Ärla Ek", "Bo Ek", "Bo Ek", "bo ek", "Hemlig Person", "Stängd Plan"}
	byName := map[string][]string{}
	var plans []*model.Plan
	for _, n := range names {
		p := model.NewPlan(model.Person{Name: n, PNR: "19121212-1212"}, testNow)
		p.Draft.Meeting.Secretary = "Ali Rahimi"
		plans = append(plans, p)
		byName[n] = append(byName[n], p.ID)
	}
	if err := svc.CreateMany(ctx, plans); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.ClosePlan(ctx, byName["Hemlig Person"][0], model.Closure{Reason: model.CloseConsentGone, Date: "2026-03-01", DraftDiscarded: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.ClosePlan(ctx, byName["Stängd Plan"][0], model.Closure{Reason: model.CloseGoalsMet, Date: "2026-03-01", DraftDiscarded: true, Text: "klart"}); err != nil {
		t.Fatal(err)
	}

	for run := range 2 {
		entries, err := svc.HomeIndex(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if run == 0 {
			// Written beside the sort, but in the file before the
			// entries come back to be shown.
			file, err := svc.db.FileTrail()
			if err != nil {
				t.Fatal(err)
			}
			i := slices.IndexFunc(file, func(e TrailEvent) bool { return e.Kind == "listed" && e.Section == "home" })
			if i < 0 {
				t.Fatalf("HomeIndex returned before the trail recorded the listing")
			}
			if file[i].Count != len(names) {
				t.Errorf("the trail says %d plans were listed, want %d", file[i].Count, len(names))
			}
		}
		var got []string
		var ids []string
		for _, e := range entries {
			got = append(got, e.Person)
			ids = append(ids, e.ID)
			if e.ID == byName["Hemlig Person"][0] && (e.Person != "" || e.PNRMasked != "" || !e.ConsentGone) {
				t.Errorf("the withdrawn plan's entry shows %q %q (consent gone %v)", e.Person, e.PNRMasked, e.ConsentGone)
			}
			if e.ID == byName["Stängd Plan"][0] && e.Status != model.StatusClosed {
				t.Errorf("the closed plan's entry is %s", e.Status)
			}
		}
		// Capitals and small letters sort alike: the three Bo Ek are
		// one name, in id order.
		for i := 2; i < 5; i++ {
			got[i] = strings.ToLower(got[i])
		}
		want := []string{"", "anna Ek", "bo ek", "bo ek", "bo ek", "Stängd Plan", "zeta Berg", "Åsa Lund", "Ärla Ek", "Örjan Ek"}
		if !slices.Equal(got, want) {
			t.Fatalf("run %d: order %q, want %q", run, got, want)
		}
		bo := append(slices.Clone(byName["Bo Ek"]), byName["bo ek"]...)
		slices.Sort(bo)
		if !slices.Equal(ids[2:5], bo) {
			t.Errorf("equal names are not in id order: %v, want %v", ids[2:5], bo)
		}

		// Rows in the order asked; an id with no plan is left out.
		ask := []string{ids[9], "no-such-plan", ids[1]}
		rows, err := svc.HomeRows(ctx, ask)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 2 || rows[0].Person != "Örjan Ek" || rows[1].Person != "anna Ek" || rows[1].PNRMasked != model.MaskPNR("19121212-1212") {
			t.Errorf("rows: %+v", rows)
		}
	}

	now := testNow.AddDate(0, 2, 0) // the drafts are idle: due
	due, err := svc.HomeDue(ctx, now, 14)
	if err != nil {
		t.Fatal(err)
	}
	sums, err := svc.db.List()
	if err != nil {
		t.Fatal(err)
	}
	if want := model.Due(sums, now, 14); len(want) != 8 || !reflect.DeepEqual(due, want) {
		t.Errorf("due: %d items, want the %d of model.Due (8)", len(due), len(want))
	}

	file, err := svc.db.FileTrail()
	if err != nil {
		t.Fatal(err)
	}
	var lists []string
	for _, e := range file {
		if e.Kind == "listed" {
			lists = append(lists, fmt.Sprintf("%s:%d", e.Section, e.Count))
		}
	}
	if want := []string{"home:10"}; !slices.Equal(lists, want) {
		t.Errorf("the trail lists %v, want %v", lists, want)
	}
	for _, p := range plans {
		if kinds := trailKinds(t, svc, p.ID); len(kinds) == 0 || kinds[0] != "created" {
			t.Errorf("a plan made by CreateMany: trail %v", kinds)
		}
	}
}
