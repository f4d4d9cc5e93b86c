package service

import "time"

// Forms being filled in before there is a plan to hold them (the new-plan
// form) are saved as they are typed, like everything else, and given back
// at the next start.

// SaveForm keeps values (any JSON-encodable value) as the draft of form
// name, replacing an earlier one.
func (s *Service) SaveForm(name string, values any, at time.Time) error {
	return s.db.SaveForm(name, values, at)
}

// LoadForm reads the draft of form name into values; ok is false when
// there is none.
func (s *Service) LoadForm(name string, values any) (savedAt time.Time, ok bool, err error) {
	return s.db.LoadForm(name, values)
}

// ClearForm forgets the draft of form name, once it has become a plan or
// the user has thrown it away.
func (s *Service) ClearForm(name string) error { return s.db.ClearForm(name) }
