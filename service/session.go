package service

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/store"
)

// SaveInterval is the longest time anything typed stays only in memory.
const SaveInterval = 500 * time.Millisecond

// Saved reports the outcome of one background save.
type Saved struct {
	At  time.Time
	Err error
}

// Session is one open plan: the single owner of its state while a meeting
// is open, its saving, its findings and its access trail.
//
// Screens never hold the plan themselves. Each screen attaches a View and
// reaches the plan through it: View.Edit to change it, View.Read to look at
// it. Several views may be attached at once, from different goroutines
// (the secretary's screen, the chair's, the room's), and each hears of the
// others' changes on its Events channel.
//
// A Session is safe for concurrent use. Close it once, when the meeting
// ends: it saves what is left, ends every view's Events channel and leaves
// no goroutine behind.
type Session struct {
	svc       *Service
	id        uint64
	saver     *store.Saver
	held      *heldBatcher
	secretary string
	now       func() time.Time

	mu      sync.RWMutex // guards everything below; Edit holds it for writing
	plan    *model.Plan
	rev     uint64
	dirty   bool
	changed map[string]bool // sections logged as changed this session
	// withSave are trail events that record a change not yet handed to
	// the saver: they go with it, in the same transaction.
	withSave []store.TrailEvent
	views    map[*View]struct{}
	closed   bool
	// room is the copy the room's screens are held to while the
	// secretary types (roomhold.go); nil shows the plan itself.
	room *model.Plan

	// The findings are computed under a read lock, so their cache has a
	// lock of its own. stale is set under the write lock only.
	fmu      sync.Mutex
	findings []model.Finding
	stale    bool

	closeOnce sync.Once
	// closing is closed when closing begins, done when it has ended and
	// outcome is set; the service's registry waits on them.
	closing, done chan struct{}
	outcome       Closed
}

var lastSessionID atomic.Uint64

// OpenSession opens a plan by id (or unique beginning) for a meeting. It
// records "opened" in the trail.
//
// A plan has at most one session: if the plan's session is open,
// OpenSession returns it (sessions are shared; whoever closes it closes it
// for every holder). If it is closing, OpenSession waits for its last save
// and then reads the plan; if that save failed and the database still
// refuses the text, it returns an *UnsavedError and opens nothing, rather
// than start from older text.
func (s *Service) OpenSession(ctx context.Context, ref string) (*Session, error) {
	id, err := s.db.Resolve(ref)
	if err != nil {
		return nil, err
	}
	open, err := s.settle(ctx, id)
	if err != nil {
		return nil, err
	}
	if open != nil {
		return s.adopt(ctx, open.plan)
	}
	h, err := s.db.Hold(id)
	if err != nil {
		return nil, err
	}
	p, err := s.db.LoadPlan(id)
	if err != nil {
		h.Release()
		return nil, err
	}
	ss, err := s.adopt(ctx, p)
	if err != nil {
		h.Release()
		return nil, err
	}
	ss.held.give(h)
	return ss, nil
}

// CreateSession stores a new plan, records who created it, and opens it
// for its first meeting.
func (s *Service) CreateSession(ctx context.Context, p *model.Plan) (*Session, error) {
	if p == nil || p.ID == "" {
		return nil, ErrNoID
	}
	h, err := s.db.Hold(p.ID)
	if err != nil {
		return nil, err
	}
	if err := s.Create(ctx, p); err != nil {
		h.Release()
		return nil, err
	}
	ss, err := s.adopt(ctx, p)
	if err != nil {
		h.Release()
		return nil, err
	}
	ss.held.give(h)
	return ss, nil
}

