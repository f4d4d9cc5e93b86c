package store_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/sipmote/sipmote/internal/pgtest"
	"github.com/sipmote/sipmote/internal/testkeys"
	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/store"
	"github.com/sipmote/sipmote/store/postgres"
)

// The store contract's tests run once per engine: every engine must keep
// the same promises. engines lists them; an engine that cannot run here
// (no PostgreSQL) fails the test under CI and is skipped otherwise (see
// pgtest).
type engine struct {
	name string
	// open makes a new, empty database and returns a function that opens
	// it (again) with opts.
	fresh func(t *testing.T) func(opts ...store.Option) (store.Store, error)
}

var engines = []engine{
	{"bbolt", func(t *testing.T) func(...store.Option) (store.Store, error) {
		path := filepath.Join(t.TempDir(), "sip.db")
		return func(opts ...store.Option) (store.Store, error) { return store.Open(path, opts...) }
	}},
	{"postgres", func(t *testing.T) func(...store.Option) (store.Store, error) {
		dsn := pgtest.DSN(t)
		return func(opts ...store.Option) (store.Store, error) { return postgres.Open(dsn, opts...) }
	}},
}

func TestMain(m *testing.M) {
	// The user's record key is made in a folder of the tests' own, never
	// in the config folder of whoever runs them.
	done := testkeys.Use()
	code := pgtest.Main(m)
	done()
	os.Exit(code)
}

// each runs fn against a new database of every engine.
func each(t *testing.T, fn func(t *testing.T, open func(...store.Option) (store.Store, error))) {
	for _, e := range engines {
		t.Run(e.name, func(t *testing.T) { fn(t, e.fresh(t)) })
	}
}

// eachOpen is each with the database opened once, plain.
func eachOpen(t *testing.T, fn func(t *testing.T, db store.Store)) {
	each(t, func(t *testing.T, open func(...store.Option) (store.Store, error)) {
		db := mustOpen(t, open)
		fn(t, db)
	})
}

func mustOpen(t *testing.T, open func(...store.Option) (store.Store, error), opts ...store.Option) store.Store {
	t.Helper()
	db, err := open(append(opts, store.WithRecoveryDirs([]string{filepath.Join(t.TempDir(), "recovery")}))...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

var contractNow = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)

func demo(name string) *model.Plan {
	p := model.Demo(contractNow)
	p.ID = model.NewID()
	p.Person.Name = name
	return p
}

func TestContractPlans(t *testing.T) {
	eachOpen(t, func(t *testing.T, db store.Store) {
		a, b := demo("Maja Lind"), demo("Olle Berg")
		for _, p := range []*model.Plan{a, b} {
			if err := db.SavePlan(p); err != nil {
				t.Fatal(err)
			}
		}
		a.Person.Name = "Maja Lind-Ek"
		if err := db.SavePlan(a); err != nil {
			t.Fatal(err)
		}
		got, err := db.LoadPlan(a.ID)
		if err != nil || got.Person.Name != "Maja Lind-Ek" || got.ID != a.ID {
			t.Fatalf("LoadPlan = %v, %v", got, err)
		}
		if _, err := db.LoadPlan(model.NewID()); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("a missing plan gave %v", err)
		}
		sums, err := db.List()
		if err != nil || len(sums) != 2 {
			t.Fatalf("List = %d, %v", len(sums), err)
		}
		names := map[string]bool{}
		for _, s := range sums {
			names[s.Person] = true
		}
		if !names["Maja Lind-Ek"] || !names["Olle Berg"] {
			t.Errorf("List names %v", names)
		}
		if id, err := db.Resolve(a.ID[:8]); err != nil || id != a.ID {
			t.Errorf("Resolve(prefix) = %q, %v", id, err)
		}
		if _, err := db.Resolve("zz"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Resolve(no match) gave %v", err)
		}
		if _, err := db.Resolve(""); !errors.Is(err, store.ErrNoID) {
			t.Errorf("Resolve(empty) gave %v", err)
		}
		// Two ids sharing their start are ambiguous by it.
		c := demo("Tredje")
		c.ID = a.ID[:4] + "ffff" + a.ID[8:]
		if err := db.SavePlan(c); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Resolve(a.ID[:4]); !errors.Is(err, store.ErrAmbiguous) {
			t.Errorf("Resolve(shared start) gave %v", err)
		}
		if err := db.SavePlan(&model.Plan{}); !errors.Is(err, store.ErrNoID) {
			t.Errorf("a plan without id gave %v", err)
		}
	})
}

