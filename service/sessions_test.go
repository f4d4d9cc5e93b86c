package service

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/store"
)

// slowDisk is the real store with a test hook in its plan saves: a save
// takes 50 ms while slow is set (or, if gate is set before any session
// opens, until gate is closed), and fails while fail is set.
type slowDisk struct {
	store.Store
	slow, fail atomic.Bool
	gate       chan struct{}
}

var errDiskGone = errors.New("the disk went away")

func (d *slowDisk) hook() error {
	if d.fail.Load() {
		return &store.SaveError{Err: errDiskGone}
	}
	if d.slow.Load() {
		if d.gate != nil {
			<-d.gate
		} else {
			time.Sleep(50 * time.Millisecond)
		}
	}
	return nil
}

func (d *slowDisk) SaveBatch(b []store.Submission) error {
	if err := d.hook(); err != nil {
		return err
	}
	return d.Store.SaveBatch(b)
}

func (d *slowDisk) SavePlan(p *model.Plan) error {
	if err := d.hook(); err != nil {
		return err
	}
	return d.Store.SavePlan(p)
}

// openSlow opens a service on a real database slowed by a slowDisk.
func openSlow(t *testing.T) (*Service, *slowDisk) {
	svc := openTest(t, Options{})
	disk := &slowDisk{Store: svc.db}
	svc.db = disk
	return svc, disk
}

// TestReopenWhileClosing closes a meeting whose last save takes 50 ms and
// opens the plan again at once, 200 times, the three ways the screens
// and the commands open a plan. The plan opened is never the text from
// before that save, and there is never a second session beside one still
// closing.
func TestReopenWhileClosing(t *testing.T) {
	svc, disk := openSlow(t)
	p := newPlan(t, svc, "Maja Lind")
	for round := range 200 {
		s, err := svc.OpenSession(context.Background(), p.ID)
		if err != nil {
			t.Fatal(err)
		}
		v := s.Attach()
		want := fmt.Sprintf("Mötet nummer %d.", round)
		v.Edit(func(p *model.Plan) {
			p.Draft.Content.Notes = want
			v.Changed("notes")
		})
		disk.slow.Store(true)
		closed := make(chan Closed, 1)
		go func() { closed <- s.CloseWithin(0, nil) }()
		if round%2 == 0 {
			<-s.closing // within the last save, not before it
		}
		var s2 *Session
		switch round % 3 {
		case 0:
			s2, err = svc.OpenSession(context.Background(), p.ID)
		case 1: // the home screen: Load, then a session on what it read
			var got *model.Plan
			if got, err = svc.Load(context.Background(), p.ID); err == nil {
				if got.Draft.Content.Notes != want {
					t.Fatalf("round %d: Load gave %q, want %q", round, got.Draft.Content.Notes, want)
				}
				s2 = svc.SessionOn(got)
			}
		case 2:
			var got *model.Plan
			if got, err = svc.Load(context.Background(), p.ID); err == nil {
				s2 = svc.SessionOn(got)
			}
		}
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if s2 != s {
			select {
			case <-s.done:
			default:
				t.Fatalf("round %d: a second session while the first is still closing", round)
			}
		}
		var got string
		s2.Attach().Read(func(p *model.Plan) { got = p.Draft.Content.Notes })
		if got != want {
			t.Fatalf("round %d: the reopened plan holds %q, want %q", round, got, want)
		}
		disk.slow.Store(false)
		if res := <-closed; res.Err() != nil {
			t.Fatalf("round %d: closing: %v", round, res.Err())
		}
		if err := s2.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(svc.sessions); n != 0 {
		t.Errorf("%d sessions left in the registry after every one closed", n)
	}
}

// TestOpenWhileOpenSharesTheSession: opening a plan whose meeting is open
// gives that meeting, with its newest text, logged as opened again.
func TestOpenWhileOpenSharesTheSession(t *testing.T) {
	svc := openTest(t, Options{})
	p := newPlan(t, svc, "Maja Lind")
	s, err := svc.OpenSession(context.Background(), p.ID)
	if err != nil {
		t.Fatal(err)
	}
	v := s.Attach()
	v.Edit(func(p *model.Plan) { p.Draft.Content.Notes = "ny text"; v.Changed("notes") })
	s2, err := svc.OpenSession(context.Background(), p.ID[:8])
	if err != nil {
		t.Fatal(err)
	}
	loaded, _ := svc.Load(context.Background(), p.ID)
	if s3 := svc.SessionOn(loaded); s2 != s || s3 != s {
		t.Fatal("a second session was opened on a plan whose session is open")
	}
	if loaded.Draft.Content.Notes != "ny text" {
		t.Errorf("Load of an open plan gave %q, not the meeting's text", loaded.Draft.Content.Notes)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	opened := 0
	for _, k := range trailKinds(t, svc, p.ID) {
		if k == "opened" {
			opened++
		}
	}
	if opened != 3 {
		t.Errorf("the trail has %d openings, want 3", opened)
	}
}

// TestReopenAfterFailedLastSave: when a meeting's last save fails, opening
// the plan again says so while the disk still refuses it, and never starts
// from the older text in the database; once the disk takes it, the
// meeting's text is saved first and its recovery file removed.
func TestReopenAfterFailedLastSave(t *testing.T) {
	svc, disk := openSlow(t)
	p := newPlan(t, svc, "Maja Lind")
	s, err := svc.OpenSession(context.Background(), p.ID)
	if err != nil {
		t.Fatal(err)
	}
	v := s.Attach()
	v.Edit(func(p *model.Plan) { p.Draft.Content.Notes = "det sista"; v.Changed("notes") })
	disk.fail.Store(true)
	res := s.CloseWithin(0, nil)
	if res.Outcome != OutcomeRecovered {
		t.Fatalf("closing gave %+v, want a recovery file", res)
	}
	var ue *UnsavedError
	if _, err := svc.OpenSession(context.Background(), p.ID); !errors.As(err, &ue) || ue.Closed.Recovery != res.Recovery {
		t.Fatalf("OpenSession while the disk refuses gave %v, want an UnsavedError naming the recovery file", err)
	}
	if _, err := svc.Load(context.Background(), p.ID); !errors.As(err, &ue) {
		t.Fatalf("Load while the disk refuses gave %v", err)
	} else if msg := ErrorText(model.English, err); !strings.Contains(msg, res.Recovery) || !strings.Contains(msg, "still cannot") {
		t.Errorf("the message says %q", msg)
	}
	if len(svc.Recoveries()) != 1 {
		t.Fatal("the recovery file is not there")
	}

	disk.fail.Store(false)
	s2, err := svc.OpenSession(context.Background(), p.ID)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	s2.Attach().Read(func(p *model.Plan) {
		if p.Draft.Content.Notes != "det sista" {
			t.Errorf("reopened with %q", p.Draft.Content.Notes)
		}
	})
	stored, err := svc.db.LoadPlan(p.ID)
	if err != nil || stored.Draft.Content.Notes != "det sista" {
		t.Errorf("the database holds %v, %v: the meeting's text was not saved first", stored, err)
	}
	if n := len(svc.Recoveries()); n != 0 {
		t.Errorf("%d recovery files left for text that is saved", n)
	}
}
