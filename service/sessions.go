package service

import (
	"context"
	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/store"
)

// The service holds at most one Session per plan. A plan whose session is
// open is reached through that session, and a plan whose session is
// closing is read again only once its last save is over: otherwise a
// reopened meeting could start from the text before that save, and typing
// on would overwrite the newer text.
//
// A session whose last save failed stays in the registry, closed: its
// text is the newest there is, and neither the database nor a fresh read
// of it has that text. The next opening of the plan saves that text again
// first; while the database still refuses it, opening says so
// (*UnsavedError) rather than start from older text.

// UnsavedError is an opening of a plan whose previous meeting's last save
// failed and still fails: the database holds older text than the meeting
// had. Closed says where that text went (a recovery file, or nowhere).
type UnsavedError struct {
	Closed Closed
}

func (e *UnsavedError) Error() string {
	return "service: the last save of plan " + e.Closed.Plan + "'s previous meeting failed: " + e.Closed.SaveErr.Error()
}

func (e *UnsavedError) Unwrap() error { return e.Closed.SaveErr }

// entry is the registry's view of a plan: its session, open or closing.
func (s *Service) entry(id string) *Session {
	s.smu.Lock()
	defer s.smu.Unlock()
	return s.sessions[id]
}

// settle waits until plan id has no closing session. It returns the open
// session if there is one. A session whose last save failed is saved
// again here; if that fails too, settle returns an *UnsavedError. A
// cancelled ctx ends the wait with ctx.Err(); the closing goes on.
func (s *Service) settle(ctx context.Context, id string) (*Session, error) {
	for {
		ss := s.entry(id)
		if ss == nil {
			return nil, nil
		}
		select {
		case <-ss.closing:
		default:
			return ss, nil // open
		}
		select {
		case <-ss.done:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		if ss.outcome.Err() == nil {
			continue // gone from the registry by now
		}
		if err := s.saveLeftover(ss); err != nil {
			return nil, err
		}
	}
}

// saveLeftover saves the final text of a closed session whose last save
// failed, and takes the session out of the registry once it is saved. The
// recovery file written for it at closing then holds nothing newer than
// the database, so it is removed.
func (s *Service) saveLeftover(ss *Session) error {
	s.smu.Lock()
	defer s.smu.Unlock()
	if s.sessions[ss.plan.ID] != ss {
		return nil // another opening saved it meanwhile
	}
	if err := s.db.SavePlan(ss.plan); err != nil {
		return &UnsavedError{Closed: ss.outcome}
	}
	delete(s.sessions, ss.plan.ID)
	if path := ss.outcome.Recovery; path != "" && s.db.RemoveRecovery(path) == nil {
		s.log(ss.plan.ID, store.TrailRecovery, "restored", ss.secretary)
	}
	return nil
}

// adopt returns the session for plan p: the open one if there is one
// (logging that it was opened again), else a new session on p, which it
// registers. The caller has settled the plan, so no session of it is
// closing unless one began to close since: then adopt waits for it too
// and starts from that session's final text, which is newer than p.
func (s *Service) adopt(ctx context.Context, p *model.Plan) (*Session, error) {
	for {
		s.smu.Lock()
		ss := s.sessions[p.ID]
		if ss == nil {
			ss = s.newSession(p)
			s.sessions[p.ID] = ss
			s.smu.Unlock()
			return ss, nil
		}
		select {
		case <-ss.closing:
		default:
			ss.mu.Lock()
			if !s.openRecorded(p.ID) {
				ss.log(store.TrailOpened, "")
			}
			ss.mu.Unlock()
			s.smu.Unlock()
			return ss, nil
		}
		s.smu.Unlock()
		if _, err := s.settle(ctx, p.ID); err != nil {
			return nil, err
		}
		p = ss.plan.Clone() // final: the session is closed
	}
}

// closingBegins marks ss as closing, so that an opening of its plan waits
// for its end.
func (s *Service) closingBegins(ss *Session) {
	s.smu.Lock()
	defer s.smu.Unlock()
	select {
	case <-ss.closing:
	default:
		close(ss.closing)
	}
}

// closingEnded takes ss out of the registry, unless its last save failed:
// then it stays, closed, until its text is saved (see settle).
func (s *Service) closingEnded(ss *Session, res Closed) {
	s.smu.Lock()
	defer s.smu.Unlock()
	ss.outcome = res
	if res.Err() == nil && s.sessions[ss.plan.ID] == ss {
		delete(s.sessions, ss.plan.ID)
	}
	close(ss.done)
}
