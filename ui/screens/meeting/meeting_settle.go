package meeting

// settleField puts the field being typed in its standard form when the
// secretary goes elsewhere without leaving it: a step change, another
// section, ctrl+q. "idag" typed in a date and then ctrl+n would stay a
// word (a finding, and a different day when the plan is opened again);
// "15/1 2027" would keep its error (tryout42a #13, #16). It tells whether
// the plan changed; ctrl+z in the field brings back what was typed.
func (m *Model) settleField() bool {
	if m.Sess.ReadOnly() {
		return false
	}
	changed := false
	switch s := m.Sections[m.Active].(type) {
	case *FormSection:
		changed = s.Form.Settle()
	case *ListSection:
		changed = s.settle()
	}
	if changed {
		m.rev++
		m.Sess.Changed(m.Active)
	}
	return changed
}

// settle puts the row's field being typed in its standard form.
func (s *ListSection) settle() bool {
	return s.Form != nil && s.Form.Settle()
}
