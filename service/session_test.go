package service

import (
	"context"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
)

var testNow = time.Date(2026, 11, 25, 13, 0, 0, 0, time.UTC)

// openTest opens a real database in a temporary folder.
func openTest(t testing.TB, o Options) *Service {
	t.Helper()
	if o.Now == nil {
		o.Now = func() time.Time { return testNow }
	}
	if o.RecoveryDirs == nil {
		// Out of the machine's shared folders (/dev/shm, /tmp).
		o.RecoveryDirs = []string{filepath.Join(t.TempDir(), "recovery")}
	}
	s, err := Open(filepath.Join(t.TempDir(), "sip.db"), o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func newPlan(t testing.TB, svc *Service, name string) *model.Plan {
	t.Helper()
	p := model.NewPlan(model.Person{Name: name}, testNow)
	p.Draft.Meeting.Secretary = "Ali Rahimi"
	if err := svc.Create(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	return p
}

func trailKinds(t testing.TB, svc *Service, id string) []string {
	t.Helper()
	trail, err := svc.db.Trail(id) // the file itself: reading it here is no view to record
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, e := range trail {
		k := e.Kind
		if e.Section != "" {
			k += ":" + e.Section
		}
		kinds = append(kinds, k)
	}
	return kinds
}

func TestSessionSavesAndTrails(t *testing.T) {
	svc := openTest(t, Options{})
	p := newPlan(t, svc, "Maja Lind")
	s, err := svc.OpenSession(context.Background(), p.ID[:8])
	if err != nil {
		t.Fatal(err)
	}
	v := s.Attach()
	v.Edit(func(*model.Plan) {
		if v.Tick() {
			t.Error("Tick saved with nothing changed")
		}
	})
	for _, c := range "Sover dåligt" {
		v.Edit(func(p *model.Plan) {
			p.Draft.Content.Situation += string(c)
			v.Changed("situation")
		})
	}
	v.Edit(func(*model.Plan) {
		if !v.Dirty() || !v.Tick() {
			t.Fatal("a change was not handed to the saver")
		}
	})
	select {
	case e := <-v.Events():
		if e.Saved == nil || e.Saved.Err != nil || e.Session != s.ID() || e.Plan != p.ID {
			t.Fatalf("event %+v, want a save of this session", e)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no save result within 5 s")
	}
	v.Edit(func(p *model.Plan) {
		p.Draft.Content.Needs = "Egen bostad"
		v.Changed("needs")
	})
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	got, err := svc.Load(context.Background(), p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Draft.Content.Situation != "Sover dåligt" || got.Draft.Content.Needs != "Egen bostad" {
		t.Errorf("stored %q / %q", got.Draft.Content.Situation, got.Draft.Content.Needs)
	}
	trail, _ := svc.db.Trail(p.ID)
	for _, e := range trail {
		if e.Secretary != "Ali Rahimi" {
			t.Errorf("trail event without the secretary: %+v", e)
		}
	}
	want := []string{"created", "opened", "changed:situation", "changed:needs"}
	kinds := trailKinds(t, svc, p.ID)
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
	svc := openTest(t, Options{})
	p := newPlan(t, svc, "A")
	s, err := svc.OpenSession(context.Background(), p.ID)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	v := s.Attach()
	v.Edit(func(*model.Plan) {
		if len(model.Errors(v.Findings())) == 0 {
			t.Fatal("an empty plan has no errors")
		}
		if _, err := v.Finalise(); err == nil {
			t.Fatal("an empty plan was finalised")
		}
		if v.ReadOnly() {
			t.Error("a draft is read-only")
		}
	})
}

// TestViewsFollowEachOther is the chair and the secretary on two
// goroutines: the chair moves the step and ticks a speaker, the
// secretary's view hears of it and reads the new state.
func TestViewsFollowEachOther(t *testing.T) {
	svc := openTest(t, Options{})
	p := newPlan(t, svc, "Maja Lind")
	s, err := svc.OpenSession(context.Background(), p.ID)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	secretary, chair := s.Attach(), s.Attach()
	done := make(chan struct{})
	go func() {
		defer close(done)
		chair.Edit(func(p *model.Plan) {
			chair.MoveStep("goals")
			if p.Draft.Agenda == nil {
				p.Draft.Agenda = map[string]model.StepState{}
			}
			p.Draft.Agenda["intro"] = model.StepState{Done: true}
			chair.Changed("")
		})
	}()
	<-done
	select {
	case e := <-secretary.Events():
		if !e.StepMoved || !e.Edited || e.Session != s.ID() {
			t.Fatalf("secretary got %+v", e)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the secretary heard nothing")
	}
	secretary.Read(func(p *model.Plan) {
		if secretary.Step() != "goals" || !p.Draft.Agenda["intro"].Done {
			t.Errorf("secretary reads step %q, agenda %v", secretary.Step(), p.Draft.Agenda)
		}
	})
	// The chair's own edit is not sent back to the chair.
	select {
	case e := <-chair.Events():
		if e.Edited || e.StepMoved {
			t.Errorf("the chair got its own edit back: %+v", e)
		}
	default:
	}
	// A secretary's key after the chair moved keeps the chair's step.
	secretary.Edit(func(*model.Plan) { secretary.SetPosition(model.Position{Step: "intro", Field: "goals"}) })
	secretary.Read(func(*model.Plan) {
		if secretary.Step() != "goals" {
			t.Errorf("SetPosition moved the shared step back to %q", secretary.Step())
		}
	})
}

// TestSlowViewGetsOneMergedEvent: a view that reads nothing for a while
// holds up nobody and then gets everything in one event.
func TestSlowViewGetsOneMergedEvent(t *testing.T) {
	svc := openTest(t, Options{})
	p := newPlan(t, svc, "A")
	s, _ := svc.OpenSession(context.Background(), p.ID)
	defer s.Close()
	slow, fast := s.Attach(), s.Attach()
	for _, sec := range []string{"goals", "needs", "goals", "notes"} {
		fast.Edit(func(*model.Plan) { fast.Changed(sec) })
	}
	e := <-slow.Events()
	if !e.Edited || len(e.Sections) != 3 || e.Rev != 4 {
		t.Errorf("merged event %+v, want three sections at rev 4", e)
	}
	select {
	case e := <-slow.Events():
		t.Errorf("a second event %+v", e)
	default:
	}
}

// TestCloseLeavesNothingBehind is the close protocol: after Close no
// event is delivered, every Events channel is closed, edits are refused
// and no goroutine of the session is left.
func TestCloseLeavesNothingBehind(t *testing.T) {
	svc := openTest(t, Options{})
	p := newPlan(t, svc, "A")
	before := runtime.NumGoroutine()
	for range 10 {
		s, err := svc.OpenSession(context.Background(), p.ID)
		if err != nil {
			t.Fatal(err)
		}
		views := []*View{s.Attach(), s.Attach(), s.Attach()}
		var wg sync.WaitGroup
		for i, v := range views {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range 50 {
					v.Edit(func(p *model.Plan) {
						p.Draft.Content.Notes += "x"
						v.Changed("notes")
						v.Tick()
					})
				}
				if i == 2 {
					v.Detach()
				}
			}()
		}
		wg.Wait()
		// Leave an event unread in view 0, then close.
		views[1].Edit(func(*model.Plan) { views[1].Changed("notes") })
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		for i, v := range views {
			if e, ok := <-v.Events(); ok {
				t.Fatalf("view %d got %+v after Close", i, e)
			}
			if v.Edit(func(*model.Plan) { t.Error("an edit ran after Close") }) {
				t.Error("Edit reported running after Close")
			}
		}
		if late := s.Attach(); late.Edit(func(*model.Plan) {}) {
			t.Error("a view attached after Close could edit")
		}
	}
	// The saver's notifier may still be returning; give it a moment, as
	// goleak does, but no more.
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		buf := make([]byte, 1<<16)
		t.Fatalf("%d goroutines before, %d after closing 10 sessions:\n%s", before, n, buf[:runtime.Stack(buf, true)])
	}
	got, _ := svc.Load(context.Background(), p.ID)
	if want := 10 * 3 * 50; len(got.Draft.Content.Notes) != want {
		t.Errorf("notes hold %d characters, want %d: an edit was lost", len(got.Draft.Content.Notes), want)
	}
}

func TestReadOutsideEditPanics(t *testing.T) {
	svc := openTest(t, Options{})
	p := newPlan(t, svc, "A")
	s, _ := svc.OpenSession(context.Background(), p.ID)
	defer s.Close()
	v := s.Attach()
	defer func() {
		if recover() == nil {
			t.Error("Changed outside Edit did not panic")
		}
	}()
	v.Read(func(*model.Plan) { v.Changed("notes") })
}
