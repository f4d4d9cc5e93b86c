package service

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/sipmote/sipmote/internal/pgtest"
	"github.com/sipmote/sipmote/model"
)

// TestHomeListFile and TestHomeListPostgres: the home screen's list is the
// same on both engines.
func TestHomeListFile(t *testing.T) {
	svc := openTest(t, Options{})
	// The file's store says how many plans it reads before it reads
	// them, so that the trail's event is written meanwhile.
	if _, ok := svc.db.(homeFronter); !ok {
		t.Fatalf("the file's store (%T) cannot count its index first or keep a front page", svc.db)
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
	if _, err := svc.ClosePlan(ctx, byName["Hemlig Person"][0], model.Closure{Reason: model.CloseConsentGone, Date: "2026-11-25", DraftDiscarded: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.ClosePlan(ctx, byName["Stängd Plan"][0], model.Closure{Reason: model.CloseGoalsMet, Date: "2026-11-25", DraftDiscarded: true, Text: "klart"}); err != nil {
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

// TestHomeFrontFirst: the first frame's list, from the file's front page,
// is the whole index's first open plans with their lines; it is in the
// trail before it is returned, and the whole list read after it is the
// same listing (one event). A file whose front page is gone (an older
// sipmote wrote its plans) gets it back from the next whole index, after
// that list is returned; PostgreSQL has none and the screen reads the
// whole index.
func TestHomeFrontFirst(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sip.db")
	o := Options{Now: func() time.Time { return testNow }, RecoveryDirs: []string{filepath.Join(t.TempDir(), "rec")}}
	svc, err := Open(path, o)
	if err != nil {
		t.Fatal(err)
	}
	var plans []*model.Plan
	for i, n := range []string{"Örjan Ek", "Åsa Lund", "anna Ek", "Bo Ek", "Cilla Berg", "Dan Ek", "Stängd Plan"} {
		p := model.NewPlan(model.Person{Name: n}, testNow)
		if i == 6 {
			p.Status = model.StatusClosed
		}
		plans = append(plans, p)
	}
	if err := svc.CreateMany(ctx, plans); err != nil {
		t.Fatal(err)
	}
	entries, rows, ok := svc.HomeFront(ctx, 4)
	if !ok {
		t.Fatal("no front page")
	}
	file, err := svc.db.FileTrail()
	if err != nil {
		t.Fatal(err)
	}
	if i := slices.IndexFunc(file, func(e TrailEvent) bool { return e.Kind == "listed" && e.Section == "home" }); i < 0 || file[i].Count != 7 {
		t.Fatalf("HomeFront returned before the trail recorded the listing of 7 plans: %+v", file)
	}
	var got []string
	for i, e := range entries {
		if rows[i].ID != e.ID {
			t.Fatalf("line %d is of another plan", i)
		}
		got = append(got, e.Person)
	}
	if want := []string{"anna Ek", "Bo Ek", "Cilla Berg", "Dan Ek"}; !slices.Equal(got, want) {
		t.Fatalf("front page %q, want %q", got, want)
	}
	whole, err := svc.HomeIndex(ctx)
	if err != nil || len(whole) != 7 || whole[0].ID != entries[0].ID {
		t.Fatalf("whole index after it: %d entries, %v", len(whole), err)
	}
	if file, _ = svc.db.FileTrail(); len(slices.DeleteFunc(file, func(e TrailEvent) bool { return e.Kind != "listed" })) != 1 {
		t.Fatalf("the listing is in the trail %d times", len(file))
	}
	// A migration drops the front page (the summaries may have been
	// written again): the first frame then reads the whole index.
	if err := svc.Close(); err != nil {
		t.Fatal(err)
	}
	bdb, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := bdb.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte("meta")).Delete([]byte("homefront")) }); err != nil {
		t.Fatal(err)
	}
	bdb.Close()
	if svc, err = Open(path, o); err != nil {
		t.Fatal(err)
	}
	if _, _, ok := svc.HomeFront(ctx, 4); ok {
		t.Fatal("a front page that is not there was used")
	}
	if _, err := svc.HomeIndex(ctx); err != nil {
		t.Fatal(err)
	}
	if err := svc.Close(); err != nil { // waits for the front page's write
		t.Fatal(err)
	}
	if svc, err = Open(path, o); err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	if entries, _, ok = svc.HomeFront(ctx, 1); !ok || entries[0].Person != "anna Ek" {
		t.Fatalf("front page not made again from the whole index: %v %+v", ok, entries)
	}
}

// TestHomeFrontOnlyClosed: where every plan is closed, the front page has
// no line to show, and the first frame must not say there are no plans:
// it reads the whole list, which has them.
func TestHomeFrontOnlyClosed(t *testing.T) {
	ctx := context.Background()
	svc := openTest(t, Options{})
	if entries, _, ok := svc.HomeFront(ctx, 4); !ok || len(entries) != 0 {
		t.Fatalf("an empty file: front page %v, %+v", ok, entries)
	}
	p := model.NewPlan(model.Person{Name: "Kim Ek"}, testNow)
	p.Status = model.StatusClosed
	if err := svc.CreateMany(ctx, []*model.Plan{p}); err != nil {
		t.Fatal(err)
	}
	if entries, _, ok := svc.HomeFront(ctx, 4); ok {
		t.Fatalf("a file of one closed plan: front page used with %d lines", len(entries))
	}
	if whole, err := svc.HomeIndex(ctx); err != nil || len(whole) != 1 {
		t.Fatalf("the whole list: %d plans, %v", len(whole), err)
	}
}