func TestContractClosedPlanIsReadOnly(t *testing.T) {
	eachOpen(t, func(t *testing.T, db store.Store) {
		p := demo("Maja Lind")
		if err := db.SavePlan(p); err != nil {
			t.Fatal(err)
		}
		if err := p.Close(model.Closure{Reason: model.CloseGoalsMet, Date: "2026-11-25", DraftDiscarded: true}, contractNow); err != nil {
			t.Fatal(err)
		}
		if err := db.SavePlanLogged(p, store.TrailEvent{Kind: store.TrailClosed}); err != nil {
			t.Fatal(err)
		}
		if err := p.SetTold(1, true); err != nil {
			t.Fatal(err)
		}
		if err := db.SavePlan(p); err != nil {
			t.Fatalf("ticking who was told: %v", err)
		}
		p.Person.Name = "Someone Else"
		if err := db.SavePlanLogged(p, store.TrailEvent{Kind: store.TrailChanged}); !errors.Is(err, store.ErrClosedPlan) {
			t.Fatalf("changing a closed plan gave %v", err)
		}
		got, _ := db.LoadPlan(p.ID)
		if got.Person.Name != "Maja Lind" {
			t.Errorf("the closed plan changed")
		}
		// The refused write took its event with it.
		tr, _ := db.Trail(p.ID)
		if len(tr) != 1 || tr[0].Kind != store.TrailClosed {
			t.Errorf("trail after a refused write: %+v", tr)
		}
	})
}

func TestContractDrafts(t *testing.T) {
	eachOpen(t, func(t *testing.T, db store.Store) {
		id := model.NewID()
		if _, ok, err := db.LoadEditorDraft(id); ok || err != nil {
			t.Fatalf("no draft yet: %v %v", ok, err)
		}
		ed := store.EditorDraft{Field: "situation", Text: "Vill bo kvar", Cursor: 4, SavedAt: contractNow}
		if err := db.SaveEditorDraft(id, ed); err != nil {
			t.Fatal(err)
		}
		got, ok, err := db.LoadEditorDraft(id)
		if !ok || err != nil || got.Text != ed.Text || got.Cursor != 4 || !got.SavedAt.Equal(contractNow) {
			t.Fatalf("draft = %+v %v %v", got, ok, err)
		}
		if err := db.ClearEditorDraft(id); err != nil {
			t.Fatal(err)
		}
		if _, ok, _ := db.LoadEditorDraft(id); ok {
			t.Error("the draft is still there after Clear")
		}
		type form struct{ Name string }
		if err := db.SaveForm("newplan", form{"Maja"}, contractNow); err != nil {
			t.Fatal(err)
		}
		var f form
		at, ok, err := db.LoadForm("newplan", &f)
		if !ok || err != nil || f.Name != "Maja" || !at.Equal(contractNow) {
			t.Fatalf("form = %+v %v %v %v", f, at, ok, err)
		}
		if err := db.ClearForm("newplan"); err != nil {
			t.Fatal(err)
		}
		if _, ok, _ := db.LoadForm("newplan", &f); ok {
			t.Error("the form is still there after Clear")
		}
	})
}

