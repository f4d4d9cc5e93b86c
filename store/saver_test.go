package store

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/sipmote/sipmote/model"
)

// txID is the id of the last committed write transaction.
func txID(t *testing.T, d *DB) int {
	t.Helper()
	var id int
	if err := d.view(func(tx *bolt.Tx) error { id = tx.ID(); return nil }); err != nil {
		t.Fatal(err)
	}
	return id
}

// results collects what a Saver reports.
type results struct {
	mu  sync.Mutex
	all []SaveResult
}

func (r *results) add(s SaveResult) {
	r.mu.Lock()
	r.all = append(r.all, s)
	r.mu.Unlock()
}

func (r *results) any(err error) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, x := range r.all {
		if errors.Is(x.Err, err) {
			return true
		}
	}
	return false
}

func (r *results) last() (SaveResult, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.all) == 0 {
		return SaveResult{}, false
	}
	return r.all[len(r.all)-1], true
}

func TestSaverCoalesces(t *testing.T) {
	d := openTemp(t)
	// An hour between writes: the first submission is written at once, the
	// rest wait and are coalesced, and Flush writes the last of them.
	s := NewSaver(d, time.Hour, nil)
	defer s.Close()
	before := txID(t, d)
	p := LargePlan()
	for i := range 100 {
		p.Person.Name = fmt.Sprintf("Name %d", i)
		s.Submit(p.Clone(), &EditorDraft{Field: "person.name", Text: p.Person.Name, Cursor: i})
	}
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}
	if n := txID(t, d) - before; n < 1 || n > 2 {
		t.Errorf("%d transactions for 100 submissions, want 1 or 2", n)
	}
	got, err := d.LoadPlan(p.ID)
	if err != nil || got.Person.Name != "Name 99" {
		t.Fatalf("on disk: %v, %v; want the last submission", got, err)
	}
	ed, ok, err := d.LoadEditorDraft(p.ID)
	if err != nil || !ok || ed.Text != "Name 99" || ed.Cursor != 99 || ed.SavedAt.IsZero() {
		t.Errorf("draft on disk: %+v, %v, %v", ed, ok, err)
	}
	if list, _ := d.List(); len(list) != 1 || list[0].Person != "Name 99" {
		t.Errorf("summary on disk: %+v", list)
	}

	// Flushing with nothing pending returns at once.
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}
}

func TestSaverWritesSoonButNotTooOften(t *testing.T) {
	d := openTemp(t)
	// Long enough that a slow machine does not blur the difference
	// between "at once" and "after the interval".
	const every = time.Second
	var r results
	s := NewSaver(d, every, r.add)
	defer s.Close()
	p := LargePlan()

	waitFor := func(name string, limit time.Duration) time.Duration {
		t.Helper()
		start := time.Now()
		for time.Since(start) < limit {
			if got, err := d.LoadPlan(p.ID); err == nil && got.Person.Name == name {
				return time.Since(start)
			}
			time.Sleep(5 * time.Millisecond)
		}
		t.Fatalf("%q not on disk after %v", name, limit)
		return 0
	}

	p.Person.Name = "first"
	s.Submit(p.Clone(), nil)
	// The first write is not held back: nothing was written before it.
	waitFor("first", every/2)

	p.Person.Name = "second"
	s.Submit(p.Clone(), nil)
	time.Sleep(every / 5)
	if got, _ := d.LoadPlan(p.ID); got.Person.Name != "first" {
		t.Error("a second write came sooner than the interval")
	}
	waitFor("second", every+time.Second)

	if res, ok := r.last(); !ok || res.Err != nil || res.At.IsZero() {
		t.Errorf("last result %+v, %v", res, ok)
	}
}

func TestSaverDraftSameTransaction(t *testing.T) {
	d := openTemp(t)
	s := NewSaver(d, time.Millisecond, nil)
	defer s.Close()
	p := LargePlan()
	s.Submit(p.Clone(), &EditorDraft{Field: "content.needs", Text: "Tolvan behöver"})
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}
	before := txID(t, d)
	// The field closes: its text goes into the plan, and the draft goes.
	p.Draft.Content.Needs = "Tolvan behöver stöd."
	s.Submit(p.Clone(), nil)
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}
	if n := txID(t, d) - before; n != 1 {
		t.Errorf("%d transactions, want one for plan and draft together", n)
	}
	if _, ok, _ := d.LoadEditorDraft(p.ID); ok {
		t.Error("the draft is still there")
	}
	if got, _ := d.LoadPlan(p.ID); got.Draft.Content.Needs != "Tolvan behöver stöd." {
		t.Error("the plan was not saved")
	}
}

