package service

import (
	"context"
	"errors"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/store"
)

// The operations in this file read something to show it to someone. Each
// records in the access trail what is shown before it returns it, so that
// no caller has to remember to and none can choose the event; when the
// trail will not take the event they return an *UnrecordedError and
// nothing to show (see recorded.go).

// List returns the summary of every plan, in id order, for the command
// line's list, once the file's trail records that every name on it is
// shown. With a damaged summary it returns the others and an error
// wrapping store's ErrCorrupt.
func (s *Service) List(ctx context.Context) ([]model.Summary, error) {
	sums, err := s.db.List()
	if err != nil && len(sums) == 0 {
		return nil, err
	}
	if rerr := s.listed("list", len(sums)); rerr != nil {
		return nil, rerr
	}
	return sums, err
}

// summaryStreamer is a store that hands out the list one summary at a
// time (the bbolt file); others are read whole with List.
type summaryStreamer interface {
	EachSummary(fn func(*model.Summary) error) error
}

// ListEach is List for a list of any length, in constant memory: it
// reads the list twice, calling count with every whole summary, then,
// once the trail records that that many were shown, show with each again.
// The summary passed is reused: neither may keep it. With a damaged
// summary it shows the others and returns an error wrapping store's
// ErrCorrupt; an error from show stops it.
func (s *Service) ListEach(ctx context.Context, count func(*model.Summary), show func(*model.Summary) error) error {
	st, ok := s.db.(summaryStreamer)
	if !ok {
		sums, err := s.List(ctx)
		if err != nil && len(sums) == 0 {
			return err
		}
		for i := range sums {
			count(&sums[i])
		}
		for i := range sums {
			if serr := show(&sums[i]); serr != nil {
				return serr
			}
		}
		return err
	}
	n := 0
	err := st.EachSummary(func(sum *model.Summary) error { n++; count(sum); return nil })
	if err != nil && n == 0 {
		return err
	}
	if rerr := s.listed("list", n); rerr != nil {
		return rerr
	}
	if serr := st.EachSummary(show); serr != nil && !errors.Is(serr, store.ErrCorrupt) {
		return serr
	}
	return err
}

// Home is List for the home screen, which reads the list again after
// every change: the trail records the first time in a run that the
// screens showed it. The home screen opens even when that cannot be
// recorded: it is also where a meeting's recovery file is offered back,
// and it shows no plan's content.
func (s *Service) Home(ctx context.Context) ([]model.Summary, error) {
	sums, err := s.db.List()
	if err == nil || len(sums) > 0 {
		s.home.Do(func() { _ = s.listed("home", len(sums)) })
	}
	return sums, err
}

// Due lists the follow-ups and consents due within days of now, or
// overdue. Every plan on it is recorded as shown before any is returned:
// a list cut short by a full disk would show some plans unrecorded.
func (s *Service) Due(ctx context.Context, days int) ([]model.DueItem, error) {
	sums, err := s.db.List()
	if err != nil {
		return nil, err
	}
	due := model.Due(sums, s.o.Now(), days)
	for _, d := range due {
		if err := s.viewed(d.PlanID, "due"); err != nil {
			return nil, err
		}
	}
	return due, nil
}

// Trail returns a plan's access trail, oldest first, once it has recorded
// that the trail is shown.
func (s *Service) Trail(ctx context.Context, id string) ([]TrailEvent, error) {
	events, err := s.db.Trail(id)
	if err != nil {
		return nil, err
	}
	if err := s.viewed(id, "trail"); err != nil {
		return nil, err
	}
	return events, nil
}

// CopyList is who gets the original and each copy of version v of p, and
// why, once it is recorded as shown.
func (s *Service) CopyList(ctx context.Context, p *model.Plan, v *model.Version, l model.Lang) (model.CopyList, error) {
	if err := s.viewed(p.ID, "copies"); err != nil {
		return model.CopyList{}, err
	}
	return p.Copies(v, l), nil
}

// Summons is who to summon to the next meeting of p and what to book,
// once it is recorded as shown.
func (s *Service) Summons(ctx context.Context, p *model.Plan, v *model.Version, l model.Lang) (model.Summons, error) {
	if err := s.viewed(p.ID, "summons"); err != nil {
		return model.Summons{}, err
	}
	return v.Summons(l), nil
}

// Diff is what changed in p from version a to version b, once the
// difference is recorded as shown.
func (s *Service) Diff(ctx context.Context, p *model.Plan, a, b *model.Version) ([]model.Change, error) {
	if err := s.viewed(p.ID, "diff"); err != nil {
		return nil, err
	}
	return model.Diff(a, b), nil
}

// viewed records that the content of a plan is about to be shown, and
// where; an *UnrecordedError means it must not be shown.
func (s *Service) viewed(id, where string) error { return s.record(id, store.TrailViewed, where, "") }

// listed records that the list of plans is about to be shown, and where,
// with how many plans it shows; an *UnrecordedError means it must not be
// shown.
func (s *Service) listed(where string, count int) error {
	if err := s.db.LogFile(store.TrailEvent{At: s.o.Now(), Kind: store.TrailListed, Section: where, Count: count, OSUser: s.osUser}); err != nil {
		return &UnrecordedError{Err: err}
	}
	return nil
}
