package service

import (
	"context"
	"errors"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/store"
)

// A SIP is documentation the units keep: once a version is finalised, or
// any paper or file of the plan has left the program, it is a record that
// can only be closed (and later culled by the unit's own routine, outside
// the program). A draft that was never finalised and never printed,
// exported or sealed has reached no one: a plan made by mistake (a typo
// in the name, a second plan for the same person) may be removed, after a
// question. Its record goes; its trail stays, ending with who removed it,
// and the file's trail says so too.

// ErrPlanOpen says a plan is open in a meeting of this program.
var ErrPlanOpen = errors.New("service: the plan is open in a meeting")

// ErrNotRemovable says a plan cannot be removed, only closed.
var ErrNotRemovable = errors.New("service: only a draft never finalised, printed, exported or sealed can be removed")

// Removable tells whether plan p may be removed: never finalised, not
// closed, and nothing of it printed, exported or sealed by its trail.
func (s *Service) Removable(ctx context.Context, p *model.Plan) (bool, error) {
	if p.Status != model.StatusDraft || len(p.Versions) > 0 {
		return false, nil
	}
	trail, err := s.db.Trail(p.ID)
	if err != nil {
		return false, err
	}
	for _, e := range trail {
		switch e.Kind {
		case store.TrailPrinted, store.TrailExported, store.TrailSealed:
			return false, nil
		}
	}
	return true, nil
}

// RemovePlan removes a draft plan made by mistake (see Removable), unless
// it is open in a meeting here or, on a shared database, elsewhere.
func (s *Service) RemovePlan(ctx context.Context, ref string) error {
	id, err := s.db.Resolve(ref)
	if err != nil {
		return err
	}
	if open, err := s.settle(ctx, id); err != nil {
		return err
	} else if open != nil {
		return ErrPlanOpen
	}
	return s.withHold(id, func() error {
		p, err := s.db.LoadPlan(id)
		if err != nil {
			return err
		}
		ok, err := s.Removable(ctx, p)
		if err != nil {
			return err
		}
		if !ok {
			return ErrNotRemovable
		}
		sec := ""
		if p.Draft != nil {
			sec = p.Draft.Meeting.Secretary
		}
		return s.db.DeletePlan(id, s.event(store.TrailDeleted, "", sec))
	})
}
