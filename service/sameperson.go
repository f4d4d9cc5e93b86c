package service

import (
	"context"

	"github.com/sipmote/sipmote/model"
)

// SamePerson gives the plans not closed whose person has the personnummer
// pnr, so that a second plan for one person is not made by mistake (a new
// plan after a closed one is how it should be). The list's masked
// personnummer picks the plans to read; only those are read, and each one
// found is recorded as viewed ("same_person") before it is named. An
// empty or invalid pnr finds nothing.
func (s *Service) SamePerson(ctx context.Context, pnr string) ([]model.ListEntry, error) {
	pnr, err := model.NormalisePNR(pnr, s.o.Now())
	if err != nil || pnr == "" {
		return nil, nil
	}
	masked := model.MaskPNR(pnr)
	entries, err := s.db.Index()
	if err != nil && len(entries) == 0 {
		return nil, err
	}
	var out []model.ListEntry
	for _, e := range entries {
		if e.Status == model.StatusClosed || e.ConsentGone || e.PNRMasked != masked {
			continue
		}
		p, err := s.Load(ctx, e.ID)
		if err != nil {
			continue // a plan that cannot be read is check's to report
		}
		if other, err := model.NormalisePNR(p.Person.PNR, s.o.Now()); err != nil || other != pnr {
			continue
		}
		if err := s.viewed(e.ID, "same_person"); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}
