package service

import (
	"context"
	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/store"
)

// SaveTold stores who has been told that plan p is closed: the one change
// the store takes on a closed plan (any other is refused there).
func (s *Service) SaveTold(ctx context.Context, p *model.Plan) error {
	return s.savePlan(p, store.TrailChanged, "closure.tell", "")
}

// Findings checks the current version of plan ref (the draft being
// prepared, else the last finalised one) as the finish screen does, with
// the plain-language list, and records the check in the trail.
func (s *Service) Findings(ctx context.Context, ref string) (*model.Plan, *model.Version, []model.Finding, error) {
	p, err := s.Load(ctx, ref)
	if err != nil {
		return nil, nil, nil, err
	}
	v := p.Current()
	if v == nil {
		v = &model.Version{Number: 1}
	}
	if err := s.viewed(p.ID, "findings"); err != nil {
		return nil, nil, nil, err
	}
	fs := model.Validate(p, v, model.Options{Now: s.o.Now(), Jargon: s.o.Jargon})
	return p, v, fs, nil
}
