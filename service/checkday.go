package service

import (
	"context"
	"time"

	"github.com/sipmote/sipmote/store"
)

// CheckRecord is the last whole-file check as the file keeps it.
type CheckRecord = store.CheckRecord

// CheckEvery is how often CheckDaily checks the whole file.
const CheckEvery = 24 * time.Hour

// checkKeeper is a store that keeps its last whole-file check: the bbolt
// file. A PostgreSQL database is checked by its server and by sipmote
// check, not at every start.
type checkKeeper interface {
	LastCheck() (store.CheckRecord, bool, error)
	RecordCheck(store.CheckRecord) error
}

// LastCheck is the last whole-file check recorded in the file, and false
// when there is none (or the database keeps none). It reads one key: the
// home screen asks at start, to say at once if that check found damage.
func (s *Service) LastCheck() (CheckRecord, bool) {
	k, ok := s.db.(checkKeeper)
	if !ok {
		return CheckRecord{}, false
	}
	c, ok, err := k.LastCheck()
	return c, ok && err == nil
}

// CheckDaily checks the whole file, as sipmote check does, when the last
// check is CheckEvery old or more (or there was none), and records what
// it found in the file. It reads every page, so the program runs it in
// the background after its first frame. ran is false when no check was
// due. Damaged records it finds are refused for writing from then on, as
// when they are read.
func (s *Service) CheckDaily(ctx context.Context) (rec CheckRecord, ran bool, err error) {
	k, ok := s.db.(checkKeeper)
	if !ok {
		return CheckRecord{}, false, nil
	}
	now := s.o.Now()
	if last, had, err := k.LastCheck(); err != nil {
		return CheckRecord{}, false, err
	} else if had && !last.At.After(now) && now.Sub(last.At) < CheckEvery {
		return last, false, nil
	}
	rep, err := s.db.Check()
	if err != nil {
		return CheckRecord{}, true, err
	}
	rec = store.RecordOf(rep, now)
	// Kept even when the file will take nothing else: the next start must
	// know. A file whose structure is broken takes not even that.
	_ = k.RecordCheck(rec)
	return rec, true, nil
}
