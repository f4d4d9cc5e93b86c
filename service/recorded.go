package service

import (
	"context"
	"errors"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/store"
)

// The law asks that every read of a plan be recorded, so a read that
// cannot be recorded is not made: every operation that shows, prints or
// writes out a plan's content writes its trail event first, and gives
// up, showing nothing, when the trail will not take it (a full disk, a
// damaged file, a lost server). Writes record their event in the same
// transaction as the change (savePlan). A meeting already open is the
// exception: its saver keeps the events it could not write and writes
// them, in order, as soon as the database takes them again.

// UnrecordedError is a read refused because its trail event could not be
// written. Err is the store's reason (errors.As finds a *store.SaveError).
type UnrecordedError struct {
	Err error
}

func (e *UnrecordedError) Error() string {
	return "service: the access could not be recorded in the trail, so nothing was shown: " + e.Err.Error()
}

func (e *UnrecordedError) Unwrap() error { return e.Err }

// ErrUnrecorded is matched by every *UnrecordedError.
var ErrUnrecorded = errors.New("service: the access could not be recorded")

func (e *UnrecordedError) Is(target error) bool { return target == ErrUnrecorded }

// record writes a read's trail event now, and returns an
// *UnrecordedError when the trail will not take it.
func (s *Service) record(planID, kind, section, secretary string) error {
	if err := s.db.Log(planID, s.event(kind, section, secretary)); err != nil {
		return &UnrecordedError{Err: err}
	}
	return nil
}

// LoadToShow reads a plan to open it on a screen and records that it was
// opened before it returns it: when the trail cannot be written the plan
// is not returned and the screen does not open it. The session a screen
// then starts on it (SessionOn) does not record the opening again.
func (s *Service) LoadToShow(ctx context.Context, ref string) (*model.Plan, error) {
	p, err := s.LoadForMeeting(ctx, ref)
	if err != nil {
		return nil, err
	}
	if p.ContentHidden() {
		return p, nil // nothing of it is shown
	}
	if err := s.record(p.ID, store.TrailOpened, "", ""); err != nil {
		return nil, err
	}
	s.smu.Lock()
	if s.recordedOpen == nil {
		s.recordedOpen = map[string]bool{}
	}
	s.recordedOpen[p.ID] = true
	s.smu.Unlock()
	return p, nil
}

// openRecorded tells whether LoadToShow has recorded the opening of plan
// id for the session about to start, and forgets it. The caller holds smu.
func (s *Service) openRecorded(id string) bool {
	if !s.recordedOpen[id] {
		return false
	}
	delete(s.recordedOpen, id)
	return true
}
