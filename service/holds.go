package service

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/store"
)

// A plan open in a meeting is held by this program (store.Holds): on a
// shared PostgreSQL database another program that asks for it is told who
// has it, and on a bbolt file holding is free, since the file's lock
// keeps every other program out already.
//
// heldBatcher is what a session's saver writes through: nothing is saved
// unless the plan is held. The hold is taken when the session opens
// (OpenSession, CreateSession) or, for SessionOn, which must not wait, at
// the first write, which the "opened" event makes at once. A plan held
// elsewhere fails that write as a full disk would: the text stays on the
// screen, the write is tried again, and the screen names who holds it.
type heldBatcher struct {
	db store.Store
	id string

	mu sync.Mutex
	h  store.Hold
	// refused is set once another program held the plan while this
	// session had it open: what the session shows may be older than what
	// the other program saved, so it never writes over it. Its text goes
	// to a recovery file at closing, whose offer says the plan changed.
	refused error
}

func (b *heldBatcher) SaveBatch(batch []store.Submission) error {
	if err := b.ensure(); err != nil {
		return &store.SaveError{Err: err}
	}
	return b.db.SaveBatch(batch)
}

// ensure takes the hold unless it is held; a hold lost (another program
// took the plan while this one could not reach the server) is taken anew
// or the write fails.
func (b *heldBatcher) ensure() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.refused != nil {
		return b.refused
	}
	if b.h != nil {
		select {
		case <-b.h.Lost():
			b.h.Release()
			b.h = nil
		default:
			return nil
		}
	}
	h, err := b.db.Hold(b.id)
	if errors.Is(err, store.ErrHeld) {
		b.refused = err
	}
	if err != nil {
		return err
	}
	b.h = h
	return nil
}

// give hands the batcher a hold taken before the session existed.
func (b *heldBatcher) give(h store.Hold) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.h == nil {
		b.h = h
		return
	}
	h.Release()
}

// release lets the plan go, once the session's last write is over.
func (b *heldBatcher) release() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.h != nil {
		b.h.Release()
		b.h = nil
	}
}

// holdStash keeps the holds LoadForMeeting took until SessionOn adopts
// them; one not adopted within stashFor (the plan was only shown) is let
// go.
type holdStash struct {
	mu sync.Mutex
	m  map[string]store.Hold
}

const stashFor = time.Minute

func (st *holdStash) put(id string, h store.Hold) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.m == nil {
		st.m = map[string]store.Hold{}
	}
	if old, ok := st.m[id]; ok {
		old.Release()
	}
	st.m[id] = h
	time.AfterFunc(stashFor, func() {
		st.mu.Lock()
		defer st.mu.Unlock()
		if st.m[id] == h {
			delete(st.m, id)
			h.Release()
		}
	})
}

func (st *holdStash) take(id string) store.Hold {
	st.mu.Lock()
	defer st.mu.Unlock()
	h := st.m[id]
	delete(st.m, id)
	return h
}

// LoadForMeeting reads a plan to open its meeting with SessionOn, taking
// the plan's hold first, so that a plan open in another program's meeting
// is refused before it is shown for editing (a *HeldError saying who has
// it and since when). Call it from a tea.Cmd: it asks the database.
func (s *Service) LoadForMeeting(ctx context.Context, ref string) (*model.Plan, error) {
	id, err := s.db.Resolve(ref)
	if err != nil {
		return nil, err
	}
	if s.entry(id) == nil {
		h, err := s.db.Hold(id)
		if err != nil {
			return nil, err
		}
		s.stash.put(id, h)
	}
	return s.db.LoadPlan(id)
}

// withHold runs fn while plan id is held, for an operation outside a
// meeting (closing a plan, restoring one): on a shared database it is
// refused while another program has the plan open.
func (s *Service) withHold(id string, fn func() error) error {
	h, err := s.db.Hold(id)
	if err != nil {
		return err
	}
	defer h.Release()
	return fn()
}
