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

// Examples gives the plans in the file that sipmote demo made: a person
// named as one of model.DemoPlans, marked "(exempel)" or "(example)",
// with the same birth date. Only the list's index is read.
func (s *Service) Examples(ctx context.Context) ([]model.ListEntry, error) {
	names := map[string]string{} // masked personnummer -> name
	for _, p := range model.DemoPlans(s.o.Now()) {
		names[model.MaskPNR(p.Person.PNR)] = p.Person.Name
	}
	entries, err := s.db.Index()
	if err != nil && len(entries) == 0 {
		return nil, err
	}
	var out []model.ListEntry
	for _, e := range entries {
		if n, ok := names[e.PNRMasked]; ok && (e.Person == n+" (exempel)" || e.Person == n+" (example)") {
			out = append(out, e)
		}
	}
	if len(out) > 0 {
		if err := s.listed("demo", len(out)); err != nil {
			return nil, err
		}
	}
	return out, nil
}
