package service

import (
	"slices"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/store"
)

// Event tells an attached view that the session moved on. Events are
// coalesced: a view that is slow to read gets one Event covering
// everything since its last one, never a backlog, so a stalled view
// cannot hold up the others or the saving.
//
// An Event says what changed, not the new state: read that with
// View.Read (or Session.Snapshot) on receiving it.
type Event struct {
	// Session and Plan name the session the event belongs to; a screen
	// drops an event of a session it has left.
	Session uint64
	Plan    string
	// Rev is the session's revision after the change: it grows by one
	// with every edit.
	Rev uint64
	// Edited says another view changed the plan; Sections names the
	// sections it changed, where it said which.
	Edited   bool
	Sections []string
	// StepMoved says another view moved the agenda to another step; the
	// step is View.Step.
	StepMoved bool
	// Finalised says another view finalised the draft.
	Finalised bool
	// Room says the text the room's screens may show has settled: they
	// draw the plan again instead of the copy they were held to.
	Room bool
	// Saved is the latest outcome of a background save, if one came.
	Saved *Saved
}

// merge folds a later event into an earlier one not yet read.
func (e Event) merge(later Event) Event {
	e.Rev = max(e.Rev, later.Rev)
	e.Edited = e.Edited || later.Edited
	for _, s := range later.Sections {
		if !slices.Contains(e.Sections, s) {
			e.Sections = append(e.Sections, s)
		}
	}
	e.StepMoved = e.StepMoved || later.StepMoved
	e.Finalised = e.Finalised || later.Finalised
	e.Room = e.Room || later.Room
	if later.Saved != nil {
		e.Saved = later.Saved
	}
	return e
}

// empty tells whether an event says nothing.
func (e Event) empty() bool {
	return !e.Edited && !e.StepMoved && !e.Finalised && !e.Room && e.Saved == nil
}

// View is one screen attached to a session: the secretary's editor, the
// chair's agenda, the room's read-only page. It is used from one goroutine
// at a time (its screen's); views of the same session may each run on
// their own goroutine.
//
// The plan is reached only inside Edit or Read, which hold the session's
// lock: Plan, Draft, ReadOnly, Findings and Step may be called inside
// either, Changed, SetPosition, MoveStep, Tick and Finalise inside Edit
// only. Calling them outside panics, since it would race with the other
// views. Inside, do no I/O and do not block: every view waits meanwhile.
type View struct {
	s    *Session
	ch   chan Event // capacity 1; see deliver
	mode viewMode
	// made collects what the running Edit changed, published when it ends.
	made  Event
	ended bool // detached or the session closed; guarded by s.mu
}

type viewMode int

const (
	outside viewMode = iota
	reading
	editing
)

// Attach adds a view to the session. On a closed session the view is
// ended at once: its Events channel is closed and Edit does nothing.
func (s *Session) Attach() *View {
	v := &View{s: s, ch: make(chan Event, 1)}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		v.end()
		return v
	}
	s.views[v] = struct{}{}
	return v
}

// Session is the session the view is attached to.
func (v *View) Session() *Session { return v.s }

// Events delivers what other views changed and how saving went. It is
// closed, empty, when the view is detached or the session closed. A
// screen waits on it from a tea.Cmd and waits again after each event.
func (v *View) Events() <-chan Event { return v.ch }

// Detach removes the view from its session: its Events channel is closed,
// with nothing left in it. Detaching twice, or after Close, does nothing.
func (v *View) Detach() {
	v.s.mu.Lock()
	defer v.s.mu.Unlock()
	delete(v.s.views, v)
	v.end()
}

// end closes the view's channel after emptying it, so that nothing is
// read from it afterwards; the caller holds the session's write lock.
func (v *View) end() {
	if v.ended {
		return
	}
	v.ended = true
	select {
	case <-v.ch:
	default:
	}
	close(v.ch)
}

// deliver hands an event to the view without ever blocking: an event the
// view has not read yet is taken back and merged with the new one. Only
// the holder of the session's write lock delivers, so the channel always
// has room after the take-back.
func (v *View) deliver(e Event) {
	if v.ended || e.empty() {
		return
	}
	for {
		select {
		case v.ch <- e:
			return
		default:
		}
		select {
		case old := <-v.ch:
			e = old.merge(e)
		default:
		}
	}
}

// Edit runs fn with the session's plan locked for writing; the plan may be
// changed only inside fn (directly or through the view's methods). When
// fn has returned, what it reported with Changed or MoveStep goes to every
// other attached view as one Event. Edit reports whether fn ran: it does
// not on a detached view or a closed session.
func (v *View) Edit(fn func(p *model.Plan)) bool {
	s := v.s
	s.mu.Lock()
	defer s.mu.Unlock()
	if v.ended || s.closed {
		return false
	}
	v.mode = editing
	v.made = Event{}
	defer func() {
		v.mode = outside
		made := v.made
		v.made = Event{}
		if made.empty() {
			return
		}
		for o := range s.views {
			if o != v {
				o.deliver(s.stamp(made))
			}
		}
	}()
	fn(s.plan)
	return true
}

