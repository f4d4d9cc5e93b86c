package store

import (
	"sync"
	"time"

	"github.com/sipmote/sipmote/model"
)

// DefaultSaveEvery is how often a Saver writes at most, and so the most
// an edit waits before it is on disk.
const DefaultSaveEvery = 500 * time.Millisecond

// SaveResult reports one write made by a Saver.
type SaveResult struct {
	At  time.Time
	Err error // nil on success; a *SaveError when the disk refused
}

// Saver writes plans in the background, so that the screen never waits for
// the disk. Submissions are coalesced: for each plan only the latest one is
// written. A write starts as soon as something is submitted, but no sooner
// than every after the previous one, so an edit reaches the disk within
// about every plus the time of one write.
//
// A write that fails is retried every interval until it succeeds or a newer
// submission replaces it; nothing submitted is dropped for a failed write.
//
// While a Saver has a plan, save that plan only through it: a SavePlan of
// the same plan could be overwritten by an older submission still pending.
// Close the Saver before the DB.
type Saver struct {
	db    Batcher
	every time.Duration
	note  *notifier

	kick   chan struct{} // something was submitted
	urgent chan struct{} // Flush wants a write now
	stop   chan struct{} // Close was called
	done   chan struct{} // the writer goroutine has ended
	closer sync.Once

	mu      sync.Mutex
	cond    *sync.Cond // broadcast after every write attempt
	pending map[string]Submission
	seq     uint64 // number of submissions so far
	written uint64 // every submission up to this one is on disk
	failGen uint64 // number of failed write attempts
	failMax uint64 // the last seq in the last failed attempt
	lastErr error
	closed  bool
}

// Submission is one plan handed to a Saver, with the editor field open in
// it and the trail events that go with the change, all written in one
// transaction.
type Submission struct {
	// ID is the plan's id. With Plan nil the submission is only its
	// trail events.
	ID     string
	Plan   *model.Plan
	Draft  *EditorDraft
	Events []TrailEvent
}

// NewSaver starts a Saver writing to db no more often than every; zero or
// less means DefaultSaveEvery. onResult, if not nil, is told of each write.
// It runs on a goroutine of its own and may block (for example on a Bubble
// Tea Program.Send) without holding up saving; while it blocks, results
// pile up and only the latest is delivered. It may be called after Close
// has returned.
func NewSaver(db Batcher, every time.Duration, onResult func(SaveResult)) *Saver {
	if every <= 0 {
		every = DefaultSaveEvery
	}
	s := &Saver{
		db:      db,
		every:   every,
		kick:    make(chan struct{}, 1),
		urgent:  make(chan struct{}, 1),
		stop:    make(chan struct{}),
		done:    make(chan struct{}),
		pending: make(map[string]Submission),
	}
	s.cond = sync.NewCond(&s.mu)
	if onResult != nil {
		s.note = newNotifier(onResult)
	}
	go s.run()
	return s
}

// Submit hands the Saver a snapshot of plan p, and the editor field open in
// it (nil when none is open, which clears any draft kept for the plan).
// Both are written in one transaction, with events appended to the plan's
// trail in the same one; events of a submission a newer one replaces are
// kept for it. Submit returns at once and never waits for the disk. The
// Saver keeps p and draft: pass a copy that will not change, such as
// p.Clone().
func (s *Saver) Submit(p *model.Plan, draft *EditorDraft, events ...TrailEvent) {
	if p == nil || p.ID == "" {
		s.report(SaveResult{At: time.Now(), Err: ErrNoID})
		return
	}
	if draft != nil {
		d := *draft
		if d.SavedAt.IsZero() {
			d.SavedAt = time.Now()
		}
		draft = &d
	}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		s.report(SaveResult{At: time.Now(), Err: ErrSaverClosed})
		return
	}
	s.seq++
	old := s.pending[p.ID]
	s.pending[p.ID] = Submission{ID: p.ID, Plan: p, Draft: draft, Events: append(old.Events, events...)}
	s.mu.Unlock()
	poke(s.kick)
}

// Log hands the Saver trail events of plan id, to be written in order
// with the plan's next write, or on their own when none is pending. Like
// a plan, an event that cannot be written is tried again, never dropped.
func (s *Saver) Log(id string, events ...TrailEvent) {
	if id == "" || len(events) == 0 {
		return
	}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		s.report(SaveResult{At: time.Now(), Err: ErrSaverClosed})
		return
	}
	s.seq++
	sub := s.pending[id]
	sub.ID = id
	sub.Events = append(sub.Events, events...)
	s.pending[id] = sub
	s.mu.Unlock()
	poke(s.kick)
}

