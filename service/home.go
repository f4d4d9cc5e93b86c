package service

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/store"
)

// The home screen's list, for any number of plans: the index of every
// plan in name order (what the list needs to order, count and search
// them), the full lines of only the rows on screen, and what is due, read
// after the first frame. The trail records, once in a run, that the home
// screen showed the list with how many plans (as Home does); the rows
// and the due list read later are that same list shown.

// HomeIndex is every plan's index entry in Swedish name order (å, ä, ö
// after z, capitals and small letters alike); plans with the same name
// keep their id order. With a damaged summary it returns the others and
// an error wrapping store's ErrCorrupt.
func (s *Service) HomeIndex(ctx context.Context) ([]model.ListEntry, error) {
	// The trail's event (an fsynced write, the first time in a run) is
	// written while the entries are read and sorted, and is in the file
	// before they are returned to be shown. A store that can say how many
	// plans it is about to read starts it then; the others once read.
	var logged chan struct{}
	count := -1
	log := func(n int) {
		count = n
		logged = make(chan struct{})
		go func() {
			defer close(logged)
			s.home.Do(func() { _ = s.listed("home", n) })
		}()
	}
	var entries []model.ListEntry
	var err error
	fr, fronted := s.db.(homeFronter)
	var st store.FrontState
	if fronted {
		entries, st, err = fr.IndexFront(log)
	} else {
		entries, err = s.db.Index()
	}
	if logged == nil && (err == nil || len(entries) > 0) {
		log(len(entries))
	}
	if logged != nil {
		defer func() { <-logged }()
	}
	model.SortEntries(entries)
	if fronted && err == nil && count >= 0 && !st.Agrees(entries, count) {
		// The next start's first frame reads the front page made here;
		// it is written after this list is shown, not before. One that
		// is there and agrees (the usual case: every write keeps it) is
		// left as it is.
		s.bg.Add(1)
		go func() {
			defer s.bg.Done()
			// entries is not changed after it is returned: the screen
			// only reads it.
			_ = fr.PutHomeFront(entries, count, st)
		}()
	}
	return entries, err
}

// homeFronter is a store that keeps the home screen's front page (the
// file's store): the first frame reads it instead of the whole index.
type homeFronter interface {
	IndexFront(counted func(n int)) ([]model.ListEntry, store.FrontState, error)
	HomeFront(n int) (entries []model.ListEntry, rows []model.Summary, count int, ok bool)
	PutHomeFront(sorted []model.ListEntry, count int, st store.FrontState) error
}

// HomeFront is the home screen's first open plans in name order, at most
// n, with their list lines, read from the store's front page without the
// whole index; ok is false when the store has none to give, and the
// caller reads HomeIndex. Like HomeIndex it is recorded in the trail
// (once in a run) before it returns. The whole index is read after it.
func (s *Service) HomeFront(ctx context.Context, n int) (entries []model.ListEntry, rows []model.Summary, ok bool) {
	fr, fronted := s.db.(homeFronter)
	if !fronted || ctx.Err() != nil {
		return nil, nil, false
	}
	entries, rows, count, ok := fr.HomeFront(min(n, store.FrontRows))
	if !ok || len(entries) == 0 && count > 0 {
		// No open plan to show but some closed ones: an empty list would
		// say there are no plans at all. The whole list tells the two
		// apart.
		return nil, nil, false
	}
	s.home.Do(func() { _ = s.listed("home", count) })
	return entries, rows, true
}

// HomeRows reads the list lines of the plans named, in that order: the
// rows the home screen shows. An id with no plan is left out.
func (s *Service) HomeRows(ctx context.Context, ids []string) ([]model.Summary, error) {
	return s.db.Summaries(ids)
}

// HomeDue is what the home screen lists as due within days of now (see
// model.Due). It reads the summaries one at a time where the store can,
// keeping only the plans with something due, so that it runs in little
// memory whatever the number of plans.
func (s *Service) HomeDue(ctx context.Context, now time.Time, days int) ([]model.DueItem, error) {
	st, ok := s.db.(summaryStreamer)
	if !ok {
		sums, err := s.db.List()
		if err != nil && len(sums) == 0 {
			return nil, err
		}
		return model.Due(sums, now, days), err
	}
	var some []model.Summary
	one := make([]model.Summary, 1)
	err := st.EachSummary(func(sum *model.Summary) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		one[0] = *sum
		if len(model.Due(one, now, days)) > 0 {
			some = append(some, *sum)
		}
		return nil
	})
	if err != nil && !errors.Is(err, store.ErrCorrupt) {
		return nil, err
	}
	return model.Due(some, now, days), err
}

// CreateMany stores new plans in one transaction, each with the event
// Create records: a file of many plans made at once (an import, a test's
// fixture) without one fsynced write per plan.
func (s *Service) CreateMany(ctx context.Context, plans []*model.Plan) error {
	batch := make([]store.Submission, 0, len(plans))
	for _, p := range plans {
		if p == nil || p.ID == "" {
			return ErrNoID
		}
		sec := ""
		if p.Draft != nil {
			sec = p.Draft.Meeting.Secretary
		}
		batch = append(batch, store.Submission{ID: p.ID, Plan: p, Events: []store.TrailEvent{s.event(store.TrailCreated, "", sec)}})
	}
	if err := s.db.SaveBatch(batch); err != nil {
		return fmt.Errorf("create: %w", err)
	}
	return nil
}