// FollowUpSession opens a plan whose last version is finalised and starts
// its follow-up: a new draft from the last version, saved at once.
func (s *Service) FollowUpSession(ctx context.Context, ref string) (*Session, error) {
	id, err := s.db.Resolve(ref)
	if err != nil {
		return nil, err
	}
	shared, err := s.settle(ctx, id)
	if err != nil {
		return nil, err
	}
	sess, err := s.OpenSession(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := sess.startFollowUp(); err != nil {
		if shared != sess {
			// Opened here: nothing was typed in it.
			_ = sess.Close()
		}
		return nil, err
	}
	return sess, nil
}

// SessionOn opens a meeting on a plan just read with Load, without reading
// it again. If the plan's session is open it returns that one, as
// OpenSession does. It does no I/O on the caller's goroutine, and waits
// only in a rare race: when the plan's session began to close after Load
// read it, SessionOn waits for that session's last save and starts from
// its final text. If that save failed and fails again, the session starts
// from the final text all the same, marked unsaved, so that its first
// save tries again and its screen hears how that went.
func (s *Service) SessionOn(p *model.Plan) *Session {
	ss, err := s.adopt(context.Background(), p)
	if err == nil {
		return ss
	}
	var ue *UnsavedError
	if errors.As(err, &ue) {
		if old := s.entry(p.ID); old != nil {
			p = old.plan.Clone()
		}
	}
	s.smu.Lock()
	defer s.smu.Unlock()
	ss = s.newSession(p)
	ss.dirty = true
	s.sessions[p.ID] = ss
	return ss
}

// newSession starts a session on a plan already loaded or just created;
// the caller registers it.
func (s *Service) newSession(p *model.Plan) *Session {
	ss := &Session{
		svc:     s,
		id:      lastSessionID.Add(1),
		plan:    p,
		now:     s.o.Now,
		changed: map[string]bool{},
		views:   map[*View]struct{}{},
		stale:   true,
		closing: make(chan struct{}),
		done:    make(chan struct{}),
	}
	if v := p.Current(); v != nil {
		ss.secretary = v.Meeting.Secretary
	}
	ss.held = &heldBatcher{db: s.db, id: p.ID}
	if h := s.stash.take(p.ID); h != nil {
		ss.held.give(h)
	}
	ss.saver = store.NewSaver(ss.held, SaveInterval, ss.saved)
	if !s.openRecorded(p.ID) {
		ss.log(store.TrailOpened, "")
	}
	return ss
}

// ID names this session among all opened in the process, so that a
// screen can tell a message of the meeting in front from a late one of a
// meeting already left.
func (s *Session) ID() uint64 { return s.id }

// PlanID is the id of the plan this session has open.
func (s *Session) PlanID() string { return s.plan.ID }

// Snapshot returns a copy of the plan that no later edit changes, and the
// revision it shows. Use it to hand the plan to a tea.Cmd (print, preview).
func (s *Session) Snapshot() (*model.Plan, uint64) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.plan.Clone(), s.rev
}

// Flush waits until every edit made so far is on disk, and returns the
// error of the write that failed, if one did. It blocks: call it from a
// tea.Cmd, for instance after finalising.
func (s *Session) Flush() error {
	s.mu.Lock()
	s.tick()
	s.mu.Unlock()
	return s.saver.Flush()
}

// startFollowUp opens a new draft from the last version and saves it.
func (s *Session) startFollowUp() error {
	s.mu.Lock()
	if err := s.plan.StartFollowUp(s.now()); err != nil {
		s.mu.Unlock()
		return err
	}
	s.markChanged("")
	s.mu.Unlock()
	return s.Flush()
}

// saved is the saver's report; it runs on the saver's goroutine.
func (s *Session) saved(r store.SaveResult) {
	if r.Err != nil {
		// The screen may soon offer to leave with a recovery file: name
		// a folder that is there and ours now, not one found at start.
		// This runs on the saver's notifier, never on a screen's Update.
		s.svc.checkRecoveryDir()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return // nothing is delivered after Close
	}
	e := Event{Saved: &Saved{At: r.At, Err: r.Err}}
	for v := range s.views {
		v.deliver(s.stamp(e))
	}
}

// markChanged records an edit in section; the caller holds the write lock.
func (s *Session) markChanged(section string) {
	s.dirty = true
	s.stale = true
	s.rev++
	s.plan.UpdatedAt = s.now()
	if section != "" && !s.changed[section] {
		s.changed[section] = true
		s.withSave = append(s.withSave, s.event(store.TrailChanged, section))
	}
}

// tick hands a snapshot to the saver if anything changed; the caller holds
// the write lock. It never waits for the disk.
func (s *Session) tick() bool {
	if !s.dirty || s.closed {
		return false
	}
	s.dirty = false
	s.saver.Submit(s.plan.Clone(), nil, s.withSave...)
	s.withSave = nil
	return true
}

// findingsLocked returns the validation findings, recomputed only when the
// plan changed since they were last asked for; the caller holds the lock
// for reading or writing.
func (s *Session) findingsLocked() []model.Finding {
	s.fmu.Lock()
	defer s.fmu.Unlock()
	if !s.stale {
		return s.findings
	}
	s.stale = false
	v := s.plan.Current()
	if v == nil {
		s.findings = nil
		return nil
	}
	s.findings = model.Validate(s.plan, v, model.Options{Now: s.now(), Jargon: s.svc.o.Jargon})
	return s.findings
}

// log hands a trail event to the saver, which writes it in order with the
// plan's saves and, like them, tries again until the database takes it:
// the first keystroke never waits for the disk, and no event is dropped.
// The caller holds the write lock, or the session is new.
func (s *Session) log(kind, section string) {
	s.saver.Log(s.plan.ID, s.event(kind, section))
}

// event is a trail event of this session, stamped now.
func (s *Session) event(kind, section string) store.TrailEvent {
	return store.TrailEvent{
		At: s.now(), Kind: kind, Section: section,
		OSUser: s.svc.osUser, Secretary: s.secretary,
	}
}

// stamp fills in what every event carries; the caller holds the lock.
func (s *Session) stamp(e Event) Event {
	e.Session, e.Plan, e.Rev = s.id, s.plan.ID, s.rev
	return e
}
