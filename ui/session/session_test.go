package session

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/store"
)

func TestSessionSavesAndTrails(t *testing.T) {
	db, err := store.Open(filepath.Join(t.TempDir(), "sip.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	now := time.Date(2026, 11, 25, 13, 0, 0, 0, time.UTC)
	p := model.NewPlan(model.Person{Name: "Maja Lind"}, now)
	p.Draft.Meeting.Secretary = "Ali Rahimi"
	if err := db.SavePlan(p); err != nil {
		t.Fatal(err)
	}
	s := New(db, p, Options{Now: func() time.Time { return now }})
	if s.Tick() {
		t.Error("Tick saved with nothing changed")
	}
	for _, c := range "Sover dåligt" {
		s.Plan().Draft.Content.Situation += string(c)
		s.Changed("situation")
	}
	if !s.Dirty() || !s.Tick() {
		t.Fatal("a change was not handed to the saver")
	}
	select {
	case r := <-s.Results():
		if r.Err != nil {
			t.Fatal(r.Err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no save result within 5 s")
	}
	s.Plan().Draft.Content.Needs = "Egen bostad"
	s.Changed("needs")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	got, err := db.LoadPlan(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Draft.Content.Situation != "Sover dåligt" || got.Draft.Content.Needs != "Egen bostad" {
		t.Errorf("stored %q / %q", got.Draft.Content.Situation, got.Draft.Content.Needs)
	}
	trail, err := db.Trail(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, e := range trail {
		kinds = append(kinds, e.Kind+":"+e.Section)
		if e.Secretary != "Ali Rahimi" {
			t.Errorf("trail event without the secretary: %+v", e)
		}
	}
	want := []string{"opened:", "changed:situation", "changed:needs"}
	if len(kinds) != len(want) {
		t.Fatalf("trail %v, want %v", kinds, want)
	}
	for i := range want {
		if kinds[i] != want[i] {
			t.Errorf("trail[%d] = %s, want %s", i, kinds[i], want[i])
		}
	}
}

func TestSessionFindingsAndFinalise(t *testing.T) {
	db, err := store.Open(filepath.Join(t.TempDir(), "sip.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	now := time.Date(2026, 11, 25, 13, 0, 0, 0, time.UTC)
	p := model.NewPlan(model.Person{Name: "A"}, now)
	db.SavePlan(p)
	s := New(db, p, Options{Now: func() time.Time { return now }})
	defer s.Close()
	if len(model.Errors(s.Findings())) == 0 {
		t.Fatal("an empty plan has no errors")
	}
	if _, err := s.Finalise(); err == nil {
		t.Fatal("an empty plan was finalised")
	}
	if s.ReadOnly() {
		t.Error("a draft is read-only")
	}
}
