package service

import (
	"errors"
	"time"

	"github.com/sipmote/sipmote/store"
)

// Outcome is what became of an open meeting's text when it was closed.
type Outcome int

const (
	// OutcomeSaved: everything typed is in the database.
	OutcomeSaved Outcome = iota
	// OutcomeRecovered: the database would not take the last of it, so
	// the whole plan is in a recovery file, offered back at the next start.
	OutcomeRecovered
	// OutcomeLost: neither the database nor a recovery file took it.
	OutcomeLost
)

// Closed says what became of a session's plan when it was closed.
type Closed struct {
	Plan    string
	Outcome Outcome
	// SaveErr is why the database did not take the last save (not
	// OutcomeSaved).
	SaveErr error
	// Recovery is the recovery file's full path (OutcomeRecovered), and
	// InMemory says its folder is in memory: it is gone at a restart.
	Recovery string
	InMemory bool
	// RecoveryErr is why no recovery file could be written (OutcomeLost).
	RecoveryErr error
}

// Err is the save error of a plan not saved in the database, nil when it
// was saved.
func (c Closed) Err() error {
	if c.Outcome == OutcomeSaved {
		return nil
	}
	return c.SaveErr
}

// errNoRecovery is the RecoveryErr of a session closed with Close.
var errNoRecovery = errors.New("service: closed without a recovery file")

// RetryEvery is how often CloseWithin tries the database again.
const RetryEvery = SaveInterval

// Close saves what is left, with no time to retry and no recovery file,
// and returns the error of the last save, if it failed: for a session
// whose start failed, which holds nothing typed. A meeting that ends is
// closed with CloseWithin, which keeps what the database will not take.
func (s *Session) Close() error {
	s.closeOnce.Do(func() { s.closeWithin(0, nil, false) })
	return s.outcome.Err()
}

// CloseWithin saves what is left, ends every attached view (their Events
// channels are closed, with nothing left in them) and stops the saver and
// the trail. Nothing is delivered to a view after it returns, and no
// goroutine of the session is left running for long: only the saver's
// notifier may still be returning.
//
// While the last save fails, it is tried again every RetryEvery for up to
// retry, or until stop is closed (a second signal: the user will not
// wait). If the database still will not take it, the plan as it is now is
// written to a recovery file on another file system where there is one
// (store.WriteRecovery), and the result names it. CloseWithin may be
// called more than once; later calls return the first one's result.
func (s *Session) CloseWithin(retry time.Duration, stop <-chan struct{}) Closed {
	s.closeOnce.Do(func() { s.closeWithin(retry, stop, true) })
	return s.outcome
}

// closeWithin closes the session and sets its outcome; an opening of the
// plan meanwhile waits for it (see Service.settle).
func (s *Session) closeWithin(retry time.Duration, stop <-chan struct{}, keep bool) {
	s.svc.closingBegins(s)
	s.svc.closingEnded(s, s.finish(retry, stop, keep))
}

func (s *Session) finish(retry time.Duration, stop <-chan struct{}, keep bool) Closed {
	if retry > 0 {
		s.retrySaves(retry, stop)
	}
	s.mu.Lock()
	s.tick()
	s.closed = true
	for v := range s.views {
		v.end()
	}
	clear(s.views)
	s.mu.Unlock()
	err := s.saver.Close()
	s.held.release()
	res := Closed{Plan: s.plan.ID}
	if err == nil {
		return res
	}
	res.SaveErr = err
	if !keep {
		res.Outcome, res.RecoveryErr = OutcomeLost, errNoRecovery
		return res
	}
	// The session is closed: nobody changes the plan any more, and it is
	// what the saver could not write, with everything before it.
	var base time.Time
	if stored, lerr := s.svc.db.LoadPlan(s.plan.ID); lerr == nil {
		base = stored.UpdatedAt
	}
	w, rerr := s.svc.db.WriteRecovery(s.plan, base, s.now())
	if rerr != nil {
		res.Outcome, res.RecoveryErr = OutcomeLost, rerr
		return res
	}
	res.Outcome, res.Recovery, res.InMemory = OutcomeRecovered, w.Path, w.InMemory
	// Best effort: the database that refused the plan may refuse this too.
	s.svc.log(s.plan.ID, store.TrailRecovery, "written", s.secretary)
	return res
}

// retrySaves saves what is left and, while that fails, tries again every
// RetryEvery until retry has passed or stop is closed.
func (s *Session) retrySaves(retry time.Duration, stop <-chan struct{}) {
	deadline := time.Now().Add(retry)
	for {
		// A database that refuses every write will not take this one
		// later: the recovery file is written at once.
		if err := s.Flush(); err == nil || Refused(err) {
			return
		}
		wait := min(RetryEvery, time.Until(deadline))
		if wait <= 0 {
			return
		}
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-stop:
			t.Stop()
			return
		}
	}
}