// Coalescing is per plan: switching plans loses nothing.
func TestSaverSeveralPlans(t *testing.T) {
	d := openTemp(t)
	s := NewSaver(d, time.Hour, nil)
	defer s.Close()
	var ids []string
	for i := range 5 {
		p := model.NewPlan(model.Person{Name: fmt.Sprint("Person ", i)}, fixedTime())
		ids = append(ids, p.ID)
		s.Submit(p, nil)
	}
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		if _, err := d.LoadPlan(id); err != nil {
			t.Errorf("plan %s: %v", id, err)
		}
	}
}

// A failed write is reported, kept and retried; a newer submission
// replaces it.
func TestSaverDiskFull(t *testing.T) {
	d := openTemp(t, withMaxSize(1<<20))
	var r results
	s := NewSaver(d, 20*time.Millisecond, r.add)
	p := LargePlan()
	big := p.Clone()
	big.Draft.Content.Notes = strings.Repeat("x", 2<<20)
	s.Submit(big, nil)
	err := s.Flush()
	var se *SaveError
	if !errors.As(err, &se) || !se.DiskFull() {
		t.Fatalf("Flush = %v, want a disk-full *SaveError", err)
	}
	// It keeps trying in the background and says so.
	deadline := time.Now().Add(2 * time.Second)
	for {
		if res, ok := r.last(); ok && errors.As(res.Err, &se) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the failure was not reported")
		}
		time.Sleep(5 * time.Millisecond)
	}
	// The user shortens the text; the newer plan replaces the one that
	// did not fit.
	s.Submit(p.Clone(), nil)
	if err := s.Flush(); err != nil {
		t.Fatalf("Flush after making room: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if got, err := d.LoadPlan(p.ID); err != nil || got.Draft.Content.Notes != p.Draft.Content.Notes {
		t.Errorf("on disk: %v", err)
	}
}

func TestSaverClose(t *testing.T) {
	d := openTemp(t)
	var r results
	s := NewSaver(d, time.Hour, r.add)
	p := LargePlan()
	s.Submit(p.Clone(), nil)
	p.Person.Name = "Closing"
	s.Submit(p.Clone(), nil) // waits for the hour; Close must write it
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if got, _ := d.LoadPlan(p.ID); got == nil || got.Person.Name != "Closing" {
		t.Errorf("Close did not write what was pending")
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if err := s.Flush(); err != nil {
		t.Errorf("Flush after Close: %v", err)
	}
	s.Submit(p.Clone(), nil)
	deadline := time.Now().Add(2 * time.Second)
	for {
		// The refusal may arrive before the report of Close's own last
		// write: results after Close come on their own goroutine.
		if r.any(ErrSaverClosed) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("a submission after Close was not refused")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// A callback that blocks, as Program.Send does while the screen waits in
// Flush, holds up neither Flush nor Close.
func TestSaverBlockedCallback(t *testing.T) {
	d := openTemp(t)
	release := make(chan struct{})
	defer close(release)
	s := NewSaver(d, time.Millisecond, func(SaveResult) { <-release })
	p := LargePlan()
	done := make(chan error)
	go func() {
		for i := range 20 {
			p.Position.Cursor = i
			s.Submit(p.Clone(), nil)
			if err := s.Flush(); err != nil {
				done <- err
				return
			}
		}
		done <- s.Close()
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Flush or Close hung behind a blocked callback")
	}
}

func TestSaverBadSubmission(t *testing.T) {
	d := openTemp(t)
	got := make(chan SaveResult, 1)
	s := NewSaver(d, time.Millisecond, func(r SaveResult) { got <- r })
	defer s.Close()
	s.Submit(nil, nil)
	select {
	case r := <-got:
		if !errors.Is(r.Err, ErrNoID) {
			t.Errorf("err = %v, want ErrNoID", r.Err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("no result")
	}
}