// Read runs fn with the session's plan locked for reading. Other views
// may read at the same time; none can edit. fn must not keep p. Inside
// this view's own Edit, Read just runs fn.
func (v *View) Read(fn func(p *model.Plan)) {
	s := v.s
	if v.mode != outside {
		fn(s.plan) // inside this view's Edit or Read: the lock is held
		return
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	v.mode = reading
	defer func() { v.mode = outside }()
	fn(s.plan)
}

func (v *View) must(m viewMode) {
	if v.mode < m {
		if m == editing {
			panic("service: a session's plan changed outside View.Edit")
		}
		panic("service: a session's plan read outside View.Read or View.Edit")
	}
}

// Plan is the plan of the session. Inside Edit or Read only; do not keep
// it beyond them.
func (v *View) Plan() *model.Plan { v.must(reading); return v.s.plan }

// Draft is the version being written, nil when the plan has none.
func (v *View) Draft() *model.Version { v.must(reading); return v.s.plan.Draft }

// ReadOnly tells whether the plan may not be edited now: it is closed or
// its last version is finalised.
func (v *View) ReadOnly() bool {
	v.must(reading)
	p := v.s.plan
	return p.Status == model.StatusClosed || p.Draft == nil
}

// Rev is the session's revision: it grows with every edit of any view.
func (v *View) Rev() uint64 { v.must(reading); return v.s.rev }

// Step is the agenda step the meeting is at, shared by all views: the
// chair moves it, the secretary's screen follows.
func (v *View) Step() string { v.must(reading); return v.s.plan.Position.Step }

// Findings returns the validation findings, recomputed only when the plan
// changed since they were last asked for; screens ask on a slow tick,
// never per keystroke.
func (v *View) Findings() []model.Finding { v.must(reading); return v.s.findingsLocked() }

// Jargon is the plain-language word list in use.
func (v *View) Jargon() []model.Jargon { return v.s.svc.o.Jargon }

// Changed says that fn changed the plan in section (a section id of
// model's registry, or "" for changes that belong to none, such as the
// agenda's clocks). It costs nothing on the disk: the snapshot is taken at
// the next Tick. The first change of a section in a session is recorded
// in the trail. On a closed plan it does nothing: the store would refuse
// the change anyway.
func (v *View) Changed(section string) {
	v.must(editing)
	if v.s.plan.Status == model.StatusClosed {
		return
	}
	v.s.markChanged(section)
	v.made.Edited = true
	if section != "" && !slices.Contains(v.made.Sections, section) {
		v.made.Sections = append(v.made.Sections, section)
	}
}

// ChangedPNR records that the person's personnummer was changed, as an
// event of its own in the trail ("ändrad (personnummer)"), once a
// meeting: who the plan is about is the change a reader of the trail
// most needs to find. It never holds the number.
func (v *View) ChangedPNR() {
	v.must(editing)
	if v.s.plan.Status == model.StatusClosed {
		return
	}
	v.s.markChanged(model.TrailPNR)
}

// SetPosition records where this view's editor is (field and cursor), so
// that reopening the plan resumes there; it is saved with the next
// snapshot. The step in pos is taken only while the meeting has none yet:
// MoveStep moves it for all views, and a view that has not yet heard of
// another's move must not move it back.
func (v *View) SetPosition(pos model.Position) {
	v.must(editing)
	p := v.s.plan
	if p.Position.Step != "" {
		pos.Step = p.Position.Step
	}
	if p.Position != pos {
		p.Position = pos
		v.s.dirty = true
	}
}

// MoveStep moves the meeting to agenda step id, for every view.
func (v *View) MoveStep(id string) {
	v.must(editing)
	p := v.s.plan
	if p.Position.Step == id || p.Status == model.StatusClosed {
		return
	}
	p.Position.Step = id
	v.s.dirty = true
	v.s.rev++
	v.made.StepMoved = true
}

// Dirty tells whether there are edits not yet handed to the saver.
func (v *View) Dirty() bool { v.must(reading); return v.s.dirty }

// Tick hands a snapshot to the saver if anything changed, and reports
// whether it did. Screens call it at least every SaveInterval; it never
// waits for the disk.
func (v *View) Tick() bool { v.must(editing); return v.s.tick() }

// Finalise freezes the draft as a version and hands it to the saver. It
// does not wait for the disk: call Session.Flush from a tea.Cmd to know
// that the version is stored. On failure it returns the findings that
// block it.
func (v *View) Finalise() ([]model.Finding, error) {
	v.must(editing)
	s := v.s
	fs, err := s.plan.Finalise(model.Options{Now: s.now(), Jargon: s.svc.o.Jargon})
	if err != nil {
		return fs, err
	}
	s.markChanged("")
	s.withSave = append(s.withSave, s.event(store.TrailFinalised, ""))
	s.tick()
	v.made.Finalised = true
	return fs, nil
}
