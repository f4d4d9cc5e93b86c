package service

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/store"
)

// Recovery files hold a plan that the database would not take when its
// meeting ended (see Session.CloseWithin). At the next start the screens
// list them with Recoveries and offer each back: Restore saves it in the
// database the normal way and then removes the file; DiscardRecovery
// removes it unused. Both are in the plan's access trail.

// Errors of recovery files, for errors.Is.
var (
	ErrDamagedRecovery = store.ErrDamagedRecovery
	// ErrClosedSince is a recovery of a plan closed since it was written:
	// putting it back would undo the closing (or a withdrawn consent).
	ErrClosedSince = errors.New("service: the plan was closed after the recovery file was written")
)

// Recovery is a recovery file of this database, to offer back.
type Recovery struct {
	Path    string
	PlanID  string
	Person  string // the person's name in the recovered plan
	Written time.Time
	// Base is when the plan the database held was last changed, as the
	// file was written; Stored is when it was last changed now (zero when
	// the database has no such plan).
	Base, Stored time.Time
	// StoredClosed is set when the plan in the database is closed.
	StoredClosed bool
	// Err is why the file cannot be read (damaged, encrypted with no key).
	Err error
}

// ChangedSince tells whether the plan in the database was changed after
// the file was written: putting the file back replaces those changes.
func (r Recovery) ChangedSince() bool { return !r.Stored.IsZero() && !r.Stored.Equal(r.Base) }

// Recoveries lists the recovery files of this database, oldest first, with
// the files that cannot be read (their Err set), so that none is passed
// over in silence. Each plan whose file is read is logged as viewed.
func (s *Service) Recoveries() []Recovery {
	var out []Recovery
	for _, f := range s.db.Recoveries() {
		r := Recovery{Path: f.Path, PlanID: f.Header.Plan, Written: f.Header.Written, Base: f.Header.Base, Err: f.Err}
		if p := f.Plan; p != nil {
			r.Person = p.Person.Name
			if p.ContentHidden() {
				r.Person = ""
			}
			s.log(p.ID, store.TrailViewed, "recovery", "")
		}
		if r.PlanID != "" {
			if stored, err := s.db.LoadPlan(r.PlanID); err == nil {
				r.Stored, r.StoredClosed = stored.UpdatedAt, stored.Status == model.StatusClosed
			}
		}
		out = append(out, r)
	}
	return out
}

// RemoveError says a plan was put back but its recovery file could not be
// removed: it would be offered again.
type RemoveError struct {
	Path string
	Err  error
}

func (e *RemoveError) Error() string { return "service: " + e.Path + ": " + e.Err.Error() }
func (e *RemoveError) Unwrap() error { return e.Err }

// Restore saves the plan of a recovery file in the database, through the
// normal save, logs it, and only then removes the file. A plan closed in
// the database since is not put back (ErrClosedSince): that would undo
// the closing. It returns the plan as saved; with a *RemoveError the plan
// is saved but the file is still there.
func (s *Service) Restore(ctx context.Context, r Recovery) (*model.Plan, error) {
	p, h, err := s.db.ReadRecovery(r.Path)
	if err != nil {
		return nil, err
	}
	if stored, err := s.db.LoadPlan(h.Plan); err == nil &&
		stored.Status == model.StatusClosed && p.Status != model.StatusClosed {
		return nil, ErrClosedSince
	}
	p.UpdatedAt = s.o.Now()
	sec := ""
	if v := p.Current(); v != nil {
		sec = v.Meeting.Secretary
	}
	if err := s.savePlan(p, store.TrailRecovery, "restored", sec); err != nil {
		return nil, err
	}
	if err := s.db.RemoveRecovery(r.Path); err != nil {
		return p, &RemoveError{Path: r.Path, Err: err}
	}
	return p, nil
}

// DiscardRecovery removes a recovery file unused, after the user said so.
func (s *Service) DiscardRecovery(r Recovery) error {
	if err := s.db.RemoveRecovery(r.Path); err != nil {
		return fmt.Errorf("service: %w", &RemoveError{Path: r.Path, Err: err})
	}
	if r.PlanID != "" {
		s.log(r.PlanID, store.TrailRecovery, "discarded", "")
	}
	return nil
}
