package ui

// concealForms hides every private field of the meeting again: called
// when the secretary leaves the section, the step or the view, or opens a
// panel over it.
func (m *meetingModel) concealForms() {
	for _, s := range m.sections {
		switch s := s.(type) {
		case *formSection:
			s.f.Conceal()
		case *listSection:
			if s.form != nil {
				s.form.Conceal()
			}
		}
	}
}

// place is where the secretary is: a change of any of it leaves the field.
type place struct {
	active string
	who    viewKind
	step   int
	over   bool
}

func (m *meetingModel) place() place {
	return place{m.active, m.who, m.step, m.over != nil || m.leaveAsk != nil}
}