func TestContractTrailChains(t *testing.T) {
	eachOpen(t, func(t *testing.T, db store.Store) {
		a, b := model.NewID(), model.NewID()
		for i := range 30 {
			// A clock going backwards does not reorder the trail.
			e := store.TrailEvent{At: contractNow.Add(-time.Duration(i) * time.Second), Kind: store.TrailChanged, Section: fmt.Sprint(i)}
			if err := db.Log(a, e); err != nil {
				t.Fatal(err)
			}
			if i%10 == 0 {
				if err := db.Log(b, store.TrailEvent{Kind: store.TrailOpened}); err != nil {
					t.Fatal(err)
				}
				if err := db.LogFile(store.TrailEvent{Kind: store.TrailListed, Count: i}); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := db.Log(a, store.TrailEvent{Kind: "made-up"}); !errors.Is(err, store.ErrBadEvent) {
			t.Errorf("an unknown kind gave %v", err)
		}
		tr, err := db.Trail(a)
		if err != nil || len(tr) != 30 {
			t.Fatalf("trail of a: %d, %v", len(tr), err)
		}
		for i, e := range tr {
			if e.Section != fmt.Sprint(i) || e.Seq != uint64(i+1) || e.Plan != a || e.OSUser == "" || e.From == "" {
				t.Fatalf("event %d = %+v", i, e)
			}
			if (i == 0) != (e.Prev == "") {
				t.Fatalf("event %d's link: %q", i, e.Prev)
			}
		}
		ft, err := db.FileTrail()
		if err != nil || len(ft) != 3 || ft[2].Count != 20 || ft[0].Plan != "" {
			t.Fatalf("file trail = %+v, %v", ft, err)
		}
		rep, err := db.Check()
		if err != nil || !rep.OK() || rep.Events != 36 || rep.Head == "" {
			t.Fatalf("check = %+v, %v", rep, err)
		}
	})
}

// TestContractBatch: a Saver's write holds the plan, its draft and its
// trail events together, and events alone are written in order.
func TestContractBatch(t *testing.T) {
	eachOpen(t, func(t *testing.T, db store.Store) {
		p := demo("Maja Lind")
		s := store.NewSaver(db, 5*time.Millisecond, nil)
		s.Log(p.ID, store.TrailEvent{Kind: store.TrailOpened})
		s.Submit(p.Clone(), &store.EditorDraft{Field: "needs", Text: "mat"},
			store.TrailEvent{Kind: store.TrailChanged, Section: "needs"})
		if err := s.Flush(); err != nil {
			t.Fatal(err)
		}
		p.Person.Name = "Maja Lind-Ek"
		s.Submit(p.Clone(), nil, store.TrailEvent{Kind: store.TrailChanged, Section: "person"})
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		got, err := db.LoadPlan(p.ID)
		if err != nil || got.Person.Name != "Maja Lind-Ek" {
			t.Fatalf("plan = %v, %v", got, err)
		}
		if _, ok, _ := db.LoadEditorDraft(p.ID); ok {
			t.Error("a submission without a draft left the old draft")
		}
		tr, _ := db.Trail(p.ID)
		var kinds []string
		for _, e := range tr {
			kinds = append(kinds, e.Kind+":"+e.Section)
		}
		if fmt.Sprint(kinds) != "[opened: changed:needs changed:person]" {
			t.Errorf("trail = %v", kinds)
		}
		// A batch that cannot be written leaves neither plan nor event.
		q := demo("Olle Berg")
		bad := []store.Submission{{ID: q.ID, Plan: q, Events: []store.TrailEvent{{Kind: "made-up"}}}}
		if err := db.SaveBatch(bad); err == nil {
			t.Fatal("a batch with a bad event was written")
		}
		if _, err := db.LoadPlan(q.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("the plan of a refused batch: %v", err)
		}
	})
}

// TestContractEncrypted: the same passphrase flow on every engine, and a
// wrong or missing passphrase opens nothing.
func TestContractEncrypted(t *testing.T) {
	kdf := &store.KDFParams{Time: 1, MemKiB: 64, Threads: 1}
	each(t, func(t *testing.T, open func(...store.Option) (store.Store, error)) {
		db, err := open(store.WithNewPassphrase([]byte("rätt lösen"), kdf))
		if err != nil {
			t.Fatal(err)
		}
		p := demo("Maja Lind")
		if err := db.SavePlanLogged(p, store.TrailEvent{Kind: store.TrailCreated}); err != nil {
			t.Fatal(err)
		}
		if !db.Encrypted() {
			t.Fatal("a new database with a passphrase is not encrypted")
		}
		db.Close()
		if _, err := open(); !errors.Is(err, store.ErrEncrypted) {
			t.Errorf("without a passphrase: %v", err)
		}
		wrong := func() ([]byte, error) { return []byte("fel"), nil }
		if _, err := open(store.WithPassphrase(wrong)); !errors.Is(err, store.ErrPassphrase) {
			t.Errorf("a wrong passphrase: %v", err)
		}
		right := func() ([]byte, error) { return []byte("rätt lösen"), nil }
		db = mustOpen(t, open, store.WithPassphrase(right))
		got, err := db.LoadPlan(p.ID)
		if err != nil || got.Person.Name != "Maja Lind" {
			t.Fatalf("plan = %v, %v", got, err)
		}
		if rep, err := db.Check(); err != nil || !rep.OK() || !rep.Encrypted {
			t.Errorf("check = %+v, %v", rep, err)
		}
	})
}

// TestContractRecovery: recovery files name their database and open only
// with its key, whichever engine.
func TestContractRecovery(t *testing.T) {
	eachOpen(t, func(t *testing.T, db store.Store) {
		p := demo("Maja Lind")
		w, err := db.WriteRecovery(p, time.Time{}, contractNow)
		if err != nil {
			t.Fatal(err)
		}
		rs := db.Recoveries()
		if len(rs) != 1 || rs[0].Path != w.Path || rs[0].Plan == nil || rs[0].Plan.Person.Name != "Maja Lind" {
			t.Fatalf("recoveries = %+v", rs)
		}
		got, h, err := db.ReadRecovery(w.Path)
		if err != nil || got.ID != p.ID || h.Plan != p.ID {
			t.Fatalf("ReadRecovery = %v %+v %v", got, h, err)
		}
		if err := db.RemoveRecovery(w.Path); err != nil {
			t.Fatal(err)
		}
		if len(db.Recoveries()) != 0 {
			t.Error("the recovery file is still listed")
		}
	})
}
