// Package session owns one open plan during a meeting: the plan in memory,
// its saving, its findings and its access trail.
//
// Screens talk to a session, never to the store, so that several screens
// (the chair's, the secretary's, a read-only view for the person) can later
// attend the same meeting through one owner of the plan.
package session

import (
	"sync"
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

// Session is one open plan. It is used from the UI goroutine only; the
// saver's results arrive on Results().
type Session struct {
	db        *store.DB
	plan      *model.Plan
	saver     *store.Saver
	results   chan Saved
	secretary string
	jargon    []model.Jargon
	now       func() time.Time

	dirty    bool
	changed  map[string]bool // sections logged as changed this session
	findings []model.Finding
	stale    bool
	closeMu  sync.Once
	trail    chan store.TrailEvent
	trailEnd sync.WaitGroup
}

// Options configure a session.
type Options struct {
	Jargon []model.Jargon
	Now    func() time.Time
}

// Open loads a plan and starts its saver. It records "opened" in the trail.
func Open(db *store.DB, id string, o Options) (*Session, error) {
	p, err := db.LoadPlan(id)
	if err != nil {
		return nil, err
	}
	return New(db, p, o), nil
}

// New starts a session on a plan already loaded or just created.
func New(db *store.DB, p *model.Plan, o Options) *Session {
	if o.Now == nil {
		o.Now = time.Now
	}
	s := &Session{
		db:      db,
		plan:    p,
		results: make(chan Saved, 16),
		jargon:  o.Jargon,
		now:     o.Now,
		changed: map[string]bool{},
		stale:   true,
		trail:   make(chan store.TrailEvent, 64),
	}
	// The trail is written by its own goroutine, so that the first keystroke
	// in a section never waits for the disk.
	s.trailEnd.Add(1)
	go func() {
		defer s.trailEnd.Done()
		for e := range s.trail {
			_ = db.Log(p.ID, e)
		}
	}()
	if v := p.Current(); v != nil {
		s.secretary = v.Meeting.Secretary
	}
	s.saver = store.NewSaver(db, SaveInterval, func(r store.SaveResult) {
		select {
		case s.results <- Saved{At: r.At, Err: r.Err}:
		default: // the screen is behind; a later result will tell the same
		}
	})
	s.log("opened", "")
	return s
}

// Plan is the plan being edited. Callers change it and then call Changed.
func (s *Session) Plan() *model.Plan { return s.plan }

// Draft is the version being written, nil when the plan has none.
func (s *Session) Draft() *model.Version { return s.plan.Draft }

// ReadOnly tells whether the plan may not be edited now.
func (s *Session) ReadOnly() bool {
	return s.plan.Status == model.StatusClosed || s.plan.Draft == nil
}

// Results delivers the outcome of background saves.
func (s *Session) Results() <-chan Saved { return s.results }

// Changed marks the plan as edited in section. It costs nothing on the
// disk: the snapshot is taken at the next Tick.
func (s *Session) Changed(section string) {
	if s.plan.Status == model.StatusClosed {
		return // read-only: the store would refuse it anyway
	}
	s.dirty = true
	s.stale = true
	s.plan.UpdatedAt = s.now()
	if section != "" && !s.changed[section] {
		s.changed[section] = true
		s.log("changed", section)
	}
}

// Dirty tells whether there are edits not yet handed to the saver.
func (s *Session) Dirty() bool { return s.dirty }

// Tick hands a snapshot to the saver if anything changed. The UI calls it
// at least every SaveInterval; it never waits for the disk.
func (s *Session) Tick() bool {
	if !s.dirty {
		return false
	}
	s.dirty = false
	s.saver.Submit(s.plan.Clone(), nil)
	return true
}

// SetPosition records where the secretary is, so that reopening resumes
// there. It is saved with the next snapshot.
func (s *Session) SetPosition(pos model.Position) {
	if s.plan.Position != pos {
		s.plan.Position = pos
		s.dirty = true
	}
}

// Findings returns the validation findings, recomputed only when the plan
// changed since the last call; the UI asks for them on a slow tick, never
// per keystroke.
func (s *Session) Findings() []model.Finding {
	if !s.stale {
		return s.findings
	}
	s.stale = false
	v := s.plan.Current()
	if v == nil {
		s.findings = nil
		return nil
	}
	s.findings = model.Validate(s.plan, v, model.Options{Now: s.now(), Jargon: s.jargon})
	return s.findings
}

// Jargon is the plain-language word list in use.
func (s *Session) Jargon() []model.Jargon { return s.jargon }

// Finalise freezes the draft as a version and saves at once.
func (s *Session) Finalise() ([]model.Finding, error) {
	fs, err := s.plan.Finalise(model.Options{Now: s.now(), Jargon: s.jargon})
	if err != nil {
		return fs, err
	}
	s.stale = true
	s.dirty = true
	s.Tick()
	s.log("finalised", "")
	return fs, s.saver.Flush()
}

// StartFollowUp opens a new draft from the last version and saves it.
func (s *Session) StartFollowUp() error {
	if err := s.plan.StartFollowUp(s.now()); err != nil {
		return err
	}
	s.Changed("")
	s.Tick()
	return s.saver.Flush()
}

// Logged records a printed or exported plan in the trail.
func (s *Session) Logged(kind string) { s.log(kind, "") }

func (s *Session) log(kind, section string) {
	if s.db == nil {
		return
	}
	// The trail is best effort from the screen: a failure to log must never
	// stop the meeting; the next save reports disk trouble anyway.
	e := store.TrailEvent{
		At: s.now(), Kind: kind, Section: section,
		OSUser: store.CurrentOSUser(), Secretary: s.secretary,
	}
	select {
	case s.trail <- e:
	default:
	}
}

// Close saves what is left and stops the saver.
func (s *Session) Close() error {
	var err error
	s.closeMu.Do(func() {
		s.Tick()
		err = s.saver.Close()
		close(s.trail)
		s.trailEnd.Wait()
	})
	return err
}