// Flush blocks until everything submitted before it is on disk, writing at
// once rather than waiting for the interval. It returns the error of the
// write that failed, if one did.
func (s *Saver) Flush() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	target, gen := s.seq, s.failGen
	for s.written < target {
		if s.failGen != gen && s.failMax >= target {
			return s.lastErr
		}
		if s.closed && s.stopped() {
			if s.lastErr != nil {
				return s.lastErr
			}
			return ErrSaverClosed
		}
		poke(s.urgent)
		poke(s.kick)
		s.cond.Wait()
	}
	return nil
}

// Close writes what is pending, stops the Saver and returns the error of
// that last write, if any. Later submissions are refused with
// ErrSaverClosed. Close may be called more than once.
func (s *Saver) Close() error {
	s.closer.Do(func() {
		s.mu.Lock()
		s.closed = true
		s.mu.Unlock()
		close(s.stop)
	})
	<-s.done
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.written < s.seq {
		return s.lastErr
	}
	return nil
}

func (s *Saver) stopped() bool {
	select {
	case <-s.done:
		return true
	default:
		return false
	}
}

// run is the writer goroutine.
func (s *Saver) run() {
	defer func() {
		if s.note != nil {
			s.note.close()
		}
		s.mu.Lock()
		s.cond.Broadcast()
		s.mu.Unlock()
	}()
	defer close(s.done)
	var last time.Time
	for {
		select {
		case <-s.kick:
		case <-s.stop:
			s.write()
			return
		}
		if wait := s.every - time.Since(last); wait > 0 {
			t := time.NewTimer(wait)
			select {
			case <-t.C:
			case <-s.urgent:
				t.Stop()
			case <-s.stop:
				t.Stop()
				s.write()
				return
			}
		}
		ok := s.write()
		last = time.Now()
		if !ok {
			// Try again after the interval even if nothing new comes.
			poke(s.kick)
		}
	}
}

// write saves everything pending in one transaction and reports whether it
// succeeded (or had nothing to do).
func (s *Saver) write() bool {
	s.mu.Lock()
	batch, upTo := s.pending, s.seq
	s.pending = make(map[string]Submission, len(batch))
	s.mu.Unlock()
	if len(batch) == 0 {
		return true
	}
	subs := make([]Submission, 0, len(batch))
	plans := false
	for _, sub := range batch {
		subs = append(subs, sub)
		plans = plans || sub.Plan != nil
	}
	err := s.db.SaveBatch(subs)
	s.mu.Lock()
	if err == nil {
		s.written = upTo
	} else {
		// Put back what failed unless something newer has come meanwhile.
		// The failed events go before the newer submission's own.
		for id, sub := range batch {
			if newer, ok := s.pending[id]; ok {
				newer.Events = append(sub.Events, newer.Events...)
				if newer.Plan == nil {
					newer.Plan, newer.Draft = sub.Plan, sub.Draft
				}
				s.pending[id] = newer
			} else {
				s.pending[id] = sub
			}
		}
		s.failGen++
		s.failMax = upTo
	}
	s.lastErr = err
	s.cond.Broadcast()
	s.mu.Unlock()
	// A write of trail events alone is reported only when it fails: the
	// screen's "saved" is about the plan.
	if plans || err != nil {
		s.report(SaveResult{At: time.Now(), Err: err})
	}
	return err == nil
}

func (s *Saver) report(r SaveResult) {
	if s.note != nil {
		s.note.post(r)
	}
}

// poke sends on a one-slot channel without blocking; a signal already
// waiting there says the same thing.
func poke(c chan struct{}) {
	select {
	case c <- struct{}{}:
	default:
	}
}

// notifier delivers SaveResults to a callback on its own goroutine, keeping
// only the latest while the callback is busy, so that a slow or blocked
// callback never holds up the writer.
type notifier struct {
	fn   func(SaveResult)
	wake chan struct{}
	quit chan struct{}

	mu     sync.Mutex
	last   SaveResult
	has    bool
	closed bool
}

func newNotifier(fn func(SaveResult)) *notifier {
	n := &notifier{fn: fn, wake: make(chan struct{}, 1), quit: make(chan struct{})}
	go n.run()
	return n
}

func (n *notifier) post(r SaveResult) {
	n.mu.Lock()
	if n.closed {
		// Only a Submit after Close gets here; it is rare enough for a
		// goroutine of its own.
		n.mu.Unlock()
		go n.fn(r)
		return
	}
	n.last, n.has = r, true
	n.mu.Unlock()
	poke(n.wake)
}

// close makes the goroutine deliver what is left and end. It does not
// wait, so that a callback blocked on the caller cannot deadlock Close.
func (n *notifier) close() {
	n.mu.Lock()
	n.closed = true
	n.mu.Unlock()
	close(n.quit)
}

func (n *notifier) run() {
	for {
		select {
		case <-n.wake:
			n.deliver()
		case <-n.quit:
			n.deliver()
			return
		}
	}
}

func (n *notifier) deliver() {
	n.mu.Lock()
	r, has := n.last, n.has
	n.has = false
	n.mu.Unlock()
	if has {
		n.fn(r)
	}
}
